import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Modal, Popconfirm, Row, Select, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, MailOutlined, UnlockOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { lastEndedMonth, reportsApi, type TCompleteness } from '../../api/reports';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { hasPermission, useUser } from '../../session/SessionProvider';
import { entryPath } from './MyReportsPage';
import { MonthPicker, ReportStatusTag, saveUrl, useFormName, useReportForms } from './shared';
import './reports.css';

type TNonReporter = TCompleteness['nonReporters'][number];

/** Completeness and timeliness of one form for one month; non-reporters, reminders, lock exceptions. */
const CompletenessPage = () => {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const formName = useFormName();
  const user = useUser();
  const { message } = App.useApp();
  const latest = lastEndedMonth();
  const forms = useReportForms();
  const [formCode, setFormCode] = useState<string | undefined>(undefined);
  const [period, setPeriod] = useState(latest);
  const [actionError, setActionError] = useState<unknown>(null);
  const [reminding, setReminding] = useState(false);
  const [granting, setGranting] = useState<TNonReporter | null>(null);
  const [grantForm] = Form.useForm<{ until: Dayjs; reason: string }>();
  const code = formCode ?? forms.data?.items[0]?.code;
  const q = code ? { formCode: code, period } : null;
  const query = useApiQuery(`completeness:${JSON.stringify(q)}`, (signal) => reportsApi.completeness(q ?? { formCode: '', period }, signal), q !== null);
  const data = query.data;
  const canReview = hasPermission(user, 'reports.review');
  const isAfterDeadline = data ? Date.now() > Date.parse(data.deadline) : false;

  const remind = async () => {
    if (!q) return;
    setReminding(true);
    setActionError(null);
    try {
      const r = await reportsApi.remind({ ...q, kind: isAfterDeadline ? 'AFTER_DEADLINE' : 'BEFORE_DEADLINE' });
      void message.success(t('reports.completeness.reminded', r));
    } catch (error) {
      setActionError(error);
    } finally {
      setReminding(false);
    }
  };

  const grant = async () => {
    if (!q || !granting) return;
    const values = await grantForm.validateFields();
    try {
      const until = values.until.format('YYYY-MM-DD');
      await reportsApi.grantLockException({ formCode: q.formCode, enterpriseId: granting.enterpriseId, period: q.period, until, reason: values.reason.trim() });
      void message.success(t('reports.completeness.granted', { period: q.period, date: format.date(until) }));
      setGranting(null);
    } catch (error) {
      setActionError(error);
      setGranting(null);
    }
  };

  const stat = (label: string, value: number, rate: number | null, testId: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" className="report-stat-card" data-stat={testId}>
        <Statistic title={label} value={value} formatter={(v) => format.number(Number(v))} />
        {rate !== null && <Typography.Text type="secondary">{t('reports.completeness.ofExpected', { rate: format.percent(rate, 1) })}</Typography.Text>}
      </Card>
    </Col>
  );

  const columns: TableColumnsType<TNonReporter> = [
    { title: t('reports.common.taxCode'), dataIndex: 'taxCode', width: 130 },
    { title: t('reports.common.enterprise'), dataIndex: 'nameVi' },
    { title: t('reports.completeness.email'), dataIndex: 'email', width: 220, render: (v: string | null) => v ?? '' },
    { title: t('reports.common.status'), dataIndex: 'status', width: 190, render: (s: TNonReporter['status']) => <ReportStatusTag status={s ?? 'NOT_STARTED'} /> },
    ...(canReview && q
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 220,
            render: (_: unknown, e: TNonReporter) => (
              <Space>
                <Link to={entryPath({ formCode: q.formCode, enterpriseId: e.enterpriseId, period: q.period })}>{t('reports.common.enterOnBehalf')}</Link>
                <Button
                  size="small"
                  icon={<UnlockOutlined />}
                  onClick={() => {
                    grantForm.setFieldsValue({ until: dayjs().add(7, 'day'), reason: '' });
                    setGranting(e);
                  }}
                >
                  {t('reports.completeness.grant')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('reports.completeness.title')} />
      <Space orientation="vertical" size="middle" className="full-width">
        <Card>
          <Flex wrap gap="middle" align="center">
            <Select
              aria-label={t('reports.common.form')}
              style={{ minWidth: 360 }}
              value={code}
              loading={forms.loading}
              options={(forms.data?.items ?? []).map((f) => ({ value: f.code, label: formName(f) }))}
              onChange={(v: string) => setFormCode(v)}
            />
            <Space>
              <label htmlFor="completeness-period">{t('reports.common.period')}</label>
              <MonthPicker id="completeness-period" value={period} latest={latest} onChange={setPeriod} />
            </Space>
            {data && <Typography.Text type="secondary">{t('reports.completeness.deadlineLine', { date: format.date(data.deadline) })}</Typography.Text>}
          </Flex>
        </Card>
        {forms.error && <ApiErrorAlert error={forms.error} onRetry={forms.reload} />}
        {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
        {actionError !== null && <ApiErrorAlert error={actionError} />}
        {data && (
          <Row gutter={[12, 12]} className="report-stats">
            {stat(t('reports.completeness.expected'), data.counts.expected, null, 'expected')}
            {stat(t('reports.completeness.submitted'), data.counts.submitted, data.rates.submitted, 'submitted')}
            {stat(t('reports.completeness.onTime'), data.counts.onTime, data.rates.onTime, 'onTime')}
            {stat(t('reports.completeness.accepted'), data.counts.accepted, data.rates.accepted, 'accepted')}
            {stat(t('reports.completeness.returned'), data.counts.returned, null, 'returned')}
            {stat(t('reports.completeness.drafts'), data.counts.drafts, null, 'drafts')}
          </Row>
        )}
        <Card
          loading={query.loading && !data}
          title={<Typography.Title level={2} className="card-title">{t('reports.completeness.nonReporters', { count: format.number(data?.nonReporters.length ?? 0) })}</Typography.Title>}
          extra={
            q && (
              <Space wrap>
                <Button icon={<DownloadOutlined />} onClick={() => saveUrl(reportsApi.nonReportersUrl(q, locale))} disabled={!data?.nonReporters.length}>
                  {t('reports.completeness.export')}
                </Button>
                {canReview && (
                  <Popconfirm
                    title={t('reports.completeness.remindConfirm', { count: data?.nonReporters.length ?? 0 })}
                    description={isAfterDeadline ? t('reports.completeness.remindAfter') : t('reports.completeness.remindBefore')}
                    onConfirm={() => void remind()}
                    okText={t('reports.completeness.remind')}
                    cancelText={t('common.cancel')}
                    disabled={!data?.nonReporters.length}
                  >
                    <Button icon={<MailOutlined />} loading={reminding} disabled={!data?.nonReporters.length}>
                      {t('reports.completeness.remind')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            )
          }
        >
          {data && data.nonReporters.length === 0 ? (
            <Alert type="success" showIcon title={t('reports.completeness.noNonReporters')} />
          ) : (
            <Table<TNonReporter>
              className="report-nonreporters"
              rowKey="enterpriseId"
              size="small"
              columns={columns}
              dataSource={data?.nonReporters ?? []}
              loading={query.loading}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 900 }}
            />
          )}
        </Card>
      </Space>

      <Modal
        open={granting !== null}
        title={t('reports.completeness.grantTitle', { name: granting?.nameVi ?? '' })}
        okText={t('reports.completeness.grant')}
        cancelText={t('common.cancel')}
        onOk={() => void grant().catch(() => undefined)}
        onCancel={() => setGranting(null)}
        destroyOnHidden
      >
        <Form form={grantForm} layout="vertical">
          <Form.Item name="until" label={t('reports.completeness.until')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('reports.completeness.until') }) }]}>
            <DatePicker format={format.datePickerFormat} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="reason" label={t('reports.completeness.reason')} rules={[{ required: true, whitespace: true, min: 3, message: t('common.requiredField', { field: t('reports.completeness.reason') }) }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};

export default CompletenessPage;
