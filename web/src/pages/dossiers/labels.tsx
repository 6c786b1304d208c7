import { Tag } from 'antd';
import type { TKey } from '../../i18n/I18nProvider';
import { useT } from '../../i18n/I18nProvider';
import type { TDossierState, TUrgency } from './dossiersApi';

const STATE_COLORS: Record<TDossierState, string> = {
  DRAFT: 'default',
  SUBMITTED: 'blue',
  RECEIVED: 'cyan',
  REJECTED_AT_INTAKE: 'red',
  PROCESSING: 'geekblue',
  SUPPLEMENT_REQUESTED: 'orange',
  AWAITING_PAYMENT: 'gold',
  WITHDRAWAL_REQUESTED: 'magenta',
  STOPPED: 'volcano',
  PROCESSED: 'green',
  RETURNED: 'success',
};

const URGENCY_COLORS: Record<TUrgency, string> = { OVERDUE: 'red', DUE_SOON: 'orange', ON_TRACK: 'green', PAUSED: 'default', NO_DEADLINE: 'default' };

/** The status of a dossier as a coloured tag. */
export const StateTag = ({ state }: { state: TDossierState }) => {
  const t = useT();
  return <Tag color={STATE_COLORS[state]}>{t(`dossiers.states.${state}` as TKey)}</Tag>;
};

/** Overdue / due soon / on track, as a tag (nothing for closed dossiers). */
export const UrgencyTag = ({ urgency }: { urgency: TUrgency | null }) => {
  const t = useT();
  if (!urgency) return null;
  return <Tag color={URGENCY_COLORS[urgency]}>{t(`dossiers.urgency.${urgency}` as TKey)}</Tag>;
};

/** Early / on time / late. */
export const TimelinessTag = ({ value }: { value: string | null }) => {
  const t = useT();
  if (!value) return null;
  return <Tag color={value === 'LATE' ? 'red' : value === 'EARLY' ? 'green' : 'blue'}>{t(`dossiers.timeliness.${value}` as TKey)}</Tag>;
};

/** Translation helpers for codes sent by the server. */
export const useDossierLabels = () => {
  const t = useT();
  return {
    unit: (code: string | null) => (code ? t(`dossiers.units.${code}` as TKey) : '—'),
    channel: (code: string) => t(`dossiers.channels.${code}` as TKey),
    transition: (name: string | null) => (name ? t(`dossiers.transitions.${name}` as TKey) : ''),
    state: (state: string | null) => (state ? t(`dossiers.states.${state}` as TKey) : ''),
  };
};
