import { useMemo, useRef, useState } from 'react';
import { Alert, Card, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { getProductivity, type TProductivityPoint, type TProductivityQuartiles } from '../../../api/indicators-drilldown';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useLocale, useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { EMPTY, roundHalfUp } from '../../../../../src/domain/format/format';
import { GrowthCell } from '../Change';
import { DownloadButtons } from '../Downloads';
import { XLSX_FORMATS, type TXlsxTable } from '../downloads';
import { EChart, type TChartHandle, type TChartOption } from '../../../components/EChart';
import { capitalize, periodShort, usePeriodText } from '../periods';
import type { TIndicatorReference } from '../useReference';

type TProps = { period: string; reference: TIndicatorReference; fileName: string };

type TDivisionRow = TProductivityPoint & { quartiles: TProductivityQuartiles | undefined };

const MONTHS = 24;
const round = (value: number | null | undefined, decimals: number) => (value === null || value === undefined ? null : roundHalfUp(value, decimals));

/**
 * Labour productivity of industry (officers): output per worker as an index versus the same
 * month last year for the whole industry and a chosen section or division over 24 months, and the
 * divisions of the month with their anonymous quartiles (withheld under five enterprises).
 */
export const ProductivitySection = ({ period, reference, fileName }: TProps) => {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const periodText = usePeriodText();
  const chart = useRef<TChartHandle>(null);
  const query = useApiQuery(`indicators:productivity:${period}`, (signal) => getProductivity({ to: period, months: MONTHS }, signal));
  const data = query.data?.to === period ? query.data : undefined;
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const title = t('productivity.title');

  const points = useMemo(() => data?.points ?? [], [data]);
  const nodes = useMemo(() => {
    const seen = new Map<string, TProductivityPoint['level']>();
    for (const p of points) if (p.level !== 'TOTAL') seen.set(p.code, p.level);
    return [...seen].sort(([a, la], [b, lb]) => (la === lb ? a.localeCompare(b) : la === 'SECTION' ? -1 : 1));
  }, [points]);
  const node = chosen && nodes.some(([code]) => code === chosen) ? chosen : nodes.find(([, level]) => level === 'SECTION')?.[0];
  const nameOf = (code: string) => (code === 'TOTAL' ? t('productivity.total') : `${code} – ${reference.vsicName(code) ?? code}`);
  const periods = useMemo(() => [...new Set(points.map((p) => p.period))].sort(), [points]);
  const seriesOf = (code: string) => {
    const byPeriod = new Map(points.filter((p) => p.code === code).map((p) => [p.period, p]));
    return periods.map((p) => byPeriod.get(p));
  };

  const option = useMemo<TChartOption>(() => {
    const lines = ['TOTAL', ...(node ? [node] : [])];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? format.number(v, 1) : EMPTY) },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: periods.map((p) => periodShort(p, locale)) },
      yAxis: { type: 'value', scale: true, name: t('productivity.indexAxis') },
      series: lines.map((code) => ({
        type: 'line' as const,
        name: nameOf(code),
        connectNulls: false,
        data: seriesOf(code).map((p) => round(p?.yoy, 1)),
        ...(code === 'TOTAL' ? { markLine: { silent: true, symbol: 'none', label: { show: false }, data: [{ yAxis: 100 }], lineStyle: { type: 'dashed' as const, color: '#999' } } } : {}),
      })),
    };
  }, [periods, points, node, locale, reference, t, format]);

  const divisions = useMemo<TDivisionRow[]>(() => {
    const quartiles = new Map((data?.quartiles ?? []).map((q) => [q.division, q]));
    return points.filter((p) => p.level === 'DIVISION' && p.period === period).map((p) => ({ ...p, quartiles: quartiles.get(p.code) }));
  }, [data, points, period]);
  const total = points.find((p) => p.level === 'TOTAL' && p.period === period);

  const quartile = (key: 'q1' | 'median' | 'q3') => (_v: unknown, row: TDivisionRow) =>
    row.quartiles && row.quartiles[key] !== null ? format.number(row.quartiles[key], 2) : <span title={t('productivity.withheld')}>{t('productivity.withheldShort')}</span>;
  const columns: TableColumnsType<TDivisionRow> = [
    { key: 'code', title: t('productivity.division'), width: 230, render: (_v, row) => nameOf(row.code) },
    { key: 'enterprises', title: t('productivity.enterprises'), dataIndex: 'enterprises', align: 'right', width: 95, render: (v: number) => format.number(v, 0) },
    { key: 'workers', title: t('productivity.workers'), dataIndex: 'workers', align: 'right', width: 100, render: (v: number) => format.number(v, 0) },
    { key: 'perWorker', title: t('productivity.perWorker'), dataIndex: 'perWorker', align: 'right', width: 115, render: (v: number | null) => format.number(v, 2) },
    { key: 'yoy', title: t('productivity.yoy'), dataIndex: 'yoy', align: 'right', width: 100, render: (v: number | null) => <GrowthCell index={v} /> },
    { key: 'q1', title: t('productivity.q1'), align: 'right', width: 90, render: quartile('q1') },
    { key: 'median', title: t('productivity.median'), align: 'right', width: 90, render: quartile('median') },
    { key: 'q3', title: t('productivity.q3'), align: 'right', width: 90, render: quartile('q3') },
  ];

  const tables = (): TXlsxTable[] => {
    const withheld = (q: TProductivityQuartiles | undefined, key: 'q1' | 'median' | 'q3') => (q && q[key] !== null ? round(q[key], 3) : t('productivity.withheldShort'));
    const rowOf = (p: TProductivityPoint, q: TProductivityQuartiles | undefined) => [nameOf(p.code), p.enterprises, round(p.workers, 0), round(p.perWorker, 3), round(p.yoy, 1), withheld(q, 'q1'), withheld(q, 'median'), withheld(q, 'q3')];
    const headers = [t('productivity.division'), t('productivity.enterprises'), t('productivity.workers'), t('productivity.perWorker'), t('productivity.yoy'), t('productivity.q1'), t('productivity.median'), t('productivity.q3')];
    const formats = { 2: XLSX_FORMATS.amount, 3: XLSX_FORMATS.quantity, 4: XLSX_FORMATS.index, 5: XLSX_FORMATS.quantity, 6: XLSX_FORMATS.quantity, 7: XLSX_FORMATS.quantity };
    return [
      {
        sheet: t('productivity.sheetDivisions'),
        title: [title, capitalize(periodText.long(period)), t('productivity.note')],
        headers,
        rows: [...(total ? [rowOf(total, undefined).map((v, i) => (i >= 5 ? null : v))] : []), ...divisions.map((d) => rowOf(d, d.quartiles))],
        numberFormats: formats,
        boldRows: total ? [0] : [],
      },
      {
        sheet: t('productivity.sheetSeries'),
        title: [t('productivity.chartTitle'), `${periodShort(periods[0] ?? period, locale)} – ${periodShort(period, locale)}`],
        headers: [t('productivity.month'), t('productivity.level'), t('productivity.code'), t('productivity.enterprises'), t('productivity.workers'), t('productivity.perWorker'), t('productivity.yoy')],
        rows: points.map((p) => [periodShort(p.period, locale), t(`productivity.levels.${p.level}`), p.level === 'TOTAL' ? '' : p.code, p.enterprises, round(p.workers, 0), round(p.perWorker, 3), round(p.yoy, 1)]),
        numberFormats: { 4: XLSX_FORMATS.amount, 5: XLSX_FORMATS.quantity, 6: XLSX_FORMATS.index },
      },
    ];
  };

  return (
    <Card
      className="ind-card"
      title={
        <Typography.Title level={2} className="card-title">
          {title}
        </Typography.Title>
      }
      extra={<DownloadButtons fileName={`${fileName}-nang-suat-lao-dong`} title={title} tables={tables} chart={chart} disabled={!data || points.length === 0} />}
    >
      <Typography.Paragraph type="secondary" className="ind-note">
        {t('productivity.note')}
      </Typography.Paragraph>
      {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      {data && data.unvaluedQuantities > 0 && <Alert type="info" showIcon className="ind-alert" title={t('productivity.unvalued', { n: format.number(data.unvaluedQuantities, 0) })} />}
      <Flex wrap gap="small" align="center" className="ind-toolbar">
        <label htmlFor="ind-productivity-node" className="inline-label">
          {t('productivity.compareWith')}
        </label>
        <Select<string>
          id="ind-productivity-node"
          className="ind-productivity-node"
          style={{ minWidth: 280 }}
          value={node}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          onChange={setChosen}
          options={nodes.map(([code, level]) => ({ value: code, label: `${t(`productivity.levels.${level}`)} ${nameOf(code)}` }))}
        />
      </Flex>
      <Typography.Title level={3} className="ind-subtitle">
        {t('productivity.chartTitle')}
      </Typography.Title>
      <EChart ref={chart} option={option} height={300} label={t('productivity.chartTitle')} />
      <Typography.Title level={3} className="ind-subtitle">
        {t('productivity.tableTitle', { period: periodText.long(period) })}
      </Typography.Title>
      <Table<TDivisionRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={divisions}
        loading={query.loading}
        pagination={false}
        scroll={{ x: 910 }}
        locale={{ emptyText: t('productivity.empty') }}
        summary={() =>
          total ? (
            <Table.Summary.Row className="ind-self-row">
              <Table.Summary.Cell index={0}>{t('productivity.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{format.number(total.enterprises, 0)}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{format.number(total.workers, 0)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{format.number(total.perWorker, 2)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right"><GrowthCell index={total.yoy} /></Table.Summary.Cell>
              <Table.Summary.Cell index={5} colSpan={3} />
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" className="ind-note small-text">
        {t('productivity.withheld')}
      </Typography.Paragraph>
    </Card>
  );
};
