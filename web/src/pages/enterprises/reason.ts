import type { TSmeReason } from '../../api/types';
import type { TTranslate } from '../../i18n/I18nProvider';
import type { TFormat } from '../../i18n/useFormat';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The stored reason when it has the shape the classification writes (older rows may not). */
export const asSmeReason = (value: unknown): TSmeReason | null =>
  isRecord(value) && typeof value.class === 'string' && typeof value.sectorGroup === 'string' && typeof value.decidedBy === 'string'
    ? (value as TSmeReason)
    : null;

const FIELD_KEYS = { avgInsuredEmployees: 'enterprises.fields.avgInsuredEmployees', capitalVnd: 'enterprises.fields.capitalVnd', revenueVnd: 'enterprises.fields.revenueVnd' } as const;

/**
 * A readable sentence for an SME classification reason (Decree 80/2021 Art. 5), in the UI
 * language: the class, the sector group and the limits that decided it. Null when the reason
 * is not understood.
 */
export const describeReason = (value: unknown, t: TTranslate, format: TFormat): string | null => {
  const reason = asSmeReason(value);
  if (!reason) return null;
  const billions = (vnd: string | undefined) => format.number(vnd ? Number(vnd) / 1e9 : null);
  const group = reason.sectorGroup === 'AGRI_IND_CONS' || reason.sectorGroup === 'TRADE_SERVICES' ? t(`enterprises.sectorGroups.${reason.sectorGroup}`) : reason.sectorGroup;
  const params = {
    group,
    employees: format.number(reason.employeesLimit ?? null),
    revenue: billions(reason.revenueLimitVnd),
    capital: billions(reason.capitalLimitVnd),
  };
  const noRevenue = reason.revenueConsidered === false && reason.class !== 'INVALID_INPUT' ? ` ${t('enterprises.reason.noRevenue')}` : '';
  switch (reason.class) {
    case 'MICRO':
    case 'SMALL':
    case 'MEDIUM': {
      const criterion =
        reason.decidedBy === 'revenue'
          ? t('enterprises.reason.byRevenue', params)
          : reason.decidedBy === 'capital'
            ? t('enterprises.reason.byCapital', params)
            : t('enterprises.reason.byBoth', params);
      return t('enterprises.reason.sme', { ...params, class: t(`enterprises.reason.${reason.class}`), criterion }) + noRevenue;
    }
    case 'NOT_SME': {
      const why =
        reason.decidedBy === 'employees'
          ? t('enterprises.reason.overEmployees', params)
          : reason.decidedBy === 'capital'
            ? t('enterprises.reason.overCapital', params)
            : t('enterprises.reason.overBoth', params);
      return t('enterprises.reason.notSme', { ...params, why });
    }
    case 'INVALID_INPUT':
      return t('enterprises.reason.invalid', { fields: (reason.invalidFields ?? []).map((field) => t(FIELD_KEYS[field]).toLowerCase()).join(', ') });
    default:
      return null;
  }
};
