import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT, type TKey } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { DOSSIER_UNITS, dossiersApi, type TAttachment, type TDossierDetail, type TDossierUnit, type TSlipKind, type TTransition } from './dossiersApi';
import { StateTag, TimelinessTag, UrgencyTag, useDossierLabels } from './labels';
import './dossiers.css';

const NEEDS_REASON: TTransition[] = ['refuse_intake', 'request_supplement', 'refuse', 'request_withdrawal', 'stop'];
const NEEDS_FILES: Partial<Record<TTransition, string>> = { complete_supplement: 'SUPPLEMENT', approve: 'RESULT' };
const DANGER: TTransition[] = ['refuse_intake', 'refuse', 'stop', 'request_withdrawal'];

type TActionForm = { reason?: string; unitCode?: TDossierUnit; assigneeId?: number; stepDays?: number; items?: string; feeVnd?: number; paidOnline?: boolean; receivedAt?: Dayjs };

/** The form of one transition: only the fields that transition uses. */
const TransitionModal = ({ dossier, transition, onClose, onDone }: { dossier: TDossierDetail; transition: TTransition | null; onClose: () => void; onDone: (d: TDossierDetail) => void }) => {
  const t = useT();
  const labels = useDossierLabels();
  const [form] = Form.useForm<TActionForm>();
  const [files, setFiles] = useState<TAttachment[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const units = useApiQuery('dossiers:units', (signal) => dossiersApi.units(signal), transition === 'transfer');
  const unitCode = Form.useWatch('unitCode', form);
  if (!transition) return null;
  const purpose = NEEDS_FILES[transition];
  const run = async (v: TActionForm) => {
    setBusy(true);
    setError(null);
    try {
      const d = await dossiersApi.transition(dossier.id, {
        transition,
        reason: v.reason?.trim() || undefined,
        attachmentIds: files.length ? files.map((f) => f.id) : undefined,
        unitCode: v.unitCode,
        assigneeId: v.assigneeId,
        stepDays: v.stepDays ?? undefined,
        items: v.items ? v.items.split('\n').map((s) => s.trim()).filter(Boolean) : undefined,
        feeVnd: v.feeVnd ?? undefined,
        paidOnline: v.paidOnline,
        receivedAt: v.receivedAt ? v.receivedAt.format('YYYY-MM-DDTHH:mm:ssZ') : undefined,
      });
      setFiles([]);
      onDone(d);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const upload = async (file: File) => {
    if (!purpose) return;
    try {
      const added = await dossiersApi.upload(dossier.id, file, purpose, file.name);
      setFiles((previous) => [...previous, added]);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal open title={labels.transition(transition)} onCancel={onClose} onOk={() => form.submit()} okText={t('dossiers.detail.confirm')} okButtonProps={{ danger: DANGER.includes(transition) }} confirmLoading={busy} destroyOnHidden>
      <ApiErrorAlert error={error} fields={['body.reason']} />
      <Form<TActionForm> form={form} layout="vertical" initialValues={{ feeVnd: dossier.feeVnd || undefined, paidOnline: false, unitCode: dossier.suggestedUnitCode && dossier.suggestedUnitCode !== 'ONE_STOP' ? dossier.suggestedUnitCode : undefined }} onFinish={(v) => void run(v)}>
        {transition === 'receive' && (
          <Form.Item name="receivedAt" label={t('dossiers.detail.receivedAt')} extra={t('dossiers.desk.receivedAtHint')}>
            <DatePicker showTime format="DD/MM/YYYY HH:mm" />
          </Form.Item>
        )}
        {transition === 'transfer' && (
          <>
            <Form.Item name="unitCode" label={t('dossiers.detail.unitTo')} rules={[{ required: true }]}>
              <Select options={DOSSIER_UNITS.filter((u) => u !== 'ONE_STOP').map((u) => ({ value: u, label: labels.unit(u) }))} />
            </Form.Item>
            <Form.Item name="assigneeId" label={t('dossiers.detail.assignee')}>
              <Select allowClear loading={units.loading} options={(units.data?.items.find((u) => u.code === unitCode)?.officers ?? []).map((o) => ({ value: o.id, label: o.displayName }))} />
            </Form.Item>
            <Form.Item name="stepDays" label={t('dossiers.detail.stepDays')}>
              <InputNumber min={1} max={365} />
            </Form.Item>
          </>
        )}
        {transition === 'request_supplement' && (
          <Form.Item name="items" label={t('dossiers.detail.items')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {transition === 'request_payment' && (
          <Form.Item name="feeVnd" label={t('dossiers.detail.feeVnd')} rules={[{ required: true }]}>
            <InputNumber min={1} step={10000} style={{ width: 220 }} />
          </Form.Item>
        )}
        {transition === 'confirm_payment' && (
          <Form.Item name="paidOnline" valuePropName="checked">
            <Checkbox>{t('dossiers.detail.paidOnline')}</Checkbox>
          </Form.Item>
        )}
        {NEEDS_REASON.includes(transition) && (
          <Form.Item name="reason" label={t('dossiers.detail.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {purpose && (
          <Form.Item label={t('dossiers.detail.attachFiles')}>
            <Upload
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('dossiers.submit.upload')}</Button>
            </Upload>
            {files.map((f) => (
              <div key={f.id}>{f.fileName}</div>
            ))}
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};

type TEvaluationForm = { contactsCount: 0 | 1 | 2; agenciesContacted: string; hadComplaint: boolean; satisfaction: string; comment?: string };

/** The applicant's evaluation (TT 01/2018) and the nine indicators. */
const EvaluationCard = ({ dossier, onDone }: { dossier: TDossierDetail; onDone: (d: TDossierDetail) => void }) => {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!dossier.canEvaluate && !dossier.evaluation) return null;
  const send = async (v: TEvaluationForm) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await dossiersApi.evaluate(dossier.id, { ...v, comment: v.comment?.trim() || undefined }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const scores = dossier.evaluation?.scores ?? {};
  return (
    <Card title={t('dossiers.evaluate.title')}>
      <Typography.Paragraph type="secondary">{t('dossiers.evaluate.intro')}</Typography.Paragraph>
      <ApiErrorAlert error={error} />
      {dossier.evaluation ? (
        <Table
          size="small"
          pagination={false}
          rowKey="n"
          dataSource={['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => ({ n }))}
          columns={[
            { title: '#', dataIndex: 'n', width: 40 },
            { title: t('dossiers.evaluate.indicator'), key: 'name', render: (_, r) => t(`dossiers.evaluate.indicators.${r.n}` as TKey) },
            {
              title: t('dossiers.evaluate.score'),
              key: 'score',
              width: 160,
              render: (_, r) => (['5', '6', '8', '9'].includes(r.n) ? <Typography.Text type="secondary">{t('dossiers.evaluate.perAgency')}</Typography.Text> : (scores[r.n] ?? '—')),
            },
          ]}
        />
      ) : (
        <Form<TEvaluationForm> layout="vertical" initialValues={{ contactsCount: 0, agenciesContacted: 'NONE', hadComplaint: false, satisfaction: 'SATISFIED' }} onFinish={(v) => void send(v)}>
          <Form.Item name="contactsCount" label={t('dossiers.evaluate.contacts')}>
            <Radio.Group options={[0, 1, 2].map((n) => ({ value: n, label: t(`dossiers.evaluate.contacts${n}` as TKey) }))} />
          </Form.Item>
          <Form.Item name="agenciesContacted" label={t('dossiers.evaluate.agencies')}>
            <Radio.Group options={['NONE', 'ONE_STOP_ONLY', 'SEVERAL'].map((v) => ({ value: v, label: t(`dossiers.evaluate.${v}` as TKey) }))} />
          </Form.Item>
          <Form.Item name="satisfaction" label={t('dossiers.evaluate.satisfaction')}>
            <Segmented options={['SATISFIED', 'NEUTRAL', 'DISSATISFIED'].map((v) => ({ value: v, label: t(`dossiers.evaluate.${v}` as TKey) }))} />
          </Form.Item>
          <Form.Item name="hadComplaint" valuePropName="checked">
            <Checkbox>{t('dossiers.evaluate.complaint')}</Checkbox>
          </Form.Item>
          <Form.Item name="comment" label={t('dossiers.evaluate.comment')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('dossiers.evaluate.send')}
          </Button>
        </Form>
      )}
    </Card>
  );
};

/** A dossier: data, deadlines, actions allowed now, slips, history, steps, files, comments, evaluation. */
const DossierDetailPage = () => {
  const t = useT();
  const format = useFormat();
  const labels = useDossierLabels();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const query = useApiQuery(`dossiers:detail:${id}`, (signal) => dossiersApi.get(id, signal));
  const [override, setOverride] = useState<TDossierDetail | null>(null);
  const [action, setAction] = useState<TTransition | null>(null);
  const [rescheduling, setRescheduling] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [comment, setComment] = useState('');
  const [visibility, setVisibility] = useState<'PUBLIC' | 'INTERNAL'>('PUBLIC');
  const [rescheduleForm] = Form.useForm<{ newDueDate: Dayjs; reason: string }>();
  const [assigning, setAssigning] = useState(false);
  const [assignForm] = Form.useForm<{ assigneeId: number; stepDays?: number; reason?: string }>();
  const units = useApiQuery('dossiers:units', (signal) => dossiersApi.units(signal), assigning);
  const d = override && override.id === id ? override : query.data;
  const updated = (next: TDossierDetail) => {
    setOverride(next);
    setAction(null);
    setRescheduling(false);
    setAssigning(false);
    message.success(t('dossiers.detail.done'));
  };
  if (!d) {
    return (
      <>
        <PageHeader title={t('dossiers.detail.title', { code: '…' })} />
        <ApiErrorAlert error={query.error} onRetry={query.reload} />
      </>
    );
  }
  const isStaff = !d.isApplicant;
  const sendComment = async () => {
    setError(null);
    try {
      updated(await dossiersApi.comment(d.id, { visibility: isStaff ? visibility : 'PUBLIC', body: comment }));
      setComment('');
    } catch (e) {
      setError(e);
    }
  };
  const reschedule = async (v: { newDueDate: Dayjs; reason: string }) => {
    setError(null);
    try {
      updated(await dossiersApi.reschedule(d.id, { newDueDate: v.newDueDate.format('YYYY-MM-DD'), reason: v.reason }));
    } catch (e) {
      setError(e);
    }
  };
  const assign = async (v: { assigneeId: number; stepDays?: number; reason?: string }) => {
    setError(null);
    try {
      updated(await dossiersApi.assign(d.id, { assigneeId: v.assigneeId, stepDays: v.stepDays ?? undefined, reason: v.reason?.trim() || undefined }));
    } catch (e) {
      setError(e);
    }
  };
  const upload = async (file: File) => {
    setError(null);
    try {
      await dossiersApi.upload(d.id, file, isStaff ? 'OTHER' : 'SUPPLEMENT', file.name);
      message.success(t('dossiers.detail.uploaded'));
      setOverride(await dossiersApi.get(d.id));
    } catch (e) {
      setError(e);
    }
  };
  const slip = (kind: TSlipKind, label: string) => (
    <Button key={kind} icon={<FileWordOutlined />} href={dossiersApi.slipUrl(d.id, kind)} download>
      {label}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('dossiers.detail.title', { code: d.code ?? t('dossiers.common.noCode') })}
        extra={
          <Link to={d.isApplicant ? '/my-dossiers' : '/dossiers'}>
            <ArrowLeftOutlined aria-hidden /> {t('dossiers.detail.back')}
          </Link>
        }
      />
      <ApiErrorAlert error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card title={t('dossiers.detail.info')} extra={<Space><StateTag state={d.state} /><UrgencyTag urgency={d.urgency} /></Space>}>
              <Descriptions size="small" column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 2 }} bordered>
                <Descriptions.Item label={t('dossiers.common.procedure')} span={2}>
                  {d.procedureCode} — {d.title}
                </Descriptions.Item>
                <Descriptions.Item label={t('dossiers.common.channel')}>{labels.channel(d.channel)}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.common.unit')}>
                  {labels.unit(d.unitCode)}
                  {d.assigneeName ? ` — ${d.assigneeName}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('dossiers.common.submittedAt')}>{format.dateTime(d.submittedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.common.receivedAt')}>{format.dateTime(d.receivedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.detail.legalTime')}>{d.legalTime ? t(`procedures.units.${d.legalTime.unit}` as TKey, { value: d.legalTime.value }) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.detail.firstDueAt')}>{format.dateTime(d.firstDueAt)}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.common.dueAt')}>{format.dateTime(d.dueAt)}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.common.rescheduledDueAt')}>{format.dateTime(d.rescheduledDueAt)}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.detail.fee')}>{d.feeVnd ? `${format.number(d.feeVnd)} đ` : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.common.finishedAt')}>
                  {format.dateTime(d.finishedAt)} {d.result ? `(${t(`dossiers.results.${d.result}` as TKey)})` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('dossiers.common.timelinessLegal')}>
                  <TimelinessTag value={d.timelinessLegal} />
                </Descriptions.Item>
                <Descriptions.Item label={t('dossiers.common.timelinessPortal')}>
                  <TimelinessTag value={d.timelinessPortal} />
                </Descriptions.Item>
              </Descriptions>
              {d.apology && (
                <Typography.Paragraph type="warning" style={{ marginTop: 12 }}>
                  {t('dossiers.detail.apology', { date: format.dateTime(d.apology.at), reason: d.apology.reason })}
                </Typography.Paragraph>
              )}
            </Card>
            <Card title={t('dossiers.detail.applicant')}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('dossiers.desk.applicantName')}>{d.applicant.name}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.desk.applicantIdNumber')}>{d.applicant.idNumber ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.desk.applicantAddress')} span={2}>
                  {d.applicant.address}
                </Descriptions.Item>
                <Descriptions.Item label={t('dossiers.submit.phone')}>{d.applicant.phone ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.submit.email')}>{d.applicant.email ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('dossiers.detail.request')} span={2}>
                  {d.requestSummary}
                </Descriptions.Item>
              </Descriptions>
              <Table
                size="small"
                pagination={false}
                rowKey="name"
                dataSource={d.components}
                columns={[
                  { title: t('dossiers.detail.components'), dataIndex: 'name' },
                  { title: t('dossiers.detail.originals'), dataIndex: 'originals', width: 100 },
                  { title: t('dossiers.detail.copies'), dataIndex: 'copies', width: 100 },
                ]}
              />
            </Card>
            <Card title={t('dossiers.detail.timeline')}>
              <Timeline
                className="dossier-timeline"
                items={d.events
                  .filter((e) => e.kind !== 'ATTACH')
                  .map((e) => ({
                    color: e.transition && ['refuse_intake', 'refuse', 'stop'].includes(e.transition) ? 'red' : e.kind === 'RESCHEDULE' ? 'orange' : e.toState === 'RETURNED' || e.toState === 'PROCESSED' ? 'green' : 'blue',
                    children: (
                      <>
                        <Typography.Text strong>{labels.transition(e.transition ?? e.kind)}</Typography.Text>
                        {e.toState && e.toState !== e.fromState ? ` → ${labels.state(e.toState)}` : ''}
                        <div>
                          <Typography.Text type="secondary">
                            {format.dateTime(e.at)} · {e.unitCode ? `${labels.unit(e.unitCode)} · ` : ''}
                            {e.actorName}
                          </Typography.Text>
                        </div>
                        {e.reason && <div>{t('dossiers.detail.reason')}: {e.reason}</div>}
                      </>
                    ),
                  }))}
              />
            </Card>
            {d.steps.length > 0 && (
              <Card title={t('dossiers.detail.steps')}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="seq"
                  dataSource={d.steps}
                  columns={[
                    { title: '#', dataIndex: 'seq', width: 40 },
                    { title: t('dossiers.detail.stepUnit'), dataIndex: 'unitCode', render: (u: string) => labels.unit(u) },
                    { title: t('dossiers.detail.stepStarted'), dataIndex: 'startedAt', render: (v: string) => format.dateTime(v) },
                    { title: t('dossiers.detail.stepDue'), dataIndex: 'dueAt', render: (v: string | null) => format.dateTime(v) },
                    { title: t('dossiers.detail.stepFinished'), dataIndex: 'finishedAt', render: (v: string | null) => format.dateTime(v) },
                  ]}
                />
                {d.pauses.length > 0 && (
                  <List
                    header={<Typography.Text strong>{t('dossiers.detail.pauses')}</Typography.Text>}
                    size="small"
                    dataSource={d.pauses}
                    renderItem={(p) => (
                      <List.Item>
                        {labels.transition(p.kind === 'SUPPLEMENT' ? 'request_supplement' : 'request_payment')}: {format.dateTime(p.startedAt)} → {format.dateTime(p.endedAt)}
                        {p.reason ? ` — ${p.reason}` : ''}
                        {p.items.length ? ` (${p.items.join('; ')})` : ''}
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card title={t('dossiers.detail.actions')}>
              {d.allowedTransitions.length === 0 && !d.canReschedule && <Typography.Text type="secondary">{t('dossiers.detail.noActions')}</Typography.Text>}
              <Flex wrap gap="small">
                {d.allowedTransitions.map((name) => (
                  <Button key={name} type={DANGER.includes(name) ? 'default' : 'primary'} danger={DANGER.includes(name)} onClick={() => setAction(name)}>
                    {labels.transition(name)}
                  </Button>
                ))}
                {d.canAssign && <Button onClick={() => setAssigning(true)}>{t('dossiers.detail.assign')}</Button>}
                {d.canReschedule && <Button onClick={() => setRescheduling(true)}>{t('dossiers.detail.reschedule')}</Button>}
              </Flex>
            </Card>
            {(d.slips.receipt || d.slips.supplement || d.slips.apology || d.slips.refusal || d.slips.control) && (
              <Card title={t('dossiers.detail.slips')}>
                <Flex vertical gap="small" align="flex-start">
                  {d.slips.receipt && slip('receipt', t('dossiers.detail.receiptSlip'))}
                  {d.slips.supplement && slip('supplement', t('dossiers.detail.supplementSlip'))}
                  {d.slips.refusal && slip('refusal', t('dossiers.forms.refusalSlip'))}
                  {d.slips.apology && slip('apology', t('dossiers.detail.apologySlip'))}
                  {d.slips.control && slip('control', t('dossiers.forms.controlSlip'))}
                </Flex>
              </Card>
            )}
            <Card title={t('dossiers.detail.files')}>
              <List
                size="small"
                dataSource={d.attachments}
                renderItem={(f) => (
                  <List.Item actions={[<a key="dl" href={dossiersApi.attachmentUrl(d.id, f.id)} aria-label={`${t('dossiers.common.download')} ${f.fileName}`}><DownloadOutlined /></a>]}>
                    <List.Item.Meta title={f.fileName} description={`${t(`dossiers.detail.purposes.${f.purpose}` as TKey)} · ${format.dateTime(f.uploadedAt)}`} />
                  </List.Item>
                )}
              />
              {(isStaff || d.state === 'SUPPLEMENT_REQUESTED') && (
                <Upload
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} style={{ marginTop: 8 }}>
                    {t('dossiers.detail.upload')}
                  </Button>
                </Upload>
              )}
            </Card>
            <Card title={t('dossiers.detail.comments')}>
              <List
                size="small"
                dataSource={d.comments}
                renderItem={(c) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${c.authorName}${c.visibility === 'INTERNAL' ? ` · ${t('dossiers.detail.commentInternal')}` : ''}`}
                      description={
                        <>
                          <div>{c.body}</div>
                          <Typography.Text type="secondary">{format.dateTime(c.createdAt)}</Typography.Text>
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
              <Flex vertical gap="small" style={{ marginTop: 8 }}>
                {isStaff && (
                  <Segmented
                    value={visibility}
                    onChange={(v) => setVisibility(v as 'PUBLIC' | 'INTERNAL')}
                    options={[
                      { value: 'PUBLIC', label: t('dossiers.detail.commentPublic') },
                      { value: 'INTERNAL', label: t('dossiers.detail.commentInternal') },
                    ]}
                  />
                )}
                <Input.TextArea aria-label={t('dossiers.detail.comments')} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
                <Button disabled={!comment.trim()} onClick={() => void sendComment()} style={{ alignSelf: 'flex-start' }}>
                  {t('dossiers.detail.addComment')}
                </Button>
              </Flex>
            </Card>
            <EvaluationCard dossier={d} onDone={updated} />
          </Flex>
        </Col>
      </Row>
      <TransitionModal dossier={d} transition={action} onClose={() => setAction(null)} onDone={updated} />
      <Modal open={assigning} title={t('dossiers.detail.assign')} onCancel={() => setAssigning(false)} onOk={() => assignForm.submit()} okText={t('dossiers.detail.confirm')} destroyOnHidden>
        <Form form={assignForm} layout="vertical" onFinish={(v) => void assign(v)}>
          <Form.Item name="assigneeId" label={t('dossiers.detail.assignee')} rules={[{ required: true }]}>
            <Select loading={units.loading} options={(units.data?.items.find((u) => u.code === d.unitCode)?.officers ?? []).map((o) => ({ value: o.id, label: o.displayName }))} />
          </Form.Item>
          <Form.Item name="stepDays" label={t('dossiers.detail.stepDays')}>
            <InputNumber min={1} max={365} />
          </Form.Item>
          <Form.Item name="reason" label={t('dossiers.detail.reason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={rescheduling} title={t('dossiers.detail.reschedule')} onCancel={() => setRescheduling(false)} onOk={() => rescheduleForm.submit()} okText={t('dossiers.detail.confirm')} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('dossiers.detail.rescheduleHint')}</Typography.Paragraph>
        <Form form={rescheduleForm} layout="vertical" onFinish={(v) => void reschedule(v)}>
          <Form.Item name="newDueDate" label={t('dossiers.detail.newDueDate')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="reason" label={t('dossiers.detail.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};

export default DossierDetailPage;
