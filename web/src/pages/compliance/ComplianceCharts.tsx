import { useMemo } from 'react';
import { Card, Col, Row, Typography } from 'antd';
import type { TComplianceDashboard } from '../../api/compliance';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { EChart, type TChartOption } from '../../components/EChart';

const short = (text: string, max = 38) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Coverage by field (reviewed / not yet) and the procedures with the largest annual savings. */
export const ComplianceCharts = ({ dashboard }: { dashboard: TComplianceDashboard }) => {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();

  const coverage = useMemo<TChartOption>(() => {
    const fields = [...dashboard.byField].reverse();
    return {
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: fields.map((f) => (locale === 'vi' ? f.fieldName : f.fieldNameEn)) },
      series: [
        { name: t('compliance.charts.reviewed'), type: 'bar', stack: 'n', data: fields.map((f) => f.reviewed), itemStyle: { color: '#1456b8' }, label: { show: true, position: 'inside', formatter: ({ value }) => (Number(value) > 0 ? String(value) : '') } },
        { name: t('compliance.charts.notReviewed'), type: 'bar', stack: 'n', data: fields.map((f) => f.total - f.reviewed), itemStyle: { color: '#d9d9d9' } },
      ],
    };
  }, [dashboard, locale, t]);

  const savings = useMemo<TChartOption>(() => {
    const top = [...dashboard.top].reverse();
    return {
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => t('compliance.money.million', { value: format.number(Number(v), 1) }) },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: top.map((p) => short(p.name)) },
      series: [
        {
          name: t('compliance.charts.saving'),
          type: 'bar',
          data: top.map((p) => ({ value: Math.round(p.savingVnd / 1e5) / 10, itemStyle: { color: p.status === 'SIMPLIFICATION_PROPOSED' ? '#faad14' : '#389e0d' } })),
          label: { show: true, position: 'right', formatter: ({ value }) => format.number(Number(value), 1) },
        },
      ],
    };
  }, [dashboard, format, t]);

  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Card className="compliance-card" title={<Typography.Title level={2} className="card-title">{t('compliance.charts.coverageTitle')}</Typography.Title>}>
          <EChart option={coverage} height={Math.max(220, 48 * dashboard.byField.length + 60)} label={t('compliance.charts.coverageTitle')} />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card className="compliance-card" title={<Typography.Title level={2} className="card-title">{t('compliance.charts.topTitle')}</Typography.Title>}>
          {dashboard.top.length ? (
            <EChart option={savings} height={Math.max(220, 36 * dashboard.top.length + 40)} label={t('compliance.charts.topTitle')} />
          ) : (
            <Typography.Text type="secondary">{t('compliance.charts.noSavings')}</Typography.Text>
          )}
          <Typography.Text type="secondary" className="small-text">
            {t('compliance.charts.topLegend')}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
};
