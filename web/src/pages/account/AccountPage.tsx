import { Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { hasPermission, useUser } from '../../session/SessionProvider';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TokensCard } from './TokensCard';

const CardTitle = ({ children }: { children: string }) => (
  <Typography.Title level={2} className="card-title">
    {children}
  </Typography.Title>
);

const AccountPage = () => {
  const t = useT();
  const user = useUser();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Space orientation="vertical" size="middle" className="full-width">
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Space orientation="vertical" size="middle" className="full-width">
              <Card title={<CardTitle>{t('account.profile')}</CardTitle>}>
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    { key: 'username', label: t('users.username'), children: user.username },
                    { key: 'displayName', label: t('users.displayName'), children: user.displayName },
                    { key: 'email', label: t('users.email'), children: user.email ?? '—' },
                    { key: 'role', label: t('users.role'), children: <Tag color="blue">{t(`roles.${user.role}`)}</Tag> },
                  ]}
                />
              </Card>
              <Card title={<CardTitle>{t('language.label')}</CardTitle>}>
                <Flex vertical gap="small" align="start">
                  <LanguageSwitch />
                  <Typography.Text type="secondary">{t('account.languageHint')}</Typography.Text>
                </Flex>
              </Card>
            </Space>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={<CardTitle>{t('password.title')}</CardTitle>}>
              <ChangePasswordForm />
            </Card>
          </Col>
        </Row>
        {hasPermission(user, 'me.tokens') && <TokensCard permissions={user.permissions} />}
      </Space>
    </>
  );
};

export default AccountPage;
