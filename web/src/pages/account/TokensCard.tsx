import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { listTokens, revokeToken } from '../../api/me';
import type { TAccessToken } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useErrorText } from '../../components/errors';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { CreateTokenModal } from './CreateTokenModal';

type TTokenStatus = 'active' | 'revoked' | 'expired';
const statusOf = (token: TAccessToken): TTokenStatus =>
  token.revokedAt ? 'revoked' : token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now() ? 'expired' : 'active';
const STATUS_COLORS: Record<TTokenStatus, string> = { active: 'green', revoked: 'default', expired: 'orange' };

/** The user's personal access tokens: list, create (secret shown once) and revoke. */
export const TokensCard = ({ permissions }: { permissions: string[] }) => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const tokens = useApiQuery('tokens', listTokens);
  const [creating, setCreating] = useState(false);

  const revoke = async (token: TAccessToken) => {
    try {
      await revokeToken(token.id);
      void message.success(t('tokens.revokedMessage'));
      tokens.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const columns: TableColumnsType<TAccessToken> = [
    { key: 'name', title: t('tokens.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { key: 'prefix', title: t('tokens.prefix'), dataIndex: 'prefix', render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
    {
      key: 'scopes',
      title: t('tokens.scopes'),
      dataIndex: 'scopes',
      render: (scopes: string[]) => (
        <Flex wrap gap={4}>
          {scopes.map((scope) => (
            <Tag key={scope}>{scope}</Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'createdAt', title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (value: string) => format.date(value) },
    { key: 'lastUsedAt', title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: (value: string | null) => (value ? format.dateTime(value) : t('tokens.never')) },
    { key: 'expiresAt', title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (value: string | null) => (value ? format.date(value) : t('tokens.noExpiry')) },
    {
      key: 'status',
      title: t('tokens.status'),
      render: (_value, token) => <Tag color={STATUS_COLORS[statusOf(token)]}>{t(`tokens.${statusOf(token)}`)}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_value, token) =>
        statusOf(token) === 'active' && (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: token.name })}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke(token)}
          >
            <Button type="link" danger size="small" aria-label={`${t('tokens.revoke')} ${token.name}`}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={2} className="card-title">
          {t('tokens.title')}
        </Typography.Title>
      }
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.hint')}</Typography.Paragraph>
      {tokens.error && <ApiErrorAlert error={tokens.error} onRetry={tokens.reload} />}
      <Table<TAccessToken> rowKey="id" size="small" columns={columns} dataSource={tokens.data?.items ?? []} loading={tokens.loading} pagination={false} scroll={{ x: 820 }} />
      <CreateTokenModal open={creating} permissions={permissions} onClose={() => setCreating(false)} onCreated={() => tokens.reload()} />
    </Card>
  );
};
