import { Tag, Typography } from 'antd';
import type { TEnterpriseStatus, TProposalStatus, TSizeClass, TSmeClass } from '../../api/types';
import { useT } from '../../i18n/I18nProvider';

const SIZE_COLORS: Record<TSmeClass, string> = { MICRO: 'cyan', SMALL: 'blue', MEDIUM: 'purple', NOT_SME: 'orange', INVALID_INPUT: 'default' };
/** Chart colours of the size classes (same order as SIZE_CLASSES), close to the tag colours. */
export const SIZE_CHART_COLORS: Record<TSizeClass, string> = { MICRO: '#13a8a8', SMALL: '#1456b8', MEDIUM: '#722ed1', NOT_SME: '#d46b08' };

const STATUS_COLORS: Record<TEnterpriseStatus, string> = { ACTIVE: 'green', SUSPENDED: 'gold', DISSOLVED: 'default', BANKRUPT: 'red' };
const PROPOSAL_COLORS: Record<TProposalStatus, string> = { PENDING: 'gold', ACCEPTED: 'green', REJECTED: 'red' };

const isSmeClass = (value: string): value is TSmeClass => value in SIZE_COLORS;

/** The SME size class as a coloured tag; "not classified" when there is none. */
export const SizeClassTag = ({ sizeClass }: { sizeClass: string | null | undefined }) => {
  const t = useT();
  if (!sizeClass || !isSmeClass(sizeClass)) return <Typography.Text type="secondary">{t('enterprises.profile.notClassified')}</Typography.Text>;
  return (
    <Tag color={SIZE_COLORS[sizeClass]} className="nowrap">
      {t(`enterprises.sizeClasses.${sizeClass}`)}
    </Tag>
  );
};

export const StatusTag = ({ status }: { status: TEnterpriseStatus }) => {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} className="nowrap">
      {t(`enterprises.statuses.${status}`)}
    </Tag>
  );
};

export const ProposalStatusTag = ({ status }: { status: TProposalStatus }) => {
  const t = useT();
  return (
    <Tag color={PROPOSAL_COLORS[status]} className="nowrap">
      {t(`enterprises.proposals.statuses.${status}`)}
    </Tag>
  );
};
