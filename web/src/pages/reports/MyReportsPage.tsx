import { Alert, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { reportsApi, type TAssignment } from '../../api/reports';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { ReportStatusTag, usePeriodText } from './shared';

export const entryPath = (a: { formCode: string; enterpriseId: number; period: string }) => `/reports/${encodeURIComponent(a.formCode)}/${a.enterpriseId}/${a.period}`;

/** The forms and months the enterprise must send, with their state, deadline and lock. */
const MyReportsPage = () => {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const periodText = usePeriodText();
  const query = useApiQuery('my-assignments', (signal) => reportsApi.assignments(undefined, signal));
  const items = query.data?.items ?? [];
  const multipleEnterprises = new Set(items.map((i) => i.enterpriseId)).size > 1;

  const columns: TableColumnsType<TAssignment> = [
    { title: t('reports.common.period'), dataIndex: 'period', width: 110, render: (p: string) => periodText(p) },
    {
      title: t('reports.common.form'),
      key: 'form',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Link to={entryPath(a)}>{locale === 'vi' ? a.formNameVi : a.formNameEn}</Link>
          {multipleEnterprises && <Typography.Text type="secondary">{a.nameVi}</Typography.Text>}
          {a.status === 'RETURNED' && a.returnReason && <Typography.Text type="danger">{t('reports.my.returnedHint', { reason: a.returnReason })}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('reports.common.status'),
      key: 'status',
      width: 220,
      render: (_, a) => (
        <Space wrap size={4}>
          <ReportStatusTag status={a.status} />
          {a.isOverdue && <Tag color="red">{t('reports.common.overdue')}</Tag>}
          {a.isLocked && <Tag>{t('reports.common.locked')}</Tag>}
          {a.lockExceptionUntil && <Tag color="blue">{t('reports.common.exceptionUntil', { date: format.date(a.lockExceptionUntil) })}</Tag>}
        </Space>
      ),
    },
    { title: t('reports.common.deadline'), dataIndex: 'deadline', width: 120, render: (d: string) => format.date(d) },
    { title: t('reports.common.submittedAt'), dataIndex: 'submittedAt', width: 160, render: (d: string | null) => format.dateTime(d) },
    { title: t('reports.common.locksAt'), dataIndex: 'locksAt', width: 120, render: (d: string) => format.date(d) },
    { title: t('common.actions'), key: 'open', width: 90, render: (_, a) => <Link to={entryPath(a)}>{t('reports.common.open')}</Link> },
  ];

  return (
    <>
      <PageHeader title={t('reports.my.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('reports.my.intro')}</Typography.Paragraph>
        {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
        {!query.loading && !query.error && items.length === 0 && <Alert type="info" showIcon title={t('reports.my.empty')} />}
        <Table<TAssignment>
          className="my-reports-table"
          rowKey={(a) => `${a.formCode}|${a.enterpriseId}|${a.period}`}
          columns={columns}
          dataSource={items}
          loading={query.loading}
          pagination={{ pageSize: 24, hideOnSinglePage: true }}
          size="middle"
          scroll={{ x: 900 }}
        />
      </Card>
    </>
  );
};

export default MyReportsPage;
