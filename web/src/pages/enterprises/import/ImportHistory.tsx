import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { importFileUrl, listImportRuns } from '../../../api/enterprises';
import type { TImportRun } from '../../../api/types';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';

const STATUS_COLORS: Record<string, string> = { DRY_RUN: 'blue', COMMITTED: 'green', REJECTED: 'red' };
const KNOWN_STATUSES = ['DRY_RUN', 'COMMITTED', 'REJECTED'] as const;

const countOf = (counts: unknown, name: string): number =>
  typeof counts === 'object' && counts !== null && typeof (counts as Record<string, unknown>)[name] === 'number' ? ((counts as Record<string, number>)[name] ?? 0) : 0;

/** Past imports (dry runs included) with their outcome and a link to the original file. */
export const ImportHistory = ({ reloadKey }: { reloadKey: number }) => {
  const t = useT();
  const format = useFormat();
  const runs = useApiQuery(`import-runs:${reloadKey}`, listImportRuns);

  const columns: TableColumnsType<TImportRun> = [
    { key: 'startedAt', title: t('enterprises.import.startedAt'), dataIndex: 'startedAt', width: 140, render: (at: string) => <span className="nowrap">{format.dateTime(at)}</span> },
    {
      key: 'fileName',
      title: t('enterprises.import.fileName'),
      render: (_value, run) => (
        <a href={importFileUrl(run.id)} download={run.fileName} aria-label={t('enterprises.import.download', { file: run.fileName })}>
          <DownloadOutlined aria-hidden /> {run.fileName}
        </a>
      ),
    },
    {
      key: 'size',
      title: t('enterprises.import.size'),
      dataIndex: 'size',
      width: 100,
      align: 'right',
      render: (size: number) =>
        size < 1024 ? t('enterprises.import.sizeBytes', { size: format.number(size) }) : t('enterprises.import.sizeKb', { size: format.number(size / 1024, 1) }),
    },
    {
      key: 'mode',
      title: t('enterprises.import.mode'),
      dataIndex: 'dryRun',
      width: 100,
      render: (dryRun: boolean) => (dryRun ? t('enterprises.import.modeDryRun') : t('enterprises.import.modeCommit')),
    },
    {
      key: 'status',
      title: t('enterprises.import.status'),
      dataIndex: 'status',
      width: 140,
      render: (status: string, run) =>
        status === 'DRY_RUN' && run.errorCount > 0 ? (
          <Tag color="orange">{t('enterprises.import.runStatuses.DRY_RUN_ERRORS')}</Tag>
        ) : (
          <Tag color={STATUS_COLORS[status] ?? 'default'}>
            {KNOWN_STATUSES.find((known) => known === status) ? t(`enterprises.import.runStatuses.${status as (typeof KNOWN_STATUSES)[number]}`) : status}
          </Tag>
        ),
    },
    {
      key: 'counts',
      title: t('enterprises.import.counts'),
      width: 230,
      render: (_value, run) =>
        countOf(run.counts, 'rows') > 0
          ? t('enterprises.import.countsText', {
              rows: format.number(countOf(run.counts, 'rows')),
              inserted: format.number(countOf(run.counts, 'inserted')),
              updated: format.number(countOf(run.counts, 'updated')),
              unchanged: format.number(countOf(run.counts, 'unchanged')),
            })
          : '—',
    },
    { key: 'errorCount', title: t('enterprises.import.errorCount'), dataIndex: 'errorCount', width: 60, align: 'right', render: (count: number) => format.number(count) },
    { key: 'actor', title: t('enterprises.import.actor'), dataIndex: 'actorName', width: 120 },
  ];

  return (
    <Card title={<Typography.Title level={2} className="card-title">{t('enterprises.import.historyTitle')}</Typography.Title>}>
      {runs.error && <ApiErrorAlert error={runs.error} onRetry={runs.reload} />}
      <Table<TImportRun>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={runs.data?.items ?? []}
        loading={runs.loading}
        scroll={{ x: 960 }}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
      />
    </Card>
  );
};
