import { Tag } from 'antd';
import {
  listProcedureFields,
  type TChangeKind,
  type TOnlineLevel,
  type TProcedureField,
  type TProcedureStatus,
  type TProcessingTime,
} from '../../api/procedures';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';

const STATUS_COLORS: Record<TProcedureStatus, string> = { PUBLIC: 'green', AMENDED: 'blue', ABOLISHED: 'red' };
const ONLINE_COLORS: Record<TOnlineLevel, string> = { FULL: 'cyan', PARTIAL: 'geekblue', NONE: 'default' };
const CHANGE_COLORS: Record<TChangeKind, string> = { NEW: 'green', AMENDED: 'blue', REPLACED: 'purple', ABOLISHED: 'red' };

export const ProcedureStatusTag = ({ status }: { status: TProcedureStatus | null }) => {
  const t = useT();
  if (!status) return <Tag>{t('procedures.statuses.NONE')}</Tag>;
  return (
    <Tag color={STATUS_COLORS[status]} className="procedure-status-tag" data-status={status}>
      {t(`procedures.statuses.${status}`)}
    </Tag>
  );
};

export const OnlineLevelTag = ({ level }: { level: TOnlineLevel }) => {
  const t = useT();
  return (
    <Tag color={ONLINE_COLORS[level]} title={t(`procedures.onlineLevelsLong.${level}`)}>
      {t(`procedures.onlineLevels.${level}`)}
    </Tag>
  );
};

export const ChangeKindTag = ({ kind }: { kind: TChangeKind }) => {
  const t = useT();
  return <Tag color={CHANGE_COLORS[kind]}>{t(`procedures.changeKinds.${kind}`)}</Tag>;
};

/** "15 ngày làm việc" / "15 working days" (numbers in the UI language's format). */
export const useProcessingTimeText = (): ((time: TProcessingTime) => string) => {
  const t = useT();
  const format = useFormat();
  return (time) => t(time.value === 1 ? `procedures.unitsOne.${time.unit}` : `procedures.units.${time.unit}`, { value: format.number(time.value) });
};

/** The procedure fields with their name in the UI language. */
export const useProcedureFields = () => {
  const { locale } = useLocale();
  const fields = useApiQuery('procedure-fields', listProcedureFields);
  const items: TProcedureField[] = fields.data?.items ?? [];
  const fieldName = (code: string, fallback?: string): string => {
    const field = items.find((item) => item.code === code);
    if (!field) return fallback ?? code;
    return locale === 'en' ? field.nameEn : field.nameVi;
  };
  return { items, fieldName, loading: fields.loading, error: fields.error, reload: fields.reload };
};
