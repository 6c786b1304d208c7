import { useMemo } from 'react';
import { Flex, Segmented } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { listProposals } from '../../../api/enterprises';
import { PROPOSAL_STATUSES, type TProposalStatus } from '../../../api/types';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { hasPermission, useUser } from '../../../session/SessionProvider';
import { makeFieldText } from '../fieldText';
import { useEnterpriseReference } from '../useEnterpriseReference';
import { ProposalTable } from './ProposalTable';

type TStatusChoice = TProposalStatus | 'ALL';

/** The Department's list of change proposals (pending first); writers accept or reject them. */
const ProposalsPage = () => {
  const t = useT();
  const format = useFormat();
  const user = useUser();
  const reference = useEnterpriseReference();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: TStatusChoice = raw === 'ALL' ? 'ALL' : (PROPOSAL_STATUSES.find((value) => value === raw) ?? 'PENDING');
  const proposals = useApiQuery(`proposals:${status}`, (signal) => listProposals(status === 'ALL' ? undefined : status, signal));
  const text = useMemo(() => makeFieldText(t, format, reference), [t, format, reference]);

  return (
    <>
      <PageHeader title={t('enterprises.proposals.pageTitle')} />
      <Flex wrap gap="small" className="toolbar">
        <Segmented<TStatusChoice>
          aria-label={t('enterprises.proposals.statusFilter')}
          value={status}
          onChange={(next) => setParams(next === 'PENDING' ? {} : { status: next })}
          options={[
            ...PROPOSAL_STATUSES.map((value) => ({ value, label: t(`enterprises.proposals.statuses.${value}`) })),
            { value: 'ALL' as const, label: t('common.all') },
          ]}
        />
      </Flex>
      {proposals.error && <ApiErrorAlert error={proposals.error} onRetry={proposals.reload} />}
      <ProposalTable
        proposals={proposals.data?.items ?? []}
        loading={proposals.loading}
        text={text}
        showEnterprise
        canDecide={hasPermission(user, 'enterprises.write')}
        onDecided={proposals.reload}
      />
    </>
  );
};

export default ProposalsPage;
