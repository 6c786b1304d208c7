import { useEffect, useMemo, useState, type Key } from 'react';
import { Alert, DatePicker, Flex, Input, Segmented, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { UNIT_LEVELS, type TUnit, type TUnitLevel } from '../../../api/types';
import { listUnits } from '../../../api/units';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';

type TUnitRow = TUnit & { children?: TUnitRow[] };
type TLevelFilter = TUnitLevel | 'ALL';

/** The day the two-tier local government (province → commune) came into force. */
const TWO_TIER_FROM = '2025-07-01';
const LEVEL_COLORS: Record<TUnitLevel, string> = { PROVINCE: 'red', DISTRICT: 'blue', COMMUNE: 'green' };

/** Units as a tree following parentCode; units whose parent is not in force at the date become roots. */
const buildTree = (units: TUnit[]): TUnitRow[] => {
  const rows = new Map<string, TUnitRow>(units.map((unit) => [unit.code, { ...unit }]));
  const roots: TUnitRow[] = [];
  for (const row of rows.values()) {
    const parent = row.parentCode ? rows.get(row.parentCode) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), row];
    else roots.push(row);
  }
  return roots;
};

/** The administrative units in force at a chosen date, as a tree or filtered by level / text. */
export const UnitsTab = ({ reloadKey }: { reloadKey: number }) => {
  const t = useT();
  const format = useFormat();
  const [at, setAt] = useState<Dayjs>(() => dayjs());
  const [level, setLevel] = useState<TLevelFilter>('ALL');
  const [search, setSearch] = useState('');
  const atIso = at.format('YYYY-MM-DD');
  const units = useApiQuery(`${atIso}:${reloadKey}`, (signal) => listUnits({ at: atIso }, signal));
  const items = useMemo(() => units.data?.items ?? [], [units.data]);
  const tree = useMemo(() => buildTree(items), [items]);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  useEffect(() => setExpanded(tree.map((row) => row.code)), [tree]);

  const names = useMemo(() => new Map(items.map((unit) => [unit.code, unit.name])), [items]);
  const needle = search.trim().toLocaleLowerCase('vi');
  const flat = level !== 'ALL' || needle !== '';
  const filtered = items.filter(
    (unit) => (level === 'ALL' || unit.level === level) && (!needle || unit.code.toLocaleLowerCase('vi').includes(needle) || unit.name.toLocaleLowerCase('vi').includes(needle)),
  );

  const columns: TableColumnsType<TUnitRow> = [
    { key: 'name', title: t('units.name'), dataIndex: 'name' },
    { key: 'code', title: t('units.code'), dataIndex: 'code', width: 120 },
    { key: 'level', title: t('units.level'), dataIndex: 'level', width: 180, render: (value: TUnitLevel) => <Tag color={LEVEL_COLORS[value]}>{t(`units.levels.${value}`)}</Tag> },
    ...(flat
      ? [{ key: 'parent', title: t('units.parent'), dataIndex: 'parentCode', render: (code: string | null) => (code ? names.get(code) ?? code : '—') }]
      : []),
    { key: 'validFrom', title: t('units.validFrom'), dataIndex: 'validFrom', width: 130, render: (value: string) => format.date(value) },
    { key: 'validTo', title: t('units.validTo'), dataIndex: 'validTo', width: 130, render: (value: string | null) => format.date(value) },
  ];

  return (
    <>
      <Flex wrap gap="middle" align="end" className="toolbar">
        <Flex vertical gap={4}>
          <label htmlFor="units-at">{t('units.at')}</label>
          <DatePicker id="units-at" value={at} onChange={(value) => value && setAt(value)} format={format.datePickerFormat} allowClear={false} />
        </Flex>
        <Segmented<TLevelFilter>
          aria-label={t('units.levelFilter')}
          value={level}
          onChange={setLevel}
          options={[{ value: 'ALL', label: t('common.all') }, ...UNIT_LEVELS.map((value) => ({ value, label: t(`units.levels.${value}`) }))]}
        />
        <Input.Search
          aria-label={t('units.searchLabel')}
          placeholder={t('units.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="toolbar-search"
        />
      </Flex>
      <Alert type="info" showIcon title={atIso >= TWO_TIER_FROM ? t('units.twoTier') : t('units.threeTier')} className="toolbar" />
      {units.error && <ApiErrorAlert error={units.error} onRetry={units.reload} />}
      <Flex wrap gap="large" className="toolbar">
        {UNIT_LEVELS.map((value) => (
          <Statistic
            key={value}
            title={t(`units.levels.${value}`)}
            value={items.filter((unit) => unit.level === value).length}
            formatter={(count) => format.number(Number(count))}
          />
        ))}
      </Flex>
      <Table<TUnitRow>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={flat ? filtered : tree}
        loading={units.loading}
        scroll={{ x: 760 }}
        expandable={flat ? undefined : { expandedRowKeys: expanded, onExpandedRowsChange: setExpanded }}
        pagination={flat ? { defaultPageSize: 50, showSizeChanger: true, showTotal: (total) => t('common.totalItems', { total: format.number(total) }) } : false}
      />
    </>
  );
};
