import { useState } from 'react';
import { Alert, App, Button, Flex, Statistic, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { CheckOutlined, CloudUploadOutlined, UploadOutlined } from '@ant-design/icons';
import { importUnits } from '../../../api/admin';
import type { TUnitImportResult } from '../../../api/types';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';

type TImportError = TUnitImportResult['errors'][number];

/** CSV import of administrative units: a dry run shows per-row errors, then the import is committed. */
export const UnitImportTab = ({ onImported }: { onImported: () => void }) => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TUnitImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState<'dryRun' | 'commit' | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setRunning(dryRun ? 'dryRun' : 'commit');
    setError(null);
    try {
      const answer = await importUnits(file, dryRun);
      setResult(answer);
      if (!dryRun && answer.errors.length === 0) {
        void message.success(t('units.commitResult'));
        onImported();
      }
    } catch (caught) {
      setError(caught);
      setResult(null);
    } finally {
      setRunning(null);
    }
  };

  const canCommit = file !== null && result !== null && result.dryRun && result.errors.length === 0;
  const columns: TableColumnsType<TImportError> = [
    { key: 'row', title: t('units.row'), dataIndex: 'row', width: 90, render: (row: number) => format.number(row) },
    { key: 'column', title: t('units.column'), dataIndex: 'column', width: 140, render: (column: string | null) => (column ? <Typography.Text code>{column}</Typography.Text> : '—') },
    { key: 'message', title: t('units.message'), dataIndex: 'message' },
  ];

  return (
    <Flex vertical gap="middle">
      <Alert type="info" showIcon title={t('units.importHelp')} />
      <Flex wrap gap="small" align="start">
        <Upload
          accept=".csv,text/csv"
          maxCount={1}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setResult(null);
            setError(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setResult(null);
          }}
          fileList={file ? [{ uid: 'csv', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>
            {t('units.chooseFile')}
          </Button>
        </Upload>
        <Button icon={<CheckOutlined />} disabled={!file} loading={running === 'dryRun'} onClick={() => void run(true)}>
          {t('units.dryRun')}
        </Button>
        <Button type="primary" icon={<CloudUploadOutlined />} disabled={!canCommit} loading={running === 'commit'} onClick={() => void run(false)}>
          {t('units.commit')}
        </Button>
      </Flex>
      {error !== null && <ApiErrorAlert error={error} />}
      {result && (
        <section aria-label={result.dryRun ? t('units.dryRunResult') : t('units.commitResult')}>
          <Typography.Title level={2} className="card-title">
            {result.dryRun ? t('units.dryRunResult') : t('units.commitResult')}
          </Typography.Title>
          <Flex wrap gap="large" className="toolbar">
            <Statistic title={t('units.inserted')} value={result.inserted} formatter={(value) => format.number(Number(value))} />
            <Statistic title={t('units.updated')} value={result.updated} formatter={(value) => format.number(Number(value))} />
            <Statistic title={t('units.unchanged')} value={result.unchanged} formatter={(value) => format.number(Number(value))} />
            <Statistic title={t('units.lineage')} value={result.lineage} formatter={(value) => format.number(Number(value))} />
            <Statistic title={t('units.errorCount')} value={result.errors.length} formatter={(value) => format.number(Number(value))} />
          </Flex>
          {result.errors.length > 0 ? (
            <>
              <Alert type="error" showIcon role="alert" title={t('units.dryRunErrors', { count: format.number(result.errors.length) })} className="toolbar" />
              <Table<TImportError> rowKey={(row) => `${row.row}:${row.column ?? ''}:${row.message}`} size="small" columns={columns} dataSource={result.errors} pagination={{ defaultPageSize: 20 }} />
            </>
          ) : (
            result.dryRun && <Alert type="success" showIcon title={t('units.dryRunOk')} />
          )}
        </section>
      )}
    </Flex>
  );
};
