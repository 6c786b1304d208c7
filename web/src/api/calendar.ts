/** The working-day calendar (public reading, due dates) and the administrators' year notices. */
import { api } from './client';

export type THolidayKind = 'statutory' | 'compensatory' | 'swap_day_off' | 'swap_workday';
export const HOLIDAY_KINDS: readonly THolidayKind[] = ['statutory', 'compensatory', 'swap_day_off', 'swap_workday'];

export type TDayStatus = 'WORKING' | 'WEEKEND' | 'HOLIDAY' | 'COMPENSATORY' | 'SWAP_DAY_OFF' | 'SWAP_WORKDAY';
export const DAY_STATUSES: readonly TDayStatus[] = ['WORKING', 'WEEKEND', 'HOLIDAY', 'COMPENSATORY', 'SWAP_DAY_OFF', 'SWAP_WORKDAY'];

/** Where a year's schedule comes from: a notice entered by an administrator, the shipped official schedule, or the statutory rule. */
export type TScheduleSource = 'ADMIN' | 'OFFICIAL' | 'RULE';

export type TCalendarEntry = { date: string; kind: THolidayKind; name: string };

export type TCalendarDay = {
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  status: TDayStatus;
  isWorkingDay: boolean;
  name: string | null;
};

export type TCalendarYear = {
  year: number;
  source: TScheduleSource;
  /** The notice stored by an administrator for this year (only with source ADMIN). */
  notice: { number: string | null; date: string | null; updatedAt: string } | null;
  entries: TCalendarEntry[];
  /** The days off projected by the statutory rule (to prefill a notice). */
  ruleEntries: TCalendarEntry[];
  days: TCalendarDay[];
};

export const CALENDAR_MIN_YEAR = 1900;
export const CALENDAR_MAX_YEAR = 2100;

export const getCalendarYear = (year: number, signal?: AbortSignal) => api.get<TCalendarYear>(`/api/calendar/years/${year}`, undefined, signal);

/** The n-th working day after the receipt day (the receipt day itself is not counted). */
export const addWorkdays = (start: string, n: number, signal?: AbortSignal) =>
  api.get<{ start: string; n: number; due: string }>('/api/calendar/add-workdays', { start, n }, signal);

export type TCalendarYearBody = { noticeNumber?: string | null; noticeDate?: string | null; entries: TCalendarEntry[] };

export const saveCalendarYear = (year: number, body: TCalendarYearBody) => api.put<TCalendarYear>(`/api/admin/calendar/years/${year}`, body);

/** Removes the administrator's notice: the shipped schedule or the statutory rule applies again. */
export const revertCalendarYear = (year: number) => api.delete<TCalendarYear>(`/api/admin/calendar/years/${year}`);
