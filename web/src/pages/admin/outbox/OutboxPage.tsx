import { useState } from 'react';
import { Alert, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { listOutbox } from '../../../api/admin';
import type { TOutboxMessage, TOutboxStatus } from '../../../api/types';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';

const STATUS_COLORS: Record<TOutboxStatus, string> = { QUEUED: 'processing', SENT: 'success', FAILED: 'error', OUTBOX_ONLY: 'default' };

const OutboxPage = () => {
  const t = useT();
  const format = useFormat();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const outbox = useApiQuery(JSON.stringify(paging), (signal) => listOutbox(paging, signal));

  const columns: TableColumnsType<TOutboxMessage> = [
    { key: 'createdAt', title: t('outbox.createdAt'), dataIndex: 'createdAt', width: 170, render: (value: string) => format.dateTime(value) },
    { key: 'to', title: t('outbox.to'), dataIndex: 'to' },
    { key: 'subject', title: t('outbox.subject'), dataIndex: 'subject', render: (subject: string) => <Typography.Text strong>{subject}</Typography.Text> },
    {
      key: 'status',
      title: t('outbox.status'),
      dataIndex: 'status',
      render: (status: TOutboxStatus) => <Tag color={STATUS_COLORS[status]}>{t(`outbox.statuses.${status}`)}</Tag>,
    },
    { key: 'sentAt', title: t('outbox.sentAt'), dataIndex: 'sentAt', width: 170, render: (value: string | null) => format.dateTime(value) },
  ];

  return (
    <>
      <PageHeader title={t('outbox.title')} />
      {outbox.error && <ApiErrorAlert error={outbox.error} onRetry={outbox.reload} />}
      <Table<TOutboxMessage>
        rowKey="id"
        columns={columns}
        dataSource={outbox.data?.items ?? []}
        loading={outbox.loading}
        scroll={{ x: 860 }}
        expandable={{
          expandedRowRender: (mail) => (
            <section aria-label={t('outbox.body')}>
              {mail.error && <Alert type="error" showIcon title={`${t('outbox.error')}: ${mail.error}`} className="form-error" />}
              <pre className="mail-body">{mail.body}</pre>
            </section>
          ),
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: outbox.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.totalItems', { total: format.number(total) }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </>
  );
};

export default OutboxPage;
