import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './platform';

/**
 * A year's official holiday schedule entered by an administrator (the notice of the Prime
 * Minister / ministry), overriding the shipped schedule and the statutory rule for that year.
 */
export const holidayYears = pgTable(
  'holiday_years',
  {
  year: integer('year').primaryKey(),
  noticeNumber: text('notice_number'),
  noticeDate: date('notice_date', { mode: 'string' }),
  entries: jsonb('entries').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('holiday_years_updated_by_idx').on(t.updatedBy)],
);
