import { useEffect } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Navigate, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/I18nProvider';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { useSession, useUser } from '../../session/SessionProvider';
import { ChangePasswordForm } from '../account/ChangePasswordForm';

/** Shown instead of every page while the user must change a password set by an administrator. */
const ChangePasswordPage = () => {
  const t = useT();
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('password.title') });
  }, [t]);

  if (!user.mustChangePassword) return <Navigate to="/" replace />;

  return (
    <main className="login-page">
      <Flex className="login-top" gap="small" align="center">
        <LanguageSwitch />
        <Button icon={<LogoutOutlined />} onClick={() => void logout().finally(() => navigate('/login', { replace: true }))}>
          {t('nav.logout')}
        </Button>
      </Flex>
      <Card className="login-card">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={44} height={44} />
          <div>
            <div className="login-brand-name">{t('app.name')}</div>
            <Typography.Text type="secondary">{user.displayName}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={1} className="page-title">
          {t('password.forcedTitle')}
        </Typography.Title>
        <Alert type="warning" showIcon title={t('password.forcedHint')} className="login-alert" />
        <ChangePasswordForm onChanged={() => navigate('/', { replace: true })} />
      </Card>
    </main>
  );
};

export default ChangePasswordPage;
