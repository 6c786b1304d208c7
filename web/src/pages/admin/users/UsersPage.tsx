import { useState } from 'react';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CheckCircleOutlined, EditOutlined, KeyOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { listUsers, updateUser, type TUserQuery } from '../../../api/admin';
import { ROLES, type TAdminUser, type TRole } from '../../../api/types';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useErrorText } from '../../../components/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { useUser } from '../../../session/SessionProvider';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

const PAGE_SIZE = 20;

const UsersPage = () => {
  const t = useT();
  const format = useFormat();
  const me = useUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [query, setQuery] = useState<TUserQuery>({ page: 1, pageSize: PAGE_SIZE });
  const [search, setSearch] = useState('');
  const users = useApiQuery(JSON.stringify(query), (signal) => listUsers(query, signal));
  const [editing, setEditing] = useState<TAdminUser | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [resetting, setResetting] = useState<TAdminUser | null>(null);

  const openForm = (user: TAdminUser | null) => {
    setEditing(user);
    setFormOpen(true);
  };

  const toggleDisabled = async (user: TAdminUser) => {
    try {
      await updateUser(user.id, { disabled: !user.disabled });
      void message.success(t('users.updated', { username: user.username }));
      users.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const scopeOf = (user: TAdminUser) => {
    if (user.role === 'OFFICER') return user.modules.map((module) => <Tag key={module}>{t(`modules.${module}`)}</Tag>);
    if (user.role === 'AREA_OFFICER') return user.unitCodes.map((code) => <Tag key={code}>{code}</Tag>);
    if (user.role === 'ENTERPRISE') return user.enterpriseIds.map((id) => <Tag key={id}>#{id}</Tag>);
    return <Typography.Text type="secondary">{t('users.allModules')}</Typography.Text>;
  };

  const statusOf = (user: TAdminUser) => {
    if (user.disabled) return <Tag color="default">{t('users.disabled')}</Tag>;
    if (user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()) {
      return <Tag color="orange">{t('users.lockedUntil', { time: format.dateTime(user.lockedUntil) })}</Tag>;
    }
    return <Tag color="green">{t('users.active')}</Tag>;
  };

  const columns: TableColumnsType<TAdminUser> = [
    {
      key: 'user',
      title: t('users.displayName'),
      width: 260,
      render: (_value, user) => (
        <Flex vertical>
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <Typography.Text type="secondary" className="small-text">
            {user.username}
            {user.email ? ` · ${user.email}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'role', title: t('users.role'), dataIndex: 'role', render: (role: TRole) => <Tag color="blue">{t(`roles.${role}`)}</Tag> },
    { key: 'scope', title: t('users.scope'), render: (_value, user) => <Flex wrap gap={4}>{scopeOf(user)}</Flex> },
    { key: 'status', title: t('users.status'), render: (_value, user) => statusOf(user) },
    { key: 'lastLoginAt', title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: (value: string | null) => <span className="nowrap">{format.dateTime(value)}</span> },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_value, user) => (
        <Space size={4}>
          <Tooltip title={t('common.edit')}>
            <Button size="small" icon={<EditOutlined />} onClick={() => openForm(user)} aria-label={`${t('common.edit')}: ${user.username}`} />
          </Tooltip>
          {user.id !== me.id && (
            <Popconfirm
              title={t(user.disabled ? 'users.enableConfirm' : 'users.disableConfirm', { username: user.username })}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={() => toggleDisabled(user)}
            >
              <Tooltip title={t(user.disabled ? 'users.enable' : 'users.disable')}>
                <Button
                  size="small"
                  danger={!user.disabled}
                  icon={user.disabled ? <CheckCircleOutlined /> : <StopOutlined />}
                  aria-label={`${t(user.disabled ? 'users.enable' : 'users.disable')}: ${user.username}`}
                />
              </Tooltip>
            </Popconfirm>
          )}
          <Tooltip title={t('users.resetPassword')}>
            <Button size="small" icon={<KeyOutlined />} onClick={() => setResetting(user)} aria-label={`${t('users.resetPassword')}: ${user.username}`} />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
            {t('users.create')}
          </Button>
        }
      />
      <Flex wrap gap="small" className="toolbar">
        <Input.Search
          aria-label={t('users.searchLabel')}
          placeholder={t('users.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => setQuery((previous) => ({ ...previous, q: value.trim() || undefined, page: 1 }))}
          enterButton={t('common.search')}
          className="toolbar-search"
        />
        <Select<TRole>
          aria-label={t('users.roleFilter')}
          placeholder={t('users.roleFilter')}
          allowClear
          value={query.role}
          onChange={(role) => setQuery((previous) => ({ ...previous, role, page: 1 }))}
          options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          className="toolbar-select"
        />
      </Flex>
      {users.error && <ApiErrorAlert error={users.error} onRetry={users.reload} />}
      <Table<TAdminUser>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.loading}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.totalItems', { total: format.number(total) }),
          onChange: (page, pageSize) => setQuery((previous) => ({ ...previous, page, pageSize })),
        }}
      />
      <UserFormModal
        open={formOpen}
        user={editing}
        onClose={() => setFormOpen(false)}
        onSaved={() => {
          setFormOpen(false);
          users.reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
};

export default UsersPage;
