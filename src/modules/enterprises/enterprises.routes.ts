import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { TDb } from '../../db/client';
import { readFlag, readUpload } from '../../lib/multipart';
import { ERROR_RESPONSES, ZErrorBody, type TApp } from '../../server/app-types';
import { translateDetails, translateMessage, translateAnswerMessages } from '../../server/i18n/translate';
import { AppError, forbidden, notFound } from '../../server/errors';
import { contextOf } from '../../server/request-context';
import { findAuditEntries } from '../audit/audit.repo';
import { listVsic } from '../reference/vsic';
import { findImportFile, findImportRuns, listZones } from './enterprises.repo';
import { streamEnterprisesCsv, streamEnterprisesXlsx } from './enterprises-export';
import type { TEnterpriseImportService } from './enterprises-import.service';
import { presentEnterpriseDetail, presentEnterpriseSummary } from './enterprises.presenter';
import {
  ZDecisionBody,
  ZEnterpriseBody,
  ZEnterpriseDetail,
  ZEnterpriseFilter,
  ZEnterpriseList,
  ZEnterpriseListQuery,
  ZFiguresBody,
  ZProposalBody,
} from './enterprises.schemas';
import type { TEnterpriseService } from './enterprises.service';
import { buildEnterpriseTemplate } from './enterprises-template';

const ZId = z.strictObject({ id: z.coerce.number().int().positive() });
const ZImportResult = z.object({
  importId: z.number().int().nullable(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  figures: z.number().int(),
  errors: z.array(z.object({ row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })),
  errorCount: z.number().int(),
});
const ZProposal = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  taxCode: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  note: z.string().nullable(),
  status: z.string(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The enterprise registry API: list/search, profile, edit, figures, import/export, structure, proposals. */
export const registerEnterpriseRoutes = (
  app: TApp,
  { db, enterpriseService, importService }: { db: TDb; enterpriseService: TEnterpriseService; importService: TEnterpriseImportService },
): void => {
  app.route({
    method: 'GET',
    url: '/api/reference/vsic',
    config: { access: 'public' },
    schema: {
      tags: ['reference'],
      summary: 'VSIC 2018 sections and divisions',
      response: { 200: z.object({ items: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), parent: z.string().nullable(), level: z.enum(['SECTION', 'DIVISION']) })) }) },
    },
    handler: async () => ({ items: listVsic() }),
  });

  app.route({
    method: 'GET',
    url: '/api/reference/zones',
    config: { access: 'public' },
    schema: {
      tags: ['reference'],
      summary: 'Industrial zones, clusters and hi-tech parks',
      response: { 200: z.object({ items: z.array(z.object({ id: z.number().int(), kind: z.string(), name: z.string(), formerDistrict: z.string().nullable(), areaHa: z.string().nullable(), status: z.string().nullable() })) }) },
    },
    handler: async () => ({ items: (await listZones(db)).map((z) => ({ id: z.id, kind: z.kind, name: z.name, formerDistrict: z.formerDistrict, areaHa: z.areaHa, status: z.status })) }),
  });

  app.route({
    method: 'GET',
    url: '/api/enterprises',
    config: { access: 'enterprises.read' },
    schema: {
      tags: ['enterprises'],
      summary: 'List and search enterprises (search ignores diacritics and tolerates typos; digits match tax-code prefixes)',
      querystring: ZEnterpriseListQuery,
      response: { 200: ZEnterpriseList, ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const r = await enterpriseService.listEnterprises(contextOf(request), request.query);
      return { items: r.items.map(presentEnterpriseSummary), total: r.total, totalCapped: r.isCapped, fuzzy: r.isFuzzy, correctedQuery: r.correctedQuery ?? null };
    },
  });

  app.route({
    method: 'GET',
    url: '/api/enterprises/structure',
    config: { access: 'enterprises.read' },
    schema: {
      tags: ['enterprises'],
      summary: 'Counts and shares by size class, VSIC section, ownership, area and status',
      querystring: ZEnterpriseFilter,
      response: {
        200: z.object({
          total: z.number().int(),
          classified: z.number().int(),
          smeCount: z.number().int(),
          smeShare: z.number().nullable(),
          bySizeClass: z.array(z.object({ key: z.string().nullable(), count: z.number().int() })),
          bySection: z.array(z.object({ key: z.string().nullable(), count: z.number().int() })),
          byOwnership: z.array(z.object({ key: z.string().nullable(), count: z.number().int() })),
          byFormerDistrict: z.array(z.object({ key: z.string().nullable(), count: z.number().int() })),
          byUnit: z.array(z.object({ key: z.string().nullable(), count: z.number().int() })),
          byStatus: z.array(z.object({ key: z.string().nullable(), count: z.number().int() })),
        }),
        ...ERROR_RESPONSES,
      },
    },
    handler: async (request) => enterpriseService.getStructure(contextOf(request), request.query),
  });

  app.route({
    method: 'GET',
    url: '/api/enterprises/export',
    config: { access: 'enterprises.read' },
    schema: {
      tags: ['enterprises'],
      summary: 'Export the filtered list as CSV or XLSX (streamed; formula-like cells neutralised)',
      querystring: ZEnterpriseFilter.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx'), lang: z.enum(['vi', 'en']).default('vi') }),
      response: { 200: z.any().describe('CSV or XLSX file'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const { format, lang, ...filter } = request.query;
      const actor = request.actor;
      if (!actor) throw forbidden();
      const scoped = actor.role === 'AREA_OFFICER' ? { ...filter, scopeUnits: actor.unitCodes } : filter;
      const stamp = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="doanh-nghiep-${stamp}.${format}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(streamEnterprisesCsv(db, scoped, lang));
      return reply.type(XLSX).send(streamEnterprisesXlsx(db, scoped, lang));
    },
  });

  app.route({
    method: 'GET',
    url: '/api/enterprises/template',
    config: { access: 'enterprises.write' },
    schema: {
      tags: ['enterprises'],
      summary: 'XLSX import template with drop-down lists',
      querystring: z.strictObject({ lang: z.enum(['vi', 'en']).default('vi') }),
      response: { 200: z.any().describe('XLSX file'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const buffer = await buildEnterpriseTemplate(db, request.query.lang);
      reply.header('content-disposition', `attachment; filename="mau-nhap-doanh-nghiep.xlsx"`);
      return reply.type(XLSX).send(buffer);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/enterprises/import',
    config: { access: 'enterprises.write' },
    schema: {
      tags: ['enterprises'],
      summary: 'Import enterprises from CSV or XLSX (multipart field "file"; dryRun). With stream=true the answer is NDJSON progress lines ending with the result',
      consumes: ['multipart/form-data'],
      querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).optional(), stream: z.enum(['true', 'false']).optional() }),
      response: { 200: ZImportResult, ...ERROR_RESPONSES, 413: ZErrorBody, 415: ZErrorBody },
    },
    handler: async (request, reply) => {
      const upload = await readUpload(request);
      const dryRun = readFlag(request.query.dryRun ?? upload.fields.dryRun);
      const ctx = contextOf(request);
      if (request.query.stream !== 'true') return importService.importEnterprises(ctx, { fileName: upload.filename, bytes: upload.bytes, dryRun });
      const out = new PassThrough();
      let lastSent = 0;
      importService
        .importEnterprises(ctx, {
          fileName: upload.filename,
          bytes: upload.bytes,
          dryRun,
          onProgress: (p) => {
            if (Date.now() - lastSent < 200 && p.phase !== 'done') return;
            lastSent = Date.now();
            out.write(JSON.stringify({ type: 'progress', ...p }) + '\n');
          },
        })
        .then((result) => out.end(JSON.stringify({ type: 'result', ...translateAnswerMessages(request.language, result) }) + '\n'))
        .catch((error: unknown) => {
          const body = error instanceof AppError ? { code: error.code, message: translateMessage(request.language, error.message), details: translateDetails(request.language, error.details ?? null) } : { code: 'INTERNAL_ERROR', message: translateMessage(request.language, 'Import failed'), details: null };
          if (!(error instanceof AppError)) request.log.error({ err: error }, 'import failed');
          out.end(JSON.stringify({ type: 'error', ...body, requestId: String(request.id) }) + '\n');
        });
      // A stream bypasses response serialisation; the schema above describes the non-streamed answer.
      return reply.type('application/x-ndjson').send(out as unknown as z.infer<typeof ZImportResult>);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/enterprises/imports',
    config: { access: 'enterprises.write' },
    schema: {
      tags: ['enterprises'],
      summary: 'Import history (who ran which file, outcome)',
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.number().int(), fileName: z.string(), size: z.number().int(), dryRun: z.boolean(), status: z.string(), counts: z.unknown(), errorCount: z.number().int(), actorName: z.string(), startedAt: z.string(), finishedAt: z.string().nullable() })),
        }),
        ...ERROR_RESPONSES,
      },
    },
    handler: async () => ({
      items: (await findImportRuns(db, 'enterprises')).map((r) => ({ ...r, size: Number(r.size), startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null })),
    }),
  });

  app.route({
    method: 'GET',
    url: '/api/enterprises/imports/:id/file',
    config: { access: 'enterprises.write' },
    schema: { tags: ['enterprises'], summary: 'Download the original file of an import', params: ZId, response: { 200: z.any(), ...ERROR_RESPONSES } },
    handler: async (request, reply) => {
      const file = await findImportFile(db, request.params.id);
      if (!file || file.kind !== 'enterprises') throw notFound('Import');
      const ascii = file.fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/"/g, '') || 'import';
      reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      return reply.type('application/octet-stream').send(file.fileBytes);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/enterprises/:id',
    config: { access: 'authenticated' },
    schema: { tags: ['enterprises'], summary: 'Enterprise profile with yearly figures and SME class history', params: ZId, response: { 200: ZEnterpriseDetail, ...ERROR_RESPONSES } },
    handler: async (request) => {
      const r = await enterpriseService.getEnterprise(contextOf(request), request.params.id);
      return presentEnterpriseDetail(r.row, r.figures, r.abilities);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/enterprises/:id/history',
    config: { access: 'enterprises.read' },
    schema: {
      tags: ['enterprises'],
      summary: 'Audit history of an enterprise',
      params: ZId,
      response: { 200: z.object({ items: z.array(z.object({ id: z.number().int(), at: z.string(), actorName: z.string(), action: z.string(), before: z.unknown(), after: z.unknown() })) }), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      await enterpriseService.getEnterprise(contextOf(request), request.params.id);
      const r = await findAuditEntries(db, { entity: 'enterprise', entityId: String(request.params.id), page: 1, pageSize: 200 });
      return { items: r.items.map((a) => ({ id: a.id, at: a.at.toISOString(), actorName: a.actorName, action: a.action, before: a.before, after: a.after })) };
    },
  });

  app.route({
    method: 'POST',
    url: '/api/enterprises',
    config: { access: 'enterprises.write' },
    schema: { tags: ['enterprises'], summary: 'Register an enterprise', body: ZEnterpriseBody, response: { 201: ZEnterpriseDetail, ...ERROR_RESPONSES } },
    handler: async (request, reply) => {
      const row = await enterpriseService.createEnterprise(contextOf(request), request.body);
      return reply.status(201).send(presentEnterpriseDetail(row, [], { canEdit: true, canPropose: false }));
    },
  });

  app.route({
    method: 'PUT',
    url: '/api/enterprises/:id',
    config: { access: 'enterprises.write' },
    schema: { tags: ['enterprises'], summary: 'Change an enterprise', params: ZId, body: ZEnterpriseBody, response: { 200: ZEnterpriseDetail, ...ERROR_RESPONSES } },
    handler: async (request) => {
      await enterpriseService.updateEnterpriseById(contextOf(request), request.params.id, request.body);
      const r = await enterpriseService.getEnterprise(contextOf(request), request.params.id);
      return presentEnterpriseDetail(r.row, r.figures, r.abilities);
    },
  });

  app.route({
    method: 'PUT',
    url: '/api/enterprises/:id/figures',
    config: { access: 'enterprises.write' },
    schema: {
      tags: ['enterprises'],
      summary: 'Record a year of figures; the SME class is computed (Decree 80/2021) with its reason',
      params: ZId,
      body: ZFiguresBody,
      response: { 200: z.object({ class: z.string(), ruleVersion: z.string(), reason: z.unknown(), messageVi: z.string(), messageEn: z.string() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const c = await enterpriseService.saveFigures(contextOf(request), request.params.id, request.body);
      return { class: c.class, ruleVersion: c.ruleVersion, reason: c.reason, messageVi: c.messageVi, messageEn: c.messageEn };
    },
  });

  const presentProposal = (p: Awaited<ReturnType<TEnterpriseService['listProposals']>>[number]) => ({
    id: p.request.id,
    enterpriseId: p.request.enterpriseId,
    enterpriseName: p.enterpriseName,
    taxCode: p.taxCode,
    changes: p.request.changes as Record<string, { from: unknown; to: unknown }>,
    note: p.request.note,
    status: p.request.status,
    decisionReason: p.request.decisionReason,
    createdAt: p.request.createdAt.toISOString(),
    decidedAt: p.request.decidedAt?.toISOString() ?? null,
  });

  app.route({
    method: 'GET',
    url: '/api/enterprises/:id/proposals',
    config: { access: 'authenticated' },
    schema: { tags: ['enterprises'], summary: 'Change proposals of one enterprise', params: ZId, response: { 200: z.object({ items: z.array(ZProposal) }), ...ERROR_RESPONSES } },
    handler: async (request) => ({ items: (await enterpriseService.listProposals(contextOf(request), { enterpriseId: request.params.id })).map(presentProposal) }),
  });

  app.route({
    method: 'POST',
    url: '/api/enterprises/:id/proposals',
    config: { access: 'enterprises.self' },
    schema: {
      tags: ['enterprises'],
      summary: 'The enterprise proposes changes to its own record (fields the Department allows)',
      params: ZId,
      body: ZProposalBody,
      response: { 201: z.object({ id: z.number().int(), status: z.string() }), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const r = await enterpriseService.proposeChanges(contextOf(request), request.params.id, request.body);
      return reply.status(201).send({ id: r.id, status: r.status });
    },
  });

  app.route({
    method: 'GET',
    url: '/api/enterprise-proposals',
    config: { access: 'enterprises.read' },
    schema: {
      tags: ['enterprises'],
      summary: 'Change proposals awaiting (or past) a decision',
      querystring: z.strictObject({ status: z.enum(['PENDING', 'ACCEPTED', 'REJECTED']).optional() }),
      response: { 200: z.object({ items: z.array(ZProposal) }), ...ERROR_RESPONSES },
    },
    handler: async (request) => ({ items: (await enterpriseService.listProposals(contextOf(request), { status: request.query.status })).map(presentProposal) }),
  });

  app.route({
    method: 'POST',
    url: '/api/enterprise-proposals/:id/decision',
    config: { access: 'enterprises.write' },
    schema: {
      tags: ['enterprises'],
      summary: 'Accept (apply) or reject a proposal; a rejection needs a reason',
      params: ZId,
      body: ZDecisionBody,
      response: { 200: z.object({ id: z.number().int(), status: z.string() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const r = await enterpriseService.decideProposal(contextOf(request), request.params.id, request.body);
      return { id: r.id, status: r.status };
    },
  });
};
