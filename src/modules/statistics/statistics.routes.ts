import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ERROR_RESPONSES, ZErrorBody, type TApp } from '../../server/app-types';
import type { TStatisticsService } from './statistics.service';

const ZPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
const ZNum = z.number().nullable();

const ZDashboard = z.object({
  period: z.string(),
  dataAsOf: z.string().nullable(),
  computedAt: z.string().nullable(),
  tetShift: z.object({ tetDaysCur: z.number().int(), tetDaysCmp: z.number().int(), twoMonthPeriod: z.string().nullable() }).nullable(),
  iip: z.object({ yoy: ZNum, ytd: ZNum, mom: ZNum, imputedShare: ZNum, weightCoverage: ZNum }),
  retail: z.object({ valueCur: ZNum, yoy: ZNum, ytd: ZNum, ytdValue: ZNum, realYoy: ZNum, realYtd: ZNum, imputedShare: ZNum }),
  exports: z.object({ valueCur: ZNum, yoy: ZNum, ytd: ZNum, ytdValue: ZNum, imputedShare: ZNum }),
  completeness: z.array(z.object({ formCode: z.string(), kind: z.string(), nameVi: z.string(), nameEn: z.string(), expected: z.number().int(), received: z.number().int(), accepted: z.number().int(), onTime: z.number().int() })),
});
const ZTrend = z.object({ indicator: z.string(), from: z.string(), to: z.string(), points: z.array(z.object({ period: z.string(), yoy: ZNum, level: ZNum, realYoy: ZNum })) });
const ZIip = z.object({
  period: z.string(),
  comparison: z.string(),
  scope: z.string(),
  rows: z.array(
    z.object({
      level: z.string(),
      code: z.string(),
      version: z.number().int(),
      index: ZNum,
      contribParentPp: ZNum,
      contribTotalPp: ZNum,
      nUsed: z.number().int().nullable(),
      nBasket: z.number().int().nullable(),
      weightCoverage: ZNum,
      imputedShare: ZNum,
      qCur: ZNum,
      qCmp: ZNum,
      tetDaysCur: z.number().int(),
      tetDaysCmp: z.number().int().nullable(),
      vsic4: z.string().nullable().describe('PRODUCT rows: the class of the product'),
      nameVi: z.string().nullable(),
      nameEn: z.string().nullable(),
      unit: z.string().nullable(),
    }),
  ),
});
const ZValues = z.object({
  period: z.string(),
  scope: z.string(),
  rows: z.array(z.object({ indicator: z.string(), grp: z.string(), comparison: z.string(), valueCur: ZNum, valueCmp: ZNum, index: ZNum, realIndex: ZNum, imputedShare: ZNum, tetDaysCur: z.number().int(), tetDaysCmp: z.number().int().nullable() })),
});
const ZBreakdown = z.object({
  period: z.string(),
  comparison: z.string(),
  iip: z.array(z.object({ scope: z.string(), index: ZNum, imputed_share: ZNum })),
  values: z.array(z.object({ scope: z.string(), indicator: z.string(), grp: z.string(), value_cur: ZNum, index: ZNum })),
});

/** The answer text of a read API, sent as it is (already checked against its schema). */
const sendJson = (reply: FastifyReply, text: string) => reply.type('application/json; charset=utf-8').send(text);

/** Published indicators (public): dashboard tiles, trends, the IIP tree, values, breakdowns; recomputation (statistics staff). */
export const registerStatisticsRoutes = (app: TApp, { statisticsService }: { statisticsService: TStatisticsService }): void => {
  app.route({
    method: 'GET',
    url: '/api/indicators/dashboard',
    config: { access: 'public' },
    schema: {
      tags: ['indicators'],
      summary: 'KPI tiles for a month (default: the latest): IIP, retail sales, exports — month and year to date versus the same period; coverage; data as of',
      querystring: z.strictObject({ period: ZPeriod.optional() }),
      response: {
        200: ZDashboard,
        400: ZErrorBody,
        404: ZErrorBody,
      },
    },
    handler: async (request, reply) => sendJson(reply, await statisticsService.getJson(`dashboard:${JSON.stringify(request.query)}`, () => statisticsService.getDashboard(request.query.period), ZDashboard)),
  });

  app.route({
    method: 'GET',
    url: '/api/indicators/trend',
    config: { access: 'public' },
    schema: {
      tags: ['indicators'],
      summary: 'Monthly series of an indicator: index versus the same month, level (IIP: linked base index; values: amount), real index',
      querystring: z.strictObject({ indicator: z.enum(['IIP', 'RETAIL_TOTAL', 'EXPORT']), to: ZPeriod.optional(), months: z.coerce.number().int().min(2).max(120).default(24), scope: z.string().max(40).default('ALL') }),
      response: { 200: ZTrend, 400: ZErrorBody, 404: ZErrorBody },
    },
    handler: async (request, reply) => sendJson(reply, await statisticsService.getJson(`trend:${JSON.stringify(request.query)}`, () => statisticsService.getTrend(request.query), ZTrend)),
  });

  app.route({
    method: 'GET',
    url: '/api/indicators/iip',
    config: { access: 'public' },
    schema: {
      tags: ['indicators'],
      summary: 'The IIP tree (total, sections, divisions, classes, products) for a month and comparison, with contributions in percentage points',
      querystring: z.strictObject({ period: ZPeriod.optional(), comparison: z.enum(['BASE', 'MOM', 'YOY', 'YTD', 'QOY', 'BASE_LINKED']).default('YOY'), scope: z.string().max(40).default('ALL') }),
      response: {
        200: ZIip,
        400: ZErrorBody,
        404: ZErrorBody,
      },
    },
    handler: async (request, reply) => sendJson(reply, await statisticsService.getJson(`iip:${JSON.stringify(request.query)}`, () => statisticsService.getIipTable(request.query), ZIip)),
  });

  app.route({
    method: 'GET',
    url: '/api/indicators/values',
    config: { access: 'public' },
    schema: {
      tags: ['indicators'],
      summary: 'Retail sales (four components and total) and exports by ownership group for a month, every comparison',
      querystring: z.strictObject({ period: ZPeriod.optional(), scope: z.string().max(40).default('ALL') }),
      response: {
        200: ZValues,
        400: ZErrorBody,
        404: ZErrorBody,
      },
    },
    handler: async (request, reply) => sendJson(reply, await statisticsService.getJson(`values:${JSON.stringify(request.query)}`, () => statisticsService.getValueTable(request.query), ZValues)),
  });

  app.route({
    method: 'GET',
    url: '/api/indicators/breakdown',
    config: { access: 'public' },
    schema: {
      tags: ['indicators'],
      summary: 'One comparison by scope: former districts / units and ownership groups (IIP total; retail and export totals)',
      querystring: z.strictObject({ period: ZPeriod.optional(), comparison: z.enum(['MOM', 'YOY', 'YTD', 'QOY']).default('YOY') }),
      response: {
        200: ZBreakdown,
        400: ZErrorBody,
        404: ZErrorBody,
      },
    },
    handler: async (request, reply) => sendJson(reply, await statisticsService.getJson(`breakdown:${JSON.stringify(request.query)}`, () => statisticsService.getBreakdown(request.query), ZBreakdown)),
  });

  app.route({
    method: 'POST',
    url: '/api/admin/indicators/recompute',
    config: { access: 'statistics.manage' },
    schema: {
      tags: ['indicators'],
      summary: 'Recompute the published figures from a month (default: the whole history)',
      body: z.strictObject({ from: ZPeriod.optional() }),
      response: { 200: z.object({ fromPeriod: z.string(), toPeriod: z.string(), durationMs: z.number().int(), iipRows: z.number().int(), valueRows: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const result = await statisticsService.recompute({ from: request.body.from, reason: `manual by ${request.actor?.username ?? '?'}` });
      if (!result) return { fromPeriod: '', toPeriod: '', durationMs: 0, iipRows: 0, valueRows: 0 };
      return { fromPeriod: result.run.fromPeriod, toPeriod: result.run.toPeriod, durationMs: result.run.durationMs, iipRows: result.iipRows, valueRows: result.valueRows };
    },
  });
};
