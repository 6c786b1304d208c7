import { useMemo, useRef, useState } from 'react';
import { App, Button, Card, Col, Flex, Row, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { FileExcelOutlined, PictureOutlined } from '@ant-design/icons';
import { getEnterpriseStructure } from '../../../api/enterprises';
import { ENTERPRISE_STATUSES, OWNERSHIPS, SIZE_CLASSES, type TCount, type TEnterpriseStatus, type TOwnership, type TSizeClass } from '../../../api/types';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useErrorText } from '../../../components/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useT, type TKey } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { EnterpriseFilters, foldText } from '../EnterpriseFilters';
import { SIZE_CHART_COLORS } from '../EnterpriseTags';
import { useEnterpriseSearchParams } from '../filters';
import { useEnterpriseReference } from '../useEnterpriseReference';
import { saveUrl, saveXlsx } from './downloads';
import { EChart, type TChartHandle, type TChartOption } from '../../../components/EChart';

type TRow = { key: string; label: string; /** Short label on a chart axis (section letters). */ axis: string; count: number; share: number };
type TChartKind = 'pie' | 'bar' | 'hbar';
type TBreakdown = { id: string; title: TKey; rows: TRow[]; chart: TChartKind | null };

const PRIMARY = '#1456b8';
const BAR_HEIGHT = 26;

const slug = (text: string) =>
  foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** One breakdown: the chart (when there is one) and the table, each downloadable. */
const BreakdownCard = ({ breakdown, total }: { breakdown: TBreakdown; total: number }) => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const chart = useRef<TChartHandle>(null);
  const [exporting, setExporting] = useState(false);
  const title = t(breakdown.title);
  const fileName = `${t('enterprises.structure.fileName')}-${slug(title)}`;
  const { rows } = breakdown;

  const option = useMemo<TChartOption | null>(() => {
    if (!breakdown.chart || rows.length === 0) return null;
    const countText = (value: unknown) => format.number(Number(value));
    if (breakdown.chart === 'pie') {
      const shareOf = new Map(rows.map((row) => [row.label, format.percent(row.share * 100, 1)]));
      return {
        tooltip: { trigger: 'item', valueFormatter: countText },
        // Slice labels collide on small slices: the legend carries the shares instead.
        legend: { orient: 'vertical', right: 0, top: 'middle', formatter: (name: string) => `${name}   ${shareOf.get(name) ?? ''}`, textStyle: { fontSize: 13 } },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            center: ['32%', '50%'],
            label: { show: false },
            labelLine: { show: false },
            data: rows.map((row) => ({
              name: row.label,
              value: row.count,
              itemStyle: SIZE_CHART_COLORS[row.key as TSizeClass] ? { color: SIZE_CHART_COLORS[row.key as TSizeClass] } : undefined,
            })),
          },
        ],
      };
    }
    const horizontal = breakdown.chart === 'hbar';
    const categories = rows.map((row) => row.axis);
    const categoryAxis = { type: 'category' as const, data: categories, inverse: horizontal, axisLabel: { interval: 0, width: 160, overflow: 'truncate' as const } };
    const valueAxis = { type: 'value' as const, axisLabel: { formatter: (value: number) => format.number(value) } };
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
          const row = rows[first.dataIndex];
          return row ? `${row.label}<br/><b>${format.number(row.count)}</b> (${format.percent(row.share * 100, 1)})` : '';
        },
      },
      grid: { left: 8, right: 40, top: 16, bottom: 8 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [
        {
          type: 'bar',
          data: rows.map((row) => row.count),
          itemStyle: { color: PRIMARY },
          barMaxWidth: 28,
          label: { show: horizontal, position: 'right', formatter: (params: { value?: unknown }) => format.number(Number(params.value)) },
        },
      ],
    };
  }, [breakdown.chart, rows, format]);

  const height = breakdown.chart === 'hbar' ? Math.max(160, rows.length * BAR_HEIGHT + 40) : 320;

  const downloadTable = async () => {
    setExporting(true);
    try {
      await saveXlsx(
        {
          name: title,
          title: `${t('enterprises.structure.title')} – ${title}`,
          headers: [t('enterprises.structure.category'), t('enterprises.structure.count'), t('enterprises.structure.share')],
          rows: [...rows.map((row) => [row.label, row.count, row.share]), [t('enterprises.structure.totalRow'), total, total > 0 ? 1 : 0]],
          numberFormats: { 1: '#,##0', 2: '0.0%' },
        },
        `${fileName}.xlsx`,
      );
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  const downloadChart = () => {
    const url = chart.current?.toPng();
    if (url) saveUrl(url, `${fileName}.png`);
  };

  const columns: TableColumnsType<TRow> = [
    { key: 'label', title: t('enterprises.structure.category'), dataIndex: 'label' },
    { key: 'count', title: t('enterprises.structure.count'), dataIndex: 'count', align: 'right', width: 130, render: (count: number) => format.number(count) },
    { key: 'share', title: t('enterprises.structure.share'), dataIndex: 'share', align: 'right', width: 100, render: (share: number) => format.percent(share * 100, 1) },
  ];

  const table = (
    <Table<TRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={rows.length > 12 ? { y: 420 } : undefined}
      locale={{ emptyText: t('enterprises.structure.noData') }}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('enterprises.structure.totalRow')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{format.number(total)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{format.percent(total > 0 ? 100 : null, 1)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );

  return (
    <Card
      className="structure-card"
      title={
        <Typography.Title level={2} className="card-title">
          {title}
        </Typography.Title>
      }
      extra={
        <Space wrap size={4}>
          <Button size="small" icon={<FileExcelOutlined />} loading={exporting} disabled={rows.length === 0} onClick={() => void downloadTable()}>
            {t('enterprises.structure.downloadXlsx')}
          </Button>
          {option && (
            <Button size="small" icon={<PictureOutlined />} onClick={downloadChart}>
              {t('enterprises.structure.downloadPng')}
            </Button>
          )}
        </Space>
      }
    >
      {option ? (
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={13}>
            <EChart ref={chart} option={option} height={height} label={t('enterprises.structure.chartLabel', { title })} />
          </Col>
          <Col xs={24} xl={11}>
            {table}
          </Col>
        </Row>
      ) : (
        table
      )}
    </Card>
  );
};

/** Counts and shares of enterprises by size, industry, ownership and area, with the list's filters. */
const StructurePage = () => {
  const t = useT();
  const format = useFormat();
  const reference = useEnterpriseReference();
  const { filter, update } = useEnterpriseSearchParams();
  const structure = useApiQuery(JSON.stringify(filter), (signal) => getEnterpriseStructure(filter, signal));
  const data = structure.data;

  const breakdowns = useMemo<TBreakdown[]>(() => {
    if (!data) return [];
    const total = data.total;
    const unknown = t('enterprises.structure.unknown');
    const toRows = (counts: TCount[], label: (key: string) => string, axis?: (key: string) => string): TRow[] =>
      counts.map((count) => ({
        key: count.key ?? '∅',
        label: count.key === null ? unknown : label(count.key),
        axis: count.key === null ? unknown : (axis ?? label)(count.key),
        count: count.count,
        share: total > 0 ? count.count / total : 0,
      }));
    const ordered = <T extends string>(counts: TCount[], order: readonly T[]) =>
      [...counts].sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : order.indexOf(a.key as T) - order.indexOf(b.key as T)));
    const sizeRows = toRows(ordered(data.bySizeClass, SIZE_CLASSES), (key) => (SIZE_CLASSES.includes(key as TSizeClass) ? t(`enterprises.sizeClasses.${key as TSizeClass}`) : key));
    for (const row of sizeRows) if (row.key === '∅') row.label = row.axis = t('enterprises.profile.notClassified');
    const hasUnits = data.byUnit.some((count) => count.key !== null);
    return [
      { id: 'sizeClass', title: 'enterprises.structure.bySizeClass', chart: 'pie', rows: sizeRows },
      {
        id: 'section',
        title: 'enterprises.structure.bySection',
        chart: 'bar',
        rows: toRows(
          [...data.bySection].sort((a, b) => (a.key ?? '~').localeCompare(b.key ?? '~')),
          (key) => `${key} – ${reference.vsicName(key) ?? ''}`,
          (key) => key,
        ),
      },
      {
        id: 'ownership',
        title: 'enterprises.structure.byOwnership',
        chart: 'hbar',
        rows: toRows(ordered(data.byOwnership, OWNERSHIPS), (key) => (OWNERSHIPS.includes(key as TOwnership) ? t(`enterprises.ownerships.${key as TOwnership}`) : key)),
      },
      { id: 'formerDistrict', title: 'enterprises.structure.byFormerDistrict', chart: 'hbar', rows: toRows(data.byFormerDistrict, (key) => reference.districtName(key) ?? key) },
      ...(hasUnits ? [{ id: 'unit', title: 'enterprises.structure.byUnit' as TKey, chart: 'hbar' as const, rows: toRows(data.byUnit, (key) => reference.unitName(key) ?? key) }] : []),
      {
        id: 'status',
        title: 'enterprises.structure.byStatus',
        chart: null,
        rows: toRows(ordered(data.byStatus, ENTERPRISE_STATUSES), (key) => (ENTERPRISE_STATUSES.includes(key as TEnterpriseStatus) ? t(`enterprises.statuses.${key as TEnterpriseStatus}`) : key)),
      },
    ];
  }, [data, reference, t]);

  const number = (value: number | string) => format.number(Number(value));

  return (
    <>
      <PageHeader title={t('enterprises.structure.title')} />
      <EnterpriseFilters filter={filter} onChange={(next) => update({ filter: next })} reference={reference} idPrefix="structure-filter" />
      {structure.error && <ApiErrorAlert error={structure.error} onRetry={structure.reload} />}
      <Row gutter={[16, 16]} className="toolbar kpi-row">
        <Col xs={24} sm={12} xl={6}>
          <Card loading={!data}>
            <Statistic title={t('enterprises.structure.total')} value={data?.total ?? 0} formatter={number} />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card loading={!data} className="kpi-sme">
            <Statistic
              title={t('enterprises.structure.smeShare')}
              value={data?.smeShare ?? 0}
              formatter={() => (
                <>
                  {format.percent(data?.smeShare === null || data?.smeShare === undefined ? null : data.smeShare * 100, 1)}{' '}
                  <span className="kpi-suffix">{t('enterprises.structure.smeSuffix')}</span>
                </>
              )}
            />
            {data && (
              <Typography.Text type="secondary" className="small-text">
                {t('enterprises.structure.smeShareBasis', { classified: format.number(data.classified) })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card loading={!data}>
            <Statistic title={t('enterprises.structure.smeCount')} value={data?.smeCount ?? 0} formatter={number} />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card loading={!data}>
            <Statistic title={t('enterprises.structure.classified')} value={data?.classified ?? 0} formatter={number} />
          </Card>
        </Col>
      </Row>
      <Flex vertical gap="middle" aria-busy={structure.loading}>
        {data && breakdowns.map((breakdown) => <BreakdownCard key={breakdown.id} breakdown={breakdown} total={data.total} />)}
      </Flex>
    </>
  );
};

export default StructurePage;
