import { Badge, Button, Card, List, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';

type TNotification = { id: number; kind: string; title: string; body: string; link: string | null; caseId: number | null; createdAt: string; readAt: string | null };

/** The signed-in user's unread notifications (dossier events, due-date alerts); opening one marks it read. */
export const NotificationsCard = () => {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const query = useApiQuery('dossiers:notifications', (signal) => api.get<{ items: TNotification[]; unread: number }>('/api/notifications', { unread: 'true', limit: 5 }, signal));
  const unread = query.data?.unread ?? 0;
  if (!unread) return null;
  const open = async (n: TNotification) => {
    await api.post(`/api/notifications/${n.id}/read`);
    if (n.link) navigate(n.link);
    else query.reload();
  };
  return (
    <Card
      size="small"
      className="dossier-notifications"
      title={
        <Badge count={unread} size="small" offset={[10, 0]}>
          <span>
            <BellOutlined aria-hidden /> {t('dossiers.notifications.title')}
          </span>
        </Badge>
      }
    >
      <List
        size="small"
        dataSource={query.data?.items ?? []}
        renderItem={(n) => (
          <List.Item
            actions={[
              <Button key="open" type="link" size="small" onClick={() => void open(n)}>
                {t('dossiers.common.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta title={n.title} description={<Typography.Text type="secondary">{format.dateTime(n.createdAt)}</Typography.Text>} />
          </List.Item>
        )}
      />
    </Card>
  );
};
