import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { desc, eq, sql } from 'drizzle-orm';
import type { TDb } from '../../db/client';
import { holidayYears } from '../../db/schema/calendar';
import { createHolidayCalendar, HolidayDataError, parseHolidayCsv, projectStatutoryHolidays, validateHolidayEntries, type THolidayEntry, type THolidayKind } from '../../domain/calendar/holidays';
import { CalendarRangeError } from '../../domain/calendar/lunar';
import { addWorkingDays, countWorkingDays, createWorkCalendar, getYearGrid, WORK_CALENDAR_MAX_YEAR, WORK_CALENDAR_MIN_YEAR, type TWorkCalendar } from '../../domain/calendar/workdays';
import { AppError } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { hasPermission } from '../auth/auth.policy';

const HOLIDAYS_CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'reference', 'holidays-2019-2030.csv');
let shipped: THolidayEntry[] | undefined;
/** The official schedules shipped with the application (2019–2030). */
const loadShipped = (): THolidayEntry[] => (shipped ??= parseHolidayCsv(fs.readFileSync(HOLIDAYS_CSV, 'utf8'), 'reference/holidays-2019-2030.csv'));

export type THolidayYearInput = { noticeNumber?: string | null; noticeDate?: string | null; entries: { date: string; kind: THolidayKind; name: string }[] };

const checkYear = (year: number) => {
  if (!Number.isInteger(year) || year < WORK_CALENDAR_MIN_YEAR || year > WORK_CALENDAR_MAX_YEAR) {
    throw new AppError('VALIDATION_ERROR', `The year must be between ${WORK_CALENDAR_MIN_YEAR} and ${WORK_CALENDAR_MAX_YEAR}`, [{ path: 'params.year', message: 'out of range' }]);
  }
};

/**
 * The working-day calendar of the Department: shipped official schedules, administrator
 * overrides per year (stored in the database) and the statutory rules for other years. The
 * compiled calendar is cached per process and rebuilt when the overrides change (checked by
 * their latest update time, so several processes stay consistent).
 */
export const createCalendarService = ({ db }: { db: TDb }) => {
  let cached: { stamp: string; calendar: TWorkCalendar } | undefined;

  const getWorkCalendar = async (): Promise<TWorkCalendar> => {
    const rows = await db.select({ stamp: sql<string>`coalesce(max(${holidayYears.updatedAt})::text, '') || ':' || count(*)` }).from(holidayYears);
    const stamp = rows[0]?.stamp ?? '';
    if (cached && cached.stamp === stamp) return cached.calendar;
    const overrides = await db.select().from(holidayYears);
    const calendar = createWorkCalendar(
      createHolidayCalendar({
        officialEntries: loadShipped(),
        adminOverrides: overrides.map((o) => ({ year: o.year, entries: o.entries as THolidayYearInput['entries'] })),
      }),
    );
    cached = { stamp, calendar };
    return calendar;
  };

  /** A year as a grid of days with the schedule's source, the stored notice and the rule's projection. */
  const getYear = async (year: number) => {
    checkYear(year);
    const calendar = await getWorkCalendar();
    const schedule = calendar.holidays.getYearSchedule(year);
    const stored = (await db.select().from(holidayYears).where(eq(holidayYears.year, year)).limit(1))[0];
    return {
      year,
      source: schedule.source,
      notice: stored ? { number: stored.noticeNumber, date: stored.noticeDate, updatedAt: stored.updatedAt.toISOString() } : null,
      entries: schedule.entries.map((e) => ({ date: e.date, kind: e.kind, name: e.name })),
      ruleEntries: projectStatutoryHolidays(year).map((e) => ({ date: e.date, kind: e.kind, name: e.name })),
      days: getYearGrid(calendar, year),
    };
  };

  /** The n-th working day after a receipt day (the receipt day is not counted). */
  const addWorkdays = async (start: string, n: number) => {
    const calendar = await getWorkCalendar();
    try {
      return addWorkingDays(calendar, start, n);
    } catch (error) {
      if (error instanceof CalendarRangeError) throw new AppError('VALIDATION_ERROR', error.message, [{ path: 'querystring.start', message: error.message }]);
      throw error;
    }
  };

  const countWorkdays = async (from: string, to: string) => countWorkingDays(await getWorkCalendar(), from, to);

  /** An administrator enters (or corrects) a year's official notice; it replaces that year's schedule. */
  const saveYear = async (ctx: TRequestContext, year: number, input: THolidayYearInput) => {
    if (!ctx.actor || !hasPermission(ctx.actor, 'admin.calendar')) throw new AppError('FORBIDDEN', 'Only administrators may change the calendar');
    checkYear(year);
    let entries: THolidayEntry[];
    try {
      entries = validateHolidayEntries(input.entries, `calendar ${year}`);
    } catch (error) {
      if (error instanceof HolidayDataError) {
        const at = /\[(\d+)\]\.(\w+)/.exec(error.message);
        throw new AppError('VALIDATION_ERROR', error.message, [{ path: at ? `body.entries.${at[1]}.${at[2]}` : 'body.entries', message: error.message }]);
      }
      throw error;
    }
    const stray = entries.findIndex((e) => Number(e.date.slice(0, 4)) !== year);
    if (stray >= 0) throw new AppError('VALIDATION_ERROR', `Entry ${stray + 1}: ${entries[stray].date} is not in ${year}`, [{ path: `body.entries.${stray}.date`, message: `not in ${year}` }]);
    const dates = entries.map((e) => e.date);
    const duplicate = dates.find((d, i) => dates.indexOf(d) !== i);
    if (duplicate) throw new AppError('VALIDATION_ERROR', `The date ${duplicate} appears twice`, [{ path: 'body.entries', message: `duplicate ${duplicate}` }]);
    for (const [i, e] of entries.entries()) {
      const weekday = new Date(`${e.date}T00:00:00Z`).getUTCDay();
      if (e.kind === 'swap_workday' && weekday !== 0 && weekday !== 6) {
        throw new AppError('VALIDATION_ERROR', `Entry ${i + 1}: a swapped working day must be a Saturday or Sunday (${e.date})`, [{ path: `body.entries.${i}.kind`, message: 'not a weekend day' }]);
      }
    }
    const value = { noticeNumber: input.noticeNumber ?? null, noticeDate: input.noticeDate ?? null, entries: entries.map((e) => ({ date: e.date, kind: e.kind, name: e.name })) };
    await db.transaction(async (tx) => {
      const before = (await tx.select().from(holidayYears).where(eq(holidayYears.year, year)).for('update'))[0];
      await tx
        .insert(holidayYears)
        .values({ year, ...value, updatedBy: ctx.actor?.userId ?? null })
        .onConflictDoUpdate({ target: holidayYears.year, set: { ...value, updatedBy: ctx.actor?.userId ?? null, updatedAt: new Date() } });
      await recordAudit(tx, ctx, {
        entity: 'holiday_year',
        entityId: year,
        action: before ? 'calendar.update' : 'calendar.create',
        before: before ? { noticeNumber: before.noticeNumber, noticeDate: before.noticeDate, entries: before.entries } : null,
        after: value,
      });
    });
    return getYear(year);
  };

  /** Removes a year's override: the shipped schedule or the statutory rule applies again. */
  const revertYear = async (ctx: TRequestContext, year: number) => {
    if (!ctx.actor || !hasPermission(ctx.actor, 'admin.calendar')) throw new AppError('FORBIDDEN', 'Only administrators may change the calendar');
    checkYear(year);
    await db.transaction(async (tx) => {
      const before = (await tx.select().from(holidayYears).where(eq(holidayYears.year, year)).for('update'))[0];
      if (!before) throw new AppError('NOT_FOUND', `No override stored for ${year}`);
      await tx.delete(holidayYears).where(eq(holidayYears.year, year));
      await recordAudit(tx, ctx, { entity: 'holiday_year', entityId: year, action: 'calendar.revert', before: { noticeNumber: before.noticeNumber, noticeDate: before.noticeDate, entries: before.entries } });
    });
    return getYear(year);
  };

  const listOverrides = async () => db.select({ year: holidayYears.year, noticeNumber: holidayYears.noticeNumber, noticeDate: holidayYears.noticeDate }).from(holidayYears).orderBy(desc(holidayYears.year));

  return { getWorkCalendar, getYear, addWorkdays, countWorkdays, saveYear, revertYear, listOverrides };
};

export type TCalendarService = ReturnType<typeof createCalendarService>;
