import { z } from 'zod';
import { readUpload } from '../../lib/multipart';
import { ERROR_RESPONSES, ZErrorBody, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import { buildPetitionListXlsx, buildPetitionStatsXlsx } from './petitions-xlsx';
import { ZContributionBody, ZPetition, ZPetitionBody, ZPetitionExportQuery, ZPetitionListQuery, ZPetitionSummary, ZPublicationBody, ZQaItem, ZTransitionBody } from './petitions.schemas';
import type { TPetitionService } from './petitions.service';

const disposition = (fileName: string) => `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZId = z.strictObject({ id: z.coerce.number().int().min(1).max(2 ** 53 - 1) });

/** Enterprise petitions: filing, routing, replies, rating and the public Q&A. */
export const registerPetitionRoutes = (app: TApp, { petitionService }: { petitionService: TPetitionService }): void => {
  app.route({
    method: 'GET',
    url: '/api/petitions/qa',
    config: { access: 'public' },
    schema: { tags: ['petitions'], summary: 'Published anonymised questions and answers', response: { 200: z.object({ items: z.array(ZQaItem) }) } },
    handler: async () => ({ items: await petitionService.listQa() }),
  });

  app.route({
    method: 'GET',
    url: '/api/petitions',
    config: { access: 'authenticated' },
    schema: {
      tags: ['petitions'],
      summary: 'Petitions: an enterprise sees its own; Department staff see all (filters: state, category, lead agency, lead or co-agency, conference, overdue, mine = my queue)',
      querystring: ZPetitionListQuery,
      response: { 200: z.object({ items: z.array(ZPetitionSummary), total: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => petitionService.listPetitions(contextOf(request), request.query),
  });

  app.route({
    method: 'GET',
    url: '/api/petitions/export.xlsx',
    config: { access: 'support.read' },
    schema: { tags: ['petitions'], summary: 'The filtered petition list as XLSX (same filters as the list; text cells formula-neutralised)', querystring: ZPetitionExportQuery, response: { 200: z.any().describe('XLSX'), ...ERROR_RESPONSES } },
    handler: async (request, reply) => {
      const { lang, ...filters } = request.query;
      const ctx = contextOf(request);
      const list = await petitionService.listForExport(ctx, filters);
      const file = await buildPetitionListXlsx(list.items, await petitionService.categoryNames(), lang);
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="kien-nghi-${today}.xlsx"`);
      return reply.type(XLSX_TYPE).send(file);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/petitions',
    config: { access: 'authenticated' },
    schema: {
      tags: ['petitions'],
      summary: 'File a petition (enterprise portal) or record one (support officer: channel, enterprise, conference)',
      body: ZPetitionBody,
      response: { 201: ZPetition, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const id = await petitionService.file(ctx, request.body);
      return reply.status(201).send(await petitionService.getPetition(ctx, id));
    },
  });

  app.route({
    method: 'GET',
    url: '/api/petitions/:id',
    config: { access: 'authenticated' },
    schema: { tags: ['petitions'], summary: 'A petition with its timeline and the transitions you may take', params: ZId, response: { 200: ZPetition, ...ERROR_RESPONSES } },
    handler: async (request) => petitionService.getPetition(contextOf(request), request.params.id),
  });

  app.route({
    method: 'POST',
    url: '/api/petitions/:id/transitions',
    config: { access: 'authenticated' },
    schema: {
      tags: ['petitions'],
      summary: 'assign / transfer (agencyId = lead, coAgencyIds), transfer_out (agencyId = ministry or central agency, reason), draft_reply (reply), return_draft, approve_reply (leader), accept / reopen (the enterprise; reopen needs a reason), reject',
      params: ZId,
      body: ZTransitionBody,
      response: { 200: ZPetition, ...ERROR_RESPONSES },
    },
    handler: async (request) => petitionService.transition(contextOf(request), request.params.id, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/petitions/:id/contributions',
    config: { access: 'support.read' },
    schema: {
      tags: ['petitions'],
      summary: "A co-agency's contribution (its division's officers; coordinators for an external co-agency); co-agencies never reply",
      params: ZId,
      body: ZContributionBody,
      response: { 201: ZPetition, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => reply.status(201).send(await petitionService.contribute(contextOf(request), request.params.id, request.body)),
  });

  app.route({
    method: 'POST',
    url: '/api/petitions/:id/publication',
    config: { access: 'support.manage' },
    schema: { tags: ['petitions'], summary: 'Publish the approved answer as an anonymised Q&A', params: ZId, body: ZPublicationBody, response: { 200: ZPetition, ...ERROR_RESPONSES } },
    handler: async (request) => petitionService.publish(contextOf(request), request.params.id, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/petitions/:id/attachments',
    config: { access: 'authenticated' },
    schema: {
      tags: ['petitions'],
      summary: 'Add a file to an open petition (multipart field "file"); size and type limits from configuration (413, 415)',
      params: ZId,
      consumes: ['multipart/form-data'],
      response: { 201: z.object({ id: z.number().int(), fileName: z.string(), sizeBytes: z.number().int() }), 413: ZErrorBody, 415: ZErrorBody, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const upload = await readUpload(request);
      const a = await petitionService.uploadAttachment(contextOf(request), request.params.id, { fileName: upload.filename, bytes: upload.bytes });
      return reply.code(201).send({ id: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes });
    },
  });

  app.route({
    method: 'GET',
    url: '/api/petitions/:id/attachments/:attachmentId',
    config: { access: 'authenticated' },
    schema: {
      tags: ['petitions'],
      summary: 'Download a file of a petition',
      params: z.strictObject({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() }),
      response: { 200: z.any().describe('the file'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const found = await petitionService.downloadAttachment(contextOf(request), request.params.id, request.params.attachmentId);
      reply.header('content-disposition', disposition(found.attachment.fileName));
      return reply.type(found.attachment.contentType).send(found.bytes);
    },
  });

  const ZGroup = z.object({ key: z.string(), name: z.string(), received: z.number().int(), answered: z.number().int(), onTime: z.number().int(), late: z.number().int(), overdue: z.number().int(), satisfied: z.number().int(), unsatisfied: z.number().int(), transferredOut: z.number().int() });
  const ZIndicators = z.object({ classifiedPct: z.number().nullable(), onTimePct: z.number().nullable(), satisfactionPct: z.number().nullable() });
  const ZPeriodQuery = z.strictObject({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').optional(), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').optional() });

  app.route({
    method: 'GET',
    url: '/api/petitions/stats',
    config: { access: 'support.read' },
    schema: {
      tags: ['petitions'],
      summary: 'Petitions opened in a period: by month, category and agency, on time or late, satisfaction; QĐ 766 indicators 5.1–5.3; PCI sub-indices they weigh on',
      querystring: ZPeriodQuery,
      response: {
        200: z.object({
          from: z.string(),
          to: z.string(),
          total: z.number().int(),
          /** Transferred out of the city's competence: neither on time nor late. */
          transferredOut: z.number().int(),
          indicators: ZIndicators,
          /** One row per month of the period (month received), with that month's indicators. */
          byMonth: z.array(ZGroup.extend({ indicators: ZIndicators })),
          byCategory: z.array(ZGroup),
          byAgency: z.array(ZGroup),
          pci: z.array(z.object({ subindex: z.string(), petitions: z.number().int(), categories: z.array(z.string()) })),
        }),
        ...ERROR_RESPONSES,
      },
    },
    handler: async (request) => petitionService.getStats(contextOf(request), request.query),
  });

  app.route({
    method: 'GET',
    url: '/api/petitions/stats.csv',
    config: { access: 'support.read' },
    schema: { tags: ['petitions'], summary: 'The statistics by category and by agency as CSV (UTF-8 with BOM)', querystring: ZPeriodQuery, response: { 200: z.any().describe('CSV'), ...ERROR_RESPONSES } },
    handler: async (request, reply) => {
      const s = await petitionService.getStats(contextOf(request), request.query);
      const cell = (v: string | number | null) => {
        if (v === null) return '';
        const text = typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : String(v); // formula neutralisation
        return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      };
      const header = ['group', 'key', 'name', 'received', 'answered', 'on_time', 'late', 'overdue', 'satisfied', 'unsatisfied', 'transferred_out'];
      const groupLine = (kind: string, g: (typeof s.byCategory)[number]) => [kind, g.key, g.name, g.received, g.answered, g.onTime, g.late, g.overdue, g.satisfied, g.unsatisfied, g.transferredOut].map(cell).join(',');
      const lines = [
        header.join(','),
        ...s.byMonth.map((g) => groupLine('month', g)),
        ...s.byCategory.map((g) => groupLine('category', g)),
        ...s.byAgency.map((g) => groupLine('agency', g)),
        ['indicator', '5.1', 'classified %', s.indicators.classifiedPct, '', '', '', '', '', '', ''].map(cell).join(','),
        ['indicator', '5.2', 'on time %', s.indicators.onTimePct, '', '', '', '', '', '', ''].map(cell).join(','),
        ['indicator', '5.3', 'satisfaction %', s.indicators.satisfactionPct, '', '', '', '', '', '', ''].map(cell).join(','),
      ];
      reply.header('content-disposition', `attachment; filename="kien-nghi-${s.from}-${s.to}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(`\uFEFF${lines.join('\r\n')}\r\n`);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/petitions/stats.xlsx',
    config: { access: 'support.read' },
    schema: {
      tags: ['petitions'],
      summary: 'The statistics of a period as XLSX: summary with 5.1–5.3, by month, by category, by agency, PCI sub-indices',
      querystring: ZPeriodQuery.extend({ lang: z.enum(['vi', 'en']).default('vi') }),
      response: { 200: z.any().describe('XLSX'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const { lang, ...period } = request.query;
      const s = await petitionService.getStats(contextOf(request), period);
      const file = await buildPetitionStatsXlsx(s, await petitionService.categoryNames(), lang);
      reply.header('content-disposition', `attachment; filename="thong-ke-kien-nghi-${s.from}-${s.to}.xlsx"`);
      return reply.type(XLSX_TYPE).send(file);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/petitions/reminders',
    config: { access: 'support.manage' },
    schema: {
      tags: ['petitions'],
      summary: 'Send the reminders now (also daily): due within 3 days to the handlers; overdue also to the leaders',
      response: { 200: z.object({ remindedSoon: z.number().int(), escalated: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => petitionService.runDueReminders(contextOf(request)),
  });
};
