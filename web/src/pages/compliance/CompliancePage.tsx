import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Form, Input, Progress, Row, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { complianceExportUrl, getComplianceDashboard, listReviews, REVIEW_STATUSES, type TReviewFilter, type TReviewSummary } from '../../api/compliance';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { hasPermission, useUser } from '../../session/SessionProvider';
import { ProcedureStatusTag, useProcedureFields } from '../procedures/labels';
import { ComplianceCharts } from './ComplianceCharts';
import { IncomeRatesCard } from './IncomeRatesCard';
import { ReviewStatusTag, useMoney } from './labels';
import './compliance.css';

/** Review of compliance costs and simplification: coverage, cost before/after, savings, every procedure, income settings. */
const CompliancePage = () => {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const money = useMoney();
  const user = useUser();
  const canManage = hasPermission(user, 'procedures.manage');
  const fields = useProcedureFields();
  const [filter, setFilter] = useState<TReviewFilter>({});
  const [generation, setGeneration] = useState(0);
  const dashboard = useApiQuery(`compliance-dashboard:${generation}`, getComplianceDashboard);
  const list = useApiQuery(`compliance-reviews:${JSON.stringify(filter)}:${generation}`, (signal) => listReviews(filter, signal));
  const d = dashboard.data;

  const columns: TableColumnsType<TReviewSummary> = [
    { key: 'code', title: t('compliance.columns.code'), dataIndex: 'code', width: 110, render: (code: string) => <span className="nowrap">{code}</span> },
    {
      key: 'name',
      title: t('compliance.columns.name'),
      render: (_v, row) => (
        <>
          <Link to={`/compliance/${encodeURIComponent(row.code)}`}>{row.name}</Link>
          <div className="compliance-sub">
            <span className="compliance-field">{fields.fieldName(row.fieldCode, row.fieldName)}</span>
            {row.catalogueStatus !== 'PUBLIC' && <ProcedureStatusTag status={row.catalogueStatus} />}
            {row.needsAbolition && <Tag color="orange">{t('compliance.columns.needsAbolition')}</Tag>}
            {row.versionSuperseded && <Tag>{t('compliance.columns.superseded')}</Tag>}
          </div>
        </>
      ),
    },
    { key: 'status', title: t('compliance.columns.status'), width: 160, render: (_v, row) => <ReviewStatusTag status={row.status} /> },
    { key: 'before', title: t('compliance.columns.annualBefore'), width: 135, align: 'right', responsive: ['lg'], render: (_v, row) => money.full(row.annualBeforeVnd) },
    { key: 'after', title: t('compliance.columns.annualAfter'), width: 135, align: 'right', responsive: ['lg'], render: (_v, row) => money.full(row.annualAfterVnd) },
    { key: 'saving', title: t('compliance.columns.saving'), width: 135, align: 'right', render: (_v, row) => money.full(row.savingVnd) },
    { key: 'rate', title: t('compliance.columns.rate'), width: 80, align: 'right', render: (_v, row) => money.rate(row.savingRatePct) },
  ];

  return (
    <>
      <PageHeader
        title={t('compliance.title')}
        extra={
          <Button icon={<FileExcelOutlined />} href={complianceExportUrl(locale)} download>
            {t('compliance.export')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" className="page-intro">
        {t('compliance.intro')}
      </Typography.Paragraph>
      {dashboard.error && <ApiErrorAlert error={dashboard.error} onRetry={dashboard.reload} />}
      {d && d.needsAbolition > 0 && <Alert type="warning" showIcon className="compliance-alert" title={t('compliance.needsAbolition', { n: format.number(d.needsAbolition) })} />}
      <Row gutter={16} className="compliance-kpis">
        <Col xs={24} md={12} xl={6}>
          <Card className="compliance-kpi" loading={!d} data-testid="kpi-coverage">
            <Typography.Text type="secondary">{t('compliance.kpi.coverage')}</Typography.Text>
            <div className="compliance-kpi-value">{d ? t('compliance.kpi.coverageValue', { reviewed: format.number(d.reviewed), total: format.number(d.total) }) : ''}</div>
            {d?.coveragePct === 100 && <Tag color="success">{t('compliance.kpi.complete')}</Tag>}
            <Progress percent={d?.coveragePct ? Math.round(d.coveragePct * 10) / 10 : 0} format={(p) => format.percent(p ?? 0, 1)} status={d?.coveragePct === 100 ? 'success' : 'normal'} />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card className="compliance-kpi" loading={!d}>
            <Typography.Text type="secondary">{t('compliance.kpi.before')}</Typography.Text>
            <div className="compliance-kpi-value">{money.short(d?.costs.annualBeforeVnd)}</div>
            <Typography.Text type="secondary" className="small-text">
              {d ? t('compliance.kpi.costedProcedures', { n: format.number(d.costs.procedures) }) : ''}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card className="compliance-kpi" loading={!d}>
            <Typography.Text type="secondary">{t('compliance.kpi.after')}</Typography.Text>
            <div className="compliance-kpi-value">{money.short(d?.costs.annualAfterVnd)}</div>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card className="compliance-kpi" loading={!d} data-testid="kpi-saving">
            <Typography.Text type="secondary">{t('compliance.kpi.saving')}</Typography.Text>
            <div className="compliance-kpi-value compliance-kpi-saving">
              {money.short(d?.costs.savingVnd)} <span className="compliance-kpi-rate">({money.rate(d?.costs.savingRatePct)})</span>
            </div>
            <Typography.Text type="secondary" className="small-text">
              {d ? t('compliance.kpi.split', { achieved: money.short(d.achieved.savingVnd), proposed: money.short(d.proposed.savingVnd) }) : ''}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      {d && <ComplianceCharts dashboard={d} />}
      <Card className="compliance-card">
        <Tabs
          items={[
            {
              key: 'procedures',
              label: t('compliance.tabs.procedures'),
              children: (
                <>
                  <Form layout="vertical" component="div" className="filter-form">
                    <Row gutter={12}>
                      <Col xs={24} lg={10}>
                        <Form.Item label={t('compliance.filters.search')} htmlFor="compliance-q">
                          <Input.Search id="compliance-q" allowClear enterButton={t('common.search')} maxLength={200} onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12} lg={7}>
                        <Form.Item label={t('compliance.columns.field')} htmlFor="compliance-field">
                          <Select
                            id="compliance-field"
                            allowClear
                            className="full-width"
                            placeholder={t('compliance.filters.any')}
                            value={filter.field}
                            onChange={(field: string | undefined) => setFilter((f) => ({ ...f, field }))}
                            options={fields.items.map((f) => ({ value: f.code, label: fields.fieldName(f.code) }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12} lg={7}>
                        <Form.Item label={t('compliance.columns.status')} htmlFor="compliance-status">
                          <Select
                            id="compliance-status"
                            allowClear
                            className="full-width"
                            placeholder={t('compliance.filters.any')}
                            value={filter.status}
                            onChange={(status) => setFilter((f) => ({ ...f, status }))}
                            options={REVIEW_STATUSES.map((s) => ({ value: s, label: t(`compliance.statuses.${s}`) }))}
                          />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Form>
                  {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
                  <Table
                    size="small"
                    rowKey="code"
                    tableLayout="fixed"
                    columns={columns}
                    dataSource={list.data?.items ?? []}
                    loading={list.loading}
                    pagination={{ pageSize: 50, hideOnSinglePage: true }}
                    locale={{ emptyText: t('compliance.empty') }}
                  />
                </>
              ),
            },
            {
              key: 'fields',
              label: t('compliance.tabs.fields'),
              children: (
                <Table
                  size="small"
                  rowKey="fieldCode"
                  pagination={false}
                  dataSource={d?.byField ?? []}
                  columns={[
                    { key: 'field', title: t('compliance.columns.field'), render: (_v, f) => (locale === 'vi' ? f.fieldName : f.fieldNameEn) },
                    { key: 'reviewed', title: t('compliance.columns.reviewed'), align: 'right', render: (_v, f) => `${format.number(f.reviewed)}/${format.number(f.total)}` },
                    { key: 'coverage', title: t('compliance.columns.coverage'), align: 'right', render: (_v, f) => format.percent(f.coveragePct, 1) },
                    { key: 'saving', title: t('compliance.columns.saving'), align: 'right', render: (_v, f) => money.full(f.savingVnd) },
                  ]}
                />
              ),
            },
            {
              key: 'rates',
              label: t('compliance.tabs.rates'),
              children: <IncomeRatesCard canManage={canManage} onChanged={() => setGeneration((n) => n + 1)} />,
            },
          ]}
        />
      </Card>
      <Flex>
        <Typography.Text type="secondary" className="small-text">
          {d ? t('compliance.footnote', { date: format.date(d.at) }) : ''}
        </Typography.Text>
      </Flex>
    </>
  );
};

export default CompliancePage;
