import { Tag } from 'antd';
import type { TPetitionState } from '../../api/petitions';
import { useT } from '../../i18n/I18nProvider';

const COLORS: Record<TPetitionState, string> = { RECEIVED: 'gold', IN_PROGRESS: 'blue', REPLY_DRAFTED: 'purple', ANSWERED: 'green', CLOSED: 'default', REJECTED: 'default', TRANSFERRED_OUT: 'cyan' };

export const PetitionStateTag = ({ state }: { state: TPetitionState }) => {
  const t = useT();
  return <Tag color={COLORS[state]}>{t(`petitions.states.${state}`)}</Tag>;
};
