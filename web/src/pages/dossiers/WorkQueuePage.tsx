import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input, Modal, Segmented, Select, Statistic, Table, type TableColumnsType } from 'antd';
import { FileWordOutlined, InboxOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { listProcedures } from '../../api/procedures';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT, type TKey } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useUser } from '../../session/SessionProvider';
import { DOSSIER_UNITS, dossiersApi, type TDossierState, type TDossierSummary } from './dossiersApi';
import { StateTag, UrgencyTag, useDossierLabels } from './labels';
import { NotificationsCard } from './NotificationsCard';
import './dossiers.css';

const OPEN_STATES: TDossierState[] = ['SUBMITTED', 'RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT', 'WITHDRAWAL_REQUESTED', 'PROCESSED'];

type TDeskForm = { procedureCode: string; channel: 'DIRECT' | 'POSTAL'; applicantName: string; applicantIdNumber?: string; applicantAddress: string; applicantPhone?: string; applicantEmail?: string; requestSummary: string; receivedAt?: Dayjs };

/** Sổ theo dõi hồ sơ (Mẫu 06): the dossiers received over a range of days, of one unit or all, as DOCX. */
const RegisterCard = ({ units }: { units: readonly string[] }) => {
  const t = useT();
  const labels = useDossierLabels();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [unit, setUnit] = useState<string | undefined>(undefined);
  return (
    <Card title={t('dossiers.forms.register')} size="small" className="dossier-register">
      <Flex wrap gap="middle" align="center">
        <DatePicker.RangePicker
          aria-label={t('dossiers.forms.registerRange')}
          format="DD/MM/YYYY"
          allowClear={false}
          value={range}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0], v[1]]);
          }}
        />
        <Select
          aria-label={t('dossiers.forms.registerUnit')}
          style={{ minWidth: 240 }}
          allowClear
          placeholder={t('dossiers.forms.registerUnit')}
          value={unit}
          onChange={(v: string | undefined) => setUnit(v)}
          options={units.map((u) => ({ value: u, label: labels.unit(u) }))}
        />
        <Button icon={<FileWordOutlined />} href={dossiersApi.registerUrl({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), unitCode: unit })} download>
          {t('dossiers.forms.registerDownload')}
        </Button>
      </Flex>
    </Card>
  );
};

/** Receipt at the counter (or by post): the dossier gets its code and appointment at once. */
const DeskReceiptModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<TDeskForm>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const procedures = useApiQuery('dossiers:desk-procedures', (signal) => listProcedures({ page: 1, pageSize: 200 }, signal), open);
  const save = async (v: TDeskForm) => {
    setBusy(true);
    setError(null);
    try {
      const d = await dossiersApi.desk({
        ...v,
        applicantIdNumber: v.applicantIdNumber || undefined,
        applicantPhone: v.applicantPhone || undefined,
        applicantEmail: v.applicantEmail || undefined,
        receivedAt: v.receivedAt ? v.receivedAt.format('YYYY-MM-DDTHH:mm:ssZ') : undefined,
      });
      message.success(t('dossiers.desk.done', { code: d.code ?? '' }));
      onClose();
      navigate(`/dossiers/${d.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('dossiers.desk.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('dossiers.desk.save')} confirmLoading={busy} width={720} destroyOnHidden>
      <ApiErrorAlert error={error} />
      <Form<TDeskForm> form={form} layout="vertical" initialValues={{ channel: 'DIRECT' }} onFinish={(v) => void save(v)}>
        <Form.Item name="procedureCode" label={t('dossiers.submit.procedure')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={procedures.loading}
            placeholder={t('dossiers.submit.procedurePlaceholder')}
            options={(procedures.data?.items ?? []).filter((p) => p.status !== 'ABOLISHED').map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('dossiers.desk.channel')}>
          <Segmented options={(['DIRECT', 'POSTAL'] as const).map((c) => ({ value: c, label: t(`dossiers.channels.${c}` as TKey) }))} />
        </Form.Item>
        <Flex gap="middle" wrap>
          <Form.Item name="applicantName" label={t('dossiers.desk.applicantName')} rules={[{ required: true }]} style={{ flex: '1 1 300px' }}>
            <Input />
          </Form.Item>
          <Form.Item name="applicantIdNumber" label={t('dossiers.desk.applicantIdNumber')} style={{ flex: '0 1 200px' }}>
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item name="applicantAddress" label={t('dossiers.desk.applicantAddress')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Flex gap="middle" wrap>
          <Form.Item name="applicantPhone" label={t('dossiers.submit.phone')} style={{ flex: '1 1 200px' }}>
            <Input />
          </Form.Item>
          <Form.Item name="applicantEmail" label={t('dossiers.submit.email')} rules={[{ type: 'email' }]} style={{ flex: '1 1 260px' }}>
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item name="requestSummary" label={t('dossiers.submit.summary')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="receivedAt" label={t('dossiers.desk.receivedAt')} extra={t('dossiers.desk.receivedAtHint')}>
          <DatePicker showTime format="DD/MM/YYYY HH:mm" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Work queue of the officer: open dossiers by unit or assigned to them, overdue and due soon first. */
const WorkQueuePage = () => {
  const t = useT();
  const format = useFormat();
  const labels = useDossierLabels();
  const user = useUser();
  const isIntake = user.role === 'ADMIN' || user.modules.includes('ONE_STOP');
  const seesAll = user.role === 'ADMIN' || user.role === 'LEADER';
  const ownUnits = DOSSIER_UNITS.filter((u) => seesAll || (user.modules as string[]).includes(u));
  const [scope, setScope] = useState<'unit' | 'mine'>('unit');
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const [urgency, setUrgency] = useState<string>('ALL');
  const [state, setState] = useState<TDossierState | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [deskOpen, setDeskOpen] = useState(false);
  const q = { scope, unit: scope === 'unit' ? unit : undefined, urgency: urgency === 'ALL' ? undefined : urgency, state, page };
  const query = useApiQuery(`dossiers:queue:${JSON.stringify(q)}`, (signal) => dossiersApi.queue(q, signal));
  const counts = query.data?.counts;
  const columns: TableColumnsType<TDossierSummary> = [
    { title: t('dossiers.common.code'), key: 'code', width: 230, render: (_, d) => <Link to={`/dossiers/${d.id}`}>{d.code ?? t('dossiers.common.noCode')}</Link> },
    { title: t('dossiers.common.procedure'), dataIndex: 'title', width: 380 },
    { title: t('dossiers.common.applicant'), dataIndex: 'applicantName', width: 220, ellipsis: true },
    { title: t('dossiers.common.state'), key: 'state', width: 180, render: (_, d) => <StateTag state={d.state} /> },
    { title: t('dossiers.common.unit'), key: 'unit', width: 200, render: (_, d) => labels.unit(d.unitCode) },
    {
      title: t('dossiers.common.dueAt'),
      key: 'due',
      width: 220,
      render: (_, d) => (
        <Flex vertical gap={2}>
          <span>{format.dateTime(d.rescheduledDueAt ?? d.dueAt)}</span>
          <UrgencyTag urgency={d.urgency} />
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('dossiers.queue.title')}
        extra={
          isIntake ? (
            <Button type="primary" icon={<InboxOutlined />} onClick={() => setDeskOpen(true)}>
              {t('dossiers.queue.desk')}
            </Button>
          ) : undefined
        }
      />
      <NotificationsCard />
      <Card>
        <Flex wrap gap="middle" align="center" className="dossier-counts">
          <Segmented
            value={scope}
            onChange={(v) => {
              setScope(v as 'unit' | 'mine');
              setPage(1);
            }}
            options={[
              { value: 'unit', label: t('dossiers.queue.scopeUnit') },
              { value: 'mine', label: t('dossiers.queue.scopeMine') },
            ]}
          />
          {scope === 'unit' && (
            <Select
              aria-label={t('dossiers.queue.unit')}
              style={{ minWidth: 240 }}
              allowClear
              placeholder={t('dossiers.queue.allUnits')}
              value={unit}
              onChange={(v: string | undefined) => {
                setUnit(v);
                setPage(1);
              }}
              options={ownUnits.map((u) => ({ value: u, label: labels.unit(u) }))}
            />
          )}
          <Select
            aria-label={t('dossiers.queue.state')}
            style={{ minWidth: 200 }}
            allowClear
            placeholder={t('dossiers.queue.allStates')}
            value={state}
            onChange={(v: TDossierState | undefined) => {
              setState(v);
              setPage(1);
            }}
            options={OPEN_STATES.map((s) => ({ value: s, label: labels.state(s) }))}
          />
          <Segmented
            value={urgency}
            onChange={(v) => {
              setUrgency(String(v));
              setPage(1);
            }}
            options={[
              { value: 'ALL', label: `${t('dossiers.queue.all')} (${counts?.total ?? '…'})` },
              { value: 'OVERDUE', label: `${t('dossiers.queue.overdue')} (${counts?.overdue ?? '…'})` },
              { value: 'DUE_SOON', label: `${t('dossiers.queue.dueSoon')} (${counts?.dueSoon ?? '…'})` },
            ]}
          />
        </Flex>
        <Flex gap="large" wrap className="dossier-counts">
          <Statistic title={t('dossiers.queue.open')} value={counts?.total ?? 0} />
          <Statistic title={t('dossiers.queue.overdue')} value={counts?.overdue ?? 0} valueStyle={{ color: '#cf1322' }} />
          <Statistic title={t('dossiers.queue.dueSoon')} value={counts?.dueSoon ?? 0} valueStyle={{ color: '#d46b08' }} />
        </Flex>
        <ApiErrorAlert error={query.error} onRetry={query.reload} />
        <Table<TDossierSummary>
          rowKey="id"
          size="middle"
          loading={query.loading}
          columns={columns}
          dataSource={query.data?.items ?? []}
          scroll={{ x: 1430 }}
          pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        />
      </Card>
      <RegisterCard units={ownUnits} />
      <DeskReceiptModal open={deskOpen} onClose={() => setDeskOpen(false)} />
    </>
  );
};

export default WorkQueuePage;
