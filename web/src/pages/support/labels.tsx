import { Tag } from 'antd';
import type { TActionStatus, TCategory, TCommitmentStatus, TPciSubindex } from '../../api/support';
import { useLocale, useT } from '../../i18n/I18nProvider';

const ACTION_COLORS: Record<TActionStatus, string> = { NOT_STARTED: 'default', IN_PROGRESS: 'blue', DONE: 'green', CANCELLED: 'default' };
const COMMITMENT_COLORS: Record<TCommitmentStatus, string> = { OPEN: 'gold', IN_PROGRESS: 'blue', DONE: 'green', CANCELLED: 'default' };

/** Names of sub-indices and categories in the UI language. */
export const useSupportNames = () => {
  const { locale } = useLocale();
  return {
    subindex: (subindices: readonly TPciSubindex[], code: string) => {
      const found = subindices.find((s) => s.code === code);
      return found ? (locale === 'vi' ? found.nameVi : found.nameEn) : code;
    },
    category: (categories: readonly TCategory[], code: string) => {
      const found = categories.find((c) => c.code === code);
      return found ? (locale === 'vi' ? found.nameVi : found.nameEn) : code;
    },
  };
};

export const ActionStatusTag = ({ status }: { status: TActionStatus }) => {
  const t = useT();
  return <Tag color={ACTION_COLORS[status]}>{t(`support.actionStatus.${status}`)}</Tag>;
};

export const CommitmentStatusTag = ({ status }: { status: TCommitmentStatus }) => {
  const t = useT();
  return <Tag color={COMMITMENT_COLORS[status]}>{t(`support.commitmentStatus.${status}`)}</Tag>;
};

export const OverdueTag = () => {
  const t = useT();
  return (
    <Tag color="red" className="support-overdue-tag">
      {t('support.overdue')}
    </Tag>
  );
};

/** ISO date (YYYY-MM-DD) of a dayjs value or null. */
export const isoDate = (value: { format: (pattern: string) => string } | null | undefined): string => (value ? value.format('YYYY-MM-DD') : '');
