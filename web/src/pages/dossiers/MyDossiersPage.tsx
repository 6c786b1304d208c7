import { useState } from 'react';
import { Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { dossiersApi, type TDossierSummary } from './dossiersApi';
import { StateTag, TimelinessTag, UrgencyTag } from './labels';
import { NotificationsCard } from './NotificationsCard';
import './dossiers.css';

/** The enterprise user's dossiers (online and desk), newest first, with a button to submit a new one. */
const MyDossiersPage = () => {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const query = useApiQuery(`dossiers:mine:${page}`, (signal) => dossiersApi.mine(page, signal));
  const columns: TableColumnsType<TDossierSummary> = [
    { title: t('dossiers.common.code'), key: 'code', width: 210, render: (_, d) => <Link to={`/dossiers/${d.id}`}>{d.code ?? t('dossiers.common.noCode')}</Link> },
    { title: t('dossiers.common.procedure'), dataIndex: 'title', width: 300 },
    { title: t('dossiers.common.state'), key: 'state', width: 150, render: (_, d) => <StateTag state={d.state} /> },
    { title: t('dossiers.common.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string | null) => format.dateTime(v) },
    { title: t('dossiers.common.dueAt'), key: 'due', width: 170, render: (_, d) => (<>{format.dateTime(d.rescheduledDueAt ?? d.dueAt)} <UrgencyTag urgency={d.urgency} /></>) },
    { title: t('dossiers.common.timelinessLegal'), key: 'timeliness', width: 130, render: (_, d) => <TimelinessTag value={d.timelinessLegal} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('dossiers.mine.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/dossiers/new')}>
            {t('dossiers.mine.new')}
          </Button>
        }
      />
      <NotificationsCard />
      <Card>
        <Typography.Paragraph type="secondary">{t('dossiers.mine.intro')}</Typography.Paragraph>
        <ApiErrorAlert error={query.error} onRetry={query.reload} />
        <Table<TDossierSummary>
          rowKey="id"
          size="middle"
          loading={query.loading}
          columns={columns}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: t('dossiers.mine.empty') }}
          scroll={{ x: 1080 }}
          pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        />
      </Card>
    </>
  );
};

export default MyDossiersPage;
