import { useState } from 'react';
import { Button, Checkbox, Collapse, Empty, Flex, Select, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { listPetitions, listQa, PETITION_STATES, petitionListXlsxUrl, type TPetitionState, type TPetitionSummary } from '../../api/petitions';
import { PETITION_CATEGORIES, type TPetitionCategory } from '../../api/support';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { hasPermission, useUser } from '../../session/SessionProvider';
import { OverdueTag } from '../support/labels';
import { PetitionStateTag } from './labels';
import { PetitionFormModal } from './PetitionFormModal';
import { PetitionStats } from './PetitionStats';
import '../support/support.css';

/** Petitions: an enterprise's own (with "send"), or all for Department staff (filters, "record"); the public Q&A. */
const PetitionsPage = () => {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const navigate = useNavigate();
  const user = useUser();
  const isEnterprise = user.role === 'ENTERPRISE';
  const isOfficer = hasPermission(user, 'support.manage');
  const [state, setState] = useState<TPetitionState | undefined>();
  const [category, setCategory] = useState<TPetitionCategory | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const [filing, setFiling] = useState(false);
  const filters = { state, category, overdue: overdue ? ('true' as const) : undefined, mine: mine ? ('true' as const) : undefined };
  const query = { ...filters, pageSize: 200 };
  const petitions = useApiQuery(`petitions:${JSON.stringify(query)}`, (signal) => listPetitions(query, signal));
  const qa = useApiQuery('petitions:qa', listQa);

  const columns: TableColumnsType<TPetitionSummary> = [
    { key: 'code', title: t('petitions.code'), width: 150, render: (_v, p) => <Link to={`/petitions/${p.id}`}>{p.code}</Link> },
    { key: 'subject', title: t('petitions.subject'), render: (_v, p) => p.subject },
    { key: 'category', title: t('petitions.category'), width: 170, render: (_v, p) => t(`petitions.categories.${p.category}`) },
    ...(isEnterprise ? [] : [{ key: 'enterprise', title: t('petitions.enterprise'), width: 220, render: (_v: unknown, p: TPetitionSummary) => p.enterprise.name }]),
    {
      key: 'agency',
      title: t('petitions.agency'),
      width: 220,
      render: (_v, p) => (
        <>
          {p.agency?.name ?? '—'}
          {p.coAgencies.length > 0 && <div className="petition-co-agencies">{`${t('petitions.coAgencies')}: ${p.coAgencies.map((a) => a.name).join('; ')}`}</div>}
        </>
      ),
    },
    { key: 'state', title: t('petitions.state'), width: 150, render: (_v, p) => <PetitionStateTag state={p.state} /> },
    {
      key: 'dueAt',
      title: t('petitions.dueAt'),
      width: 120,
      render: (_v, p) => (
        <Space direction="vertical" size={2}>
          <span className="support-nowrap">{p.dueAt ? format.date(p.dueAt) : '—'}</span>
          {p.isOverdue && <OverdueTag />}
        </Space>
      ),
    },
  ];

  const list = (
    <Flex vertical gap="middle">
      {!isEnterprise && (
        <Flex gap="small" wrap align="center">
          <Select allowClear placeholder={t('petitions.state')} style={{ width: 200 }} value={state} onChange={setState} options={PETITION_STATES.map((s) => ({ value: s, label: t(`petitions.states.${s}`) }))} />
          <Select allowClear placeholder={t('petitions.category')} style={{ width: 260 }} value={category} onChange={setCategory} options={PETITION_CATEGORIES.map((c) => ({ value: c, label: t(`petitions.categories.${c}`) }))} />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
            {t('petitions.overdueOnly')}
          </Checkbox>
          <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
            {t('petitions.mineOnly')}
          </Checkbox>
          <Button icon={<DownloadOutlined />} href={petitionListXlsxUrl(filters, locale)} download>
            {t('petitions.exportXlsx')}
          </Button>
        </Flex>
      )}
      {petitions.error && <ApiErrorAlert error={petitions.error} onRetry={petitions.reload} />}
      <Table<TPetitionSummary>
        rowKey="id"
        size="middle"
        className="petitions-table"
        columns={columns}
        dataSource={petitions.data?.items ?? []}
        loading={petitions.loading}
        scroll={{ x: 1000 }}
        rowClassName={(p) => (p.isOverdue ? 'support-overdue' : '')}
        locale={{ emptyText: t('petitions.empty') }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.totalItems', { total: format.number(total) }) }}
      />
    </Flex>
  );

  const qaItems = qa.data?.items ?? [];
  const qaView = qaItems.length ? (
    <Collapse
      items={qaItems.map((q) => ({
        key: q.id,
        label: `${t(`petitions.categories.${q.category}`)} — ${q.question}`,
        children: (
          <>
            <Typography.Paragraph className="support-summary">{q.answer}</Typography.Paragraph>
            <Typography.Text type="secondary">{format.date(q.publishedAt)}</Typography.Text>
          </>
        ),
      }))}
    />
  ) : (
    <Empty description={t('petitions.qaEmpty')} />
  );

  return (
    <>
      <PageHeader
        title={t('petitions.title')}
        extra={
          (isEnterprise || isOfficer) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)}>
              {isEnterprise ? t('petitions.file') : t('petitions.record')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{isEnterprise ? t('petitions.introEnterprise') : t('petitions.introStaff')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'list', label: t('petitions.tabList'), children: list },
          { key: 'qa', label: t('petitions.tabQa'), children: qaView },
          ...(hasPermission(user, 'support.read') ? [{ key: 'stats', label: t('petitions.stats.tab'), children: <PetitionStats /> }] : []),
        ]}
      />
      {filing && <PetitionFormModal isOfficer={!isEnterprise} onClose={() => setFiling(false)} onSaved={(p) => navigate(`/petitions/${p.id}`)} />}
    </>
  );
};

export default PetitionsPage;
