import { Suspense, useState } from 'react';
import { App, Button, Flex, Layout, Menu, Spin, Tag, Typography, type MenuProps } from 'antd';
import { ApiOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useErrorText } from '../components/errors';
import { useT } from '../i18n/I18nProvider';
import { useSession, useUser } from '../session/SessionProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { API_DOCS_PATH, canSeeApiDocs, visibleEntries, type TNavEntry } from './navigation';

/** The menu key of the current page: the longest entry path that prefixes the location. */
const selectedKey = (pathname: string, entries: TNavEntry[]): string | undefined =>
  entries
    .filter((entry) => (entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;

/** The signed-in shell: collapsible side navigation, header (user, language, sign-out) and the page. */
export const AppLayout = () => {
  const t = useT();
  const user = useUser();
  const { logout } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(() => window.matchMedia('(max-width: 991.98px)').matches);

  const entries = visibleEntries(user);
  const toItem = (entry: TNavEntry) => ({ key: entry.path, icon: entry.icon, label: <Link to={entry.path}>{t(entry.label)}</Link> });
  const adminEntries = entries.filter((entry) => entry.group === 'admin');
  const enterpriseEntries = entries.filter((entry) => entry.group === 'enterprises');
  const reportEntries = entries.filter((entry) => entry.group === 'reports');
  const items: MenuProps['items'] = [
    ...entries.filter((entry) => entry.group === 'main').map(toItem),
    ...(enterpriseEntries.length > 0
      ? [{ type: 'group' as const, key: 'enterprises', label: collapsed ? null : t('nav.enterprisesGroup'), children: enterpriseEntries.map(toItem) }]
      : []),
    ...(reportEntries.length > 0 ? [{ type: 'group' as const, key: 'reports', label: collapsed ? null : t('reports.nav.group'), children: reportEntries.map(toItem) }] : []),
    ...(adminEntries.length > 0 || canSeeApiDocs(user)
      ? [
          {
            type: 'group' as const,
            key: 'admin',
            label: collapsed ? null : t('nav.adminGroup'),
            children: [
              ...adminEntries.map(toItem),
              ...(canSeeApiDocs(user)
                ? [
                    {
                      key: API_DOCS_PATH,
                      icon: <ApiOutlined />,
                      label: (
                        <a href={API_DOCS_PATH} target="_blank" rel="noopener noreferrer">
                          {t('nav.apiDocs')}
                        </a>
                      ),
                    },
                  ]
                : []),
            ],
          },
        ]
      : []),
  ];
  const selected = selectedKey(location.pathname, entries);

  const signOut = async () => {
    try {
      await logout();
      navigate('/login', { replace: true });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider
        className="app-sider"
        width={256}
        collapsedWidth={64}
        collapsed={collapsed}
        trigger={null}
        breakpoint="lg"
        onBreakpoint={(broken) => setCollapsed(broken)}
      >
        <Link to="/" className="brand" aria-label={t('app.name')}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          {!collapsed && (
            <span className="brand-text">
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-subtitle">{t('app.subtitle')}</span>
            </span>
          )}
        </Link>
        <nav aria-label={t('nav.mainMenu')}>
          <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Button
            type="text"
            className="sider-toggle"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            aria-expanded={!collapsed}
            onClick={() => setCollapsed((value) => !value)}
          />
          <Flex align="center" gap="middle" className="header-tools">
            <Link to="/account" className="header-user" aria-label={t('nav.userMenu', { name: user.displayName })}>
              <UserOutlined aria-hidden />
              <Typography.Text strong ellipsis className="header-user-name">
                {user.displayName}
              </Typography.Text>
            </Link>
            <Tag color="blue" className="header-role">
              {t(`roles.${user.role}`)}
            </Tag>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {t('nav.logout')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content id="main-content" tabIndex={-1} className="app-content">
          <Suspense
            fallback={
              <Flex justify="center" className="page-spinner">
                <Spin size="large" description={t('common.loading')} />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
