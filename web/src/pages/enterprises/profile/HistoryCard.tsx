import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { getEnterpriseHistory } from '../../../api/enterprises';
import type { TEnterpriseAuditEntry } from '../../../api/types';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT, type TKey } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { ChangeList, isEmpty, type TChange } from '../ChangeList';
import { FIELD_ORDER, type TFieldText } from '../fieldText';


const ACTION_KEYS: Record<string, TKey> = {
  'enterprise.create': 'enterprises.history.actions.create',
  'enterprise.update': 'enterprises.history.actions.update',
  'enterprise.figures': 'enterprises.history.actions.figures',
  'enterprise.import_create': 'enterprises.history.actions.import_create',
  'enterprise.import_update': 'enterprises.history.actions.import_update',
};
const ACTION_COLORS: Record<string, string> = { 'enterprise.create': 'green', 'enterprise.import_create': 'green', 'enterprise.figures': 'purple' };
/** Beyond this many changed fields the list is shown in an expanded row. */
const INLINE_LIMIT = 6;

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** The fields whose value differs between the before and after snapshots, in form order. */
export const changesOf = (entry: Pick<TEnterpriseAuditEntry, 'before' | 'after'>): TChange[] => {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  return fields
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .filter((field) => !(isEmpty(before[field]) && isEmpty(after[field])))
    .sort((a, b) => rank(a) - rank(b))
    .map((field) => ({ field, before: before[field], after: after[field] }));
};

/** The audit trail of one enterprise: who changed what and when, with before/after values. */
export const HistoryCard = ({ enterpriseId, reloadKey, text }: { enterpriseId: number; reloadKey: number; text: TFieldText }) => {
  const t = useT();
  const format = useFormat();
  const history = useApiQuery(`enterprise-history:${enterpriseId}:${reloadKey}`, (signal) => getEnterpriseHistory(enterpriseId, signal));

  const summary = (entry: TEnterpriseAuditEntry) => {
    const changes = changesOf(entry);
    const year = asRecord(entry.after).year ?? asRecord(entry.before).year;
    const yearLine =
      entry.action === 'enterprise.figures' && year !== undefined ? (
        <Typography.Text strong>
          {t('enterprises.fields.year')} {String(year)}
        </Typography.Text>
      ) : null;
    if (changes.length === 0) return <Typography.Text type="secondary">{t('enterprises.history.noDifference')}</Typography.Text>;
    if (changes.length > INLINE_LIMIT) {
      return (
        <Typography.Text>
          {entry.before === null || entry.before === undefined
            ? t('enterprises.history.created', { count: format.number(changes.length) })
            : changes.map((change) => text.label(change.field)).join(', ')}
        </Typography.Text>
      );
    }
    return (
      <>
        {yearLine}
        <ChangeList changes={changes.filter((change) => !(yearLine && change.field === 'year'))} text={text} />
      </>
    );
  };

  const columns: TableColumnsType<TEnterpriseAuditEntry> = [
    { key: 'at', title: t('enterprises.history.at'), dataIndex: 'at', width: 150, render: (at: string) => <span className="nowrap">{format.dateTime(at)}</span> },
    { key: 'actor', title: t('enterprises.history.actor'), dataIndex: 'actorName', width: 160 },
    {
      key: 'action',
      title: t('enterprises.history.action'),
      dataIndex: 'action',
      width: 190,
      render: (action: string) => <Tag color={ACTION_COLORS[action] ?? 'blue'}>{t(ACTION_KEYS[action] ?? 'enterprises.history.actions.other')}</Tag>,
    },
    { key: 'changes', title: t('enterprises.history.changes'), render: (_value, entry) => summary(entry) },
  ];

  return (
    <Card
      title={
        <Typography.Title level={2} className="card-title">
          {t('enterprises.history.title')}
        </Typography.Title>
      }
    >
      {history.error && <ApiErrorAlert error={history.error} onRetry={history.reload} />}
      <Table<TEnterpriseAuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={history.data?.items ?? []}
        loading={history.loading}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('enterprises.history.empty') }}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        expandable={{
          rowExpandable: (entry) => changesOf(entry).length > INLINE_LIMIT,
          expandedRowRender: (entry) => <ChangeList changes={changesOf(entry)} text={text} />,
        }}
      />
    </Card>
  );
};
