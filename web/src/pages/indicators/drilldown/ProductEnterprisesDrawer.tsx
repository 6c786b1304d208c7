import { Alert, Descriptions, Drawer, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { TIipComparison } from '../../../api/indicators';
import { getProductEnterprises, type TDrilldownComparison, type TProductEnterprise } from '../../../api/indicators-drilldown';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useLocale, useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { roundHalfUp } from '../../../../../src/domain/format/format';
import { useEnterpriseReference } from '../../enterprises/useEnterpriseReference';
import { GrowthCell } from '../Change';
import { DownloadButtons } from '../Downloads';
import { XLSX_FORMATS, type TXlsxTable } from '../downloads';
import { capitalize, periodShort, usePeriodText } from '../periods';

/** The drill-down sums quantities over the months of MOM, YOY or YTD; other comparisons of the page show YOY. */
export const drilldownComparisonOf = (comparison: TIipComparison): TDrilldownComparison => (comparison === 'MOM' || comparison === 'YTD' ? comparison : 'YOY');

type TProps = {
  period: string;
  comparison: TIipComparison;
  /** The product opened, or null when the drawer is closed. */
  product: string | null;
  onClose: () => void;
  fileName: string;
};

const round = (value: number | null, decimals: number) => (value === null ? null : roundHalfUp(value, decimals));

/**
 * The enterprises that reported a basket product (accepted reports), largest first: quantities in
 * the current and comparison spans, change and share of the product total, each linked to its
 * profile; exportable to XLSX. Area officers see the enterprises of their areas only.
 */
export const ProductEnterprisesDrawer = ({ period, comparison: pageComparison, product, onClose, fileName }: TProps) => {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const periodText = usePeriodText();
  const reference = useEnterpriseReference();
  const comparison = drilldownComparisonOf(pageComparison);
  const query = useApiQuery(
    `indicators:iip-enterprises:${period}:${comparison}:${product ?? ''}`,
    (signal) => getProductEnterprises({ period, comparison, product: product ?? '' }, signal),
    product !== null,
  );
  const data = query.data && query.data.product.code === product && query.data.period === period && query.data.comparison === comparison ? query.data : undefined;
  const productName = data ? (locale === 'en' && data.product.nameEn ? data.product.nameEn : data.product.nameVi) : '';
  const title = data ? t('drilldown.title', { code: data.product.code, name: productName }) : t('drilldown.titleShort', { code: product ?? '' });
  const spanText = (span: { from: string; to: string }) => (span.from === span.to ? periodShort(span.from, locale) : `${periodShort(span.from, locale)} – ${periodShort(span.to, locale)}`);
  const areaOf = (row: TProductEnterprise) => reference.districtName(row.area) ?? row.area ?? reference.unitName(row.unit) ?? row.unit ?? '';
  const ownershipOf = (row: TProductEnterprise) => {
    const key = `enterprises.ownerships.${row.ownership}`;
    const text = t(key as Parameters<typeof t>[0]);
    return text === key ? row.ownership : text;
  };
  const unit = data?.product.unit ?? '';

  const columns: TableColumnsType<TProductEnterprise> = [
    { key: 'rank', title: t('drilldown.rank'), width: 50, align: 'right', render: (_v, _row, index) => index + 1 },
    { key: 'taxCode', title: t('drilldown.taxCode'), dataIndex: 'taxCode', width: 120 },
    {
      key: 'name',
      title: t('drilldown.enterprise'),
      dataIndex: 'name',
      width: 250,
      render: (name: string, row) => <Link to={`/enterprises/${row.enterpriseId}`}>{name}</Link>,
    },
    { key: 'area', title: t('drilldown.area'), width: 120, render: (_v, row) => areaOf(row) },
    { key: 'ownership', title: t('drilldown.ownership'), width: 120, render: (_v, row) => ownershipOf(row) },
    {
      key: 'qCur',
      title: t('drilldown.qCur', { unit }),
      dataIndex: 'qCur',
      align: 'right',
      width: 120,
      render: (v: number, row) => (row.monthsCur === 0 ? <Typography.Text type="secondary">{t('drilldown.notReported')}</Typography.Text> : format.number(v, 1)),
    },
    { key: 'qCmp', title: t('drilldown.qCmp', { unit }), dataIndex: 'qCmp', align: 'right', width: 120, render: (v: number) => format.number(v, 1) },
    { key: 'change', title: t('drilldown.change'), dataIndex: 'changePct', align: 'right', width: 100, render: (v: number | null) => <GrowthCell index={v === null ? null : v + 100} /> },
    { key: 'share', title: t('drilldown.share'), dataIndex: 'sharePct', align: 'right', width: 90, render: (v: number | null) => format.number(v, 1) },
  ];

  const tables = (): TXlsxTable[] =>
    data
      ? [
          {
            sheet: t('drilldown.sheet'),
            title: [
              title,
              `${capitalize(periodText.long(period))} – ${t(`indicators.comparisons.${comparison}`)}: ${spanText(data.spans.current)} / ${spanText(data.spans.compared)}`,
              ...(data.scope === 'AREA' ? [t('drilldown.areaOnly')] : []),
            ],
            headers: [t('drilldown.enterprise'), t('drilldown.taxCode'), t('drilldown.area'), t('drilldown.ownership'), t('drilldown.qCur', { unit }), t('drilldown.qCmp', { unit }), t('drilldown.change'), t('drilldown.share'), t('drilldown.remark')],
            rows: [
              ...data.rows.map((row) => [row.name, row.taxCode, areaOf(row), ownershipOf(row), round(row.qCur, 3), round(row.qCmp, 3), round(row.changePct, 1), round(row.sharePct, 1), row.monthsCur === 0 ? t('drilldown.notReported') : null]),
              [t('drilldown.total'), null, null, null, round(data.totals.qCur, 3), round(data.totals.qCmp, 3), data.totals.qCmp > 0 ? round((data.totals.qCur / data.totals.qCmp - 1) * 100, 1) : null, null, null],
            ],
            numberFormats: { 4: XLSX_FORMATS.quantity, 5: XLSX_FORMATS.quantity, 6: XLSX_FORMATS.growth, 7: XLSX_FORMATS.share },
            boldRows: [data.rows.length],
          },
        ]
      : [];

  const imputedShare = data?.published?.imputedShare ?? null;

  return (
    <Drawer
      open={product !== null}
      onClose={onClose}
      size={Math.min(1180, typeof window === 'undefined' ? 1180 : window.innerWidth - 24)}
      title={title}
      extra={<DownloadButtons fileName={`${fileName}-${product ?? ''}-doanh-nghiep`} title={title} tables={tables} disabled={!data || data.rows.length === 0} />}
    >
      <Flex vertical gap="middle">
        {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
        {comparison !== pageComparison && <Alert type="info" showIcon title={t('drilldown.yoyOnly')} />}
        {data && (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'cur', label: t('drilldown.currentSpan'), children: spanText(data.spans.current) },
              { key: 'cmp', label: t('drilldown.comparedSpan'), children: spanText(data.spans.compared) },
              { key: 'n', label: t('drilldown.count'), children: format.number(data.totals.enterprises, 0) },
              { key: 'total', label: t(data.scope === 'AREA' ? 'drilldown.reportedArea' : 'drilldown.reported', { unit }), children: format.number(data.totals.qCur, 1) },
              ...(data.published
                ? [
                    { key: 'published', label: t('drilldown.published', { unit }), children: format.number(data.published.qCur, 1) },
                    { key: 'imputed', label: t('drilldown.imputed'), children: format.number(imputedShare === null ? null : imputedShare * 100, 1) },
                  ]
                : []),
            ]}
          />
        )}
        {data && (
          <Typography.Paragraph type="secondary" className="ind-note small-text">
            {data.scope === 'AREA' ? `${t('drilldown.areaOnly')} ` : ''}
            {t('drilldown.note')}
          </Typography.Paragraph>
        )}
        <Table<TProductEnterprise>
          rowKey="enterpriseId"
          size="small"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={query.loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 1080 }}
          locale={{ emptyText: t('drilldown.empty') }}
          aria-label={title}
        />
      </Flex>
    </Drawer>
  );
};
