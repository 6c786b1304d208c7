import { z } from 'zod';
import { ERROR_RESPONSES, ZErrorBody, type TApp } from '../../server/app-types';
import type { TBriefingService } from './briefing.service';

const ZPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The monthly briefing: drafted text, official DOCX and XLSX annex (Department staff). */
export const registerBriefingRoutes = (app: TApp, { briefingService }: { briefingService: TBriefingService }): void => {
  app.route({
    method: 'GET',
    url: '/api/briefings/draft',
    config: { access: 'reports.read' },
    schema: {
      tags: ['briefing'],
      summary: 'The drafted monthly briefing (paragraphs to edit) and the figures it is written from',
      querystring: z.strictObject({ period: ZPeriod.optional(), locale: z.enum(['vi', 'en']).default('vi') }),
      response: { 200: z.object({ period: z.string(), paragraphs: z.array(z.string()), figures: z.unknown() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => briefingService.getDraft(request.query.period, request.query.locale),
  });

  app.route({
    method: 'POST',
    url: '/api/briefings/docx',
    config: { access: 'reports.read' },
    schema: {
      tags: ['briefing'],
      summary: 'The briefing as an official BÁO CÁO (DOCX, Decree 30/2020 layout) from the edited paragraphs',
      body: z.strictObject({
        period: ZPeriod,
        number: z.string().trim().min(3).max(40).regex(/^\d{1,4}\/[A-ZĐ-]+$/, 'like 05/BC-SCT'),
        paragraphs: z.array(z.string().trim().min(1).max(10000)).min(1).max(50),
        signingAuthority: z.string().trim().min(2).max(100).default('KT. GIÁM ĐỐC'),
        signerTitle: z.string().trim().min(2).max(100).default('PHÓ GIÁM ĐỐC'),
        signerName: z.string().trim().min(2).max(100),
      }),
      response: { 200: z.any().describe('DOCX file'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const buffer = await briefingService.buildDocx(request.body);
      reply.header('content-disposition', `attachment; filename="bao-cao-${request.body.period}.docx"`);
      return reply.type(DOCX).send(buffer);
    },
  });

  app.route({
    method: 'GET',
    url: '/api/briefings/annex',
    config: { access: 'reports.read' },
    schema: { tags: ['briefing'], summary: 'The XLSX annex of the briefing (IIP, retail, exports tables)', querystring: z.strictObject({ period: ZPeriod.optional() }), response: { 200: z.any().describe('XLSX file'), 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody } },
    handler: async (request, reply) => {
      const buffer = await briefingService.buildAnnex(request.query.period);
      reply.header('content-disposition', `attachment; filename="phu-luc-${request.query.period ?? 'moi-nhat'}.xlsx"`);
      return reply.type(XLSX).send(buffer);
    },
  });
};
