import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Card, Col, Flex, Row, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { getIndicatorBreakdown, OWNERSHIP_GROUPS, type TBreakdown, type TValueComparison } from '../../api/indicators';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { roundHalfUp } from '../../../../src/domain/format/format';
import { GrowthCell } from './Change';
import { DownloadButtons } from './Downloads';
import { XLSX_FORMATS, type TXlsxTable } from './downloads';
import { EChart, type TChartHandle, type TChartOption } from '../../components/EChart';
import { isQuarterEnd, usePeriodText } from './periods';
import { CHART_COLORS } from './TrendCharts';
import type { TIndicatorReference } from './useReference';

type TMetric = 'iip' | 'retail' | 'exports';
const METRICS: readonly TMetric[] = ['iip', 'retail', 'exports'];

/** One scope: IIP index, retail amount (billion VND) and index, exports amount (million USD) and index. */
type TLine = { key: string; label: string; iip: number | null; retailValue: number | null; retail: number | null; exportValue: number | null; exports: number | null };

type TProps = { period: string; comparison: TValueComparison; reference: TIndicatorReference; fileName: string };

const round = (value: number | null, decimals: number) => (value === null ? null : roundHalfUp(value, decimals));
const growth = (index: number | null) => (index === null ? null : index - 100);
const BAR_HEIGHT = 22;

/** The figures of a scope; values of ownership groups are read from scope ALL by group, or from the OWN: scope. */
const lineOf = (data: TBreakdown, key: string, label: string, group?: string): TLine => {
  const iip = data.iip.find((row) => row.scope === key);
  const value = (indicator: 'RETAIL_TOTAL' | 'EXPORT') =>
    (group ? data.values.find((row) => row.scope === 'ALL' && row.grp === group && row.indicator === indicator) : undefined) ??
    data.values.find((row) => row.scope === key && row.grp === 'ALL' && row.indicator === indicator);
  const retail = value('RETAIL_TOTAL');
  const exports = value('EXPORT');
  return {
    key,
    label,
    iip: iip?.index ?? null,
    retailValue: retail?.value_cur === null || retail?.value_cur === undefined ? null : retail.value_cur / 1000,
    retail: retail?.index ?? null,
    exportValue: exports?.value_cur === null || exports?.value_cur === undefined ? null : exports.value_cur / 1000,
    exports: exports?.index ?? null,
  };
};

/** A table of scopes with a total line, its chart and downloads. */
const BreakdownCard = ({
  id,
  title,
  firstColumn,
  lines,
  total,
  note,
  loading,
  fileName,
  chartOption,
  chartHeight,
  metricSwitch,
}: {
  id: string;
  title: string;
  firstColumn: string;
  lines: TLine[];
  total: TLine | null;
  note: string;
  loading: boolean;
  fileName: string;
  chartOption: TChartOption | null;
  chartHeight: number;
  metricSwitch?: ReactNode;
}) => {
  const t = useT();
  const format = useFormat();
  const chart = useRef<TChartHandle>(null);
  const sorter = (field: keyof TLine) => (a: TLine, b: TLine) => ((a[field] as number | null) ?? -Infinity) - ((b[field] as number | null) ?? -Infinity);
  const columns: TableColumnsType<TLine> = [
    { key: 'label', title: firstColumn, dataIndex: 'label', width: 200, sorter: (a, b) => a.label.localeCompare(b.label, 'vi') },
    { key: 'iip', title: t('indicators.breakdown.iipIndex'), dataIndex: 'iip', align: 'right', width: 110, sorter: sorter('iip'), render: (value: number | null) => format.number(value, 2) },
    { key: 'iipGrowth', title: t('indicators.breakdown.iipGrowth'), dataIndex: 'iip', align: 'right', width: 110, sorter: sorter('iip'), render: (value: number | null) => <GrowthCell index={value} /> },
    { key: 'retailValue', title: t('indicators.breakdown.retailValue'), dataIndex: 'retailValue', align: 'right', width: 110, sorter: sorter('retailValue'), render: (value: number | null) => format.number(value, 1) },
    { key: 'retail', title: t('indicators.breakdown.retailGrowth'), dataIndex: 'retail', align: 'right', width: 110, sorter: sorter('retail'), render: (value: number | null) => <GrowthCell index={value} /> },
    { key: 'exportValue', title: t('indicators.breakdown.exportValue'), dataIndex: 'exportValue', align: 'right', width: 110, sorter: sorter('exportValue'), render: (value: number | null) => format.number(value, 1) },
    { key: 'exports', title: t('indicators.breakdown.exportGrowth'), dataIndex: 'exports', align: 'right', width: 110, sorter: sorter('exports'), render: (value: number | null) => <GrowthCell index={value} /> },
  ];

  const tables = (): TXlsxTable[] => {
    const all = total ? [...lines, total] : lines;
    return [
      {
        sheet: title,
        title: [title, note],
        headers: [
          firstColumn,
          t('indicators.breakdown.iipIndex'),
          t('indicators.breakdown.iipGrowth'),
          t('indicators.breakdown.retailValue'),
          t('indicators.breakdown.retailGrowth'),
          t('indicators.breakdown.exportValue'),
          t('indicators.breakdown.exportGrowth'),
        ],
        rows: all.map((line) => [
          line.label,
          round(line.iip, 2),
          round(growth(line.iip), 1),
          round(line.retailValue, 1),
          round(growth(line.retail), 1),
          round(line.exportValue, 1),
          round(growth(line.exports), 1),
        ]),
        numberFormats: { 1: XLSX_FORMATS.index, 2: XLSX_FORMATS.growth, 3: XLSX_FORMATS.amount, 4: XLSX_FORMATS.growth, 5: XLSX_FORMATS.amount, 6: XLSX_FORMATS.growth },
        boldRows: total ? [lines.length] : [],
      },
    ];
  };

  const summaryCell = (index: number, content: ReactNode) => (
    <Table.Summary.Cell index={index} align={index === 0 ? 'left' : 'right'}>
      <strong>{content}</strong>
    </Table.Summary.Cell>
  );

  return (
    <Card
      className="ind-card"
      title={
        <Typography.Title level={2} className="card-title" id={id}>
          {title}
        </Typography.Title>
      }
      extra={<DownloadButtons fileName={fileName} title={title} tables={tables} chart={chartOption ? chart : undefined} disabled={lines.length === 0} />}
    >
      <Typography.Paragraph type="secondary" className="ind-note">
        {note}
      </Typography.Paragraph>
      <Row gutter={[24, 16]}>
        {chartOption && (
          <Col xs={24} xxl={9}>
            <Flex vertical gap="small">
              {metricSwitch}
              <EChart ref={chart} option={chartOption} height={chartHeight} label={t('indicators.chartLabel', { title })} />
            </Flex>
          </Col>
        )}
        <Col xs={24} xxl={chartOption ? 15 : 24}>
          <Table<TLine>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={lines}
            loading={loading}
            pagination={false}
            scroll={{ x: 860 }}
            locale={{ emptyText: t('indicators.breakdown.empty') }}
            summary={() =>
              total ? (
                <Table.Summary fixed>
                  <Table.Summary.Row className="ind-total-row">
                    {summaryCell(0, total.label)}
                    {summaryCell(1, format.number(total.iip, 2))}
                    {summaryCell(2, <GrowthCell index={total.iip} />)}
                    {summaryCell(3, format.number(total.retailValue, 1))}
                    {summaryCell(4, <GrowthCell index={total.retail} />)}
                    {summaryCell(5, format.number(total.exportValue, 1))}
                    {summaryCell(6, <GrowthCell index={total.exports} />)}
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
          />
        </Col>
      </Row>
    </Card>
  );
};

/** IIP, retail and exports by former district and by economic sector, for the page's comparison. */
export const Breakdown = ({ period, comparison, reference, fileName }: TProps) => {
  const t = useT();
  const format = useFormat();
  const periodText = usePeriodText();
  const [metric, setMetric] = useState<TMetric>('iip');
  const unavailable = comparison === 'QOY' && !isQuarterEnd(period);
  const breakdown = useApiQuery(`indicators:breakdown:${period}:${comparison}`, (signal) => getIndicatorBreakdown({ period, comparison }, signal), !unavailable);
  const data = unavailable ? undefined : breakdown.data;
  const note = t('indicators.values.comparisonNote', { period: comparison === 'YTD' ? periodText.ytd(period) : periodText.long(period), comparison: t(`indicators.comparisons.${comparison}`) });

  const { areas, groups, total } = useMemo(() => {
    if (!data) return { areas: [], groups: [], total: null };
    const scopes = new Set([...data.iip.map((row) => row.scope), ...data.values.map((row) => row.scope)]);
    const areaCodes = [...scopes].filter((scope) => scope !== 'ALL' && !scope.startsWith('OWN:')).sort();
    return {
      areas: areaCodes.map((code) => lineOf(data, code, reference.areaName(code) ?? t('indicators.breakdown.unknownArea', { code }))),
      groups: OWNERSHIP_GROUPS.map((group) => lineOf(data, `OWN:${group}`, t(`indicators.values.groups.${group}`), group)),
      total: lineOf(data, 'ALL', t('indicators.breakdown.total'), 'ALL'),
    };
  }, [data, reference, t]);

  const areaOption = useMemo<TChartOption | null>(() => {
    const percentText = (value: unknown) => format.percent(typeof value === 'number' ? value : null, 1);
    const ranked = areas.filter((line) => line[metric] !== null).sort((a, b) => (b[metric] ?? 0) - (a[metric] ?? 0));
    if (ranked.length === 0) return null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percentText },
      grid: { left: 8, right: 48, top: 8, bottom: 8 },
      xAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.number(value) } },
      yAxis: { type: 'category', inverse: true, data: ranked.map((line) => line.label), axisLabel: { interval: 0, width: 150, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t(`indicators.breakdown.metrics.${metric}`),
          data: ranked.map((line) => {
            const value = growth(line[metric]) ?? 0;
            // Negative bars grow to the left: their label goes to the left end.
            return { value, itemStyle: { color: value < 0 ? CHART_COLORS.down : CHART_COLORS.growth }, label: { position: value < 0 ? ('left' as const) : ('right' as const) } };
          }),
          barMaxWidth: 16,
          label: { show: true, position: 'right', formatter: (params: { value?: unknown }) => format.number(Number(params.value), 1) },
        },
      ],
    };
  }, [areas, metric, format, t]);

  const groupOption = useMemo<TChartOption | null>(() => {
    if (groups.length === 0) return null;
    const percentText = (value: unknown) => format.percent(typeof value === 'number' ? value : null, 1);
    const series = METRICS.map((key, index) => ({
      type: 'bar' as const,
      name: t(`indicators.breakdown.metrics.${key}`),
      data: groups.map((line) => growth(line[key])),
      itemStyle: { color: [CHART_COLORS.growth, CHART_COLORS.real, '#d48806'][index] },
      barMaxWidth: 22,
    }));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percentText },
      legend: { top: 0, left: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 16 },
      xAxis: { type: 'category', data: groups.map((line) => line.label), axisLabel: { interval: 0, width: 220, overflow: 'break' } },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.number(value) } },
      series,
    };
  }, [groups, format, t]);

  const metricSwitch = (
    <Flex align="center" gap="small" wrap>
      <span id="ind-area-metric" className="inline-label">
        {t('indicators.breakdown.metric')}
      </span>
      <Segmented<TMetric>
        aria-labelledby="ind-area-metric"
        size="small"
        value={metric}
        onChange={setMetric}
        options={METRICS.map((key) => ({ value: key, label: t(`indicators.breakdown.metrics.${key}`) }))}
      />
    </Flex>
  );

  return (
    <Flex vertical gap="middle">
      {unavailable && <Alert type="info" showIcon title={t('indicators.qoyOnlyQuarterEnd')} />}
      {breakdown.error && <ApiErrorAlert error={breakdown.error} onRetry={breakdown.reload} />}
      {reference.error !== null && reference.error !== undefined && <ApiErrorAlert error={reference.error} onRetry={reference.reload} />}
      <BreakdownCard
        id="ind-area-title"
        title={t('indicators.breakdown.areaTitle')}
        firstColumn={t('indicators.breakdown.area')}
        lines={areas}
        total={total}
        note={note}
        loading={breakdown.loading}
        fileName={`${fileName}-areas`}
        chartOption={areaOption}
        chartHeight={Math.max(160, areas.length * BAR_HEIGHT + 24)}
        metricSwitch={metricSwitch}
      />
      <BreakdownCard
        id="ind-group-title"
        title={t('indicators.breakdown.ownershipTitle')}
        firstColumn={t('indicators.breakdown.group')}
        lines={groups}
        total={total}
        note={note}
        loading={breakdown.loading}
        fileName={`${fileName}-sectors`}
        chartOption={groupOption}
        chartHeight={280}
      />
    </Flex>
  );
};
