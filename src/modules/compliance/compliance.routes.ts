import { z } from 'zod';
import { ERROR_RESPONSES, ZErrorBody, ZNoContent, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import { buildComplianceXlsx } from './compliance-export';
import { ZDashboard, ZIncomeRate, ZIncomeRateBody, ZReviewDetail, ZReviewListQuery, ZReviewModelBody, ZReviewStatusBody, ZReviewSummary } from './compliance.schemas';
import type { TComplianceService } from './compliance.service';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const ZCode = z.strictObject({ code: z.string().max(40) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const READ_ERRORS = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };

/** Compliance cost and simplification review: reads for Department staff, writes for procedures.manage. */
export const registerComplianceRoutes = (app: TApp, { complianceService }: { complianceService: TComplianceService }): void => {
  app.route({
    method: 'GET',
    url: '/api/compliance/income-rates',
    config: { access: 'compliance.read' },
    schema: { tags: ['compliance'], summary: 'Income per hour (VND) settings with their effective dates, newest first', response: { 200: z.object({ items: z.array(ZIncomeRate) }), ...READ_ERRORS } },
    handler: async () => ({ items: await complianceService.listRates() }),
  });

  app.route({
    method: 'POST',
    url: '/api/compliance/income-rates',
    config: { access: 'procedures.manage' },
    schema: { tags: ['compliance'], summary: 'Add an income-per-hour setting from a date', body: ZIncomeRateBody, response: { 201: ZIncomeRate, ...ERROR_RESPONSES } },
    handler: async (request, reply) => reply.status(201).send(await complianceService.createRate(contextOf(request), request.body)),
  });

  app.route({
    method: 'PUT',
    url: '/api/compliance/income-rates/:id',
    config: { access: 'procedures.manage' },
    schema: {
      tags: ['compliance'],
      summary: 'Change an income-per-hour setting (409 when a costed review would be left without a setting in force)',
      params: z.strictObject({ id: z.coerce.number().int().positive() }),
      body: ZIncomeRateBody,
      response: { 200: ZIncomeRate, ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const rate = await complianceService.updateRate(contextOf(request), request.params.id, request.body);
      if (!rate) throw new Error('updated setting missing');
      return rate;
    },
  });

  app.route({
    method: 'DELETE',
    url: '/api/compliance/income-rates/:id',
    config: { access: 'procedures.manage' },
    schema: {
      tags: ['compliance'],
      summary: 'Delete an income-per-hour setting (409 when a costed review would be left without a setting in force)',
      params: z.strictObject({ id: z.coerce.number().int().positive() }),
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      await complianceService.deleteRate(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/compliance/reviews',
    config: { access: 'compliance.read' },
    schema: {
      tags: ['compliance'],
      summary: 'Every procedure of the catalogue at a date with its review status and annual cost before/after, saving and saving rate',
      querystring: ZReviewListQuery,
      response: { 200: z.object({ at: z.string(), items: z.array(ZReviewSummary) }), ...READ_ERRORS },
    },
    handler: async (request) => complianceService.listReviews(request.query),
  });

  app.route({
    method: 'GET',
    url: '/api/compliance/reviews/:code',
    config: { access: 'compliance.read' },
    schema: {
      tags: ['compliance'],
      summary: "A procedure's review: cost models, figures at the income in force at the review date, allowed transitions, history",
      params: ZCode,
      response: { 200: ZReviewDetail, ...READ_ERRORS, 404: ZErrorBody },
    },
    handler: async (request) => complianceService.getReview(request.params.code),
  });

  app.route({
    method: 'PUT',
    url: '/api/compliance/reviews/:code/model',
    config: { access: 'procedures.manage' },
    schema: {
      tags: ['compliance'],
      summary: 'Save the standard-cost model before and after the simplification plan (valued at the income in force at the review date)',
      params: ZCode,
      body: ZReviewModelBody,
      response: { 200: ZReviewDetail, ...ERROR_RESPONSES },
    },
    handler: async (request) => complianceService.saveModel(contextOf(request), request.params.code, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/compliance/reviews/:code/status',
    config: { access: 'procedures.manage' },
    schema: {
      tags: ['compliance'],
      summary: 'Move the review to another status (409 INVALID_TRANSITION naming the allowed ones; a note where required)',
      params: ZCode,
      body: ZReviewStatusBody,
      response: { 200: ZReviewDetail, ...ERROR_RESPONSES },
    },
    handler: async (request) => complianceService.changeStatus(contextOf(request), request.params.code, request.body),
  });

  app.route({
    method: 'GET',
    url: '/api/compliance/dashboard',
    config: { access: 'compliance.read' },
    schema: {
      tags: ['compliance'],
      summary: 'Review coverage (total and by field), annual cost before/after, savings achieved and proposed, top procedures by saving',
      querystring: z.strictObject({ at: ZDate.optional(), top: z.coerce.number().int().min(1).max(50).default(10) }),
      response: { 200: ZDashboard, ...READ_ERRORS },
    },
    handler: async (request) => complianceService.getDashboard(request.query.at, request.query.top),
  });

  app.route({
    method: 'GET',
    url: '/api/compliance/export',
    config: { access: 'compliance.read' },
    schema: {
      tags: ['compliance'],
      summary: 'The per-procedure review table as XLSX (with totals and a summary sheet; formula-like text neutralised)',
      querystring: z.strictObject({ at: ZDate.optional(), lang: z.enum(['vi', 'en']).default('vi') }),
      response: { 200: z.any().describe('XLSX file'), ...READ_ERRORS },
    },
    handler: async (request, reply) => {
      const [rows, dashboard] = await Promise.all([complianceService.listExportRows(request.query.at), complianceService.getDashboard(request.query.at)]);
      const file = await buildComplianceXlsx(rows, dashboard, request.query.lang);
      reply.header('content-disposition', `attachment; filename="chi-phi-tuan-thu-${dashboard.at}.xlsx"`);
      return reply.type(XLSX).send(file);
    },
  });
};
