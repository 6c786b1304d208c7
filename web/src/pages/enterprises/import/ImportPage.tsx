import { useState } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Progress, Space, Statistic, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { CheckOutlined, CloudUploadOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../../api/client';
import { enterpriseTemplateUrl, importEnterprises } from '../../../api/enterprises';
import type { TEnterpriseImportResult, TImportProgress, TImportRowError } from '../../../api/types';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT, type TKey } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { ImportHistory } from './ImportHistory';

const COLUMN_KEYS: readonly string[] = [
  'tax_code', 'name_vi', 'name_intl', 'short_name', 'legal_form', 'ownership', 'vsic_main', 'vsic_other', 'address', 'unit_code', 'former_district',
  'zone', 'established_on', 'status', 'status_since', 'legal_rep', 'phone', 'email', 'website', 'year', 'avg_insured_employees', 'revenue_vnd',
  'capital_vnd', 'export_usd',
];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isImportResult = (value: unknown): value is TEnterpriseImportResult => isRecord(value) && typeof value.rows === 'number' && Array.isArray(value.errors);

/** Share of the work done (0–100) from a progress line: read, validate, compare, write, done. */
const percentOf = (progress: TImportProgress): number => {
  const ratio = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  switch (progress.phase) {
    case 'read':
      return 2;
    case 'validate':
      return 5 + Math.round(60 * ratio);
    case 'compare':
      return 68;
    case 'write':
      return 70 + Math.round(29 * ratio);
    default:
      return 100;
  }
};

type TOutcome = { result: TEnterpriseImportResult } | { fileErrors: string[]; error: ApiError } | { error: unknown };

/** Import of enterprises: template, dry run with per-row errors, then the real import with progress, and the history. */
const ImportPage = () => {
  const t = useT();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState<'dryRun' | 'commit' | null>(null);
  const [progress, setProgress] = useState<TImportProgress | null>(null);
  const [outcome, setOutcome] = useState<TOutcome | null>(null);
  /** The file passed a dry run without errors (the real import is enabled). */
  const [checkedFile, setCheckedFile] = useState<File | null>(null);
  const [historyKey, setHistoryKey] = useState(0);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setOutcome(null);
    setProgress(null);
    setCheckedFile(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setRunning(dryRun ? 'dryRun' : 'commit');
    setOutcome(null);
    setProgress({ phase: 'read', done: 0, total: file.size });
    try {
      const result = await importEnterprises(file, dryRun, setProgress);
      setOutcome({ result });
      setCheckedFile(dryRun && result.errorCount === 0 ? file : null);
    } catch (caught) {
      setCheckedFile(null);
      if (caught instanceof ApiError && caught.code === 'IMPORT_INVALID') {
        if (isImportResult(caught.details)) setOutcome({ result: caught.details });
        else {
          const errors = isRecord(caught.details) && Array.isArray(caught.details.errors) ? (caught.details.errors as TImportRowError[]) : [];
          setOutcome({ fileErrors: errors.length ? errors.map((error) => error.message) : [caught.message], error: caught });
        }
      } else {
        setOutcome({ error: caught });
      }
    } finally {
      setRunning(null);
      setHistoryKey((n) => n + 1);
    }
  };

  const columnLabel = (column: string | null) => {
    if (!column) return '—';
    const label = COLUMN_KEYS.includes(column) ? t(`enterprises.columns.${column}` as TKey) : null;
    return (
      <>
        {label && <span>{label} </span>}
        <Typography.Text code>{column}</Typography.Text>
      </>
    );
  };
  const errorColumns: TableColumnsType<TImportRowError> = [
    { key: 'row', title: t('enterprises.import.row'), dataIndex: 'row', width: 90, render: (row: number | null) => (row === null ? t('enterprises.import.wholeFile') : format.number(row)) },
    { key: 'column', title: t('enterprises.import.column'), dataIndex: 'column', width: 260, render: (column: string | null) => columnLabel(column) },
    { key: 'message', title: t('enterprises.import.message'), dataIndex: 'message' },
  ];

  const phaseText = (current: TImportProgress) =>
    t(`enterprises.import.phases.${current.phase}`, { done: format.number(current.done), total: format.number(current.total) });
  const result = outcome && 'result' in outcome ? outcome.result : null;
  const stat = (key: TKey, value: number) => <Statistic title={t(key)} value={value} formatter={(v) => format.number(Number(v))} />;

  return (
    <>
      <PageHeader title={t('enterprises.import.title')} />
      <Flex vertical gap="middle">
        <Card title={<Typography.Title level={2} className="card-title">{t('enterprises.import.templateTitle')}</Typography.Title>}>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={enterpriseTemplateUrl('vi')} download>
              {t('enterprises.import.templateVi')}
            </Button>
            <Button icon={<DownloadOutlined />} href={enterpriseTemplateUrl('en')} download>
              {t('enterprises.import.templateEn')}
            </Button>
          </Space>
        </Card>
        <Card title={<Typography.Title level={2} className="card-title">{t('enterprises.import.fileTitle')}</Typography.Title>}>
          <Flex vertical gap="middle">
            <Alert type="info" showIcon title={t('enterprises.import.help')} />
            <Flex wrap gap="small" align="start">
              <Upload
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                maxCount={1}
                disabled={running !== null}
                beforeUpload={(chosen) => {
                  choose(chosen);
                  return false;
                }}
                onRemove={() => choose(null)}
                fileList={file ? [{ uid: 'import-file', name: file.name, status: 'done' }] : []}
              >
                <Button icon={<UploadOutlined />} disabled={running !== null}>
                  {t('enterprises.import.chooseFile')}
                </Button>
              </Upload>
              <Button icon={<CheckOutlined />} disabled={!file || running !== null} loading={running === 'dryRun'} onClick={() => void run(true)}>
                {t('enterprises.import.dryRun')}
              </Button>
              <Popconfirm
                title={t('enterprises.import.commitConfirm', { file: file?.name ?? '' })}
                okText={t('common.yes')}
                cancelText={t('common.no')}
                disabled={checkedFile === null || checkedFile !== file || running !== null}
                onConfirm={() => run(false)}
              >
                <Button type="primary" icon={<CloudUploadOutlined />} disabled={checkedFile === null || checkedFile !== file || running !== null} loading={running === 'commit'}>
                  {t('enterprises.import.commit')}
                </Button>
              </Popconfirm>
            </Flex>
            <Typography.Text type="secondary">{t('enterprises.import.commitHint')}</Typography.Text>
            {progress && (running !== null || progress.phase !== 'done') && (
              <div className="import-progress">
                <Progress percent={percentOf(progress)} status={running ? 'active' : 'normal'} aria-label={t('enterprises.import.progressLabel')} />
                <Typography.Text type="secondary" role="status" aria-live="polite">
                  {phaseText(progress)}
                </Typography.Text>
              </div>
            )}
            {outcome && 'fileErrors' in outcome && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={t('enterprises.import.fileProblem')}
                description={
                  <>
                    <ul className="issue-list">
                      {outcome.fileErrors.map((text) => (
                        <li key={text}>{text}</li>
                      ))}
                    </ul>
                    {outcome.error.requestId && (
                      <Typography.Text type="secondary" className="request-id">
                        {t('common.requestId', { id: outcome.error.requestId })}
                      </Typography.Text>
                    )}
                  </>
                }
              />
            )}
            {outcome && 'error' in outcome && !('fileErrors' in outcome) && <ApiErrorAlert error={outcome.error} />}
            {result && (
              <section aria-label={result.dryRun ? t('enterprises.import.dryRunResult') : t('enterprises.import.commitResult')} className="import-result">
                <Typography.Title level={3} className="card-title">
                  {result.dryRun ? t('enterprises.import.dryRunResult') : t('enterprises.import.commitResult')}
                </Typography.Title>
                <Flex wrap gap="large" className="toolbar">
                  {stat('enterprises.import.rows', result.rows)}
                  {stat('enterprises.import.inserted', result.inserted)}
                  {stat('enterprises.import.updated', result.updated)}
                  {stat('enterprises.import.unchanged', result.unchanged)}
                  {stat('enterprises.import.figures', result.figures)}
                  {stat('enterprises.import.errorCount', result.errorCount)}
                </Flex>
                {result.errorCount > 0 ? (
                  <>
                    <Alert
                      type="error"
                      showIcon
                      role="alert"
                      className="toolbar"
                      title={t('enterprises.import.errorsFound', { count: format.number(result.errorCount) })}
                      description={
                        result.errors.length < result.errorCount
                          ? t('enterprises.import.errorsListed', { listed: format.number(result.errors.length), count: format.number(result.errorCount) })
                          : undefined
                      }
                    />
                    <Table<TImportRowError>
                      rowKey={(error) => `${error.row ?? ''}:${error.column ?? ''}:${error.message}`}
                      size="small"
                      columns={errorColumns}
                      dataSource={result.errors}
                      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
                      scroll={{ x: 700 }}
                      className="import-errors"
                    />
                  </>
                ) : result.dryRun ? (
                  <Alert type="success" showIcon title={t('enterprises.import.dryRunOk')} />
                ) : (
                  <Alert
                    type="success"
                    showIcon
                    role="status"
                    title={t('enterprises.import.committed', { inserted: format.number(result.inserted), updated: format.number(result.updated) })}
                  />
                )}
              </section>
            )}
          </Flex>
        </Card>
        <ImportHistory reloadKey={historyKey} />
      </Flex>
    </>
  );
};

export default ImportPage;
