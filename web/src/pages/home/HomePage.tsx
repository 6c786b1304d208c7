import { Badge, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { getHealth } from '../../api/system';
import type { TUser } from '../../api/types';
import { listUnits } from '../../api/units';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { API_DOCS_PATH, canSeeApiDocs, visibleEntries } from '../../layout/navigation';
import { useUser } from '../../session/SessionProvider';

/** The user's scope: everything (admin, leader), sectors (officer), areas (area officer) or enterprises. */
const ScopeTags = ({ user }: { user: TUser }) => {
  const t = useT();
  const needsUnits = user.role === 'AREA_OFFICER' && user.unitCodes.length > 0;
  const today = dayjs().format('YYYY-MM-DD');
  const units = useApiQuery(`units:${today}`, (signal) => listUnits({ at: today }, signal), needsUnits);
  const unitName = (code: string) => units.data?.items.find((unit) => unit.code === code)?.name;

  if (user.role === 'ADMIN' || user.role === 'LEADER') return <Typography.Text>{t('home.scopeAll')}</Typography.Text>;
  const tags =
    user.role === 'OFFICER'
      ? user.modules.map((module) => <Tag key={module} color="geekblue">{t(`modules.${module}`)}</Tag>)
      : user.role === 'AREA_OFFICER'
        ? user.unitCodes.map((code) => <Tag key={code} color="green">{unitName(code) ? `${unitName(code)} (${code})` : code}</Tag>)
        : user.enterpriseIds.map((id) => <Tag key={id} color="purple">{t('home.scopeEnterpriseId', { id })}</Tag>);
  if (tags.length === 0) return <Typography.Text type="warning">{t('home.scopeNone')}</Typography.Text>;
  return <Flex wrap gap="small">{tags}</Flex>;
};

const scopeLabel = (user: TUser) =>
  user.role === 'OFFICER' ? 'home.scopeModules' : user.role === 'AREA_OFFICER' ? 'home.scopeUnits' : user.role === 'ENTERPRISE' ? 'home.scopeEnterprises' : 'home.scope';

const HealthCard = () => {
  const t = useT();
  const format = useFormat();
  const health = useApiQuery('health', getHealth);
  const data = health.data;
  const ok = data?.status === 'ok' && data.database.reachable && data.migrations.current;
  return (
    <Card title={<Typography.Title level={2} className="card-title">{t('home.health')}</Typography.Title>} loading={health.loading && !data}>
      {health.error && <ApiErrorAlert error={health.error} onRetry={health.reload} />}
      {data && (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'status', label: t('users.status'), children: <Badge status={ok ? 'success' : 'error'} text={ok ? t('home.healthOk') : t('home.healthDegraded')} /> },
            { key: 'version', label: t('home.version'), children: data.version },
            {
              key: 'database',
              label: t('home.database'),
              children: `${data.database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} – ${data.database.reachable ? t('home.databaseReachable') : t('home.databaseUnreachable')}`,
            },
            {
              key: 'migrations',
              label: t('home.migrations'),
              children: t(data.migrations.current ? 'home.migrationsCurrent' : 'home.migrationsPending', {
                applied: format.number(data.migrations.applied),
                expected: format.number(data.migrations.expected),
              }),
            },
          ]}
        />
      )}
    </Card>
  );
};

const HomePage = () => {
  const t = useT();
  const user = useUser();
  const functions = visibleEntries(user).filter((entry) => entry.description);

  return (
    <>
      <PageHeader title={t('home.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size="middle" className="full-width">
            <Card>
              <Typography.Title level={2} className="card-title">
                {t('home.greeting', { name: user.displayName })}
              </Typography.Title>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'role', label: t('home.role'), children: <Tag color="blue">{t(`roles.${user.role}`)}</Tag> },
                  { key: 'scope', label: t(scopeLabel(user)), children: <ScopeTags user={user} /> },
                ]}
              />
            </Card>
            <Card title={<Typography.Title level={2} className="card-title">{t('home.functions')}</Typography.Title>}>
              <ul className="function-list">
                {functions.map((entry) => (
                  <li key={entry.path}>
                    <span className="function-icon" aria-hidden>
                      {entry.icon}
                    </span>
                    <span>
                      <Link to={entry.path} className="function-title">
                        {t(entry.label)}
                      </Link>
                      {entry.description && <Typography.Text type="secondary">{t(entry.description)}</Typography.Text>}
                    </span>
                  </li>
                ))}
                {canSeeApiDocs(user) && (
                  <li>
                    <span className="function-icon" aria-hidden>
                      <ApiOutlined />
                    </span>
                    <span>
                      <a href={API_DOCS_PATH} target="_blank" rel="noopener noreferrer" className="function-title">
                        {t('nav.apiDocs')}
                      </a>
                      <Typography.Text type="secondary">{t('home.describe.apiDocs')}</Typography.Text>
                    </span>
                  </li>
                )}
              </ul>
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <HealthCard />
        </Col>
      </Row>
    </>
  );
};

export default HomePage;
