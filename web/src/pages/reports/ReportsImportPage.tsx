import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Popconfirm, Row, Space, Statistic, Table, Typography, Upload } from 'antd';
import { CheckOutlined, CloudUploadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client';
import { reportsApi, type TImportError, type TImportResult } from '../../api/reports';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { usePeriodText } from './shared';

const isResult = (value: unknown): value is TImportResult => typeof value === 'object' && value !== null && 'rows' in value && Array.isArray((value as { errors?: unknown }).errors);
const errorsOf = (details: unknown): TImportError[] => {
  const errors = (details as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as TImportError[]) : [];
};

/** Bulk CSV feed of monthly reports (statistics office): dry run with per-row errors, then an all-or-nothing import. */
const ReportsImportPage = () => {
  const t = useT();
  const format = useFormat();
  const periodText = usePeriodText();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<File | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [errors, setErrors] = useState<TImportError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [running, setRunning] = useState<'dryRun' | 'commit' | null>(null);

  const choose = (chosen: File) => {
    setFile(chosen);
    setChecked(null);
    setResult(null);
    setErrors([]);
    setFailure(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setRunning(dryRun ? 'dryRun' : 'commit');
    setFailure(null);
    try {
      const r = await reportsApi.importCsv(file, dryRun);
      setResult(r);
      setErrors(r.errors);
      setChecked(dryRun && r.errors.length === 0 ? file : null);
    } catch (error) {
      setChecked(null);
      if (error instanceof ApiError && error.code === 'IMPORT_INVALID') {
        if (isResult(error.details)) setResult(error.details);
        else setResult(null);
        setErrors(errorsOf(error.details));
        if (errorsOf(error.details).length === 0) setFailure(error);
      } else {
        setFailure(error);
      }
    } finally {
      setRunning(null);
    }
  };

  const isDone = result !== null && !result.dryRun && result.recomputeMs !== null;

  return (
    <>
      <PageHeader title={t('reports.import.title')} />
      <Space orientation="vertical" size="middle" className="full-width">
        <Card>
          <Typography.Paragraph type="secondary">{t('reports.import.intro')}</Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text code>form_code,tax_code,period,item,value,comment</Typography.Text>
          </Typography.Paragraph>
          <Flex wrap gap="middle" align="center">
            <Upload
              accept=".csv,text/csv"
              showUploadList={false}
              beforeUpload={(f) => {
                choose(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('reports.import.choose')}</Button>
            </Upload>
            {file && <Typography.Text strong className="report-import-file">{file.name}</Typography.Text>}
            <Button icon={<CheckOutlined />} disabled={!file} loading={running === 'dryRun'} onClick={() => void run(true)}>
              {t('reports.import.dryRun')}
            </Button>
            <Popconfirm
              title={t('reports.import.commitConfirm', { cells: result?.cells ?? 0, period: result?.period ? periodText(result.period) : '' })}
              onConfirm={() => void run(false)}
              okText={t('reports.import.commit')}
              cancelText={t('common.cancel')}
              disabled={!checked || checked !== file}
            >
              <Button type="primary" icon={<CloudUploadOutlined />} disabled={!checked || checked !== file} loading={running === 'commit'} title={!checked ? t('reports.import.needDryRun') : undefined}>
                {t('reports.import.commit')}
              </Button>
            </Popconfirm>
          </Flex>
        </Card>
        {failure !== null && <ApiErrorAlert error={failure} />}
        {result && (
          <Row gutter={[12, 12]}>
            {[
              [t('reports.import.period'), result.period ? periodText(result.period) : '–'],
              [t('reports.import.rows'), format.number(result.rows)],
              [t('reports.import.reportsNew'), format.number(result.reportsNew)],
              [t('reports.import.reportsUpdated'), format.number(result.reportsUpdated)],
              [t('reports.import.cells'), format.number(result.cells)],
            ].map(([label, value]) => (
              <Col key={label} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={label} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
        )}
        {isDone && <Alert type="success" showIcon role="status" title={t('reports.import.done', { cells: result.cells, period: result.period ? periodText(result.period) : '', ms: result.recomputeMs ?? 0 })} />}
        {result?.dryRun && errors.length === 0 && <Alert type="success" showIcon role="status" title={t('reports.import.noErrors')} />}
        {errors.length > 0 && (
          <Card title={<Typography.Title level={2} className="card-title">{t('reports.import.errors', { count: errors.length })}</Typography.Title>}>
            <Table<TImportError>
              className="report-import-errors"
              size="small"
              rowKey={(e, i) => `${e.row}|${e.column}|${i ?? 0}`}
              dataSource={errors}
              pagination={{ pageSize: 100, hideOnSinglePage: true }}
              columns={[
                { title: t('reports.import.row'), dataIndex: 'row', width: 80, render: (v: number | null) => v ?? '–' },
                { title: t('reports.import.column'), dataIndex: 'column', width: 140, render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '–') },
                { title: t('reports.import.reason'), dataIndex: 'message' },
              ]}
            />
          </Card>
        )}
      </Space>
    </>
  );
};

export default ReportsImportPage;
