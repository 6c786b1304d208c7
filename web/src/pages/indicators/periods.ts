import { useMemo } from 'react';
import type { TLocale } from '../../../../src/domain/format/format';
import { useLocale, useT } from '../../i18n/I18nProvider';

/** A month of the statistics: YYYY-MM. */
export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The first month of the published series (demo data and the statistics database start here). */
export const FIRST_PERIOD = '2018-01';
export const TREND_MONTHS = 24;

export const periodParts = (period: string): { year: number; month: number } => ({ year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) });

/** The month `months` later (negative: earlier). */
export const shiftPeriod = (period: string, months: number): string => {
  const { year, month } = periodParts(period);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

export const isQuarterEnd = (period: string): boolean => periodParts(period).month % 3 === 0;

/** Compact month label (chart axes, table cells): vi `10/2026`, en `2026-10`, like the date formats of format.ts. */
export const periodShort = (period: string, locale: TLocale): string => (locale === 'vi' ? `${period.slice(5, 7)}/${period.slice(0, 4)}` : period);

export const capitalize = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

type TMonthKey = `m${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12}`;
export const monthKey = (month: number): TMonthKey => `m${month}` as TMonthKey;

export type TPeriodText = {
  /** "tháng 10/2026" / "October 2026". */
  long: (period: string) => string;
  /** "tháng 10" / "October". */
  monthName: (period: string) => string;
  /** Year to date: "tính chung 10 tháng năm 2026" / "January–October 2026". */
  ytd: (period: string) => string;
  short: (period: string) => string;
};

/** Month labels in the UI language. */
export const usePeriodText = (): TPeriodText => {
  const t = useT();
  const { locale } = useLocale();
  return useMemo(() => {
    const monthName = (period: string) => t(`indicators.monthNames.${monthKey(periodParts(period).month)}`);
    return {
      long: (period) => t('indicators.periodLong', { month: periodParts(period).month, year: periodParts(period).year, monthName: monthName(period) }),
      monthName,
      ytd: (period) => {
        const { year, month } = periodParts(period);
        return month === 1 ? t('indicators.ytdJanuary', { year }) : t('indicators.ytdLong', { months: month, year, monthName: monthName(period) });
      },
      short: (period) => periodShort(period, locale),
    };
  }, [t, locale]);
};
