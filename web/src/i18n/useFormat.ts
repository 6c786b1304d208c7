import { useMemo } from 'react';
import { EMPTY, formatDate, formatDateTime, formatNumber, formatPercent } from '../../../src/domain/format/format';
import { useLocale } from './I18nProvider';

export type TFormat = {
  number: (x: number | null | undefined, decimals?: number) => string;
  /** A value that is already a percentage (97.4 → "97,4%"), 2 decimals by default. */
  percent: (x: number | null | undefined, decimals?: number) => string;
  /**
   * A number written as decimal text by the API (amounts in VND/USD are integer strings that may
   * exceed 2^53): grouped exactly, digit by digit, beyond the safe range.
   */
  decimalText: (text: string | null | undefined) => string;
  date: (value: string | Date | null | undefined) => string;
  dateTime: (value: string | Date | null | undefined, seconds?: boolean) => string;
  /** dayjs pattern for date pickers, matching formatDate of the active language. */
  datePickerFormat: string;
};

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The shared formatting helpers bound to the active UI language. */
export const useFormat = (): TFormat => {
  const { locale } = useLocale();
  return useMemo(() => {
    const number = (x: number | null | undefined, decimals?: number) => formatNumber(x, { locale, decimals });
    const decimalText = (text: string | null | undefined) => {
      const match = text ? DECIMAL_TEXT.exec(text.trim()) : null;
      if (!match || !text) return EMPTY;
      const value = Number(text);
      if (Number.isSafeInteger(Math.trunc(value)) && (match[3] ?? '').length <= 6) return number(value);
      // Beyond 2^53: group the integer digits with the separator formatNumber uses for 1000.
      const group = number(1000).charAt(1);
      const decimal = number(1.5).charAt(1);
      const integer = match[2].replace(/\B(?=(\d{3})+(?!\d))/g, group);
      return `${match[1]}${integer}${match[3] ? decimal + match[3] : ''}`;
    };
    return {
      number,
      percent: (x, decimals) => formatPercent(x, { locale, decimals }),
      decimalText,
      date: (value) => formatDate(value, { locale }),
      dateTime: (value, seconds) => formatDateTime(value, { locale, seconds }),
      datePickerFormat: locale === 'vi' ? 'DD/MM/YYYY' : 'YYYY-MM-DD',
    };
  }, [locale]);
};
