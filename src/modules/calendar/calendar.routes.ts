import { z } from 'zod';
import { HOLIDAY_KINDS } from '../../domain/calendar/holidays';
import { ERROR_RESPONSES, ZErrorBody, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import type { TCalendarService } from './calendar.service';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const ZYearParams = z.strictObject({ year: z.coerce.number().int() });
const ZEntry = z.object({ date: z.string(), kind: z.enum(HOLIDAY_KINDS), name: z.string() });
const ZYear = z.object({
  year: z.number().int(),
  source: z.enum(['ADMIN', 'OFFICIAL', 'RULE']),
  notice: z.object({ number: z.string().nullable(), date: z.string().nullable(), updatedAt: z.string() }).nullable(),
  entries: z.array(ZEntry),
  ruleEntries: z.array(ZEntry),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number().int(),
      status: z.enum(['WORKING', 'WEEKEND', 'HOLIDAY', 'COMPENSATORY', 'SWAP_DAY_OFF', 'SWAP_WORKDAY']),
      isWorkingDay: z.boolean(),
      name: z.string().nullable(),
    }),
  ),
});

/** The working-day calendar: public reading and due-date arithmetic; administrators enter a year's notice. */
export const registerCalendarRoutes = (app: TApp, { calendarService }: { calendarService: TCalendarService }): void => {
  app.route({
    method: 'GET',
    url: '/api/calendar/years/:year',
    config: { access: 'public' },
    schema: { tags: ['calendar'], summary: 'A year as a grid of working days, days off and swapped days, with the source of its schedule', params: ZYearParams, response: { 200: ZYear, 400: ZErrorBody } },
    handler: async (request) => calendarService.getYear(request.params.year),
  });

  app.route({
    method: 'GET',
    url: '/api/calendar/add-workdays',
    config: { access: 'public' },
    schema: {
      tags: ['calendar'],
      summary: 'The n-th working day after a receipt day (the receipt day itself is not counted)',
      querystring: z.strictObject({ start: ZDate, n: z.coerce.number().int().min(0).max(3650) }),
      response: { 200: z.object({ start: z.string(), n: z.number().int(), due: z.string() }), 400: ZErrorBody },
    },
    handler: async (request) => ({ start: request.query.start, n: request.query.n, due: await calendarService.addWorkdays(request.query.start, request.query.n) }),
  });

  app.route({
    method: 'PUT',
    url: '/api/admin/calendar/years/:year',
    config: { access: 'admin.calendar' },
    schema: {
      tags: ['admin'],
      summary: "Enter or correct a year's official holiday notice (replaces that year's schedule)",
      params: ZYearParams,
      body: z.strictObject({
        noticeNumber: z.string().trim().max(100).nullable().optional(),
        noticeDate: ZDate.nullable().optional(),
        entries: z.array(z.strictObject({ date: ZDate, kind: z.enum(HOLIDAY_KINDS), name: z.string().trim().min(1).max(200) })).max(60),
      }),
      response: { 200: ZYear, ...ERROR_RESPONSES },
    },
    handler: async (request) => calendarService.saveYear(contextOf(request), request.params.year, request.body),
  });

  app.route({
    method: 'DELETE',
    url: '/api/admin/calendar/years/:year',
    config: { access: 'admin.calendar' },
    schema: { tags: ['admin'], summary: "Remove a year's override (the shipped schedule or the statutory rule applies again)", params: ZYearParams, response: { 200: ZYear, ...ERROR_RESPONSES } },
    handler: async (request) => calendarService.revertYear(contextOf(request), request.params.year),
  });
};
