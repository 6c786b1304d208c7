import { useState } from 'react';
import { App, Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import { BellOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { listConferences, sendSupportReminders, type TConferenceSummary } from '../../../api/support';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { hasPermission, useUser } from '../../../session/SessionProvider';
import { OverdueTag } from '../labels';
import { ConferenceFormModal } from './ConferenceFormModal';
import '../support.css';

/** Business dialogue conferences, newest first, with their open and overdue commitments. */
const ConferencesPage = () => {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const canManage = hasPermission(useUser(), 'support.manage');
  const conferences = useApiQuery('support:conferences', listConferences);
  const [creating, setCreating] = useState(false);
  const [reminding, setReminding] = useState(false);
  const [remindError, setRemindError] = useState<unknown>(null);
  const { message } = App.useApp();

  /** Reminders of commitments and PCI actions due soon or overdue, now (the daily task does the same). */
  const remind = async () => {
    setReminding(true);
    setRemindError(null);
    try {
      const r = await sendSupportReminders();
      void message.success(t('support.conferences.remindersSent', { dueSoon: format.number(r.dueSoon), overdue: format.number(r.overdue) }));
    } catch (caught) {
      setRemindError(caught);
    } finally {
      setReminding(false);
    }
  };

  const columns: TableColumnsType<TConferenceSummary> = [
    { key: 'heldOn', title: t('support.conferences.heldOn'), width: 120, render: (_v, c) => format.date(c.heldOn) },
    { key: 'topic', title: t('support.conferences.topic'), render: (_v, c) => <Link to={`/support/conferences/${c.id}`}>{c.topic}</Link> },
    { key: 'chair', title: t('support.conferences.chair'), width: 240, dataIndex: 'chair' },
    { key: 'enterprises', title: t('support.conferences.enterprises'), width: 130, align: 'right', render: (_v, c) => format.number(c.enterprises) },
    {
      key: 'commitments',
      title: t('support.conferences.commitmentsCount'),
      width: 190,
      render: (_v, c) => (
        <Space size={4} wrap>
          <span>
            {format.number(c.commitments)} · {t('support.conferences.open')} {format.number(c.openCommitments)}
          </span>
          {c.overdueCommitments > 0 && <OverdueTag />}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('support.conferences.title')}
        extra={
          canManage && (
            <Space wrap>
              <Button icon={<BellOutlined />} loading={reminding} onClick={() => void remind()}>
                {t('support.conferences.sendReminders')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('support.conferences.create')}
              </Button>
            </Space>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('support.conferences.intro')}</Typography.Paragraph>
      {conferences.error && <ApiErrorAlert error={conferences.error} onRetry={conferences.reload} />}
      {remindError !== null && <ApiErrorAlert error={remindError} />}
      <Table<TConferenceSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={conferences.data?.items ?? []}
        loading={conferences.loading}
        scroll={{ x: 900 }}
        rowClassName={(c) => (c.overdueCommitments > 0 ? 'support-overdue' : '')}
        locale={{ emptyText: t('support.conferences.empty') }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.totalItems', { total: format.number(total) }) }}
      />
      {creating && <ConferenceFormModal conference={null} onClose={() => setCreating(false)} onSaved={(saved) => navigate(`/support/conferences/${saved.id}`)} />}
    </>
  );
};

export default ConferencesPage;
