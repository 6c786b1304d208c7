import { z } from 'zod';
import { ERROR_RESPONSES, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import { readFlag, readUpload } from '../../lib/multipart';
import { ZErrorBody } from '../../server/app-types';
import type { TReportsImportService } from './reports-import.service';
import type { TReportingService } from './reporting.service';
import type { TReportsOverviewService } from './reports-overview.service';
import type { TReportsTemplateService } from './reports-template.service';

const ZPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
const ZKey = z.strictObject({ formCode: z.string().max(40), enterpriseId: z.coerce.number().int().positive(), period: ZPeriod });
const ZCells = z.strictObject({
  cells: z.array(z.strictObject({ item: z.string().trim().min(1).max(80), value: z.number().finite(), comment: z.string().trim().max(2000).nullable().optional() })).max(500),
});
const ZIssue = z.object({ path: z.string(), rule: z.string(), message: z.string() });
const ZReportState = z.object({ id: z.number().int(), status: z.string(), revision: z.number().int(), acceptedRevision: z.number().int().nullable() });
const state = (r: { id: number; status: string; revision: number; acceptedRevision: number | null }) => ({ id: r.id, status: r.status, revision: r.revision, acceptedRevision: r.acceptedRevision });
const issues = (list: { item: string; rule: string; message: string }[]) => list.map((i) => ({ path: `cells.${i.item}`, rule: i.rule, message: i.message }));
const BASE = '/api/reports/:formCode/:enterpriseId/:period';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Monthly report entry and review. */
export const registerReportingRoutes = (
  app: TApp,
  { reportingService, importService, templateService, overviewService }: { reportingService: TReportingService; importService: TReportsImportService; templateService: TReportsTemplateService; overviewService: TReportsOverviewService },
): void => {
  app.route({
    method: 'POST',
    url: '/api/reports/import',
    config: { access: 'statistics.manage' },
    schema: {
      tags: ['reports'],
      summary: 'Bulk CSV feed of accepted reports (form_code, tax_code, period, item, value[, comment, revision]); one period per file; dryRun',
      consumes: ['multipart/form-data'],
      querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).optional() }),
      response: {
        200: z.object({ dryRun: z.boolean(), period: z.string().nullable(), rows: z.number().int(), reportsNew: z.number().int(), reportsUpdated: z.number().int(), cells: z.number().int(), errors: z.array(z.object({ row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })), recomputeMs: z.number().int().nullable() }),
        ...ERROR_RESPONSES,
        413: ZErrorBody,
        415: ZErrorBody,
      },
    },
    handler: async (request) => {
      const upload = await readUpload(request);
      return importService.importReports(contextOf(request), { fileName: upload.filename, bytes: upload.bytes, dryRun: readFlag(request.query.dryRun ?? upload.fields.dryRun) });
    },
  });

  app.route({
    method: 'GET',
    url: '/api/report-forms',
    config: { access: 'authenticated' },
    schema: {
      tags: ['reports'],
      summary: 'Monthly report forms with their deadline and lock rules',
      response: { 200: z.object({ items: z.array(z.object({ code: z.string(), kind: z.string(), nameVi: z.string(), nameEn: z.string(), deadlineDay: z.number().int(), expiryDays: z.number().int() })) }), ...ERROR_RESPONSES },
    },
    handler: async () => ({ items: (await reportingService.listForms()).map((f) => ({ code: f.code, kind: f.kind, nameVi: f.nameVi, nameEn: f.nameEn, deadlineDay: f.deadlineDay, expiryDays: f.expiryDays })) }),
  });

  app.route({
    method: 'GET',
    url: '/api/reports',
    config: { access: 'authenticated' },
    schema: {
      tags: ['reports'],
      summary: 'Reports (enterprise users see their own); q = tax code prefix or words of the name (diacritics ignored)',
      querystring: z.strictObject({ formCode: z.string().max(40).optional(), period: ZPeriod.optional(), status: z.enum(['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED']).optional(), q: z.string().trim().min(1).max(100).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
      response: {
        200: z.object({
          total: z.number().int(),
          items: z.array(z.object({ id: z.number().int(), formCode: z.string(), enterpriseId: z.number().int(), taxCode: z.string(), nameVi: z.string(), period: z.string(), status: z.string(), revision: z.number().int(), acceptedRevision: z.number().int().nullable(), submittedAt: z.string().nullable(), decidedAt: z.string().nullable() })),
        }),
        ...ERROR_RESPONSES,
      },
    },
    handler: async (request) => {
      const rows = await reportingService.list(contextOf(request), request.query);
      const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
      return {
        total: Number(rows[0]?.total ?? 0),
        items: rows.map((r) => ({ id: r.id, formCode: r.form_code, enterpriseId: r.enterprise_id, taxCode: r.tax_code, nameVi: r.name_vi, period: r.period, status: r.status, revision: r.revision, acceptedRevision: r.accepted_revision, submittedAt: iso(r.submitted_at), decidedAt: iso(r.decided_at) })),
      };
    },
  });

  const ZCompletenessQuery = z.strictObject({ formCode: z.string().max(40), period: ZPeriod });
  app.route({
    method: 'GET',
    url: '/api/reports/completeness',
    config: { access: 'reports.read' },
    schema: {
      tags: ['reports'],
      summary: 'Completeness and timeliness of a form for a month: expected, submitted, on time, accepted (counts, % of expected) and the non-reporters',
      querystring: ZCompletenessQuery,
      response: {
        200: z.object({
          formCode: z.string(),
          period: z.string(),
          deadline: z.string(),
          counts: z.object({ expected: z.number().int(), submitted: z.number().int(), onTime: z.number().int(), accepted: z.number().int(), returned: z.number().int(), drafts: z.number().int() }),
          rates: z.object({ submitted: z.number().nullable(), onTime: z.number().nullable(), accepted: z.number().nullable() }),
          nonReporters: z.array(z.object({ enterpriseId: z.number().int(), taxCode: z.string(), nameVi: z.string(), email: z.string().nullable(), status: z.string().nullable() })),
        }),
        ...ERROR_RESPONSES,
      },
    },
    handler: async (request) => {
      const r = await overviewService.getCompleteness(contextOf(request), request.query);
      return {
        formCode: r.form.code,
        period: request.query.period,
        deadline: r.deadline,
        counts: r.counts,
        rates: r.rates,
        nonReporters: r.nonReporters.map((n) => ({ enterpriseId: n.enterprise_id, taxCode: n.tax_code, nameVi: n.name_vi, email: n.email, status: n.status })),
      };
    },
  });

  app.route({
    method: 'GET',
    url: '/api/reports/completeness.xlsx',
    config: { access: 'reports.read' },
    schema: {
      tags: ['reports'],
      summary: 'The non-reporters of a form for a month as XLSX',
      querystring: ZCompletenessQuery.extend({ lang: z.enum(['vi', 'en']).default('vi') }),
      response: { 200: z.any().describe('XLSX file'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const { lang, ...f } = request.query;
      const buffer = await overviewService.buildNonReportersXlsx(contextOf(request), f, lang);
      reply.header('content-disposition', attachment(`chua-nop-${f.formCode}-${f.period}.xlsx`));
      return reply.type(XLSX).send(buffer);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/reports/assignments',
    config: { access: 'authenticated' },
    schema: {
      tags: ['reports'],
      summary: 'The forms and months an enterprise must send (last 12 ended months of its frame, and older months with a running lock exception) with their state, deadline and lock',
      querystring: z.strictObject({ enterpriseId: z.coerce.number().int().positive().optional() }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              formCode: z.string(),
              formNameVi: z.string(),
              formNameEn: z.string(),
              enterpriseId: z.number().int(),
              taxCode: z.string(),
              nameVi: z.string(),
              period: z.string(),
              status: z.string(),
              submittedAt: z.string().nullable(),
              returnReason: z.string().nullable(),
              deadline: z.string(),
              locksAt: z.string(),
              isLocked: z.boolean(),
              lockExceptionUntil: z.string().nullable(),
              isOverdue: z.boolean(),
            }),
          ),
        }),
        ...ERROR_RESPONSES,
      },
    },
    handler: async (request) => ({ items: await overviewService.listAssignments(contextOf(request), request.query) }),
  });

  app.route({
    method: 'POST',
    url: '/api/reports/reminders',
    config: { access: 'reports.review' },
    schema: {
      tags: ['reports'],
      summary: 'Send reminders now to the enterprises that have not sent a form for a month (e-mail, or the outbox without SMTP)',
      body: z.strictObject({ formCode: z.string().max(40), period: ZPeriod, kind: z.enum(['BEFORE_DEADLINE', 'AFTER_DEADLINE']) }),
      response: { 200: z.object({ enterprises: z.number().int(), messages: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => reportingService.sendReminders(contextOf(request), request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/reports/lock-exceptions',
    config: { access: 'reports.review' },
    schema: {
      tags: ['reports'],
      summary: 'Reopen a locked period for one enterprise until a date',
      body: z.strictObject({ formCode: z.string().max(40), enterpriseId: z.number().int().positive(), period: ZPeriod, until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), reason: z.string().trim().min(3).max(1000) }),
      response: { 201: z.object({ id: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => reply.status(201).send({ id: (await reportingService.grantLockException(contextOf(request), request.body)).id }),
  });

  app.route({
    method: 'GET',
    url: BASE,
    config: { access: 'authenticated' },
    schema: { tags: ['reports'], summary: 'A report with its items, values, previous values, deadline and lock state', params: ZKey, response: { 200: z.unknown(), ...ERROR_RESPONSES } },
    handler: async (request) => reportingService.getReport(contextOf(request), request.params),
  });

  app.route({
    method: 'PUT',
    url: BASE,
    config: { access: 'authenticated' },
    schema: { tags: ['reports'], summary: 'Save the working values (draft, autosave); returns soft-rule warnings', params: ZKey, body: ZCells, response: { 200: z.object({ report: ZReportState, warnings: z.array(ZIssue) }), ...ERROR_RESPONSES } },
    handler: async (request) => {
      const r = await reportingService.saveDraft(contextOf(request), request.params, request.body.cells);
      return { report: state(r.report), warnings: issues(r.warnings) };
    },
  });

  app.route({
    method: 'POST',
    url: `${BASE}/submit`,
    config: { access: 'authenticated' },
    schema: { tags: ['reports'], summary: 'Submit: hard rules block; soft-rule warnings need a comment on the cell', params: ZKey, response: { 200: z.object({ report: ZReportState, warnings: z.array(ZIssue), isOnTime: z.boolean() }), ...ERROR_RESPONSES } },
    handler: async (request) => {
      const r = await reportingService.submit(contextOf(request), request.params);
      return { report: state(r.report), warnings: issues(r.warnings), isOnTime: r.isOnTime };
    },
  });

  app.route({
    method: 'POST',
    url: `${BASE}/accept`,
    config: { access: 'reports.review' },
    schema: { tags: ['reports'], summary: 'Accept a submitted report; the published indicators are recomputed before the answer', params: ZKey, response: { 200: z.object({ report: ZReportState, recomputeMs: z.number().int() }), ...ERROR_RESPONSES } },
    handler: async (request) => {
      const r = await reportingService.accept(contextOf(request), request.params);
      return { report: state(r.report), recomputeMs: r.recomputeMs };
    },
  });

  app.route({
    method: 'POST',
    url: `${BASE}/return`,
    config: { access: 'reports.review' },
    schema: { tags: ['reports'], summary: 'Return a submitted report to the enterprise with a reason', params: ZKey, body: z.strictObject({ reason: z.string().trim().min(3).max(2000) }), response: { 200: ZReportState, ...ERROR_RESPONSES } },
    handler: async (request) => state(await reportingService.returnReport(contextOf(request), request.params, request.body.reason)),
  });

  app.route({
    method: 'GET',
    url: `${BASE}/history`,
    config: { access: 'authenticated' },
    schema: {
      tags: ['reports'],
      summary: 'Every change of every cell of the report',
      params: ZKey,
      response: { 200: z.object({ items: z.array(z.object({ item: z.string(), oldValue: z.number().nullable(), newValue: z.number().nullable(), comment: z.string().nullable(), actorName: z.string(), at: z.string() })) }), ...ERROR_RESPONSES },
    },
    handler: async (request) => ({
      items: (await reportingService.getCellHistory(contextOf(request), request.params)).map((h) => ({ item: h.item, oldValue: h.oldValue, newValue: h.newValue, comment: h.comment, actorName: h.actorName, at: h.at.toISOString() })),
    }),
  });

  app.route({
    method: 'GET',
    url: `${BASE}/template.xlsx`,
    config: { access: 'authenticated' },
    schema: {
      tags: ['reports'],
      summary: 'The report as a prefilled XLSX template (items, units, previous values, current draft) to fill in and upload back',
      params: ZKey,
      querystring: z.strictObject({ lang: z.enum(['vi', 'en']).default('vi') }),
      response: { 200: z.any().describe('XLSX file'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const file = await templateService.buildTemplate(contextOf(request), request.params, request.query.lang);
      reply.header('content-disposition', attachment(file.fileName));
      return reply.type(XLSX).send(file.buffer);
    },
  });

  app.route({
    method: 'POST',
    url: `${BASE}/template`,
    config: { access: 'authenticated' },
    schema: {
      tags: ['reports'],
      summary: 'Upload the filled XLSX template (multipart field "file"): checked like the entry (row and column named), saved as the draft; nothing stored on error',
      consumes: ['multipart/form-data'],
      params: ZKey,
      querystring: z.strictObject({ lang: z.enum(['vi', 'en']).optional().describe('language of the row messages; default: the request language (Accept-Language)') }),
      response: { 200: z.object({ report: ZReportState, warnings: z.array(ZIssue), cells: z.number().int() }), ...ERROR_RESPONSES, 413: ZErrorBody, 415: ZErrorBody },
    },
    handler: async (request) => {
      const upload = await readUpload(request);
      const r = await templateService.uploadTemplate(contextOf(request), request.params, upload.bytes, request.query.lang ?? request.language);
      return { report: state(r.report), warnings: issues(r.warnings), cells: r.cells };
    },
  });
};
