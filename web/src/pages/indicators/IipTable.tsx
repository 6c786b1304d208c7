import { useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { ShopOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { getIipTable, type TIipComparison, type TIipRow } from '../../api/indicators';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { hasPermission, useUser } from '../../session/SessionProvider';
import { EMPTY, roundHalfUp } from '../../../../src/domain/format/format';
import { GrowthCell } from './Change';
import { DownloadButtons } from './Downloads';
import { ProductEnterprisesDrawer } from './drilldown/ProductEnterprisesDrawer';
import { XLSX_FORMATS, type TXlsxTable } from './downloads';
import { childrenOf, levelOfNode, pathOf, rowOf, treeOrder } from './iipTree';
import type { TIndicatorPatch } from './params';
import { capitalize, isQuarterEnd, usePeriodText } from './periods';
import type { TIndicatorReference } from './useReference';

type TProps = {
  period: string;
  comparison: TIipComparison;
  node: string;
  searchFor: (patch: TIndicatorPatch) => string;
  reference: TIndicatorReference;
  fileName: string;
};

type TTableRow = TIipRow & { self: boolean; drillable: boolean };

const round = (value: number | null, decimals: number) => (value === null ? null : roundHalfUp(value, decimals));

/**
 * The IIP tree: the opened node (first row, bold) and its components, with index, growth and
 * contributions in percentage points; a component's name opens it (TOTAL → section → division →
 * class → products). The path above the table goes back up.
 */
export const IipTable = ({ period, comparison, node, searchFor, reference, fileName }: TProps) => {
  const t = useT();
  const format = useFormat();
  const periodText = usePeriodText();
  const unavailable = comparison === 'QOY' && !isQuarterEnd(period);
  const table = useApiQuery(`indicators:iip:${period}:${comparison}`, (signal) => getIipTable({ period, comparison }, signal), !unavailable);
  const rows = useMemo(() => (table.data && !unavailable ? table.data.rows : []), [table.data, unavailable]);
  const title = t('indicators.iip.title');
  const comparisonText = t(`indicators.comparisons.${comparison}`);
  // Officers who read reports open the enterprises behind a product (drill-down to enterprises).
  const canSeeEnterprises = hasPermission(useUser(), 'reports.read');
  const [enterprisesOf, setEnterprisesOf] = useState<string | null>(null);

  const nameOf = (row: Pick<TIipRow, 'level' | 'code'>): string => {
    switch (row.level) {
      case 'TOTAL':
        return t('indicators.iip.total');
      case 'SECTION':
      case 'VSIC2':
        return reference.vsicName(row.code) ?? row.code;
      case 'VSIC4':
        return t('indicators.iip.className', { code: row.code });
      default:
        return row.code;
    }
  };

  const dataSource = useMemo<TTableRow[]>(() => {
    const self = rowOf(node, rows);
    const children = childrenOf(node, rows).map((row) => ({ ...row, self: false, drillable: row.level !== 'PRODUCT' && childrenOf(row.code, rows).length > 0 }));
    return [...(self ? [{ ...self, self: true, drillable: false }] : []), ...children];
  }, [node, rows]);
  const showsProducts = levelOfNode(node) === 'VSIC4';

  const number = (decimals: number) => (value: number | null) => format.number(value, decimals);
  const columns: TableColumnsType<TTableRow> = [
    { key: 'code', title: t('indicators.iip.code'), dataIndex: 'code', width: 80, render: (code: string, row) => (row.level === 'TOTAL' ? '' : code) },
    {
      key: 'name',
      title: t('indicators.iip.name'),
      width: 280,
      render: (_value, row) =>
        row.drillable ? (
          <Link to={searchFor({ node: row.code })} title={t('indicators.iip.drill', { name: nameOf(row) })}>
            {nameOf(row)}
          </Link>
        ) : row.level === 'PRODUCT' ? (
          // Product names are not published by the API: the code column identifies the product.
          EMPTY
        ) : (
          nameOf(row)
        ),
    },
    { key: 'index', title: t('indicators.iip.index'), dataIndex: 'index', align: 'right', width: 90, render: number(2) },
    { key: 'growth', title: t('indicators.iip.growth'), dataIndex: 'index', align: 'right', width: 100, render: (index: number | null) => <GrowthCell index={index} /> },
    { key: 'contribParent', title: t('indicators.iip.contribParent'), dataIndex: 'contribParentPp', align: 'right', width: 130, render: number(2) },
    { key: 'contribTotal', title: t('indicators.iip.contribTotal'), dataIndex: 'contribTotalPp', align: 'right', width: 130, render: number(2) },
    { key: 'imputed', title: t('indicators.iip.imputed'), dataIndex: 'imputedShare', align: 'right', width: 100, render: (share: number | null) => format.number(share === null ? null : share * 100, 1) },
    ...(showsProducts
      ? [
          { key: 'qCur', title: t('indicators.iip.qCur'), dataIndex: 'qCur', align: 'right' as const, width: 110, render: number(1) },
          { key: 'qCmp', title: t('indicators.iip.qCmp'), dataIndex: 'qCmp', align: 'right' as const, width: 110, render: number(1) },
        ]
      : []),
    ...(showsProducts && canSeeEnterprises
      ? [
          {
            key: 'enterprises',
            title: t('drilldown.column'),
            width: 130,
            render: (_value: unknown, row: TTableRow) =>
              row.level === 'PRODUCT' ? (
                <Button size="small" icon={<ShopOutlined />} aria-label={t('drilldown.open', { code: row.code })} onClick={() => setEnterprisesOf(row.code)}>
                  {t('drilldown.column')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const tables = (): TXlsxTable[] => {
    const ordered = treeOrder(rows);
    return [
      {
        sheet: t('indicators.iip.sheet'),
        title: [title, `${capitalize(periodText.long(period))} – ${comparisonText}`],
        headers: [
          t('indicators.iip.name'),
          t('indicators.iip.level'),
          t('indicators.iip.code'),
          t('indicators.iip.index'),
          t('indicators.iip.growth'),
          t('indicators.iip.contribParent'),
          t('indicators.iip.contribTotal'),
          t('indicators.iip.imputed'),
          t('indicators.iip.qCur'),
          t('indicators.iip.qCmp'),
        ],
        rows: ordered.map(({ row }) => [
          nameOf(row),
          t(`indicators.iip.levels.${row.level}`),
          row.code,
          round(row.index, 2),
          round(row.index === null ? null : row.index - 100, 1),
          round(row.contribParentPp, 2),
          round(row.contribTotalPp, 2),
          round(row.imputedShare === null ? null : row.imputedShare * 100, 1),
          round(row.qCur, 3),
          round(row.qCmp, 3),
        ]),
        numberFormats: { 3: XLSX_FORMATS.index, 4: XLSX_FORMATS.growth, 5: XLSX_FORMATS.pp, 6: XLSX_FORMATS.pp, 7: XLSX_FORMATS.share, 8: XLSX_FORMATS.quantity, 9: XLSX_FORMATS.quantity },
        boldRows: ordered.flatMap(({ row }, index) => (row.level === 'TOTAL' || row.level === 'SECTION' ? [index] : [])),
        indents: ordered.map(({ depth }) => depth),
      },
    ];
  };

  const path = pathOf(node);

  return (
    <Card
      className="ind-card"
      title={
        <Typography.Title level={2} className="card-title">
          {title}
        </Typography.Title>
      }
      extra={<DownloadButtons fileName={`${fileName}-iip`} title={title} tables={tables} disabled={rows.length === 0} />}
    >
      <Typography.Paragraph type="secondary" className="ind-note">
        {t('indicators.iip.comparisonNote', { comparison: comparisonText })} {t('indicators.iip.drillHint')}
      </Typography.Paragraph>
      {unavailable && <Alert type="info" showIcon title={t('indicators.qoyOnlyQuarterEnd')} className="ind-alert" />}
      {table.error && <ApiErrorAlert error={table.error} onRetry={table.reload} />}
      <nav aria-label={t('indicators.iip.path')} className="ind-path">
        <Breadcrumb
          items={path.map((code, index) => {
            const level = levelOfNode(code);
            const label = level === 'TOTAL' || level === 'VSIC4' ? nameOf({ level, code }) : `${code} – ${nameOf({ level, code })}`;
            return { key: code, title: index < path.length - 1 ? <Link to={searchFor({ node: code })}>{label}</Link> : <span aria-current="location">{label}</span> };
          })}
        />
      </nav>
      {showsProducts && (
        <Typography.Paragraph type="secondary" className="ind-note small-text">
          {t('indicators.iip.productHint')}
        </Typography.Paragraph>
      )}
      <Table<TTableRow>
        rowKey={(row) => `${row.level}:${row.code}:${row.self ? 'self' : 'child'}`}
        size="small"
        columns={columns}
        dataSource={dataSource}
        loading={table.loading}
        pagination={false}
        scroll={{ x: showsProducts ? (canSeeEnterprises ? 1260 : 1130) : 910 }}
        rowClassName={(row) => (row.self ? 'ind-self-row' : '')}
        locale={{ emptyText: t('indicators.iip.empty') }}
      />
      {canSeeEnterprises && <ProductEnterprisesDrawer period={period} comparison={comparison} product={enterprisesOf} onClose={() => setEnterprisesOf(null)} fileName={fileName} />}
    </Card>
  );
};
