import { z } from 'zod';
import { readFlag, readUpload } from '../../lib/multipart';
import { ERROR_RESPONSES, ZErrorBody, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import { PETITION_CATEGORIES } from './support-pci';
import type { TSupportReminders } from './support-reminders';
import {
  ZActionBody,
  ZAgency,
  ZAgencyBody,
  ZCategory,
  ZCategoryBody,
  ZCommitmentBody,
  ZConference,
  ZConferenceBody,
  ZConferenceCreateBody,
  ZConferenceSummary,
  ZIdParams,
  ZMinutesQuery,
  ZPciYear,
  ZPciYearBody,
  ZPlan,
  ZPlanBody,
} from './support.schemas';
import type { TSupportService } from './support.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Enterprise support: agencies and petition categories, PCI and action plans, dialogue conferences. */
export const registerSupportRoutes = (app: TApp, { supportService, supportReminders }: { supportService: TSupportService; supportReminders: TSupportReminders }): void => {
  // Agencies and categories ------------------------------------------------------------------
  app.route({
    method: 'GET',
    url: '/api/support/agencies',
    config: { access: 'support.read' },
    schema: { tags: ['support'], summary: 'Department divisions and external agencies petitions are routed to, with their own answer deadlines', response: { 200: z.object({ items: z.array(ZAgency) }), ...ERROR_RESPONSES } },
    handler: async () => ({ items: await supportService.listAgencies() }),
  });

  app.route({
    method: 'POST',
    url: '/api/support/agencies',
    config: { access: 'support.manage' },
    schema: { tags: ['support'], summary: 'Add an agency (division or external)', body: ZAgencyBody, response: { 201: ZAgency, ...ERROR_RESPONSES } },
    handler: async (request, reply) => reply.status(201).send(await supportService.createAgency(contextOf(request), request.body)),
  });

  app.route({
    method: 'PUT',
    url: '/api/support/agencies/:id',
    config: { access: 'support.manage' },
    schema: { tags: ['support'], summary: 'Change an agency (contact, active, own deadlines per category)', params: ZIdParams, body: ZAgencyBody, response: { 200: ZAgency, ...ERROR_RESPONSES } },
    handler: async (request) => supportService.updateAgency(contextOf(request), request.params.id, request.body),
  });

  app.route({
    method: 'GET',
    url: '/api/support/categories',
    config: { access: 'support.read' },
    schema: {
      tags: ['support'],
      summary: 'Petition categories: default answer deadline (working days), default agency, PCI sub-indices they weigh on',
      response: { 200: z.object({ items: z.array(ZCategory) }), ...ERROR_RESPONSES },
    },
    handler: async () => ({ items: await supportService.listCategories() }),
  });

  app.route({
    method: 'PUT',
    url: '/api/support/categories/:code',
    config: { access: 'support.manage' },
    schema: {
      tags: ['support'],
      summary: 'Set a category’s deadline, default agency and PCI sub-indices',
      params: z.strictObject({ code: z.enum(PETITION_CATEGORIES) }),
      body: ZCategoryBody,
      response: { 200: ZCategory, ...ERROR_RESPONSES },
    },
    handler: async (request) => supportService.updateCategory(contextOf(request), request.params.code, request.body),
  });

  // PCI ----------------------------------------------------------------------------------------
  app.route({
    method: 'GET',
    url: '/api/pci',
    config: { access: 'public' },
    schema: {
      tags: ['pci'],
      summary: 'Hà Nội’s PCI (VCCI) by year: composite, rank, the ten sub-indices and the lowest ones',
      response: {
        200: z.object({ provinceCode: z.string(), subindices: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })), years: z.array(ZPciYear) }),
      },
    },
    handler: async () => supportService.getPci(),
  });

  app.route({
    method: 'PUT',
    url: '/api/pci/years/:year',
    config: { access: 'support.manage' },
    schema: {
      tags: ['pci'],
      summary: 'Record or correct the PCI of a year (scores 0–10, composite 0–100, ranks)',
      params: z.strictObject({ year: z.coerce.number().int().min(1900).max(2100) }),
      body: ZPciYearBody,
      response: { 200: ZPciYear, ...ERROR_RESPONSES },
    },
    handler: async (request) => supportService.savePciYear(contextOf(request), request.params.year, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/pci/import',
    config: { access: 'support.manage' },
    schema: {
      tags: ['pci'],
      summary: 'Import PCI figures from CSV (year,subindex,score,rank[,n_provinces,source]; subindex = code, 1–10 or TOTAL); multipart field "file", dryRun in the form or query; each year in the file is replaced, all or nothing',
      consumes: ['multipart/form-data'],
      querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).optional() }),
      response: {
        200: z.object({ dryRun: z.boolean(), years: z.array(z.number().int()), rows: z.number().int(), errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })) }),
        ...ERROR_RESPONSES,
        413: ZErrorBody,
        415: ZErrorBody,
      },
    },
    handler: async (request) => {
      const upload = await readUpload(request);
      return supportService.importPci(contextOf(request), { bytes: upload.bytes, dryRun: readFlag(request.query.dryRun ?? upload.fields.dryRun) });
    },
  });

  app.route({
    method: 'GET',
    url: '/api/pci/plans',
    config: { access: 'support.read' },
    schema: {
      tags: ['pci'],
      summary: 'PCI action plans with their actions (overdue flagged), newest year first',
      querystring: z.strictObject({ year: z.coerce.number().int().min(2005).max(2100).optional() }),
      response: { 200: z.object({ items: z.array(ZPlan) }), ...ERROR_RESPONSES },
    },
    handler: async (request) => ({ items: await supportService.listPlans(request.query.year) }),
  });

  app.route({
    method: 'POST',
    url: '/api/pci/plans',
    config: { access: 'support.manage' },
    schema: { tags: ['pci'], summary: 'Create an action plan for a year', body: ZPlanBody, response: { 201: ZPlan, ...ERROR_RESPONSES } },
    handler: async (request, reply) => reply.status(201).send(await supportService.createPlan(contextOf(request), request.body)),
  });

  app.route({
    method: 'PUT',
    url: '/api/pci/plans/:id',
    config: { access: 'support.manage' },
    schema: { tags: ['pci'], summary: 'Change an action plan', params: ZIdParams, body: ZPlanBody, response: { 200: ZPlan, ...ERROR_RESPONSES } },
    handler: async (request) => supportService.updatePlan(contextOf(request), request.params.id, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/pci/plans/:id/actions',
    config: { access: 'support.manage' },
    schema: { tags: ['pci'], summary: 'Add an action for a sub-index, assigned to an agency with a deadline', params: ZIdParams, body: ZActionBody, response: { 201: ZPlan, ...ERROR_RESPONSES } },
    handler: async (request, reply) => reply.status(201).send(await supportService.addAction(contextOf(request), request.params.id, request.body)),
  });

  app.route({
    method: 'PUT',
    url: '/api/pci/actions/:id',
    config: { access: 'support.manage' },
    schema: { tags: ['pci'], summary: 'Update an action (status, progress %, note, deadline)', params: ZIdParams, body: ZActionBody, response: { 200: ZPlan, ...ERROR_RESPONSES } },
    handler: async (request) => supportService.updateAction(contextOf(request), request.params.id, request.body),
  });

  // Conferences --------------------------------------------------------------------------------
  app.route({
    method: 'GET',
    url: '/api/support/conferences',
    config: { access: 'support.read' },
    schema: { tags: ['support'], summary: 'Business dialogue conferences, newest first, with open and overdue commitments', response: { 200: z.object({ items: z.array(ZConferenceSummary) }), ...ERROR_RESPONSES } },
    handler: async () => ({ items: await supportService.listConferences() }),
  });

  app.route({
    method: 'POST',
    url: '/api/support/conferences',
    config: { access: 'support.manage' },
    schema: { tags: ['support'], summary: 'Record a conference with its participants and commitments (all or nothing)', body: ZConferenceCreateBody, response: { 201: ZConference, ...ERROR_RESPONSES } },
    handler: async (request, reply) => reply.status(201).send(await supportService.createConference(contextOf(request), request.body)),
  });

  app.route({
    method: 'GET',
    url: '/api/support/conferences/:id',
    config: { access: 'support.read' },
    schema: { tags: ['support'], summary: 'A conference: participants and the follow-up table of commitments', params: ZIdParams, response: { 200: ZConference, ...ERROR_RESPONSES } },
    handler: async (request) => supportService.getConference(request.params.id),
  });

  app.route({
    method: 'PUT',
    url: '/api/support/conferences/:id',
    config: { access: 'support.manage' },
    schema: { tags: ['support'], summary: 'Change a conference and its participants', params: ZIdParams, body: ZConferenceBody, response: { 200: ZConference, ...ERROR_RESPONSES } },
    handler: async (request) => supportService.updateConference(contextOf(request), request.params.id, request.body),
  });

  app.route({
    method: 'POST',
    url: '/api/support/conferences/:id/commitments',
    config: { access: 'support.manage' },
    schema: { tags: ['support'], summary: 'Add a commitment (owner, deadline not before the conference)', params: ZIdParams, body: ZCommitmentBody, response: { 201: ZConference, ...ERROR_RESPONSES } },
    handler: async (request, reply) => reply.status(201).send(await supportService.addCommitment(contextOf(request), request.params.id, request.body)),
  });

  app.route({
    method: 'PUT',
    url: '/api/support/commitments/:id',
    config: { access: 'support.manage' },
    schema: { tags: ['support'], summary: 'Follow up a commitment (status, progress note, deadline)', params: ZIdParams, body: ZCommitmentBody, response: { 200: ZConference, ...ERROR_RESPONSES } },
    handler: async (request) => supportService.updateCommitment(contextOf(request), request.params.id, request.body),
  });

  app.route({
    method: 'GET',
    url: '/api/support/conferences/:id/minutes',
    config: { access: 'support.read' },
    schema: {
      tags: ['support'],
      summary: 'The minutes (BIÊN BẢN) as an official DOCX in the Decree 30/2020 layout',
      params: ZIdParams,
      querystring: ZMinutesQuery,
      response: { 200: z.any().describe('DOCX file'), 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody },
    },
    handler: async (request, reply) => {
      const buffer = await supportService.buildMinutes(request.params.id, request.query);
      reply.header('content-disposition', `attachment; filename="bien-ban-hoi-nghi-${request.params.id}.docx"`);
      return reply.type(DOCX).send(buffer);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/support/reminders',
    config: { access: 'support.manage' },
    schema: {
      tags: ['support'],
      summary: 'Send the reminders of conference commitments and PCI actions now (also daily): due within SUPPORT_REMINDER_WORKING_DAYS working days or overdue; once per item and day',
      response: { 200: z.object({ day: z.string(), lastDay: z.string(), dueSoon: z.number().int(), overdue: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => supportReminders.runDueReminders(contextOf(request)),
  });
};
