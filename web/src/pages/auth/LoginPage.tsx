import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/errors';
import { useT } from '../../i18n/I18nProvider';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { useSession } from '../../session/SessionProvider';

type TLoginForm = { username: string; password: string };
const FIELDS = ['username', 'password'] as const;

const redirectTarget = (state: unknown): string => {
  const from = typeof state === 'object' && state !== null && 'from' in state ? (state as { from: unknown }).from : null;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
};

const LoginPage = () => {
  const t = useT();
  const { state, login } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [form] = Form.useForm<TLoginForm>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const target = redirectTarget(location.state);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('login.title') });
  }, [t]);

  if (state.status === 'ready' && state.user && !submitting) return <Navigate to={target} replace />;

  const submit = async (values: TLoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(target, { replace: true });
    } catch (caught) {
      setError(caught);
      showFieldErrors(form, caught, FIELDS);
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  const expired = state.status === 'ready' && state.expired && !error;

  return (
    <main className="login-page">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={44} height={44} />
          <div>
            <div className="login-brand-name">{t('app.name')}</div>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={1} className="page-title">
          {t('login.heading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.hint')}</Typography.Paragraph>
        {expired && <Alert type="info" showIcon title={t('errors.SESSION_EXPIRED')} className="login-alert" />}
        <Form<TLoginForm> form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('common.requiredField', { field: t('login.username').toLowerCase() }) }]}
          >
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('common.requiredField', { field: t('login.password').toLowerCase() }) }]}
          >
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
          </Form.Item>
          {error !== null && (
            <div className="form-error">
              <ApiErrorAlert error={error} fields={FIELDS} />
            </div>
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
};

export default LoginPage;
