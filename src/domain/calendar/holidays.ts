/**
 * Vietnamese public holidays (spec procedures-and-calendar §6): statutory days by rule, official
 * yearly schedules (CSV or DB rows) and administrator overrides.
 *
 * Precedence for one Gregorian year: administrator override for that year > official schedule
 * (CSV/DB rows dated in that year) > statutory rule projection. The winning source is the FULL
 * schedule of that year's days off and swapped workdays; sources are never merged.
 */
import { parse } from 'csv-parse/sync';
import {
  getLeapMonth,
  getLunarMonthLength,
  hungKingsDate,
  isoFromJdn,
  isoWeekdayOfJdn,
  jdnFromIso,
  jdnFromYmd,
  parseIsoDate,
  tetDate,
  type TIsoWeekday,
  ymdFromJdn,
} from './lunar';

export type { TIsoWeekday };

/** Kinds of rows of a holiday schedule (the `kind` column of holidays.csv). */
export const HOLIDAY_KINDS = ['statutory', 'compensatory', 'swap_day_off', 'swap_workday'] as const;
export type THolidayKind = (typeof HOLIDAY_KINDS)[number];

/** One row of a holiday schedule. Optional fields mirror the CSV columns. */
export type THolidayEntry = {
  date: string;
  kind: THolidayKind;
  name: string;
  verified?: string;
  source?: string;
  basis?: string;
  note?: string;
};

/** Where the schedule of a year comes from. */
export type THolidayScheduleSource = 'ADMIN' | 'OFFICIAL' | 'RULE';

/** The schedule of one Gregorian year: every day off and swapped workday dated in that year. */
export type TYearHolidaySchedule = { year: number; source: THolidayScheduleSource; entries: THolidayEntry[] };

/** A schedule entered by an administrator for one year; it replaces every other source for that year. */
export type THolidayYearOverride = { year: number; entries: Pick<THolidayEntry, 'date' | 'kind' | 'name'>[] };

/** Which lunar days make up the 5 Tết days off: `daysBefore` days before mùng 1, then `daysFromNewYear` days from mùng 1. */
export type TTetSpan = { daysBefore: number; daysFromNewYear: number };

/**
 * Parameters of the statutory-rule projection. Items marked `verified: false` are projections
 * or unverified law (spec §6.1/6.5) and must stay configurable.
 */
export type THolidayRuleConfig = {
  /** Weekly rest days (ISO weekdays). */
  weekendDays: readonly TIsoWeekday[];
  /** Tết Âm lịch: the PM chooses the 5 days each year; projection of gen_holidays.py (unverified as law). */
  tet: { span: TTetSpan; spanByWeekdayOfNewYear: Partial<Record<TIsoWeekday, TTetSpan>>; verified: false };
  /** Giỗ Tổ Hùng Vương (10/3 lunar) is a day off from this year on. */
  hungKingsFromYear: number;
  /** Second National Day (2/9) day: from `fromYear`, offset in days from 2/9 by the weekday of 2/9 (PM decides yearly). */
  nationalDaySecondDay: { fromYear: number; offsetByWeekday: Record<TIsoWeekday, -1 | 1>; verified: false };
  /** 24/11 Ngày Văn hóa Việt Nam: paid day off from `effectiveFrom` (legal text not read). */
  cultureDay: { enabled: boolean; effectiveFrom: string; month: number; day: number; compensate: boolean; verified: false };
  /** A statutory day on a weekly rest day is made up on the next working day (BLLĐ 2019 Đ111(3)). */
  compensateWeekendHolidays: boolean;
};

/** Default rule parameters (spec §6.1, §6.2, §6.5). */
export const DEFAULT_HOLIDAY_RULE_CONFIG: THolidayRuleConfig = {
  weekendDays: [6, 7],
  tet: { span: { daysBefore: 2, daysFromNewYear: 3 }, spanByWeekdayOfNewYear: { 2: { daysBefore: 1, daysFromNewYear: 4 } }, verified: false },
  hungKingsFromYear: 2007,
  nationalDaySecondDay: { fromYear: 2021, offsetByWeekday: { 1: 1, 2: -1, 3: -1, 4: 1, 5: -1, 6: -1, 7: 1 }, verified: false },
  cultureDay: { enabled: true, effectiveFrom: '2026-07-01', month: 11, day: 24, compensate: true, verified: false },
  compensateWeekendHolidays: true,
};

/** First and last year for which the rule projection is available (lunar calendar range). */
export const HOLIDAY_RULE_MIN_YEAR = 1900;
export const HOLIDAY_RULE_MAX_YEAR = 2100;

/** Error in holiday data (CSV/DB rows or override), with the position when known. */
export class HolidayDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HolidayDataError';
  }
}

const NAME_NEW_YEAR = 'Tết Dương lịch';
const NAME_TET = 'Tết Âm lịch';
const NAME_HUNG_KINGS = 'Giỗ Tổ Hùng Vương (10/3 âm lịch)';
const NAME_VICTORY = 'Ngày Chiến thắng';
const NAME_LABOUR = 'Ngày Quốc tế Lao động';
const NAME_NATIONAL_DAY = 'Quốc khánh';
const NAME_NATIONAL_DAY_SECOND = 'Quốc khánh (ngày liền kề)';
const NAME_CULTURE_DAY = 'Ngày Văn hóa Việt Nam';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Name of a Tết day: "Tết Âm lịch (30 tháng Chạp)", "Tết Âm lịch (mùng 1 tháng Giêng)". */
const nameTetDay = (year: number, offsetFromNewYear: number): string => {
  if (offsetFromNewYear >= 0) return `${NAME_TET} (mùng ${offsetFromNewYear + 1} tháng Giêng)`;
  const lastMonthLeap = getLeapMonth(year - 1) === 12;
  const lastMonthLength = getLunarMonthLength(year - 1, 12, lastMonthLeap) ?? 30;
  return `${NAME_TET} (${lastMonthLength + offsetFromNewYear + 1} tháng Chạp)`;
};

const makeEntry = (jdn: number, kind: THolidayKind, name: string): THolidayEntry => ({ date: isoFromJdn(jdn), kind, name, verified: 'rule' });

/** Statutory days (without compensation) of a year by rule, as {jdn, name, compensate}. */
const listStatutoryDays = (year: number, config: THolidayRuleConfig): { jdn: number; name: string; compensate: boolean }[] => {
  const days: { jdn: number; name: string; compensate: boolean }[] = [];
  const add = (jdn: number, name: string, compensate = true): void => {
    days.push({ jdn, name, compensate });
  };
  add(jdnFromYmd(year, 1, 1), NAME_NEW_YEAR);
  const tet = jdnFromIso(tetDate(year));
  const span = config.tet.spanByWeekdayOfNewYear[isoWeekdayOfJdn(tet)] ?? config.tet.span;
  for (let offset = -span.daysBefore; offset < span.daysFromNewYear; offset++) add(tet + offset, nameTetDay(year, offset));
  if (year >= config.hungKingsFromYear) add(jdnFromIso(hungKingsDate(year)), NAME_HUNG_KINGS);
  add(jdnFromYmd(year, 4, 30), NAME_VICTORY);
  add(jdnFromYmd(year, 5, 1), NAME_LABOUR);
  const nationalDay = jdnFromYmd(year, 9, 2);
  add(nationalDay, NAME_NATIONAL_DAY);
  if (year >= config.nationalDaySecondDay.fromYear) {
    add(nationalDay + config.nationalDaySecondDay.offsetByWeekday[isoWeekdayOfJdn(nationalDay)], NAME_NATIONAL_DAY_SECOND);
  }
  const culture = config.cultureDay;
  if (culture.enabled) {
    const jdn = jdnFromYmd(year, culture.month, culture.day);
    if (jdn >= jdnFromIso(culture.effectiveFrom)) add(jdn, NAME_CULTURE_DAY, culture.compensate);
  }
  return days.sort((a, b) => a.jdn - b.jdn);
};

/**
 * Projects the statutory days off of a year by rule (spec §6.1/6.2/6.5): 1/1, Tết (5 days per
 * the projection), Hùng Kings, 30/4, 1/5, 2/9 (+ second day), 24/11 (configurable), plus a
 * compensatory day on the next working day for each statutory day on a weekly rest day
 * (never stacked onto another day off). Swaps cannot be projected. Rows carry verified='rule'.
 */
export const projectStatutoryHolidays = (year: number, config: THolidayRuleConfig = DEFAULT_HOLIDAY_RULE_CONFIG): THolidayEntry[] => {
  if (!Number.isInteger(year) || year < HOLIDAY_RULE_MIN_YEAR || year > HOLIDAY_RULE_MAX_YEAR) {
    throw new RangeError(`year ${year} is outside the supported range ${HOLIDAY_RULE_MIN_YEAR}..${HOLIDAY_RULE_MAX_YEAR}`);
  }
  const statutory = listStatutoryDays(year, config);
  const weekend = new Set<number>(config.weekendDays);
  const isWeekend = (jdn: number): boolean => weekend.has(isoWeekdayOfJdn(jdn));
  const taken = new Set(statutory.map((d) => d.jdn));
  const entries = statutory.map((d) => makeEntry(d.jdn, 'statutory', d.name));
  if (config.compensateWeekendHolidays) {
    for (const day of statutory) {
      if (!day.compensate || !isWeekend(day.jdn)) continue;
      let jdn = day.jdn + 1;
      while (isWeekend(jdn) || taken.has(jdn)) jdn++;
      taken.add(jdn);
      const { day: d, month: m } = ymdFromJdn(day.jdn);
      entries.push(makeEntry(jdn, 'compensatory', `Nghỉ bù ${day.name} (${pad2(d)}/${pad2(m)})`));
    }
  }
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};

const isHolidayKind = (value: string): value is THolidayKind => HOLIDAY_KINDS.some((kind) => kind === value);

const HOLIDAY_CSV_COLUMNS = ['date', 'name', 'kind'] as const;

/**
 * Parses holiday rows in the format of holidays-2019-2030.csv (header
 * `date,name,kind,weekday,basis,verified,source,note`; only date, name and kind are required).
 * Throws HolidayDataError naming `label`, line and column for a malformed row.
 */
export const parseHolidayCsv = (text: string, label = 'holidays.csv'): THolidayEntry[] => {
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: string[], context) => {
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    throw new HolidayDataError(`${label}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (records.length === 0) throw new HolidayDataError(`${label}: line 1: expected a header row with columns date,name,kind`);
  const header = records[0].map((h) => h.trim());
  const index = (column: string): number => header.indexOf(column);
  for (const column of HOLIDAY_CSV_COLUMNS) {
    if (index(column) < 0) throw new HolidayDataError(`${label}: line ${lines[0]}: missing required column "${column}"`);
  }
  const field = (row: string[], column: string): string | undefined => {
    const i = index(column);
    const value = i >= 0 ? row[i]?.trim() : undefined;
    return value === '' ? undefined : value;
  };
  return records.slice(1).map((row, n) => {
    const line = lines[n + 1];
    const where = (column: string): string => `${label}: line ${line}, column ${index(column) + 1} (${column})`;
    const date = field(row, 'date') ?? '';
    if (parseIsoDate(date) === undefined) throw new HolidayDataError(`${where('date')}: expected a date YYYY-MM-DD, got "${date}"`);
    const kind = field(row, 'kind') ?? '';
    if (!isHolidayKind(kind)) throw new HolidayDataError(`${where('kind')}: expected one of ${HOLIDAY_KINDS.join('|')}, got "${kind}"`);
    const name = field(row, 'name');
    if (!name) throw new HolidayDataError(`${where('name')}: expected a non-empty name`);
    const entry: THolidayEntry = { date, kind, name };
    for (const optional of ['verified', 'source', 'basis', 'note'] as const) {
      const value = field(row, optional);
      if (value !== undefined) entry[optional] = value;
    }
    return entry;
  });
};

/**
 * Validates holiday rows coming from the database or an API (same rules as the CSV) and
 * returns them sorted by date. Throws HolidayDataError naming the row index.
 */
export const validateHolidayEntries = (rows: readonly Pick<THolidayEntry, 'date' | 'kind' | 'name'>[], label = 'holiday rows'): THolidayEntry[] =>
  rows
    .map((row, i) => {
      if (parseIsoDate(row.date) === undefined) throw new HolidayDataError(`${label}[${i}].date: expected a date YYYY-MM-DD, got "${row.date}"`);
      if (!isHolidayKind(row.kind)) throw new HolidayDataError(`${label}[${i}].kind: expected one of ${HOLIDAY_KINDS.join('|')}, got "${row.kind}"`);
      if (!row.name || !row.name.trim()) throw new HolidayDataError(`${label}[${i}].name: expected a non-empty name`);
      return { ...row };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/** Options of a holiday calendar. */
export type THolidayCalendarOptions = {
  /** Official schedule rows (shipped CSV or DB); each year that has rows uses them as its full schedule. */
  officialEntries?: readonly THolidayEntry[];
  /** Administrator schedules, one per year; they win over everything else for their year. */
  adminOverrides?: readonly THolidayYearOverride[];
  /** Rule parameters for years without an override or official rows. */
  config?: THolidayRuleConfig;
};

/** Resolves the holiday schedule of any supported year, with per-year caching. */
export type THolidayCalendar = {
  readonly config: THolidayRuleConfig;
  /** The schedule (source and entries dated in that year) of a Gregorian year. */
  getYearSchedule: (year: number) => TYearHolidaySchedule;
};

const groupByYear = (entries: readonly THolidayEntry[]): Map<number, THolidayEntry[]> => {
  const byYear = new Map<number, THolidayEntry[]>();
  for (const entry of entries) {
    const year = Number(entry.date.slice(0, 4));
    const list = byYear.get(year) ?? [];
    list.push(entry);
    byYear.set(year, list);
  }
  return byYear;
};

/**
 * Builds a holiday calendar from official rows, administrator overrides and the rule config,
 * with the precedence admin override > official rows > statutory rule, per Gregorian year.
 */
export const createHolidayCalendar = (options: THolidayCalendarOptions = {}): THolidayCalendar => {
  const config = options.config ?? DEFAULT_HOLIDAY_RULE_CONFIG;
  const official = groupByYear(validateHolidayEntries(options.officialEntries ?? [], 'official holidays'));
  const overrides = new Map<number, THolidayEntry[]>();
  for (const override of options.adminOverrides ?? []) {
    const entries = validateHolidayEntries(override.entries, `override ${override.year}`);
    const stray = entries.find((e) => Number(e.date.slice(0, 4)) !== override.year);
    if (stray) throw new HolidayDataError(`override ${override.year}: date ${stray.date} is not in year ${override.year}`);
    overrides.set(override.year, entries);
  }
  const cache = new Map<number, TYearHolidaySchedule>();
  const getYearSchedule = (year: number): TYearHolidaySchedule => {
    const cached = cache.get(year);
    if (cached) return cached;
    const admin = overrides.get(year);
    const rows = official.get(year);
    const schedule: TYearHolidaySchedule = admin
      ? { year, source: 'ADMIN', entries: admin }
      : rows
        ? { year, source: 'OFFICIAL', entries: rows }
        : { year, source: 'RULE', entries: projectStatutoryHolidays(year, config) };
    cache.set(year, schedule);
    return schedule;
  };
  return { config, getYearSchedule };
};
