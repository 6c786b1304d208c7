import { useMemo } from 'react';
import { Alert, Card, Col, Row, Table, Typography, type TableColumnsType } from 'antd';
import { getValueTable, RETAIL_COMPONENTS, type TOwnershipGroup, type TValueComparison, type TValueIndicator, type TValueRow } from '../../api/indicators';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { roundHalfUp } from '../../../../src/domain/format/format';
import { GrowthCell } from './Change';
import { DownloadButtons } from './Downloads';
import { XLSX_FORMATS, type TXlsxTable } from './downloads';
import { isQuarterEnd, usePeriodText } from './periods';

/** A table line; amounts already in billion VND (retail) or million USD (exports). */
type TLine = { key: string; label: string; valueCur: number | null; valueCmp: number | null; share: number | null; index: number | null; realIndex: number | null; total: boolean; child: boolean };

type TProps = { period: string; comparison: TValueComparison; fileName: string };

const round = (value: number | null, decimals: number) => (value === null ? null : roundHalfUp(value, decimals));
const thousandth = (value: number | null | undefined) => (value === null || value === undefined ? null : value / 1000);

/** Retail sales by component (nominal and real growth) and exports by economic sector, for the page's comparison. */
export const ValuesTables = ({ period, comparison, fileName }: TProps) => {
  const t = useT();
  const format = useFormat();
  const periodText = usePeriodText();
  const unavailable = comparison === 'QOY' && !isQuarterEnd(period);
  const values = useApiQuery(`indicators:values:${period}`, (signal) => getValueTable(period, signal));
  const comparisonText = t(`indicators.comparisons.${comparison}`);
  const note = t('indicators.values.comparisonNote', { period: comparison === 'YTD' ? periodText.ytd(period) : periodText.long(period), comparison: comparisonText });

  const { retail, exports } = useMemo(() => {
    const rows = values.data && !unavailable ? values.data.rows.filter((row) => row.comparison === comparison) : [];
    const find = (indicator: TValueIndicator, group: TOwnershipGroup): TValueRow | undefined => rows.find((row) => row.indicator === indicator && row.grp === group);
    const line = (key: string, label: string, row: Pick<TValueRow, 'valueCur' | 'valueCmp' | 'index' | 'realIndex'> | undefined, totalCur: number | null | undefined, flags: { total?: boolean; child?: boolean } = {}): TLine => ({
      key,
      label,
      valueCur: thousandth(row?.valueCur),
      valueCmp: thousandth(row?.valueCmp),
      share: row?.valueCur !== null && row?.valueCur !== undefined && totalCur ? (row.valueCur / totalCur) * 100 : null,
      index: row?.index ?? null,
      realIndex: row?.realIndex ?? null,
      total: flags.total ?? false,
      child: flags.child ?? false,
    });

    const retailTotal = find('RETAIL_TOTAL', 'ALL');
    const retailLines = rows.length
      ? [
          ...RETAIL_COMPONENTS.map((component) => line(component, t(`indicators.values.components.${component}`), find(component, 'ALL'), retailTotal?.valueCur)),
          line('RETAIL_TOTAL', t('indicators.values.components.RETAIL_TOTAL'), retailTotal, retailTotal?.valueCur, { total: true }),
        ]
      : [];

    // Domestic = state + non-state: values are added, then the index is the ratio of the sums (spec §10.3).
    const exportTotal = find('EXPORT', 'ALL');
    const domesticParts = (['NN', 'NNN'] as const).map((group) => find('EXPORT', group)).filter((row): row is TValueRow => row !== undefined);
    const complete = domesticParts.length > 0 && domesticParts.every((row) => row.valueCur !== null && row.valueCmp !== null);
    const domesticCur = complete ? domesticParts.reduce((sum, row) => sum + (row.valueCur ?? 0), 0) : null;
    const domesticCmp = complete ? domesticParts.reduce((sum, row) => sum + (row.valueCmp ?? 0), 0) : null;
    const domestic = { valueCur: domesticCur, valueCmp: domesticCmp, index: domesticCur !== null && domesticCmp ? (domesticCur / domesticCmp) * 100 : null, realIndex: null };
    const exportLines = rows.length
      ? [
          line('DOMESTIC', t('indicators.values.groups.DOMESTIC'), domestic, exportTotal?.valueCur),
          line('NN', t('indicators.values.groups.NN'), find('EXPORT', 'NN'), exportTotal?.valueCur, { child: true }),
          line('NNN', t('indicators.values.groups.NNN'), find('EXPORT', 'NNN'), exportTotal?.valueCur, { child: true }),
          line('FDI', t('indicators.values.groups.FDI'), find('EXPORT', 'FDI'), exportTotal?.valueCur),
          line('ALL', t('indicators.values.groups.ALL'), exportTotal, exportTotal?.valueCur, { total: true }),
        ]
      : [];
    return { retail: retailLines, exports: exportLines };
  }, [values.data, unavailable, comparison, t]);

  const columns = (currency: 'vnd' | 'usd', real: boolean): TableColumnsType<TLine> => [
    {
      key: 'label',
      title: currency === 'vnd' ? t('indicators.values.item') : t('indicators.values.group'),
      dataIndex: 'label',
      width: currency === 'vnd' ? 190 : 230,
      render: (label: string, line) => <span className={line.child ? 'ind-child-label' : undefined}>{label}</span>,
    },
    { key: 'valueCur', title: currency === 'vnd' ? t('indicators.values.valueCurVnd') : t('indicators.values.valueCurUsd'), dataIndex: 'valueCur', align: 'right', width: 110, render: (value: number | null) => format.number(value, 1) },
    { key: 'valueCmp', title: currency === 'vnd' ? t('indicators.values.valueCmpVnd') : t('indicators.values.valueCmpUsd'), dataIndex: 'valueCmp', align: 'right', width: 110, render: (value: number | null) => format.number(value, 1) },
    { key: 'share', title: t('indicators.values.share'), dataIndex: 'share', align: 'right', width: 110, render: (value: number | null) => format.number(value, 1) },
    { key: 'index', title: t('indicators.values.index'), dataIndex: 'index', align: 'right', width: 110, render: (value: number | null) => format.number(value, 2) },
    { key: 'growth', title: t('indicators.values.growth'), dataIndex: 'index', align: 'right', width: 110, render: (value: number | null) => <GrowthCell index={value} /> },
    ...(real ? [{ key: 'real', title: t('indicators.values.realGrowth'), dataIndex: 'realIndex', align: 'right' as const, width: 120, render: (value: number | null) => <GrowthCell index={value} /> }] : []),
  ];

  const sheet = (name: string, lines: TLine[], currency: 'vnd' | 'usd', real: boolean): TXlsxTable => ({
    sheet: name,
    title: [name, note],
    headers: columns(currency, real).map((column) => String(column.title)),
    rows: lines.map((line) => [
      line.label,
      round(line.valueCur, 1),
      round(line.valueCmp, 1),
      round(line.share, 1),
      round(line.index, 2),
      round(line.index === null ? null : line.index - 100, 1),
      ...(real ? [round(line.realIndex === null ? null : line.realIndex - 100, 1)] : []),
    ]),
    numberFormats: { 1: XLSX_FORMATS.amount, 2: XLSX_FORMATS.amount, 3: XLSX_FORMATS.share, 4: XLSX_FORMATS.index, 5: XLSX_FORMATS.growth, 6: XLSX_FORMATS.growth },
    boldRows: lines.flatMap((line, index) => (line.total ? [index] : [])),
    indents: lines.map((line) => (line.child ? 1 : 0)),
  });

  const card = (key: string, title: string, lines: TLine[], currency: 'vnd' | 'usd', real: boolean, footnote?: string) => (
    <Card
      className="ind-card"
      title={
        <Typography.Title level={2} className="card-title">
          {title}
        </Typography.Title>
      }
      extra={<DownloadButtons fileName={`${fileName}-${key}`} title={title} tables={() => [sheet(title, lines, currency, real)]} disabled={lines.length === 0} />}
    >
      <Typography.Paragraph type="secondary" className="ind-note">
        {note}
      </Typography.Paragraph>
      {unavailable && <Alert type="info" showIcon title={t('indicators.qoyOnlyQuarterEnd')} className="ind-alert" />}
      {values.error && <ApiErrorAlert error={values.error} onRetry={values.reload} />}
      <Table<TLine>
        rowKey="key"
        size="small"
        columns={columns(currency, real)}
        dataSource={lines}
        loading={values.loading}
        pagination={false}
        scroll={{ x: currency === 'vnd' ? 860 : 760 }}
        rowClassName={(line) => (line.total ? 'ind-total-row' : '')}
        locale={{ emptyText: t('indicators.values.empty') }}
      />
      {footnote && (
        <Typography.Paragraph type="secondary" className="ind-note small-text ind-footnote">
          {footnote}
        </Typography.Paragraph>
      )}
    </Card>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={13}>
        {card('retail', t('indicators.values.retailTitle'), retail, 'vnd', true)}
      </Col>
      <Col xs={24} xxl={11}>
        {card('exports', t('indicators.values.exportsTitle'), exports, 'usd', false, t('indicators.values.domesticNote'))}
      </Col>
    </Row>
  );
};
