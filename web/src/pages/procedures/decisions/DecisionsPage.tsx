import { useState } from 'react';
import { Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { listDecisions, type TDecisionSummary } from '../../../api/procedures';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { hasPermission, useSession } from '../../../session/SessionProvider';
import { ImportDecisionModal } from './ImportDecisionModal';

/** The publication decisions, newest first (public); the one-stop desk records new ones from here. */
const DecisionsPage = () => {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const { state } = useSession();
  const user = state.status === 'ready' ? state.user : null;
  const canPublish = Boolean(user && hasPermission(user, 'procedures.manage'));
  const decisions = useApiQuery('procedure-decisions', listDecisions);
  const [isImporting, setImporting] = useState(false);

  const columns: TableColumnsType<TDecisionSummary> = [
    { key: 'number', title: t('procedures.decisions.number'), width: 170, render: (_value, row) => <span className="nowrap">{row.number}</span> },
    { key: 'signedOn', title: t('procedures.decisions.signedOn'), width: 120, render: (_value, row) => format.date(row.signedOn) },
    { key: 'note', title: t('procedures.decisions.note'), render: (_value, row) => row.note ?? '—' },
    { key: 'issuer', title: t('procedures.decisions.issuer'), width: 260, dataIndex: 'issuer' },
  ];

  return (
    <>
      <Link to="/procedures" className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('procedures.detail.back')}
      </Link>
      <PageHeader
        title={t('procedures.decisions.title')}
        extra={
          canPublish && (
            <Space wrap>
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('procedures.import.open')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/procedures/decisions/new')}>
                {t('procedures.decisions.create')}
              </Button>
            </Space>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('procedures.decisions.intro')}</Typography.Paragraph>
      {canPublish && <ImportDecisionModal open={isImporting} onClose={() => setImporting(false)} onDone={decisions.reload} />}
      {decisions.error && <ApiErrorAlert error={decisions.error} onRetry={decisions.reload} />}
      <Table<TDecisionSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={decisions.data?.items ?? []}
        loading={decisions.loading}
        scroll={{ x: 760 }}
        tableLayout="fixed"
        locale={{ emptyText: t('procedures.decisions.empty') }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.totalItems', { total: format.number(total) }) }}
      />
    </>
  );
};

export default DecisionsPage;
