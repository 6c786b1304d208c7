/**
 * Deadline rules of the case engine (spec procedures-and-calendar §2.2–2.4), on top of the
 * working-day calendar of src/domain/calendar (which does the arithmetic). Pure functions.
 */
import {
  addOfficeHours,
  addWorkingDays,
  computeDeadline,
  countWorkingDays,
  DEFAULT_DEADLINE_CONFIG,
  getVnDate,
  isWorkingDay,
  toEpochMs,
  VN_OFFSET_MS,
  type TDeadlineConfig,
  type TLegalTime,
  type TTimestamp,
  type TWorkCalendar,
} from '../calendar/workdays';

/** How a stop of the clock affects the deadline when it ends. */
export type TPauseRule = 'RESTART' | 'PAUSE' | 'NONE';

/** Due instant of a limit started at `startAt` (spec §2.2: effective receipt day, units). */
export const computeDue = (cal: TWorkCalendar, input: { startAt: TTimestamp; limit: TLegalTime; config?: Partial<TDeadlineConfig> }): { dueAtMs: number; dueDate: string } => {
  const d = computeDeadline(cal, { receivedAt: input.startAt, legalTime: input.limit, config: input.config });
  return { dueAtMs: d.dueAtMs, dueDate: d.dueDate };
};

const MS_PER_DAY = 86_400_000;
const msOfVnDay = (ms: number): number => (((ms + VN_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
const hhmmToMs = (text: string): number => {
  const [h, m] = text.split(':').map(Number);
  return (h * 60 + m) * 60_000;
};

/** Office time (milliseconds) between two instants: only working days, only inside office sessions. */
export const countOfficeMs = (cal: TWorkCalendar, from: TTimestamp, to: TTimestamp, config: Partial<TDeadlineConfig> = {}): number => {
  const hours = (config.officeHours ?? DEFAULT_DEADLINE_CONFIG.officeHours).sessions.map((s) => ({ start: hhmmToMs(s.start), end: hhmmToMs(s.end) }));
  const a = toEpochMs(from);
  const b = toEpochMs(to);
  if (b <= a) return 0;
  let total = 0;
  let day = getVnDate(a);
  const lastDay = getVnDate(b);
  for (;;) {
    if (isWorkingDay(cal, day)) {
      const midnight = toEpochMs(day);
      for (const s of hours) {
        const lo = Math.max(a, midnight + s.start);
        const hi = Math.min(b, midnight + s.end);
        if (hi > lo) total += hi - lo;
      }
    }
    if (day === lastDay) break;
    day = addCalendarDays(day, 1);
  }
  return total;
};

const addCalendarDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);

/**
 * The due instant after a stop of the clock ends (spec §2.2 step 5 and 7):
 * RESTART — the limit restarts from zero at `resumedAt` (ND61 Đ19.4, supplements);
 * PAUSE — the time lost is added: working days for WORKING_DAY limits (each working day
 * between the pause day and the resume day), calendar days for CALENDAR_DAY (then moved to a
 * working day), office hours for WORKING_HOUR; NONE — the due instant does not move.
 */
export const dueAfterResume = (
  cal: TWorkCalendar,
  input: { rule: TPauseRule; limit: TLegalTime; dueAt: TTimestamp; pausedAt: TTimestamp; resumedAt: TTimestamp; config?: Partial<TDeadlineConfig> },
): number => {
  const dueMs = toEpochMs(input.dueAt);
  if (input.rule === 'NONE') return dueMs;
  if (input.rule === 'RESTART') return computeDue(cal, { startAt: input.resumedAt, limit: input.limit, config: input.config }).dueAtMs;
  const pausedDay = getVnDate(input.pausedAt);
  const resumedDay = getVnDate(input.resumedAt);
  const timeOfDue = msOfVnDay(dueMs);
  const dueDate = getVnDate(dueMs);
  switch (input.limit.unit) {
    case 'WORKING_DAY': {
      const lost = Math.max(0, countWorkingDays(cal, pausedDay, resumedDay));
      return toEpochMs(addWorkingDays(cal, dueDate, lost)) + timeOfDue;
    }
    case 'CALENDAR_DAY': {
      const lost = Math.round((Date.parse(`${resumedDay}T00:00:00Z`) - Date.parse(`${pausedDay}T00:00:00Z`)) / MS_PER_DAY);
      let day = addCalendarDays(dueDate, Math.max(0, lost));
      if (!isWorkingDay(cal, day)) day = addWorkingDays(cal, day, 1);
      return toEpochMs(day) + timeOfDue;
    }
    case 'WORKING_HOUR': {
      const lostMs = countOfficeMs(cal, input.pausedAt, input.resumedAt, input.config);
      return addOfficeHours(cal, dueMs, lostMs / 3_600_000, input.config?.officeHours);
    }
  }
};

/** Urgency of an open case for the work queues. */
export type TUrgency = 'OVERDUE' | 'DUE_SOON' | 'ON_TRACK' | 'PAUSED' | 'NO_DEADLINE';

/**
 * The instant up to which a due instant counts as "due soon": the end of the n-th working day
 * after today (n = 0: end of today), Vietnam time.
 */
export const dueSoonLimit = (cal: TWorkCalendar, now: TTimestamp, workingDays: number): number => {
  const today = getVnDate(now);
  const day = workingDays > 0 ? addWorkingDays(cal, today, workingDays) : today;
  return toEpochMs(day) + MS_PER_DAY - 1;
};

/** OVERDUE when now is past the due instant; DUE_SOON within `dueSoonWorkingDays`; PAUSED while the clock is stopped. */
export const classifyUrgency = (
  cal: TWorkCalendar,
  input: { dueAt: TTimestamp | null; pausedAt?: TTimestamp | null; now: TTimestamp; dueSoonWorkingDays: number },
): TUrgency => {
  if (input.pausedAt !== undefined && input.pausedAt !== null) return 'PAUSED';
  if (input.dueAt === null) return 'NO_DEADLINE';
  const due = toEpochMs(input.dueAt);
  const now = toEpochMs(input.now);
  if (now > due) return 'OVERDUE';
  return due <= dueSoonLimit(cal, now, input.dueSoonWorkingDays) ? 'DUE_SOON' : 'ON_TRACK';
};

/**
 * Latest day for the apology letter (spec §2.4: at the latest 1 working day before the due
 * date): the working day `daysBefore` before the due date.
 */
export const apologyDeadline = (cal: TWorkCalendar, dueAt: TTimestamp, daysBefore = 1): string => {
  let day = getVnDate(dueAt);
  let n = daysBefore;
  while (n > 0) {
    day = addCalendarDays(day, -1);
    if (isWorkingDay(cal, day)) n--;
  }
  return day;
};
