import { useMemo, useState } from 'react';
import { Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TLineageRelation } from '../../../api/types';
import { listLineage } from '../../../api/units';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';

type TLineageRow = { key: string; oldCode: string; oldName: string; relation: TLineageRelation; targets: { code: string; name: string }[] };
const RELATION_COLORS: Record<TLineageRelation, string> = { merged_into: 'purple', split_to: 'orange', renamed: 'cyan' };

/** Former units (e.g. districts before 1 July 2025) and the units that replaced them. */
export const LineageTab = () => {
  const t = useT();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const lineage = useApiQuery('lineage', listLineage);

  const rows = useMemo(() => {
    const groups = new Map<string, TLineageRow>();
    for (const link of lineage.data?.items ?? []) {
      const key = `${link.oldCode}:${link.relation}`;
      const row = groups.get(key) ?? { key, oldCode: link.oldCode, oldName: link.oldName, relation: link.relation, targets: [] };
      row.targets.push({ code: link.newCode, name: link.newName });
      groups.set(key, row);
    }
    return [...groups.values()].sort((a, b) => a.oldCode.localeCompare(b.oldCode));
  }, [lineage.data]);

  const needle = search.trim().toLocaleLowerCase('vi');
  const visible = needle
    ? rows.filter((row) => [row.oldCode, row.oldName, ...row.targets.flatMap((target) => [target.code, target.name])].some((text) => text.toLocaleLowerCase('vi').includes(needle)))
    : rows;

  const columns: TableColumnsType<TLineageRow> = [
    {
      key: 'old',
      title: t('units.oldUnit'),
      width: 260,
      render: (_value, row) => (
        <>
          <Typography.Text strong>{row.oldName}</Typography.Text> <Typography.Text type="secondary">({row.oldCode})</Typography.Text>
        </>
      ),
    },
    {
      key: 'relation',
      title: t('units.relation'),
      dataIndex: 'relation',
      width: 150,
      render: (relation: TLineageRelation) => <Tag color={RELATION_COLORS[relation]}>{t(`units.relations.${relation}`)}</Tag>,
    },
    {
      key: 'targets',
      title: t('units.newUnits'),
      render: (_value, row) => (
        <Flex wrap gap={4}>
          {row.targets.map((target) => (
            <Tag key={target.code}>
              {target.name} ({target.code})
            </Tag>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <Flex className="toolbar">
        <Input.Search
          aria-label={t('units.searchLabel')}
          placeholder={t('units.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="toolbar-search"
        />
      </Flex>
      {lineage.error && <ApiErrorAlert error={lineage.error} onRetry={lineage.reload} />}
      <Table<TLineageRow>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={visible}
        loading={lineage.loading}
        scroll={{ x: 720 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.totalItems', { total: format.number(total) }) }}
      />
    </>
  );
};
