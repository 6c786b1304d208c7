import { buildTetDaysByMonth } from '../../domain/stats/stats-tet';
import { parsePeriod } from '../../domain/stats/stats-periods';
import type { TTetWindow } from '../../domain/stats/stats.types';

/** Parameters of the soft rules (configurable; engineering choices, not official thresholds). */
export type TSoftRuleConfig = {
  /** A value below lower × or above upper × the same month last year (or last month) warns. */
  ratioBand: { lower: number; upper: number };
  /** |modified z-score| above this against the enterprise's own last 24 months warns. */
  maxModifiedZ: number;
  /** Months of own history needed before the z-score rule applies. */
  minHistory: number;
  /** The z-score rule also needs the value to differ from the median by this share (very stable series have a tiny MAD). */
  minRelativeDeviation: number;
};

export const DEFAULT_SOFT_RULES: TSoftRuleConfig = { ratioBand: { lower: 0.5, upper: 1.8 }, maxModifiedZ: 3.5, minHistory: 6, minRelativeDeviation: 0.15 };

export type TCellInput = { item: string; value: unknown; comment?: string | null };
export type TRuleIssue = { item: string; rule: string; message: string };

/**
 * Hard rules: every value is a finite number ≥ 0, every item is known for the form, no item twice,
 * and the required items are present. Returns the problems (empty = the report may be submitted).
 */
export const checkHardRules = (cells: readonly TCellInput[], { allowedItems, requiredItems }: { allowedItems: ReadonlySet<string>; requiredItems: readonly string[] }): TRuleIssue[] => {
  const issues: TRuleIssue[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    if (!allowedItems.has(c.item)) issues.push({ item: c.item, rule: 'UNKNOWN_ITEM', message: `"${c.item}" is not an item of this form` });
    if (seen.has(c.item)) issues.push({ item: c.item, rule: 'DUPLICATE', message: `"${c.item}" appears twice` });
    seen.add(c.item);
    if (typeof c.value !== 'number' || !Number.isFinite(c.value)) issues.push({ item: c.item, rule: 'NOT_A_NUMBER', message: 'must be a number' });
    else if (c.value < 0) issues.push({ item: c.item, rule: 'NEGATIVE', message: 'must not be negative' });
  }
  for (const r of requiredItems) if (!seen.has(r)) issues.push({ item: r, rule: 'REQUIRED', message: 'required' });
  return issues;
};

/** Median of a non-empty list. */
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Modified z-score (Iglewicz–Hoaglin): 0.6745 × (x − median) / MAD; null when MAD is 0. */
export const modifiedZScore = (x: number, history: readonly number[]): number | null => {
  if (history.length === 0) return null;
  const m = median([...history]);
  const mad = median(history.map((h) => Math.abs(h - m)));
  return mad === 0 ? null : (0.6745 * (x - m)) / mad;
};

const shift = (period: string, months: number): string => {
  const t = parsePeriod(period) + months;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};

/**
 * Soft rules (warnings that need a comment): ratio to the same month last year and to the last
 * month outside the band, and a modified z-score against the enterprise's own history. Tết shifts
 * are expected, not errors: a comparison whose two months hold different numbers of Tết days is
 * not checked (the month-on-month and year-on-year ratios move with Tết).
 */
export const checkSoftRules = ({
  period,
  cells,
  history,
  tetWindows = [],
  config = DEFAULT_SOFT_RULES,
}: {
  period: string;
  cells: readonly { item: string; value: number }[];
  /** Accepted values of the same enterprise by item and period. */
  history: ReadonlyMap<string, ReadonlyMap<string, number>>;
  tetWindows?: readonly TTetWindow[];
  config?: TSoftRuleConfig;
}): TRuleIssue[] => {
  const t = parsePeriod(period);
  const tetDays = buildTetDaysByMonth({ firstMonth: t - 12, lastMonth: t, overrides: tetWindows });
  const tetOf = (months: number) => tetDays[12 + months];
  const issues: TRuleIssue[] = [];
  for (const c of cells) {
    const past = history.get(c.item);
    if (!past) continue;
    const check = (label: string, months: number, rule: string) => {
      const previous = past.get(shift(period, months));
      if (previous === undefined || previous <= 0) return;
      if (tetOf(0) !== tetOf(months)) return;
      const ratio = c.value / previous;
      if (ratio < config.ratioBand.lower || ratio > config.ratioBand.upper) {
        issues.push({ item: c.item, rule, message: `${(ratio * 100).toFixed(1)}% of ${label} (${previous}); explain the change` });
      }
    };
    check('the same month last year', -12, 'RATIO_YOY');
    check('last month', -1, 'RATIO_MOM');
    const own = [...past.entries()].filter(([p]) => p < period && p >= shift(period, -24)).map(([, v]) => v);
    if (own.length >= config.minHistory) {
      const z = modifiedZScore(c.value, own);
      const middle = median(own);
      const isFarEnough = middle > 0 && Math.abs(c.value - middle) > config.minRelativeDeviation * middle;
      if (z !== null && Math.abs(z) > config.maxModifiedZ && isFarEnough) issues.push({ item: c.item, rule: 'OUTLIER', message: `unusual against your last ${own.length} months (modified z-score ${z.toFixed(1)})` });
    }
  }
  return issues;
};
