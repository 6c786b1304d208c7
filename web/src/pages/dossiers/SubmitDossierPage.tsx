import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, List, Select, Steps, Typography, Upload } from 'antd';
import { PaperClipOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { listProcedures } from '../../api/procedures';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { dossiersApi, type TAttachment, type TDossierDetail } from './dossiersApi';
import './dossiers.css';

type TDraftForm = { procedureCode: string; requestSummary: string; applicantPhone?: string; applicantEmail?: string };

/** Online submission: create the draft, attach the components one by one, submit. */
const SubmitDossierPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<TDraftForm>();
  const [draft, setDraft] = useState<TDossierDetail | null>(null);
  const [files, setFiles] = useState<TAttachment[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const procedures = useApiQuery('dossiers:procedures', (signal) => listProcedures({ page: 1, pageSize: 200 }, signal));
  const online = (procedures.data?.items ?? []).filter((p) => p.status !== 'ABOLISHED' && p.onlineServiceLevel !== 'NONE');

  const create = async (values: TDraftForm) => {
    setBusy(true);
    setError(null);
    try {
      setDraft(await dossiersApi.createDraft({ ...values, applicantPhone: values.applicantPhone || undefined, applicantEmail: values.applicantEmail || undefined }));
      message.success(t('dossiers.submit.created'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    if (!draft) return;
    setError(null);
    try {
      const added = await dossiersApi.upload(draft.id, file, 'COMPONENT', file.name);
      setFiles((previous) => [...previous, added]);
    } catch (e) {
      setError(e);
    }
  };

  const submit = async () => {
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      const sent = await dossiersApi.transition(draft.id, { transition: 'submit' });
      message.success(t('dossiers.submit.sent'));
      navigate(`/dossiers/${sent.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('dossiers.submit.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('dossiers.submit.intro')}</Typography.Paragraph>
        <Steps
          size="small"
          current={draft ? 1 : 0}
          className="dossier-steps"
          items={[{ title: t('dossiers.submit.create') }, { title: t('dossiers.submit.components') }, { title: t('dossiers.submit.send') }]}
        />
        <ApiErrorAlert error={error} fields={['body.procedureCode', 'body.requestSummary']} />
        <Form<TDraftForm> form={form} layout="vertical" onFinish={(v) => void create(v)} disabled={draft !== null} style={{ maxWidth: 760, marginTop: 16 }}>
          <Form.Item name="procedureCode" label={t('dossiers.submit.procedure')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={procedures.loading}
              placeholder={t('dossiers.submit.procedurePlaceholder')}
              options={online.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
            />
          </Form.Item>
          <Form.Item name="requestSummary" label={t('dossiers.submit.summary')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Flex gap="middle" wrap>
            <Form.Item name="applicantPhone" label={t('dossiers.submit.phone')} style={{ minWidth: 240 }}>
              <Input />
            </Form.Item>
            <Form.Item name="applicantEmail" label={t('dossiers.submit.email')} rules={[{ type: 'email' }]} style={{ minWidth: 300 }}>
              <Input />
            </Form.Item>
          </Flex>
          {!draft && (
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('dossiers.submit.create')}
            </Button>
          )}
        </Form>
        {draft && (
          <div style={{ maxWidth: 760, marginTop: 24 }}>
            <Typography.Title level={2} className="dossier-section-title">
              {t('dossiers.submit.components')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('dossiers.submit.componentsHint')}</Typography.Paragraph>
            <List
              size="small"
              bordered
              dataSource={draft.components}
              renderItem={(c) => (
                <List.Item>
                  {c.name} ({t('dossiers.detail.originals')}: {c.originals}, {t('dossiers.detail.copies')}: {c.copies})
                </List.Item>
              )}
            />
            <Flex vertical gap="small" style={{ marginTop: 12 }}>
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
                <Typography.Text key={f.id}>
                  <PaperClipOutlined aria-hidden /> {f.fileName} ({Math.ceil(f.sizeBytes / 1024)} KB)
                </Typography.Text>
              ))}
              <Button type="primary" icon={<SendOutlined />} disabled={files.length === 0} loading={busy} onClick={() => void submit()} style={{ alignSelf: 'flex-start', marginTop: 8 }}>
                {t('dossiers.submit.send')}
              </Button>
            </Flex>
          </div>
        )}
      </Card>
    </>
  );
};

export default SubmitDossierPage;
