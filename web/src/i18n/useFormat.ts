import { useMemo } from 'react';
import { formatDate, formatDateTime, formatNumber } from '../../../src/domain/format/format';
import { useLocale } from './I18nProvider';

export type TFormat = {
  number: (x: number | null | undefined, decimals?: number) => string;
  date: (value: string | Date | null | undefined) => string;
  dateTime: (value: string | Date | null | undefined, seconds?: boolean) => string;
  /** dayjs pattern for date pickers, matching formatDate of the active language. */
  datePickerFormat: string;
};

/** The shared formatting helpers bound to the active UI language. */
export const useFormat = (): TFormat => {
  const { locale } = useLocale();
  return useMemo(
    () => ({
      number: (x, decimals) => formatNumber(x, { locale, decimals }),
      date: (value) => formatDate(value, { locale }),
      dateTime: (value, seconds) => formatDateTime(value, { locale, seconds }),
      datePickerFormat: locale === 'vi' ? 'DD/MM/YYYY' : 'YYYY-MM-DD',
    }),
    [locale],
  );
};
