import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../../api/client';
import { importDecisionFile, type TCatalogueImportResult } from '../../../api/procedures';
import { useT } from '../../../i18n/I18nProvider';

type TFields = { number: string; signedOn: Dayjs; issuer: string; note?: string };

/**
 * Records a publication decision from a CSV/XLSX file with one procedure per row: check first
 * (every problem with its row and column), then record (all or nothing).
 */
export const ImportDecisionModal = ({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) => {
  const t = useT();
  const [form] = Form.useForm<TFields>();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TCatalogueImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    const values = await form.validateFields();
    if (!file) {
      setError(t('procedures.import.noFile'));
      return;
    }
    const data = new FormData();
    data.append('number', values.number);
    data.append('signedOn', values.signedOn.format('YYYY-MM-DD'));
    data.append('issuer', values.issuer);
    if (values.note) data.append('note', values.note);
    data.append('file', file);
    setBusy(true);
    setError(null);
    try {
      const answer = await importDecisionFile(data, dryRun);
      setResult(answer);
      if (!dryRun && answer.decisionId) onDone();
    } catch (e) {
      if (e instanceof ApiError && e.details && typeof e.details === 'object' && 'errors' in e.details) setResult(e.details as TCatalogueImportResult);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const isRecorded = Boolean(result && !result.dryRun && result.decisionId);
  return (
    <Modal
      open={open}
      title={t('procedures.import.title')}
      width={820}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('procedures.import.close')}</Button>
          <Button onClick={() => void run(true)} loading={busy} disabled={isRecorded}>
            {t('procedures.import.check')}
          </Button>
          <Button type="primary" onClick={() => void run(false)} loading={busy} disabled={isRecorded || !result || result.errors.length > 0 || !result.dryRun}>
            {t('procedures.import.record')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('procedures.import.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ issuer: t('procedures.publish.defaultIssuer') }} onValuesChange={() => setResult(null)}>
        <Space wrap align="start">
          <Form.Item name="number" label={t('procedures.decisions.number')} rules={[{ required: true, min: 3, message: t('procedures.publish.numberMin') }]}>
            <Input placeholder={t('procedures.publish.numberHint')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="signedOn" label={t('procedures.decisions.signedOn')} rules={[{ required: true, message: t('procedures.import.signedOnRequired') }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="issuer" label={t('procedures.decisions.issuer')} rules={[{ required: true, min: 3, message: t('procedures.publish.issuerMin') }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('procedures.publish.note')}>
          <Input />
        </Form.Item>
      </Form>
      <Upload
        accept=".csv,.xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setResult(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setResult(null);
        }}
      >
        <Button icon={<UploadOutlined />}>{t('procedures.import.choose')}</Button>
      </Upload>
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} />}
      {result && result.errors.length === 0 && (
        <Alert
          type={isRecorded ? 'success' : 'info'}
          showIcon
          style={{ marginTop: 12 }}
          message={t(isRecorded ? 'procedures.import.recorded' : 'procedures.import.ready', {
            rows: result.rows,
            created: result.counts.NEW,
            amended: result.counts.AMENDED + result.counts.REPLACED,
            abolished: result.counts.ABOLISHED,
          })}
        />
      )}
      {result && result.errors.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          dataSource={result.errors}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { key: 'row', title: t('procedures.import.row'), dataIndex: 'row', width: 70 },
            { key: 'column', title: t('procedures.import.column'), dataIndex: 'column', width: 160, render: (v: string | null) => v ?? '—' },
            { key: 'message', title: t('procedures.import.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </Modal>
  );
};
