import { z } from 'zod';
import { readFlag, readUpload } from '../../lib/multipart';
import { ERROR_RESPONSES, ZErrorBody, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import { ZDecisionBody, ZProcedureListQuery, ZProcedureSummary, ZProcedureVersion, type CHANGE_KINDS, type ZTimeUnit } from './procedures.schemas';
import { contentOfVersion, statusOfKind, type TProcedureService } from './procedures.service';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** The public procedure catalogue and the publication of decisions (one-stop desk, administrators). */
export const registerProcedureRoutes = (app: TApp, { procedureService }: { procedureService: TProcedureService }): void => {
  app.route({
    method: 'GET',
    url: '/api/procedures',
    config: { access: 'public' },
    schema: {
      tags: ['procedures'],
      summary: 'The procedure catalogue in force at a date (search without diacritics; filters by field, level, online service, status)',
      querystring: ZProcedureListQuery,
      response: { 200: z.object({ items: z.array(ZProcedureSummary), total: z.number().int() }), 400: ZErrorBody },
    },
    handler: async (request) => {
      const r = await procedureService.getCatalogue(request.query);
      return {
        total: r.total,
        items: r.rows.map((row) => ({
          code: row.code,
          name: row.name,
          fieldCode: row.field_code,
          fieldName: row.field_name,
          status: statusOfKind(row.change_kind),
          implementationLevel: row.implementation_level,
          onlineServiceLevel: row.online_service_level,
          processingTime: { value: Number(row.processing_time_value), unit: row.processing_time_unit as z.infer<typeof ZTimeUnit> },
          effectiveFrom: row.effective_from,
          versionId: Number(row.version_id),
        })),
      };
    },
  });

  app.route({
    method: 'GET',
    url: '/api/procedures/fields',
    config: { access: 'public' },
    schema: { tags: ['procedures'], summary: 'Fields of procedures', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })) }) } },
    handler: async () => ({ items: await procedureService.listFields() }),
  });

  app.route({
    method: 'GET',
    url: '/api/procedures/decisions',
    config: { access: 'public' },
    schema: {
      tags: ['procedures'],
      summary: 'Publication decisions, newest first',
      response: { 200: z.object({ items: z.array(z.object({ id: z.number().int(), number: z.string(), signedOn: z.string(), issuer: z.string(), note: z.string().nullable(), items: z.number().int() })) }) },
    },
    handler: async () => ({ items: (await procedureService.listDecisions()).map((d) => ({ ...d, items: Number(d.items) })) }),
  });

  app.route({
    method: 'GET',
    url: '/api/procedures/:code',
    config: { access: 'public' },
    schema: {
      tags: ['procedures'],
      summary: 'A procedure: the version in force at a date (default today) and every version with its decision',
      params: z.strictObject({ code: z.string().max(40) }),
      querystring: z.strictObject({ at: ZDate.optional() }),
      response: {
        200: z.object({ code: z.string(), fieldCode: z.string(), status: z.enum(['PUBLIC', 'AMENDED', 'ABOLISHED']).nullable(), current: ZProcedureVersion.nullable(), versions: z.array(ZProcedureVersion) }),
        404: ZErrorBody,
        400: ZErrorBody,
      },
    },
    handler: async (request) => {
      const r = await procedureService.getProcedure(request.params.code, request.query.at);
      const present = (v: (typeof r.versions)[number]) => ({
        id: v.version.id,
        changeKind: v.version.changeKind as (typeof CHANGE_KINDS)[number],
        effectiveFrom: v.version.effectiveFrom,
        decision: { id: v.decision.id, number: v.decision.number, signedOn: v.decision.signedOn, issuer: v.decision.issuer },
        content: contentOfVersion(v.version),
      });
      return {
        code: r.procedure.code,
        fieldCode: r.procedure.fieldCode,
        status: r.current ? statusOfKind(r.current.version.changeKind) : null,
        current: r.current ? present(r.current) : null,
        versions: r.versions.map(present),
      };
    },
  });

  app.route({
    method: 'POST',
    url: '/api/admin/procedure-decisions',
    config: { access: 'procedures.manage' },
    schema: {
      tags: ['procedures'],
      summary: 'Record a publication decision: new, amended, replaced or abolished procedures (all or nothing)',
      body: ZDecisionBody,
      response: { 201: z.object({ id: z.number().int(), number: z.string() }), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const decision = await procedureService.publishDecision(contextOf(request), request.body);
      return reply.status(201).send({ id: decision.id, number: decision.number });
    },
  });

  app.route({
    method: 'POST',
    url: '/api/admin/procedure-decisions/import',
    config: { access: 'procedures.manage' },
    schema: {
      tags: ['procedures'],
      summary:
        'Record a publication decision whose procedures come from a CSV/XLSX file, one procedure per row (multipart: file, number, signedOn, issuer, note; dryRun). Cell syntax in the README; errors name the row and column; all or nothing',
      consumes: ['multipart/form-data'],
      querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).optional() }),
      response: {
        200: z.object({
          dryRun: z.boolean(),
          decisionId: z.number().int().nullable(),
          rows: z.number().int(),
          counts: z.record(z.string(), z.number().int()),
          errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
          items: z.array(z.object({ kind: z.string(), code: z.string(), name: z.string().nullable(), effectiveFrom: z.string() })),
        }),
        ...ERROR_RESPONSES,
        413: ZErrorBody,
        415: ZErrorBody,
      },
    },
    handler: async (request) => {
      const upload = await readUpload(request);
      const f = upload.fields;
      return procedureService.importDecision(contextOf(request), {
        fileName: upload.filename,
        bytes: upload.bytes,
        header: { number: f.number ?? '', signedOn: f.signedOn ?? '', issuer: f.issuer ?? '', ...(f.note ? { note: f.note } : {}) },
        dryRun: readFlag(request.query.dryRun ?? f.dryRun),
      });
    },
  });
};
