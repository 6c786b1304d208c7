import { useMemo, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { getEnterprise, listEnterpriseProposals } from '../../../api/enterprises';
import type { TEnterpriseDetail } from '../../../api/types';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { hasPermission, useUser } from '../../../session/SessionProvider';
import { EnterpriseFormModal } from '../EnterpriseFormModal';
import { SizeClassTag, StatusTag } from '../EnterpriseTags';
import { makeFieldText } from '../fieldText';
import { ProposalTable } from '../proposals/ProposalTable';
import { useEnterpriseReference } from '../useEnterpriseReference';
import { EnterpriseProductivityCard } from '../../indicators/productivity/EnterpriseProductivityCard';
import { FiguresCard } from './FiguresCard';
import { HistoryCard } from './HistoryCard';
import { ProposalFormModal } from './ProposalFormModal';

const CardTitle = ({ children }: { children: string }) => (
  <Typography.Title level={2} className="card-title">
    {children}
  </Typography.Title>
);

/** Details, yearly figures with the SME class, proposals and (for staff) the change history of one enterprise. */
export const EnterpriseProfile = ({ id, title }: { id: number; title?: string }) => {
  const t = useT();
  const format = useFormat();
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reference = useEnterpriseReference();
  const [generation, setGeneration] = useState(0);
  const detail = useApiQuery(`enterprise:${id}:${generation}`, (signal) => getEnterprise(id, signal));
  const proposals = useApiQuery(`enterprise-proposals:${id}:${generation}`, (signal) => listEnterpriseProposals(id, signal), detail.data !== undefined);
  const [editing, setEditing] = useState(false);
  const [proposing, setProposing] = useState(false);
  const text = useMemo(() => makeFieldText(t, format, reference), [t, format, reference]);
  const isStaff = hasPermission(user, 'enterprises.read');
  const canWrite = hasPermission(user, 'enterprises.write');
  const refresh = () => setGeneration((n) => n + 1);

  const enterprise: TEnterpriseDetail | undefined = detail.data?.id === id ? detail.data : undefined;
  if (!enterprise) {
    const error = detail.error;
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
      const forbidden = error.status === 403;
      return (
        <>
          <PageHeader title={forbidden ? t('forbidden.title') : t('notFound.title')} />
          <Result
            status={forbidden ? '403' : '404'}
            subTitle={forbidden ? t('enterprises.profile.forbidden') : t('enterprises.profile.notFound')}
            extra={
              <Button type="primary" onClick={() => navigate(isStaff ? '/enterprises' : '/')}>
                {isStaff ? t('enterprises.profile.back') : t('common.backHome')}
              </Button>
            }
          />
        </>
      );
    }
    return (
      <>
        <PageHeader title={title ?? t('enterprises.profile.details')} />
        {error ? <ApiErrorAlert error={error} onRetry={detail.reload} /> : <Skeleton active paragraph={{ rows: 8 }} />}
      </>
    );
  }

  const latest = enterprise.figures[0];
  const divisionName = reference.vsicName(reference.divisionOf(enterprise.vsicMain)?.code);
  const withCode = (name: string | undefined, code: string | null) => (code ? (name ? `${name} (${code})` : code) : '—');
  const link = (href: string | null, kind: 'mail' | 'web' | 'tel') => {
    if (!href) return '—';
    const target = kind === 'mail' ? `mailto:${href}` : kind === 'tel' ? `tel:${href.replace(/\s/g, '')}` : /^https?:\/\//i.test(href) ? href : `https://${href}`;
    return (
      <a href={target} {...(kind === 'web' ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
        {href}
      </a>
    );
  };

  return (
    <>
      {isStaff && (
        <Link to="/enterprises" className="back-link">
          <ArrowLeftOutlined aria-hidden /> {t('enterprises.profile.back')}
        </Link>
      )}
      <PageHeader
        title={enterprise.nameVi}
        extra={
          <Space wrap>
            {enterprise.abilities.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('enterprises.profile.edit')}
              </Button>
            )}
            {enterprise.abilities.canPropose && (
              <Button type="primary" icon={<FormOutlined />} onClick={() => setProposing(true)}>
                {t('enterprises.proposals.propose')}
              </Button>
            )}
          </Space>
        }
      />
      <Flex vertical gap="middle">
        <Card title={<CardTitle>{t('enterprises.profile.details')}</CardTitle>}>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
            items={[
              { key: 'taxCode', label: t('enterprises.fields.taxCode'), children: enterprise.taxCode },
              {
                key: 'status',
                label: t('enterprises.fields.status'),
                children: (
                  <Space size={4} wrap>
                    <StatusTag status={enterprise.status} />
                    {enterprise.statusSince && <span>{t('enterprises.profile.statusSince', { date: format.date(enterprise.statusSince) })}</span>}
                  </Space>
                ),
              },
              { key: 'nameIntl', label: t('enterprises.fields.nameIntl'), children: enterprise.nameIntl ?? '—' },
              { key: 'shortName', label: t('enterprises.fields.shortName'), children: enterprise.shortName ?? '—' },
              { key: 'legalForm', label: t('enterprises.fields.legalForm'), children: t(`enterprises.legalForms.${enterprise.legalForm}`) },
              { key: 'ownership', label: t('enterprises.fields.ownership'), children: t(`enterprises.ownerships.${enterprise.ownership}`) },
              { key: 'vsicMain', label: t('enterprises.fields.vsicMain'), children: divisionName ? `${enterprise.vsicMain} – ${divisionName}` : enterprise.vsicMain },
              { key: 'vsicOther', label: t('enterprises.fields.vsicOther'), children: enterprise.vsicOther.length ? enterprise.vsicOther.join(', ') : '—' },
              {
                key: 'sizeClass',
                label: t('enterprises.fields.sizeClass'),
                children: latest ? (
                  <Space size={4} wrap>
                    <SizeClassTag sizeClass={latest.sizeClass} />
                    <Typography.Text type="secondary">{t('enterprises.list.sizeYear', { year: latest.year })}</Typography.Text>
                  </Space>
                ) : (
                  <SizeClassTag sizeClass={null} />
                ),
              },
              { key: 'establishedOn', label: t('enterprises.fields.establishedOn'), children: format.date(enterprise.establishedOn) },
              { key: 'address', label: t('enterprises.fields.address'), span: 'filled', children: enterprise.address ?? '—' },
              { key: 'unitCode', label: t('enterprises.fields.unitCode'), children: withCode(reference.unitName(enterprise.unitCode), enterprise.unitCode) },
              { key: 'formerDistrict', label: t('enterprises.fields.formerDistrict'), children: withCode(reference.districtName(enterprise.formerDistrict), enterprise.formerDistrict) },
              { key: 'zone', label: t('enterprises.fields.zoneId'), children: reference.zoneName(enterprise.zoneId) ?? '—' },
              { key: 'legalRep', label: t('enterprises.fields.legalRep'), children: enterprise.legalRep ?? '—' },
              { key: 'phone', label: t('enterprises.fields.phone'), children: link(enterprise.phone, 'tel') },
              { key: 'email', label: t('enterprises.fields.email'), children: link(enterprise.email, 'mail') },
              { key: 'website', label: t('enterprises.fields.website'), children: link(enterprise.website, 'web') },
              { key: 'updatedAt', label: t('enterprises.fields.updatedAt'), children: format.dateTime(enterprise.updatedAt) },
            ]}
          />
        </Card>
        <FiguresCard enterpriseId={enterprise.id} figures={enterprise.figures} canEdit={enterprise.abilities.canEdit} onChanged={refresh} />
        {(hasPermission(user, 'reports.read') || user.enterpriseIds.includes(enterprise.id)) && <EnterpriseProductivityCard enterpriseId={enterprise.id} />}
        <Card title={<CardTitle>{enterprise.abilities.canPropose ? t('enterprises.proposals.ownTitle') : t('enterprises.proposals.title')}</CardTitle>}>
          {proposals.error && <ApiErrorAlert error={proposals.error} onRetry={proposals.reload} />}
          <ProposalTable proposals={proposals.data?.items ?? []} loading={proposals.loading} text={text} canDecide={canWrite} onDecided={refresh} />
        </Card>
        {isStaff && <HistoryCard enterpriseId={enterprise.id} reloadKey={generation} text={text} />}
      </Flex>
      {enterprise.abilities.canEdit && (
        <EnterpriseFormModal
          open={editing}
          enterprise={enterprise}
          reference={reference}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            refresh();
          }}
        />
      )}
      {enterprise.abilities.canPropose && (
        <ProposalFormModal
          enterprise={enterprise}
          open={proposing}
          onClose={() => setProposing(false)}
          onSent={() => {
            setProposing(false);
            void message.success(t('enterprises.proposals.submitted'));
            refresh();
          }}
        />
      )}
    </>
  );
};
