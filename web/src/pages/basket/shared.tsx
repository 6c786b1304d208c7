import { Typography } from 'antd';
import type { TImportResult } from '../../api/basket';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "MM/YYYY" of a `YYYY-MM` month (Vietnamese way of writing a month). */
export const monthText = (period: string | null): string => (period ? `${period.slice(5, 7)}/${period.slice(0, 4)}` : '…');

/** A range of months, open at either end. */
export const periodRange = (from: string | null, to: string | null): string => (from === null && to === null ? '—' : `${monthText(from)} – ${monthText(to)}`);

/** New / changed / unchanged counts of a checked file. */
export const ImportCounts = ({ result }: { result: Pick<TImportResult, 'inserted' | 'updated' | 'unchanged'> }) => {
  const t = useT();
  const format = useFormat();
  return <Typography.Text>{t('basket.import.counts', { inserted: format.number(result.inserted), updated: format.number(result.updated), unchanged: format.number(result.unchanged) })}</Typography.Text>;
};
