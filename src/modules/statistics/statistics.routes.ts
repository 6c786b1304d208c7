import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ERROR_RESPONSES, ZErrorBody, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import type { TDrilldownService } from './drilldown.service';
import type { TProductivityService } from './productivity.service';
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

const ZProductivity = z.object({
  from: z.string(),
  to: z.string(),
  points: z.array(z.object({ period: z.string(), level: z.enum(['TOTAL', 'SECTION', 'DIVISION']), code: z.string(), enterprises: z.number().int(), workers: z.number(), output: z.number(), perWorker: ZNum, yoy: ZNum })),
  quartiles: z.array(z.object({ division: z.string(), count: z.number().int(), q1: ZNum, median: ZNum, q3: ZNum })),
  unvaluedQuantities: z.number().int().describe('reported quantities of products without a base-year quantity (cannot be valued)'),
});
const ZEnterpriseProductivity = z.object({
  enterpriseId: z.number().int(),
  division: z.string(),
  period: z.string(),
  current: z.object({ period: z.string(), perWorker: ZNum, workers: ZNum, quartile: z.number().int().min(1).max(4).nullable(), q1: ZNum, median: ZNum, q3: ZNum, peers: z.number().int().nullable() }),
  history: z.array(z.object({ period: z.string(), perWorker: ZNum, workers: ZNum, quartile: z.number().int().min(1).max(4).nullable(), q1: ZNum, median: ZNum, q3: ZNum, peers: z.number().int().nullable() })),
});

/** The answer text of a read API, sent as it is (already checked against its schema). */
const sendJson = (reply: FastifyReply, text: string) => reply.type('application/json; charset=utf-8').send(text);

/** Published indicators (public): dashboard tiles, trends, the IIP tree, values, breakdowns; recomputation (statistics staff). */
export const registerStatisticsRoutes = (app: TApp, { statisticsService, productivityService }: { statisticsService: TStatisticsService; productivityService: TProductivityService }): void => {
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
      summary: 'Recompute the published figures from a month (default: the whole history), imputing the whole history again',
      body: z.strictObject({ from: ZPeriod.optional() }),
      response: { 200: z.object({ fromPeriod: z.string(), toPeriod: z.string(), durationMs: z.number().int(), iipRows: z.number().int(), valueRows: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const result = await statisticsService.recompute({ from: request.body.from, reason: `manual by ${request.actor?.username ?? '?'}`, wholeHistory: true });
      if (!result) return { fromPeriod: '', toPeriod: '', durationMs: 0, iipRows: 0, valueRows: 0 };
      return { fromPeriod: result.run.fromPeriod, toPeriod: result.run.toPeriod, durationMs: result.run.durationMs, iipRows: result.iipRows, valueRows: result.valueRows };
    },
  });

  app.route({
    method: 'GET',
    url: '/api/indicators/productivity',
    config: { access: 'reports.read' },
    schema: {
      tags: ['indicators'],
      summary: 'Labour productivity of industry: output at base-year unit values per worker by sector (total, sections, divisions), index versus the same month last year (matched sample), and the division quartiles of the last month (withheld under 5 enterprises)',
      querystring: z.strictObject({ to: ZPeriod.optional(), months: z.coerce.number().int().min(1).max(60).default(24) }),
      response: { 200: ZProductivity, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) =>
      sendJson(reply, await statisticsService.getJson(`productivity:${JSON.stringify(request.query)}`, () => productivityService.getSectors(request.query), ZProductivity)),
  });

  app.route({
    method: 'GET',
    url: '/api/enterprises/:id/productivity',
    config: { access: 'authenticated' },
    schema: {
      tags: ['indicators'],
      summary: "An enterprise's output per worker for 12 months against the anonymous quartiles of its division (the enterprise itself, or officers who read reports)",
      params: z.strictObject({ id: z.coerce.number().int().positive() }),
      querystring: z.strictObject({ period: ZPeriod.optional() }),
      response: { 200: ZEnterpriseProductivity, ...ERROR_RESPONSES },
    },
    handler: async (request) => productivityService.getEnterprisePosition(contextOf(request), { enterpriseId: request.params.id, period: request.query.period }),
  });
};

const ZProductEnterprises = z.object({
  period: z.string(),
  comparison: z.enum(['MOM', 'YOY', 'YTD']),
  product: z.object({ code: z.string(), vsic4: z.string(), nameVi: z.string(), nameEn: z.string().nullable(), unit: z.string() }),
  spans: z.object({ current: z.object({ from: z.string(), to: z.string() }), compared: z.object({ from: z.string(), to: z.string() }) }),
  scope: z.enum(['ALL', 'AREA']).describe('AREA: an area officer sees only the enterprises of their areas'),
  totals: z.object({
    qCur: z.number().describe('sum of the listed enterprises, current span'),
    qCmp: z.number().describe('sum of the listed enterprises, comparison span'),
    enterprises: z.number().int(),
    reportedQCur: z.number().describe('sum of all reporting enterprises (the base of the shares)'),
  }),
  published: z
    .object({ qCur: ZNum, qCmp: ZNum, index: ZNum, imputedShare: ZNum })
    .nullable()
    .describe("the engine's product row (province): its quantity includes the imputed quantities of non-reporters, qCur × (1 − imputedShare) = the reported sum"),
  rows: z.array(
    z.object({
      enterpriseId: z.number().int(),
      taxCode: z.string(),
      name: z.string(),
      area: z.string().nullable().describe('former district'),
      unit: z.string().nullable().describe('administrative unit (ward/commune)'),
      ownership: z.string(),
      qCur: z.number(),
      qCmp: z.number(),
      monthsCur: z.number().int().describe('months of the current span with an accepted report carrying the product (0: not reported)'),
      monthsCmp: z.number().int().describe('months of the comparison span with an accepted report carrying the product'),
      changePct: ZNum.describe('null when the enterprise has not reported the product in the current span or had nothing in the comparison span'),
      sharePct: ZNum.describe('share of the product total (all reporters) in the current span, %'),
    }),
  ),
});

/** IIP drill-down to the enterprises of one basket product (officers who read reports; area officers: their areas). */
export const registerDrilldownRoutes = (app: TApp, { drilldownService }: { drilldownService: TDrilldownService }): void => {
  app.route({
    method: 'GET',
    url: '/api/indicators/iip/enterprises',
    config: { access: 'reports.read' },
    schema: {
      tags: ['indicators'],
      summary: 'The enterprises whose accepted reports carry a basket product: quantities in the current and comparison spans, change and share, largest first',
      querystring: z.strictObject({ period: ZPeriod.optional(), product: z.string().min(1).max(40), comparison: z.enum(['MOM', 'YOY', 'YTD']).default('YOY') }),
      response: { 200: ZProductEnterprises, ...ERROR_RESPONSES },
    },
    handler: async (request) => drilldownService.getProductEnterprises(contextOf(request), request.query),
  });
};
