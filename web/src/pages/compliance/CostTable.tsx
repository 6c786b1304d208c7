import { Table, type TableColumnsType } from 'antd';
import type { TCostBreakdown } from '../../api/compliance';
import { useT, type TKey } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useMoney } from './labels';

type TRow = { key: keyof TCostBreakdown; label: TKey; kind: 'hours' | 'money' | 'count' };

const ROWS: TRow[] = [
  { key: 'hours', label: 'compliance.cost.hours', kind: 'hours' },
  { key: 'timeCostVnd', label: 'compliance.cost.timeCost', kind: 'money' },
  { key: 'feesVnd', label: 'compliance.cost.fees', kind: 'money' },
  { key: 'consultancyVnd', label: 'compliance.cost.consultancy', kind: 'money' },
  { key: 'otherCostsVnd', label: 'compliance.cost.otherCosts', kind: 'money' },
  { key: 'costOnceVnd', label: 'compliance.cost.costOnce', kind: 'money' },
  { key: 'compliancesPerYear', label: 'compliance.cost.compliancesPerYear', kind: 'count' },
  { key: 'annualCostVnd', label: 'compliance.cost.annualCost', kind: 'money' },
];

/** The standard-cost breakdown before and after the plan, side by side. */
export const CostTable = ({ before, after, afterLabel }: { before: TCostBreakdown | null; after: TCostBreakdown | null | 'ZERO'; afterLabel: string }) => {
  const t = useT();
  const format = useFormat();
  const money = useMoney();
  const show = (b: TCostBreakdown | null | 'ZERO', row: TRow) => {
    if (b === null) return '—';
    const value = b === 'ZERO' ? 0 : b[row.key];
    if (row.kind === 'money') return money.full(value);
    return format.number(value, row.kind === 'hours' ? 2 : undefined);
  };
  const columns: TableColumnsType<TRow> = [
    { key: 'label', title: t('compliance.cost.item'), render: (_v, row) => t(row.label) },
    { key: 'before', title: t('compliance.cost.before'), align: 'right', render: (_v, row) => show(before, row) },
    { key: 'after', title: afterLabel, align: 'right', render: (_v, row) => show(after, row) },
  ];
  return <Table className="compliance-cost-table" size="small" pagination={false} rowKey="key" columns={columns} dataSource={ROWS} rowClassName={(row) => (row.key === 'annualCostVnd' || row.key === 'costOnceVnd' ? 'cost-total-row' : '')} />;
};
