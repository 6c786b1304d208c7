import { Table, Typography, type TableColumnsType } from 'antd';
import type { TAuditEntry } from '../../../api/types';
import { useT } from '../../../i18n/I18nProvider';

type TDiffRow = { field: string; before: unknown; after: unknown; changed: boolean };
type TSnapshot = Record<string, unknown>;

const isSnapshot = (value: unknown): value is TSnapshot => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasValue = (value: unknown) => value !== null && value !== undefined;

const Json = ({ value }: { value: unknown }) =>
  value === undefined ? <Typography.Text type="secondary">—</Typography.Text> : <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;

/** The before/after snapshots of an audit entry: field by field with changes highlighted, or raw JSON. */
export const AuditDiff = ({ entry }: { entry: TAuditEntry }) => {
  const t = useT();
  const { before, after } = entry;
  if (!hasValue(before) && !hasValue(after)) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;

  const fieldwise = (isSnapshot(before) || !hasValue(before)) && (isSnapshot(after) || !hasValue(after));
  const beforeFields: TSnapshot = isSnapshot(before) ? before : {};
  const afterFields: TSnapshot = isSnapshot(after) ? after : {};
  const rows: TDiffRow[] = fieldwise
    ? [...new Set([...Object.keys(beforeFields), ...Object.keys(afterFields)])].sort().map((field) => ({
        field,
        before: beforeFields[field],
        after: afterFields[field],
        changed: JSON.stringify(beforeFields[field]) !== JSON.stringify(afterFields[field]),
      }))
    : [{ field: '', before, after, changed: true }];

  const columns: TableColumnsType<TDiffRow> = [
    ...(fieldwise
      ? [
          {
            key: 'field',
            title: t('audit.field'),
            dataIndex: 'field',
            width: 220,
            render: (field: string, row: TDiffRow) => (
              <>
                <Typography.Text code>{field}</Typography.Text>
                {row.changed && hasValue(before) && hasValue(after) && <Typography.Text type="warning"> ● {t('audit.changed')}</Typography.Text>}
              </>
            ),
          },
        ]
      : []),
    { key: 'before', title: t('audit.before'), render: (_value, row) => <Json value={row.before} /> },
    { key: 'after', title: t('audit.after'), render: (_value, row) => <Json value={row.after} /> },
  ];
  return (
    <Table<TDiffRow>
      rowKey="field"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      rowClassName={(row) => (row.changed && hasValue(before) && hasValue(after) ? 'diff-changed' : '')}
    />
  );
};
