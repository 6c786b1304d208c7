/**
 * Working-day calendar and deadline arithmetic (spec procedures-and-calendar §2.2, §2.3, §6.3).
 *
 * Pure functions on plain data. Dates are ISO `YYYY-MM-DD` strings (Vietnam local dates);
 * timestamps are epoch milliseconds or ISO strings (an ISO string without offset is read as
 * Vietnam time, UTC+7). Vietnam time is computed explicitly; the machine's TZ is never used.
 *
 * Speed: each year is compiled once into a status array and a cumulative working-day count, so
 * `addWorkingDays` is a binary search, not a day-by-day loop.
 */
import { createHolidayCalendar, type THolidayCalendar, type THolidayKind, type TYearHolidaySchedule } from './holidays';
import { CalendarRangeError, isoFromJdn, isoWeekdayOfJdn, jdnFromIso, jdnFromYmd, type TIsoWeekday } from './lunar';

/** Status of a day in the working-day calendar. */
export type TDayStatus = 'WORKING' | 'WEEKEND' | 'HOLIDAY' | 'COMPENSATORY' | 'SWAP_DAY_OFF' | 'SWAP_WORKDAY';

/** One day of the year grid shown on the admin page. */
export type TYearGridDay = {
  date: string;
  weekday: TIsoWeekday;
  status: TDayStatus;
  isWorkingDay: boolean;
  name: string | null;
};

/** A timestamp: epoch milliseconds, or ISO 8601 text (without offset = Vietnam time). */
export type TTimestamp = number | string;

/** Compiled data of one year (statuses, names, cumulative working-day count). */
export type TYearDays = {
  year: number;
  startJdn: number;
  source: TYearHolidaySchedule['source'];
  status: Uint8Array;
  names: (string | null)[];
  /** cumulative[i] = number of working days among days 0..i of the year. */
  cumulative: Uint16Array;
  total: number;
};

/** The working-day calendar: a holiday calendar plus compiled per-year data. */
export type TWorkCalendar = {
  readonly holidays: THolidayCalendar;
  /** Compiled data of a year (cached). Throws CalendarRangeError outside the supported years. */
  readonly getYearDays: (year: number) => TYearDays;
};

/** Years supported by the working-day calendar. */
export const WORK_CALENDAR_MIN_YEAR = 1900;
export const WORK_CALENDAR_MAX_YEAR = 2100;

const STATUS_CODES: readonly TDayStatus[] = ['WORKING', 'WEEKEND', 'HOLIDAY', 'COMPENSATORY', 'SWAP_DAY_OFF', 'SWAP_WORKDAY'];
const CODE_WORKING = 0;
const CODE_WEEKEND = 1;
const CODE_SWAP_WORKDAY = 5;
/** Status code of a schedule kind. */
const KIND_CODES: Record<THolidayKind, number> = { statutory: 2, compensatory: 3, swap_day_off: 4, swap_workday: 5 };
/** When several rows share a date, the highest priority wins (a swapped workday is always worked). */
const KIND_PRIORITY: Record<THolidayKind, number> = { swap_workday: 4, statutory: 3, compensatory: 2, swap_day_off: 1 };

const isWorkingCode = (code: number): boolean => code === CODE_WORKING || code === CODE_SWAP_WORKDAY;

/** Compiles one year: statuses, names and the cumulative working-day count. */
const compileYear = (holidays: THolidayCalendar, year: number): TYearDays => {
  const startJdn = jdnFromYmd(year, 1, 1);
  const length = jdnFromYmd(year + 1, 1, 1) - startJdn;
  const weekend = new Set<number>(holidays.config.weekendDays);
  const status = new Uint8Array(length);
  const names: (string | null)[] = new Array<string | null>(length).fill(null);
  const priority = new Uint8Array(length);
  for (let i = 0; i < length; i++) status[i] = weekend.has(isoWeekdayOfJdn(startJdn + i)) ? CODE_WEEKEND : CODE_WORKING;
  const schedule = holidays.getYearSchedule(year);
  for (const entry of schedule.entries) {
    const i = jdnFromIso(entry.date) - startJdn;
    if (i < 0 || i >= length || KIND_PRIORITY[entry.kind] <= priority[i]) continue;
    priority[i] = KIND_PRIORITY[entry.kind];
    status[i] = KIND_CODES[entry.kind];
    names[i] = entry.name;
  }
  const cumulative = new Uint16Array(length);
  let count = 0;
  for (let i = 0; i < length; i++) {
    if (isWorkingCode(status[i])) count++;
    cumulative[i] = count;
  }
  return { year, startJdn, source: schedule.source, status, names, cumulative, total: count };
};

/**
 * Creates a working-day calendar over a holiday calendar (default: statutory rules only).
 * Typical use: `createWorkCalendar(createHolidayCalendar({ officialEntries: parseHolidayCsv(text) }))`.
 */
export const createWorkCalendar = (holidays: THolidayCalendar = createHolidayCalendar()): TWorkCalendar => {
  const years = new Map<number, TYearDays>();
  const getYearDays = (year: number): TYearDays => {
    const cached = years.get(year);
    if (cached) return cached;
    if (!Number.isInteger(year) || year < WORK_CALENDAR_MIN_YEAR || year > WORK_CALENDAR_MAX_YEAR) {
      throw new CalendarRangeError(`year ${year} is outside the supported range ${WORK_CALENDAR_MIN_YEAR}..${WORK_CALENDAR_MAX_YEAR} of the working-day calendar`);
    }
    const compiled = compileYear(holidays, year);
    years.set(year, compiled);
    return compiled;
  };
  return { holidays, getYearDays };
};

// ---------------------------------------------------------------------------------------------
// Days
// ---------------------------------------------------------------------------------------------

/** Gregorian year of a JDN, without formatting the date. */
const yearOfJdn = (jdn: number): number => {
  let year = Math.floor((jdn - 1721426) / 365.2425) + 1;
  while (jdnFromYmd(year, 1, 1) > jdn) year--;
  while (jdnFromYmd(year + 1, 1, 1) <= jdn) year++;
  return year;
};

const locateJdn = (cal: TWorkCalendar, jdn: number): { days: TYearDays; index: number } => {
  const days = cal.getYearDays(yearOfJdn(jdn));
  return { days, index: jdn - days.startJdn };
};

/** Whether the day (JDN) is a working day. */
export const isWorkingDayJdn = (cal: TWorkCalendar, jdn: number): boolean => {
  const { days, index } = locateJdn(cal, jdn);
  return isWorkingCode(days.status[index]);
};

/**
 * Whether a date is a working day: (Mon–Fri and not a statutory, compensatory or swapped day off)
 * or a swapped workday (spec §6.3).
 */
export const isWorkingDay = (cal: TWorkCalendar, date: string): boolean => isWorkingDayJdn(cal, jdnFromIso(date));

/** Status and name of a date. */
export const getDayStatus = (cal: TWorkCalendar, date: string): { status: TDayStatus; name: string | null } => {
  const { days, index } = locateJdn(cal, jdnFromIso(date));
  return { status: STATUS_CODES[days.status[index]], name: days.names[index] };
};

const assertCount = (n: number, what: string): void => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
};

/** JDN of the n-th working day after day `r` (r itself not counted); n = 0 returns r. */
export const addWorkingDaysJdn = (cal: TWorkCalendar, r: number, n: number): number => {
  assertCount(n, 'number of working days');
  if (n === 0) return r;
  const located = locateJdn(cal, r);
  let days = located.days;
  let target = days.cumulative[located.index] + n;
  while (target > days.total) {
    target -= days.total;
    days = cal.getYearDays(days.year + 1);
  }
  const cumulative = days.cumulative;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return days.startJdn + lo;
};

/**
 * The n-th working day after the receipt day `r` (r itself is not counted; BLDS 2015 Đ147.3),
 * spec §2.2 step 2. Example: addWorkingDays(cal, '2025-04-24', 5) === '2025-05-05'.
 */
export const addWorkingDays = (cal: TWorkCalendar, r: string, n: number): string => isoFromJdn(addWorkingDaysJdn(cal, jdnFromIso(r), n));

/** Working days before and including day `jdn` since the start of the supported range of its year. */
const countThrough = (cal: TWorkCalendar, jdn: number): { year: number; count: number } => {
  const { days, index } = locateJdn(cal, jdn);
  return { year: days.year, count: days.cumulative[index] };
};

/**
 * Number of working days d with from < d ≤ to (so countWorkingDays(r, addWorkingDays(r, n)) = n);
 * negative when `to` is before `from`.
 */
export const countWorkingDays = (cal: TWorkCalendar, from: string, to: string): number => {
  const a = jdnFromIso(from);
  const b = jdnFromIso(to);
  if (b < a) return -countWorkingDays(cal, to, from);
  const start = countThrough(cal, a);
  const end = countThrough(cal, b);
  let total = end.count - start.count;
  for (let year = start.year; year < end.year; year++) total += cal.getYearDays(year).total;
  return total;
};

/** Next working day strictly after `date`. */
export const nextWorkingDay = (cal: TWorkCalendar, date: string): string => addWorkingDays(cal, date, 1);

/** Every date of a year with its status and name (admin page). */
export const getYearGrid = (cal: TWorkCalendar, year: number): TYearGridDay[] => {
  const days = cal.getYearDays(year);
  return Array.from(days.status, (code, i) => ({
    date: isoFromJdn(days.startJdn + i),
    weekday: isoWeekdayOfJdn(days.startJdn + i),
    status: STATUS_CODES[code],
    isWorkingDay: isWorkingCode(code),
    name: days.names[i],
  }));
};

// ---------------------------------------------------------------------------------------------
// Vietnam time
// ---------------------------------------------------------------------------------------------

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const JDN_UNIX_EPOCH = 2440588;
/** Vietnam time offset (UTC+7) in milliseconds. */
export const VN_OFFSET_MS = 7 * 3_600_000;

const TIMESTAMP_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Epoch milliseconds of a timestamp. ISO text without offset (or a bare date) is Vietnam time.
 * Throws RangeError on malformed text.
 */
export const toEpochMs = (at: TTimestamp): number => {
  if (typeof at === 'number') {
    if (!Number.isFinite(at)) throw new RangeError(`timestamp ${at} is not a finite number`);
    return at;
  }
  const match = TIMESTAMP_RE.exec(at.trim());
  if (!match) throw new RangeError(`"${at}" is not an ISO 8601 timestamp`);
  const [, date, hh = '0', mm = '0', ss = '0', frac = '', zone] = match;
  const h = Number(hh);
  const m = Number(mm);
  const s = Number(ss);
  if (h > 24 || m > 59 || s > 59 || (h === 24 && (m > 0 || s > 0 || Number(frac) > 0))) throw new RangeError(`"${at}" has an invalid time of day`);
  let offsetMs = VN_OFFSET_MS;
  if (zone === 'Z') offsetMs = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * MS_PER_MINUTE;
  }
  const ms = Math.floor(Number(`0.${frac || '0'}`) * 1000);
  return (jdnFromIso(date) - JDN_UNIX_EPOCH) * MS_PER_DAY + ((h * 60 + m) * 60 + s) * 1000 + ms - offsetMs;
};

/** Vietnam local day (JDN) and milliseconds since local midnight of an epoch instant. */
const splitVnTime = (ms: number): { jdn: number; msOfDay: number } => {
  const local = ms + VN_OFFSET_MS;
  const day = Math.floor(local / MS_PER_DAY);
  return { jdn: day + JDN_UNIX_EPOCH, msOfDay: local - day * MS_PER_DAY };
};

/** Epoch milliseconds of local (Vietnam) day `jdn` at `msOfDay` after midnight. */
const joinVnTime = (jdn: number, msOfDay: number): number => (jdn - JDN_UNIX_EPOCH) * MS_PER_DAY + msOfDay - VN_OFFSET_MS;

/** ISO text of an instant in Vietnam time: `YYYY-MM-DDTHH:MM:SS+07:00` (milliseconds when non-zero). */
export const formatVnTimestamp = (at: TTimestamp): string => {
  const { jdn, msOfDay } = splitVnTime(toEpochMs(at));
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const hh = Math.floor(msOfDay / 3_600_000);
  const mm = Math.floor((msOfDay % 3_600_000) / MS_PER_MINUTE);
  const ss = Math.floor((msOfDay % MS_PER_MINUTE) / 1000);
  const milli = msOfDay % 1000;
  return `${isoFromJdn(jdn)}T${p2(hh)}:${p2(mm)}:${p2(ss)}${milli ? `.${String(milli).padStart(3, '0')}` : ''}+07:00`;
};

/** Vietnam local date `YYYY-MM-DD` of an instant. */
export const getVnDate = (at: TTimestamp): string => isoFromJdn(splitVnTime(toEpochMs(at)).jdn);

// ---------------------------------------------------------------------------------------------
// Office hours
// ---------------------------------------------------------------------------------------------

/** Office hours as sessions `HH:MM`–`HH:MM` in Vietnam time, in order, non-overlapping. */
export type TOfficeHours = { sessions: readonly { start: string; end: string }[] };

/** Deadline settings (spec §2.1/2.2); every value is configuration. */
export type TDeadlineConfig = {
  officeHours: TOfficeHours;
  /** Time printed on the slip for a due date (default office close 17:00; BLDS Đ148.6 would be 24:00). */
  dueTimeOfDay: string;
  /** HOUR_PRECISE: a WORKING_DAY limit N is N × hoursPerWorkingDay office hours from max(receivedAt, opening of R). */
  hourPrecise: boolean;
  hoursPerWorkingDay: number;
};

/** Default office hours 07:00–11:30, 13:30–17:00 (spec §2.1). */
export const DEFAULT_OFFICE_HOURS: TOfficeHours = {
  sessions: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
};

/** Default deadline settings. */
export const DEFAULT_DEADLINE_CONFIG: TDeadlineConfig = {
  officeHours: DEFAULT_OFFICE_HOURS,
  dueTimeOfDay: '17:00',
  hourPrecise: false,
  hoursPerWorkingDay: 8,
};

const HHMM_RE = /^(\d{2}):(\d{2})$/;

/** Milliseconds after midnight of `HH:MM` (00:00..24:00). */
const parseTimeOfDay = (text: string): number => {
  const match = HHMM_RE.exec(text);
  const h = match ? Number(match[1]) : NaN;
  const m = match ? Number(match[2]) : NaN;
  if (!match || m > 59 || h > 24 || (h === 24 && m > 0)) throw new RangeError(`"${text}" is not a time of day HH:MM`);
  return (h * 60 + m) * MS_PER_MINUTE;
};

/** Sessions in milliseconds after midnight, validated. */
const compileSessions = (hours: TOfficeHours): { start: number; end: number }[] => {
  const sessions = hours.sessions.map((s) => ({ start: parseTimeOfDay(s.start), end: parseTimeOfDay(s.end) }));
  if (sessions.length === 0) throw new RangeError('office hours need at least one session');
  sessions.forEach((s, i) => {
    if (s.end <= s.start || (i > 0 && s.start < sessions[i - 1].end)) throw new RangeError('office-hour sessions must be increasing and non-overlapping');
  });
  return sessions;
};

/**
 * The earliest instant ≥ `at` that is inside office hours of a working day (Vietnam time),
 * as epoch milliseconds. An instant exactly at a session end moves to the next session.
 */
export const nextWorkingMoment = (cal: TWorkCalendar, at: TTimestamp, hours: TOfficeHours = DEFAULT_OFFICE_HOURS): number => {
  const sessions = compileSessions(hours);
  const { jdn, msOfDay } = splitVnTime(toEpochMs(at));
  if (isWorkingDayJdn(cal, jdn)) {
    for (const s of sessions) {
      if (msOfDay < s.start) return joinVnTime(jdn, s.start);
      if (msOfDay < s.end) return toEpochMs(at);
    }
  }
  return joinVnTime(addWorkingDaysJdn(cal, jdn, 1), sessions[0].start);
};

/**
 * Adds `hours` office hours to `at` (working days only, sessions of `officeHours`) and returns
 * the instant (epoch ms) at which they are used up. A result exactly at a session end stays there.
 */
export const addOfficeHours = (cal: TWorkCalendar, at: TTimestamp, hours: number, officeHours: TOfficeHours = DEFAULT_OFFICE_HOURS): number => {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`office hours to add must be a non-negative number, got ${hours}`);
  const sessions = compileSessions(officeHours);
  let remaining = Math.round(hours * 3_600_000);
  if (remaining === 0) return toEpochMs(at);
  let cursor = nextWorkingMoment(cal, at, officeHours);
  for (;;) {
    const { jdn, msOfDay } = splitVnTime(cursor);
    const session = sessions.find((s) => msOfDay >= s.start && msOfDay < s.end);
    if (!session) throw new Error('internal: cursor outside office hours');
    const available = session.end - msOfDay;
    if (remaining <= available) return cursor + remaining;
    remaining -= available;
    cursor = nextWorkingMoment(cal, joinVnTime(jdn, session.end), officeHours);
  }
};

/**
 * Effective receipt day R (spec §2.2 step 1): the receipt day, or the next working day when the
 * dossier was received on a non-working day or after office close (end of the last session).
 */
export const getEffectiveReceiptDay = (cal: TWorkCalendar, receivedAt: TTimestamp, hours: TOfficeHours = DEFAULT_OFFICE_HOURS): string => {
  const sessions = compileSessions(hours);
  const { jdn, msOfDay } = splitVnTime(toEpochMs(receivedAt));
  const close = sessions[sessions.length - 1].end;
  return isoFromJdn(isWorkingDayJdn(cal, jdn) && msOfDay < close ? jdn : addWorkingDaysJdn(cal, jdn, 1));
};

// ---------------------------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------------------------

/** Unit of a legal processing time. */
export type TLegalTimeUnit = 'WORKING_DAY' | 'CALENDAR_DAY' | 'WORKING_HOUR';
export type TLegalTime = { value: number; unit: TLegalTimeUnit };

/** A computed deadline. `dueDate` is the Vietnam date of the deadline; `dueAt` its instant. */
export type TDeadline = {
  receiptDay: string;
  dueDate: string;
  dueAt: string;
  dueAtMs: number;
  legalTime: TLegalTime;
  method: 'WORKING_DAY' | 'WORKING_DAY_HOUR_PRECISE' | 'CALENDAR_DAY' | 'WORKING_HOUR';
};

export type TComputeDeadlineInput = { receivedAt: TTimestamp; legalTime: TLegalTime; config?: Partial<TDeadlineConfig> };

const dueAtOfDate = (jdn: number, dueTimeOfDay: string): number => joinVnTime(jdn, parseTimeOfDay(dueTimeOfDay));

/**
 * Computes the due date and instant of a dossier (spec §2.2):
 * WORKING_DAY N → the N-th working day after R at `dueTimeOfDay` (HOUR_PRECISE: N × 8 office
 * hours from max(receivedAt, opening of R)); CALENDAR_DAY N → R + N days, moved to the next
 * working day when that is not one; WORKING_HOUR H → H office hours from receivedAt.
 */
export const computeDeadline = (cal: TWorkCalendar, input: TComputeDeadlineInput): TDeadline => {
  const config: TDeadlineConfig = { ...DEFAULT_DEADLINE_CONFIG, ...input.config };
  const { legalTime } = input;
  const receivedMs = toEpochMs(input.receivedAt);
  const receiptDay = getEffectiveReceiptDay(cal, receivedMs, config.officeHours);
  const r = jdnFromIso(receiptDay);
  const build = (method: TDeadline['method'], dueAtMs: number, dueJdn?: number): TDeadline => ({
    receiptDay,
    dueDate: isoFromJdn(dueJdn ?? splitVnTime(dueAtMs).jdn),
    dueAt: formatVnTimestamp(dueAtMs),
    dueAtMs,
    legalTime,
    method,
  });
  switch (legalTime.unit) {
    case 'WORKING_DAY': {
      assertCount(legalTime.value, 'WORKING_DAY legal time');
      if (config.hourPrecise) {
        const opening = joinVnTime(r, compileSessions(config.officeHours)[0].start);
        const start = Math.max(receivedMs, opening);
        return build('WORKING_DAY_HOUR_PRECISE', addOfficeHours(cal, start, legalTime.value * config.hoursPerWorkingDay, config.officeHours));
      }
      const due = addWorkingDaysJdn(cal, r, legalTime.value);
      return build('WORKING_DAY', dueAtOfDate(due, config.dueTimeOfDay), due);
    }
    case 'CALENDAR_DAY': {
      assertCount(legalTime.value, 'CALENDAR_DAY legal time');
      let due = r + legalTime.value;
      if (!isWorkingDayJdn(cal, due)) due = addWorkingDaysJdn(cal, due, 1);
      return build('CALENDAR_DAY', dueAtOfDate(due, config.dueTimeOfDay), due);
    }
    case 'WORKING_HOUR':
      return build('WORKING_HOUR', addOfficeHours(cal, receivedMs, legalTime.value, config.officeHours));
    default: {
      const unknown: never = legalTime.unit;
      throw new RangeError(`unknown legal time unit ${String(unknown)}`);
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Early / on-time / late (spec §2.3)
// ---------------------------------------------------------------------------------------------

export type TTimeliness = 'EARLY' | 'ON_TIME' | 'LATE';
export type TProgressTimeliness = 'IN_TIME' | 'OVERDUE';

/**
 * Legal classification against the ORIGINAL deadline: EARLY if the Vietnam date of `processedAt`
 * is before the due date; ON_TIME if on the due date and ≤ dueAt; LATE otherwise.
 * `dueDate` defaults to the Vietnam date of `dueAt` (pass it when dueTimeOfDay is 24:00).
 */
export const classifyTimeliness = (input: { dueAt: TTimestamp; dueDate?: string; processedAt: TTimestamp }): TTimeliness => {
  const dueAtMs = toEpochMs(input.dueAt);
  const dueDate = input.dueDate ?? getVnDate(dueAtMs);
  const processedMs = toEpochMs(input.processedAt);
  const processedDate = getVnDate(processedMs);
  if (processedDate < dueDate) return 'EARLY';
  if (processedDate === dueDate && processedMs <= dueAtMs) return 'ON_TIME';
  return 'LATE';
};

/** A dossier still in progress at `now`: IN_TIME if now ≤ dueAt, else OVERDUE. */
export const classifyInProgress = (input: { dueAt: TTimestamp; now: TTimestamp }): TProgressTimeliness =>
  toEpochMs(input.now) <= toEpochMs(input.dueAt) ? 'IN_TIME' : 'OVERDUE';

/** TT 01/2018 Đ13 indicator 1 score: shorter = 2, equal = 1, longer = 0. */
export const scoreTimeliness = (timeliness: TTimeliness): 2 | 1 | 0 => (timeliness === 'EARLY' ? 2 : timeliness === 'ON_TIME' ? 1 : 0);

/**
 * End time of a dossier (spec §2.3): status 9 (processed) if present, otherwise the first of
 * status 10 (returned), 8 (stopped) and a refusal; undefined when none happened.
 */
export const selectEndTime = (events: {
  processedAt?: TTimestamp | null;
  returnedAt?: TTimestamp | null;
  stoppedAt?: TTimestamp | null;
  refusedAt?: TTimestamp | null;
}): number | undefined => {
  if (events.processedAt !== undefined && events.processedAt !== null) return toEpochMs(events.processedAt);
  const times = [events.returnedAt, events.stoppedAt, events.refusedAt].filter((t): t is TTimestamp => t !== undefined && t !== null).map(toEpochMs);
  return times.length ? Math.min(...times) : undefined;
};

/** A supplement request: requested at, completed at (open when absent). */
export type TSupplementInterval = { requestedAt: TTimestamp; completedAt?: TTimestamp | null };

export type TNationalPortalInput = {
  /** Receipt (status 2) instant. */
  receivedAt: TTimestamp;
  /** End instant (see selectEndTime); absent for an unfinished dossier. */
  endAt?: TTimestamp | null;
  /** Appointment (NgayHenTra); when absent the due instant is computed from legalTime. */
  appointmentAt?: TTimestamp | null;
  legalTime?: TLegalTime;
  supplements?: readonly TSupplementInterval[];
  /** End of the reporting period: unfinished dossiers are ended there. */
  periodEnd: TTimestamp;
  config?: Partial<TDeadlineConfig>;
};

export type TNationalPortalResult = {
  variant: 'NATIONAL_PORTAL_766';
  timeliness: TTimeliness;
  reason: 'MULTIPLE_SUPPLEMENTS' | 'COMPARED_WITH_APPOINTMENT' | 'COMPARED_WITH_LEGAL_TIME';
  effectiveEndAt: string | null;
  dueAt: string | null;
  supplementMs: number;
};

/**
 * National-portal variant (QĐ 766 indicator 2.1, spec §2.3): more than one supplement request ⇒
 * LATE; a dossier with one open supplement request is ended at that request; an unfinished
 * dossier is ended at period end; supplement waiting time is subtracted (pause semantics); then
 * the effective end is compared with the appointment, or without one with the due instant
 * computed from the legal time.
 */
export const classifyNationalPortal = (cal: TWorkCalendar, input: TNationalPortalInput): TNationalPortalResult => {
  const supplements = input.supplements ?? [];
  const base = { variant: 'NATIONAL_PORTAL_766' as const };
  if (supplements.length > 1) {
    return { ...base, timeliness: 'LATE', reason: 'MULTIPLE_SUPPLEMENTS', effectiveEndAt: null, dueAt: null, supplementMs: 0 };
  }
  const single = supplements[0];
  const isOpen = single !== undefined && (single.completedAt === undefined || single.completedAt === null);
  let endMs: number;
  if (input.endAt !== undefined && input.endAt !== null) endMs = toEpochMs(input.endAt);
  else if (isOpen) endMs = toEpochMs(single.requestedAt);
  else endMs = toEpochMs(input.periodEnd);
  let supplementMs = 0;
  if (single && !isOpen && single.completedAt !== undefined && single.completedAt !== null) {
    const from = toEpochMs(single.requestedAt);
    const to = Math.min(toEpochMs(single.completedAt), endMs);
    supplementMs = Math.max(0, to - from);
  }
  const effectiveEndMs = endMs - supplementMs;
  let dueMs: number;
  let dueDate: string | undefined;
  let reason: TNationalPortalResult['reason'];
  if (input.appointmentAt !== undefined && input.appointmentAt !== null) {
    dueMs = toEpochMs(input.appointmentAt);
    reason = 'COMPARED_WITH_APPOINTMENT';
  } else if (input.legalTime) {
    const deadline = computeDeadline(cal, { receivedAt: input.receivedAt, legalTime: input.legalTime, config: input.config });
    dueMs = deadline.dueAtMs;
    dueDate = deadline.dueDate;
    reason = 'COMPARED_WITH_LEGAL_TIME';
  } else {
    throw new RangeError('national-portal classification needs appointmentAt or legalTime');
  }
  return {
    ...base,
    timeliness: classifyTimeliness({ dueAt: dueMs, dueDate, processedAt: effectiveEndMs }),
    reason,
    effectiveEndAt: formatVnTimestamp(effectiveEndMs),
    dueAt: formatVnTimestamp(dueMs),
    supplementMs,
  };
};
