import { z } from 'zod';
import { readUpload } from '../../lib/multipart';
import { ERROR_RESPONSES, ZErrorBody, type TApp } from '../../server/app-types';
import { AppError } from '../../server/errors';
import { contextOf } from '../../server/request-context';
import {
  ZAssignBody,
  ZCommentBody,
  ZDeskBody,
  ZDossierDetail,
  ZDossierSummary,
  ZDraftBody,
  ZEvaluationBody,
  ZIdParams,
  ZLookup,
  ZPageQuery,
  ZQueueQuery,
  ZRescheduleBody,
  ZTransitionBody,
} from './dossiers.schemas';
import type { TDossierService } from './dossiers.service';
import { DOSSIER_UNITS } from './dossier-workflow';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const disposition = (fileName: string, inline = false) =>
  `${inline ? 'inline' : 'attachment'}; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
const ZAttachment = z.object({ id: z.number().int(), purpose: z.string(), label: z.string().nullable(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() });

/** One-stop-shop dossiers: applicant, desk, processing, slips, public lookup, evaluation. */
export const registerDossierRoutes = (app: TApp, { dossierService }: { dossierService: TDossierService }): void => {
  app.route({
    method: 'GET',
    url: '/api/dossiers/lookup/:code',
    config: { access: 'public' },
    schema: {
      tags: ['dossiers'],
      summary: 'Public lookup by dossier code: status, current unit, dates and public history (no personal data); 400 malformed code, 404 unknown',
      params: z.strictObject({ code: z.string().max(60) }),
      response: { 200: ZLookup, 400: ZErrorBody, 404: ZErrorBody },
    },
    handler: async (request) => dossierService.lookup(request.params.code.trim()),
  });

  app.route({
    method: 'GET',
    url: '/api/dossiers/mine',
    config: { access: 'dossiers.submit' },
    schema: { tags: ['dossiers'], summary: "The enterprise user's dossiers, newest first", querystring: ZPageQuery, response: { 200: z.object({ items: z.array(ZDossierSummary), total: z.number().int() }), ...ERROR_RESPONSES } },
    handler: async (request) => dossierService.listMine(contextOf(request), request.query),
  });

  app.route({
    method: 'POST',
    url: '/api/dossiers',
    config: { access: 'dossiers.submit' },
    schema: {
      tags: ['dossiers'],
      summary: 'Start an online dossier (draft) for a procedure in force that accepts online submission; applicant fields default to the enterprise record',
      body: ZDraftBody,
      response: { 201: ZDossierDetail, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const id = await dossierService.createDraft(ctx, request.body);
      return reply.code(201).send(await dossierService.getDossier(ctx, id));
    },
  });

  app.route({
    method: 'POST',
    url: '/api/dossiers/desk',
    config: { access: 'dossiers.process' },
    schema: {
      tags: ['dossiers'],
      summary: 'Receive a dossier at the one-stop desk (counter or post): code, deadline and slip at once; receivedAt never in the future',
      body: ZDeskBody,
      response: { 201: ZDossierDetail, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const id = await dossierService.receiveAtDesk(ctx, request.body);
      return reply.code(201).send(await dossierService.getDossier(ctx, id));
    },
  });

  app.route({
    method: 'GET',
    url: '/api/dossiers/queue',
    config: { access: 'dossiers.process' },
    schema: {
      tags: ['dossiers'],
      summary: "Work queue: open dossiers of the officer's units (or one unit) or assigned to the officer; overdue and due-soon counts",
      querystring: ZQueueQuery,
      response: {
        200: z.object({ items: z.array(ZDossierSummary), total: z.number().int(), counts: z.object({ total: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int() }), dueSoonBefore: z.string().nullable() }),
        ...ERROR_RESPONSES,
      },
    },
    handler: async (request) => dossierService.queue(contextOf(request), request.query),
  });

  app.route({
    method: 'GET',
    url: '/api/dossiers/units',
    config: { access: 'dossiers.process' },
    schema: {
      tags: ['dossiers'],
      summary: 'Units that handle dossiers and their officers (transfers)',
      response: { 200: z.object({ items: z.array(z.object({ code: z.string(), nameVi: z.string(), officers: z.array(z.object({ id: z.number().int(), displayName: z.string() })) })) }), ...ERROR_RESPONSES },
    },
    handler: async () => ({ items: await dossierService.listUnits() }),
  });

  app.route({
    method: 'GET',
    url: '/api/dossiers/:id',
    config: { access: 'authenticated' },
    schema: { tags: ['dossiers'], summary: 'A dossier with timeline, files, comments and the transitions you may take (applicant or Department staff)', params: ZIdParams, response: { 200: ZDossierDetail, ...ERROR_RESPONSES } },
    handler: async (request) => dossierService.getDossier(contextOf(request), request.params.id),
  });

  app.route({
    method: 'POST',
    url: '/api/dossiers/:id/transitions',
    config: { access: 'authenticated' },
    schema: {
      tags: ['dossiers'],
      summary: 'Take a transition (submit, receive, refuse_intake, transfer, request_supplement, complete_supplement, request_payment, confirm_payment, approve, refuse, return_result, request_withdrawal, confirm_withdrawal, stop); 409 names the allowed ones',
      params: ZIdParams,
      body: ZTransitionBody,
      response: { 200: ZDossierDetail, ...ERROR_RESPONSES },
    },
    handler: async (request) => dossierService.transition(contextOf(request), request.params.id, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/dossiers/:id/reschedule',
    config: { access: 'dossiers.process' },
    schema: {
      tags: ['dossiers'],
      summary: 'Late handling: apology (Mẫu 04) and a new appointment on a working day; only once (second attempt 409)',
      params: ZIdParams,
      body: ZRescheduleBody,
      response: { 200: ZDossierDetail, ...ERROR_RESPONSES },
    },
    handler: async (request) => dossierService.reschedule(contextOf(request), request.params.id, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/dossiers/:id/assign',
    config: { access: 'dossiers.process' },
    schema: {
      tags: ['dossiers'],
      summary: 'Assign the dossier to an officer of the unit handling it (new step with an optional sub-deadline in working days)',
      params: ZIdParams,
      body: ZAssignBody,
      response: { 200: ZDossierDetail, ...ERROR_RESPONSES },
    },
    handler: async (request) => dossierService.assign(contextOf(request), request.params.id, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/dossiers/:id/comments',
    config: { access: 'authenticated' },
    schema: { tags: ['dossiers'], summary: 'Comment: INTERNAL (staff) or PUBLIC (also the applicant)', params: ZIdParams, body: ZCommentBody, response: { 200: ZDossierDetail, ...ERROR_RESPONSES } },
    handler: async (request) => dossierService.addComment(contextOf(request), request.params.id, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/dossiers/:id/evaluation',
    config: { access: 'dossiers.submit' },
    schema: {
      tags: ['dossiers'],
      summary: "The applicant's evaluation of a processed dossier (TT 01/2018; once)",
      params: ZIdParams,
      body: ZEvaluationBody,
      response: { 200: ZDossierDetail, ...ERROR_RESPONSES },
    },
    handler: async (request) => dossierService.evaluate(contextOf(request), request.params.id, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/dossiers/:id/attachments',
    config: { access: 'authenticated' },
    schema: {
      tags: ['dossiers'],
      summary: 'Upload a file (multipart field "file"; fields purpose COMPONENT|SUPPLEMENT|RESULT|OTHER and label); size and type limits from configuration (413, 415)',
      params: ZIdParams,
      consumes: ['multipart/form-data'],
      response: { 201: ZAttachment, 413: ZErrorBody, 415: ZErrorBody, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const upload = await readUpload(request);
      const purpose = upload.fields.purpose ?? 'COMPONENT';
      if (!['COMPONENT', 'SUPPLEMENT', 'RESULT', 'OTHER'].includes(purpose)) throw new AppError('VALIDATION_ERROR', `Unknown purpose "${purpose}"`, [{ path: 'body.purpose', message: 'expected COMPONENT, SUPPLEMENT, RESULT or OTHER' }]);
      const label = upload.fields.label?.trim().slice(0, 1000) || undefined;
      const a = await dossierService.uploadAttachment(contextOf(request), request.params.id, { purpose, label, fileName: upload.filename, bytes: upload.bytes });
      return reply.code(201).send({ id: a.id, purpose: a.purpose, label: a.label, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, uploadedAt: a.uploadedAt.toISOString() });
    },
  });

  app.route({
    method: 'GET',
    url: '/api/dossiers/:id/attachments/:attachmentId',
    config: { access: 'authenticated' },
    schema: {
      tags: ['dossiers'],
      summary: 'Download a file of a dossier',
      params: z.strictObject({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() }),
      response: { 200: z.any().describe('the file'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const found = await dossierService.downloadAttachment(contextOf(request), request.params.id, request.params.attachmentId);
      reply.header('content-disposition', disposition(found.attachment.fileName));
      return reply.type(found.attachment.contentType).send(found.bytes);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/dossiers/register.docx',
    config: { access: 'dossiers.process' },
    schema: {
      tags: ['dossiers'],
      summary: 'Sổ theo dõi hồ sơ (Mẫu 06) as DOCX, A4 landscape: dossiers received over a range of Vietnam days, of one unit or all (Department staff)',
      querystring: z.strictObject({
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
        unitCode: z.enum(DOSSIER_UNITS).optional(),
      }),
      response: { 200: z.any().describe('DOCX file'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const file = await dossierService.buildRegister(contextOf(request), request.query);
      reply.header('content-disposition', disposition(file.fileName));
      return reply.type(DOCX).send(file.bytes);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/dossiers/:id/slips/:kind',
    config: { access: 'authenticated' },
    schema: {
      tags: ['dossiers'],
      summary: 'Slips as DOCX: receipt (Mẫu 01, QR code of the public lookup), supplement (Mẫu 02), refusal (Mẫu 03), apology (Mẫu 04), control of the process (Mẫu 05, staff)',
      params: z.strictObject({ id: z.coerce.number().int().positive(), kind: z.enum(['receipt', 'supplement', 'refusal', 'apology', 'control']) }),
      response: { 200: z.any().describe('DOCX file'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const slip = await dossierService.buildSlip(contextOf(request), request.params.id, request.params.kind);
      reply.header('content-disposition', disposition(slip.fileName));
      return reply.type(DOCX).send(slip.bytes);
    },
  });
};
