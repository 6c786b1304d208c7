import { useMemo, useRef } from 'react';
import { Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { getIndicatorTrend, type TTrend, type TTrendIndicator } from '../../api/indicators';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT, type TKey } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { roundHalfUp } from '../../../../src/domain/format/format';
import { DownloadButtons } from './Downloads';
import { XLSX_FORMATS, type TXlsxTable } from './downloads';
import { EChart, type TChartHandle, type TChartOption } from '../../components/EChart';
import { TREND_MONTHS, usePeriodText } from './periods';

export const CHART_COLORS = { growth: '#1456b8', real: '#13a8a8', level: '#c6d8f5', up: '#389e0d', down: '#cf1322' } as const;

type TSpec = {
  indicator: TTrendIndicator;
  title: TKey;
  /** Bars of the month's amount (÷ 1000: million VND → billion, thousand USD → million); none for the IIP. */
  level: TKey | null;
  real: boolean;
};

const SPECS: TSpec[] = [
  { indicator: 'IIP', title: 'indicators.trend.iip', level: null, real: false },
  { indicator: 'RETAIL_TOTAL', title: 'indicators.trend.retail', level: 'indicators.trend.levelRetail', real: true },
  { indicator: 'EXPORT', title: 'indicators.trend.exports', level: 'indicators.trend.levelExports', real: false },
];

const growth = (index: number | null) => (index === null ? null : index - 100);

/** One indicator: YoY growth per month as a line (real growth dashed), the month's amount as bars. */
const TrendCard = ({ spec, period, fileName }: { spec: TSpec; period: string; fileName: string }) => {
  const t = useT();
  const format = useFormat();
  const periodText = usePeriodText();
  const chart = useRef<TChartHandle>(null);
  const trend = useApiQuery(`indicators:trend:${spec.indicator}:${period}`, (signal) => getIndicatorTrend({ indicator: spec.indicator, months: TREND_MONTHS, to: period }, signal));
  const title = t(spec.title);
  const points = useMemo(() => trend.data?.points ?? [], [trend.data]);
  const hasData = points.some((point) => point.yoy !== null || point.level !== null);

  const option = useMemo<TChartOption>(() => {
    const percent = (value: unknown) => format.percent(typeof value === 'number' ? value : null, 1);
    const amount = (value: unknown) => format.number(typeof value === 'number' ? value : null, 1);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, left: 0, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 8, top: spec.level || spec.real ? 64 : 40, bottom: 8 },
      xAxis: { type: 'category', data: points.map((point) => periodText.short(point.period)), axisLabel: { hideOverlap: true } },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (value: number) => format.number(value) } },
        ...(spec.level ? [{ type: 'value' as const, splitLine: { show: false }, axisLabel: { formatter: (value: number) => format.number(value) } }] : []),
      ],
      series: [
        ...(spec.level
          ? [
              {
                type: 'bar' as const,
                name: t(spec.level),
                yAxisIndex: 1,
                data: points.map((point) => (point.level === null ? null : point.level / 1000)),
                itemStyle: { color: CHART_COLORS.level },
                barMaxWidth: 18,
                tooltip: { valueFormatter: amount },
              },
            ]
          : []),
        {
          type: 'line' as const,
          name: t('indicators.trend.growth'),
          data: points.map((point) => growth(point.yoy)),
          itemStyle: { color: CHART_COLORS.growth },
          lineStyle: { width: 2.5 },
          symbolSize: 5,
          tooltip: { valueFormatter: percent },
          markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#8c8c8c', type: 'solid', width: 1 }, data: [{ yAxis: 0 }] },
        },
        ...(spec.real
          ? [
              {
                type: 'line' as const,
                name: t('indicators.trend.realGrowth'),
                data: points.map((point) => growth(point.realYoy)),
                itemStyle: { color: CHART_COLORS.real },
                lineStyle: { type: 'dashed' as const, width: 2 },
                symbolSize: 4,
                tooltip: { valueFormatter: percent },
              },
            ]
          : []),
      ],
    };
  }, [points, spec, t, format, periodText]);

  const tables = (): TXlsxTable[] => {
    const data = trend.data as TTrend;
    const round = (value: number | null, decimals: number) => (value === null ? null : roundHalfUp(value, decimals));
    return [
      {
        sheet: title,
        title: [title, `${periodText.short(data.from)} – ${periodText.short(data.to)}`],
        headers: [t('indicators.trend.month'), t('indicators.trend.growth'), ...(spec.real ? [t('indicators.trend.realGrowth')] : []), ...(spec.level ? [t(spec.level)] : [])],
        rows: data.points.map((point) => [
          periodText.short(point.period),
          round(growth(point.yoy), 1),
          ...(spec.real ? [round(growth(point.realYoy), 1)] : []),
          ...(spec.level ? [round(point.level === null ? null : point.level / 1000, 1)] : []),
        ]),
        numberFormats: { 1: XLSX_FORMATS.growth, 2: spec.real ? XLSX_FORMATS.growth : XLSX_FORMATS.amount, 3: XLSX_FORMATS.amount },
      },
    ];
  };

  return (
    <Card
      className="ind-card"
      loading={trend.loading && !trend.data}
      title={
        <Typography.Title level={3} className="card-title ind-subtitle">
          {title}
        </Typography.Title>
      }
    >
      {trend.error && <ApiErrorAlert error={trend.error} onRetry={trend.reload} />}
      {hasData ? (
        <EChart ref={chart} option={option} height={300} label={t('indicators.chartLabel', { title })} />
      ) : (
        !trend.error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.trend.noData')} />
      )}
      <Flex justify="flex-end" className="ind-card-actions">
        <DownloadButtons fileName={`${fileName}-trend-${spec.indicator.toLowerCase()}`} title={title} tables={tables} chart={chart} disabled={!hasData} />
      </Flex>
    </Card>
  );
};

/** The 24 months up to the chosen month, one chart per indicator. */
export const TrendCharts = ({ period, fileName }: { period: string; fileName: string }) => {
  const t = useT();
  return (
    <section aria-labelledby="ind-trend-title" className="ind-section">
      <Typography.Title level={2} id="ind-trend-title" className="card-title">
        {t('indicators.trend.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {SPECS.map((spec, index) => (
          <Col key={spec.indicator} xs={24} xl={index === SPECS.length - 1 ? 24 : 12} xxl={8}>
            <TrendCard spec={spec} period={period} fileName={fileName} />
          </Col>
        ))}
      </Row>
    </section>
  );
};
