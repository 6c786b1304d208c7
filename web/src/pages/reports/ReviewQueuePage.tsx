import { useState } from 'react';
import { Card, Flex, Input, Select, Space, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { lastEndedMonth, reportsApi, type TReportRow, type TReportStatus } from '../../api/reports';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { hasPermission, useUser } from '../../session/SessionProvider';
import { entryPath } from './MyReportsPage';
import { MonthPicker, ReportStatusTag, useFormName, usePeriodText, useReportForms } from './shared';

const STATUSES: TReportStatus[] = ['SUBMITTED', 'RETURNED', 'DRAFT', 'ACCEPTED'];
const PAGE_SIZE = 20;

/** Reports sent by enterprises, filtered by form, period and status (submitted first), opened for review. */
const ReviewQueuePage = () => {
  const t = useT();
  const format = useFormat();
  const periodText = usePeriodText();
  const formName = useFormName();
  const user = useUser();
  const latest = lastEndedMonth();
  const [formCode, setFormCode] = useState<string | undefined>(undefined);
  const [period, setPeriod] = useState(latest);
  const [isAllPeriods, setAllPeriods] = useState(false);
  const [status, setStatus] = useState<TReportStatus | undefined>('SUBMITTED');
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const forms = useReportForms();
  const q = { formCode, period: isAllPeriods ? undefined : period, status, q: search || undefined, page, pageSize: PAGE_SIZE };
  const query = useApiQuery(`reports:${JSON.stringify(q)}`, (signal) => reportsApi.list(q, signal));
  const formOf = (code: string) => forms.data?.items.find((f) => f.code === code);
  const canReview = hasPermission(user, 'reports.review');

  const columns: TableColumnsType<TReportRow> = [
    { title: t('reports.common.period'), dataIndex: 'period', width: 100, render: (p: string) => periodText(p) },
    {
      title: t('reports.common.enterprise'),
      key: 'enterprise',
      width: 340,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={entryPath(r)}>{r.nameVi}</Link>
          <Typography.Text type="secondary">
            {t('reports.common.taxCode')}: {r.taxCode}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('reports.common.form'), dataIndex: 'formCode', width: 260, render: (code: string) => formName(formOf(code), code) },
    { title: t('reports.common.status'), dataIndex: 'status', width: 190, render: (s: TReportStatus) => <ReportStatusTag status={s} /> },
    { title: t('reports.common.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (d: string | null) => format.dateTime(d) },
    { title: t('reports.common.decidedAt'), dataIndex: 'decidedAt', width: 150, render: (d: string | null) => format.dateTime(d) },
    {
      title: t('common.actions'),
      key: 'open',
      width: 110,
      render: (_, r) => <Link to={entryPath(r)}>{canReview && r.status !== 'SUBMITTED' && r.status !== 'ACCEPTED' ? t('reports.common.enterOnBehalf') : t('reports.common.open')}</Link>,
    },
  ];

  return (
    <>
      <PageHeader title={t('reports.review.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('reports.review.intro')}</Typography.Paragraph>
        <Flex wrap gap="middle" align="center" className="report-filters">
          <Select
            aria-label={t('reports.common.form')}
            className="report-form-select"
            style={{ minWidth: 320 }}
            allowClear
            placeholder={t('reports.common.allForms')}
            value={formCode}
            loading={forms.loading}
            options={(forms.data?.items ?? []).map((f) => ({ value: f.code, label: formName(f) }))}
            onChange={(v: string | undefined) => {
              setFormCode(v);
              setPage(1);
            }}
          />
          <Space>
            <label htmlFor="review-period">{t('reports.common.period')}</label>
            <MonthPicker
              id="review-period"
              value={period}
              latest={latest}
              onChange={(p) => {
                setPeriod(p);
                setAllPeriods(false);
                setPage(1);
              }}
            />
            <Switch
              size="small"
              checked={isAllPeriods}
              onChange={(v) => {
                setAllPeriods(v);
                setPage(1);
              }}
            />
            <span>{t('common.all')}</span>
          </Space>
          <Input.Search
            aria-label={t('reports.review.search')}
            placeholder={t('reports.review.search')}
            allowClear
            style={{ width: 300 }}
            onSearch={(v) => {
              setSearch(v.trim());
              setPage(1);
            }}
          />
          <Select
            aria-label={t('reports.common.status')}
            style={{ minWidth: 220 }}
            allowClear
            placeholder={t('reports.common.allStatuses')}
            value={status}
            options={STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))}
            onChange={(v: TReportStatus | undefined) => {
              setStatus(v);
              setPage(1);
            }}
          />
        </Flex>
      </Card>
      {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      <Card className="report-review-card">
        <Table<TReportRow>
          className="report-review-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.loading}
          locale={{ emptyText: t('reports.review.empty') }}
          scroll={{ x: 1200 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: query.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.totalItems', { total }),
            onChange: setPage,
          }}
        />
      </Card>
    </>
  );
};

export default ReviewQueuePage;
