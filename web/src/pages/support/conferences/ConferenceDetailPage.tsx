import { useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, List, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { listPetitions } from '../../../api/petitions';
import { addCommitment, COMMITMENT_STATUSES, getConference, listAgencies, minutesUrl, updateCommitment, type TCommitment, type TCommitmentStatus } from '../../../api/support';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { showFieldErrors } from '../../../components/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { hasPermission, useUser } from '../../../session/SessionProvider';
import { CommitmentStatusTag, isoDate, OverdueTag } from '../labels';
import { ConferenceFormModal } from './ConferenceFormModal';
import '../support.css';

type TCommitmentForm = { content: string; ownerAgencyId: number; deadline: dayjs.Dayjs; status: TCommitmentStatus; progressNote?: string };
const FIELDS = ['content', 'ownerAgencyId', 'deadline', 'status', 'progressNote'] as const;

/** A conference: participants, the follow-up table of commitments, and its minutes as DOCX. */
const ConferenceDetailPage = () => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const canManage = hasPermission(useUser(), 'support.manage');
  const conference = useApiQuery(`support:conference:${id}`, (signal) => getConference(id, signal));
  const agencies = useApiQuery('support:agencies', listAgencies, canManage);
  const raised = useApiQuery(`petitions:conference:${id}`, (signal) => listPetitions({ conferenceId: id, pageSize: 200 }, signal));
  const [editing, setEditing] = useState<{ commitment: TCommitment | null } | null>(null);
  const [editingConference, setEditingConference] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [minutes, setMinutes] = useState({ number: '', secretary: '' });
  const [form] = Form.useForm<TCommitmentForm>();

  useEffect(() => {
    if (!editing) return;
    setError(null);
    form.resetFields();
    const c = editing.commitment;
    form.setFieldsValue(c ? { content: c.content, ownerAgencyId: c.owner.id, deadline: dayjs(c.deadline), status: c.status, progressNote: c.progressNote ?? '' } : { status: 'OPEN' });
  }, [editing, form]);

  const save = async (values: TCommitmentForm) => {
    if (!editing) return;
    setSaving(true);
    setError(null);
    try {
      const body = { content: values.content.trim(), ownerAgencyId: values.ownerAgencyId, deadline: isoDate(values.deadline), status: values.status, progressNote: values.progressNote?.trim() ? values.progressNote.trim() : null };
      if (editing.commitment) await updateCommitment(editing.commitment.id, body);
      else await addCommitment(id, body);
      void message.success(t('support.conferences.commitmentSaved'));
      setEditing(null);
      conference.reload();
    } catch (caught) {
      setError(caught);
      showFieldErrors(form, caught, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const c = conference.data;
  const columns: TableColumnsType<TCommitment> = [
    { key: 'index', title: '#', width: 50, render: (_v, _row, index) => index + 1 },
    { key: 'content', title: t('support.conferences.content'), render: (_v, row) => row.content, onCell: () => ({ style: { minWidth: 260 } }) },
    { key: 'owner', title: t('support.conferences.owner'), width: 170, render: (_v, row) => row.owner.name },
    {
      key: 'deadline',
      title: t('support.conferences.deadline'),
      width: 110,
      render: (_v, row) => (
        <Space direction="vertical" size={2}>
          <span className="support-nowrap">{format.date(row.deadline)}</span>
          {row.isOverdue && <OverdueTag />}
        </Space>
      ),
    },
    { key: 'status', title: t('support.conferences.status'), width: 130, render: (_v, row) => <CommitmentStatusTag status={row.status} /> },
    { key: 'progressNote', title: t('support.conferences.progressNote'), width: 180, render: (_v, row) => row.progressNote ?? '—' },
    ...(canManage
      ? [
          {
            key: 'edit',
            title: t('common.actions'),
            width: 80,
            render: (_v: unknown, row: TCommitment) => <Button size="small" icon={<EditOutlined />} aria-label={`${t('support.conferences.editCommitment')}: ${row.content}`} onClick={() => setEditing({ commitment: row })} />,
          },
        ]
      : []),
  ];

  return (
    <>
      <Link to="/support/conferences" className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('support.conferences.back')}
      </Link>
      <PageHeader
        title={c ? c.topic : t('support.conferences.title')}
        extra={
          canManage &&
          c && (
            <Button icon={<EditOutlined />} onClick={() => setEditingConference(true)}>
              {t('common.edit')}
            </Button>
          )
        }
      />
      {conference.error && <ApiErrorAlert error={conference.error} onRetry={conference.reload} />}
      {c && (
        <Flex vertical gap="middle">
          <Card>
            <Descriptions
              bordered
              size="small"
              column={1}
              styles={{ label: { width: 180 } }}
              items={[
                { key: 'heldOn', label: t('support.conferences.heldOn'), children: format.date(c.heldOn) },
                { key: 'chair', label: t('support.conferences.chair'), children: c.chair },
                { key: 'location', label: t('support.conferences.location'), children: c.location ?? '—' },
                { key: 'agencies', label: t('support.conferences.agencies'), children: c.agencies.length ? <Space wrap size={[0, 4]}>{c.agencies.map((a) => <Tag key={a.id}>{a.name}</Tag>)}</Space> : '—' },
                { key: 'summary', label: t('support.conferences.summary'), children: <span className="support-summary">{c.summary ?? '—'}</span> },
              ]}
            />
          </Card>
          <Card
            title={<Typography.Title level={2} className="card-title">{t('support.conferences.commitments')}</Typography.Title>}
            extra={
              canManage && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ commitment: null })}>
                  {t('support.conferences.addCommitment')}
                </Button>
              )
            }
          >
            <Table<TCommitment>
              rowKey="id"
              size="middle"
              className="support-commitments-table"
              columns={columns}
              dataSource={c.commitments}
              pagination={false}
              scroll={{ x: 980 }}
              rowClassName={(row) => (row.isOverdue ? 'support-overdue' : '')}
              locale={{ emptyText: t('support.conferences.noCommitments') }}
            />
          </Card>
          <Card title={<Typography.Title level={2} className="card-title">{t('support.conferences.minutes')}</Typography.Title>}>
            <Flex gap="small" wrap align="end">
              <label>
                {t('support.conferences.minutesNumber')}
                <Input value={minutes.number} onChange={(e) => setMinutes({ ...minutes, number: e.target.value })} placeholder="12/BB-SCT" style={{ width: 160, display: 'block' }} />
              </label>
              <label>
                {t('support.conferences.secretary')}
                <Input value={minutes.secretary} onChange={(e) => setMinutes({ ...minutes, secretary: e.target.value })} style={{ width: 240, display: 'block' }} />
              </label>
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                href={minutesUrl(c.id, { number: /^\d{1,4}\/[A-ZĐ-]+$/.test(minutes.number.trim()) ? minutes.number.trim() : undefined, secretary: minutes.secretary.trim().length >= 3 ? minutes.secretary.trim() : undefined })}
                download
              >
                {t('support.conferences.minutes')}
              </Button>
            </Flex>
          </Card>
          <Card title={<Typography.Title level={2} className="card-title">{t('support.conferences.petitions')}</Typography.Title>}>
            <List
              size="small"
              dataSource={raised.data?.items ?? []}
              locale={{ emptyText: t('support.conferences.noPetitions') }}
              renderItem={(p) => (
                <List.Item>
                  <Link to={`/petitions/${p.id}`}>{`${p.code} — ${p.subject}`}</Link> <Typography.Text type="secondary">{`${p.enterprise.name} · ${t(`petitions.states.${p.state}`)}`}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <Card title={<Typography.Title level={2} className="card-title">{t('support.conferences.enterprises')}</Typography.Title>}>
            <List
              size="small"
              dataSource={c.enterprises}
              locale={{ emptyText: '—' }}
              renderItem={(e) => (
                <List.Item>
                  <Link to={`/enterprises/${e.id}`}>{e.name}</Link> <Typography.Text type="secondary">{t('support.conferences.taxCode', { code: e.taxCode })}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Flex>
      )}
      <Modal
        open={editing !== null}
        title={editing?.commitment ? t('support.conferences.editCommitment') : t('support.conferences.addCommitment')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        forceRender
        width={640}
      >
        <Form<TCommitmentForm> form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="content" label={t('support.conferences.content')} rules={[{ required: true, whitespace: true, min: 5, message: t('common.requiredField', { field: t('support.conferences.content').toLowerCase() }) }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="ownerAgencyId" label={t('support.conferences.owner')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('support.conferences.owner').toLowerCase() }) }]}>
            <Select showSearch optionFilterProp="label" options={(agencies.data?.items ?? []).filter((a) => a.isActive).map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
          <Space wrap size="middle">
            <Form.Item name="deadline" label={t('support.conferences.deadline')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('support.conferences.deadline').toLowerCase() }) }]}>
              <DatePicker format={format.datePickerFormat} />
            </Form.Item>
            <Form.Item name="status" label={t('support.conferences.status')}>
              <Select style={{ width: 180 }} options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`support.commitmentStatus.${s}`) }))} />
            </Form.Item>
          </Space>
          <Form.Item name="progressNote" label={t('support.conferences.progressNote')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {error !== null && <ApiErrorAlert error={error} fields={FIELDS} />}
        </Form>
      </Modal>
      {editingConference && c && (
        <ConferenceFormModal
          conference={c}
          onClose={() => setEditingConference(false)}
          onSaved={() => {
            setEditingConference(false);
            conference.reload();
          }}
        />
      )}
    </>
  );
};

export default ConferenceDetailPage;
