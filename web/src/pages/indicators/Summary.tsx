import { useState } from 'react';
import { Card, Flex, Segmented, Typography } from 'antd';
import { formatNumber, formatPercent, type TLocale } from '../../../../src/domain/format/format';
import type { TIndicatorDashboard } from '../../api/indicators';
import { en } from '../../i18n/en';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { vi } from '../../i18n/vi';
import { directionOf, growthOf } from './Change';
import { capitalize, monthKey, periodParts } from './periods';

const TEXTS: Record<TLocale, typeof vi.indicators> = { vi: vi.indicators, en: en.indicators };

const fill = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/**
 * The one-paragraph summary in the Department's style, in either language whatever the UI
 * language (the Vietnamese text is the one reports use): IIP of the month and year to date,
 * retail sales (amount, nominal and real growth), exports; a sentence on Tết when it shifted.
 * Sentences whose figures are missing are left out; null when nothing can be said.
 */
export const buildSummary = (dashboard: TIndicatorDashboard, locale: TLocale): string | null => {
  const texts = TEXTS[locale];
  const { year, month } = periodParts(dashboard.period);
  const monthName = texts.monthNames[monthKey(month)];
  const period = capitalize(fill(texts.periodLong, { month, year, monthName }));
  // In January the year to date is the month itself: no second clause.
  const ytdPeriod = month === 1 ? null : fill(texts.ytdLong, { months: month, year, monthName });
  const change = (index: number) => {
    const growth = growthOf(index) ?? 0;
    const direction = directionOf(growth);
    return direction === 'flat' ? texts.change.flat : fill(texts.change[direction], { value: formatPercent(Math.abs(index - 100), { locale, decimals: 1 }) });
  };
  /** Million VND → billion; thousand USD → million. */
  const amount = (value: number) => formatNumber(value / 1000, { locale, decimals: 1 });
  const sentences: string[] = [];

  const { iip, retail, exports } = dashboard;
  if (iip.yoy !== null) {
    let sentence = fill(texts.summary.iip, { period, yoy: change(iip.yoy) });
    if (ytdPeriod && iip.ytd !== null) sentence += fill(texts.summary.iipYtd, { ytdPeriod, ytd: change(iip.ytd) });
    sentences.push(`${sentence}.`);
  }
  if (retail.valueCur !== null && retail.yoy !== null) {
    let sentence = fill(texts.summary.retail, { month: monthName, value: amount(retail.valueCur), yoy: change(retail.yoy) });
    if (retail.realYoy !== null) sentence += fill(texts.summary.retailReal, { real: change(retail.realYoy) });
    if (ytdPeriod && retail.ytdValue !== null && retail.ytd !== null) sentence += fill(texts.summary.retailYtd, { ytdPeriod, value: amount(retail.ytdValue), ytd: change(retail.ytd) });
    sentences.push(`${sentence}.`);
  }
  if (exports.valueCur !== null && exports.yoy !== null) {
    let sentence = fill(texts.summary.exports, { month: monthName, value: amount(exports.valueCur), yoy: change(exports.yoy) });
    if (ytdPeriod && exports.ytdValue !== null && exports.ytd !== null) sentence += fill(texts.summary.exportsYtd, { ytdPeriod, value: amount(exports.ytdValue), ytd: change(exports.ytd) });
    sentences.push(`${sentence}.`);
  }
  if (sentences.length > 0 && dashboard.tetShift) sentences.push(texts.summary.tet);
  return sentences.length > 0 ? sentences.join(' ') : null;
};

/** The drafted summary, Vietnamese or English (the UI language by default), with a copy button. */
export const Summary = ({ dashboard }: { dashboard: TIndicatorDashboard | undefined }) => {
  const t = useT();
  const { locale } = useLocale();
  const [chosen, setChosen] = useState<TLocale | null>(null);
  const language = chosen ?? locale;
  const text = dashboard ? buildSummary(dashboard, language) : null;
  return (
    <Card
      className="ind-card ind-summary"
      loading={!dashboard}
      title={
        <Typography.Title level={2} className="card-title">
          {t('indicators.summary.title')}
        </Typography.Title>
      }
      extra={
        <Segmented<TLocale>
          size="small"
          aria-label={t('indicators.summary.language')}
          value={language}
          onChange={setChosen}
          options={[
            { value: 'vi', label: <span lang="vi">{t('language.viName')}</span> },
            { value: 'en', label: <span lang="en">{t('language.enName')}</span> },
          ]}
        />
      }
    >
      <Flex vertical gap={4}>
        {text ? (
          <Typography.Paragraph className="ind-summary-text" lang={language} copyable={{ text }}>
            {text}
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph type="secondary">{t('indicators.summary.empty')}</Typography.Paragraph>
        )}
        <Typography.Text type="secondary" className="small-text">
          {t('indicators.summary.hint')}
        </Typography.Text>
      </Flex>
    </Card>
  );
};
