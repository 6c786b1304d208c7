import dayjs, { type Dayjs } from 'dayjs';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in Vietnam (UTC+7, like the server), YYYY-MM-DD, whatever the browser's time zone. */
export const vietnamToday = (): string => new Date(Date.now() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** Today in Vietnam as a Dayjs date (for date pickers). */
export const vietnamTodayDay = (): Dayjs => dayjs(vietnamToday());

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export const isoWeekday = (date: string): number => {
  const day = dayjs(date).day();
  return day === 0 ? 7 : day;
};
