import { z } from 'zod';
import { ERROR_RESPONSES, type TApp } from '../../server/app-types';
import { buildServiceIndexXlsx } from './service-index-export';
import { Z766Response, ZExportQuery, ZOnTimeQuery, ZOnTimeResponse, ZStatsQuery, ZTt01DossiersQuery, ZTt01DossiersResponse, ZTt01Query, ZTt01Response } from './service-index.schemas';
import type { TServiceIndexService } from './service-index.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Statistics of administrative-procedure handling (officers and leaders). */
export const registerServiceIndexRoutes = (app: TApp, { serviceIndexService }: { serviceIndexService: TServiceIndexService }): void => {
  app.route({
    method: 'GET',
    url: '/api/service-index/on-time',
    config: { access: 'service-index.read' },
    schema: {
      tags: ['service-index'],
      summary: 'Early / on-time / late counts and rates (legal and national-portal variants) by procedure, unit, channel or period',
      querystring: ZOnTimeQuery,
      response: { 200: ZOnTimeResponse, ...ERROR_RESPONSES },
    },
    handler: async (request) => serviceIndexService.getOnTime(request.query),
  });

  app.route({
    method: 'GET',
    url: '/api/service-index/index-766',
    config: { access: 'service-index.read' },
    schema: {
      tags: ['service-index'],
      summary: 'QĐ 766/QĐ-TTg indicators the Department’s data supports, with ratios, thresholds and scores',
      querystring: ZStatsQuery,
      response: { 200: Z766Response, ...ERROR_RESPONSES },
    },
    handler: async (request) => serviceIndexService.get766(request.query),
  });

  app.route({
    method: 'GET',
    url: '/api/service-index/tt01',
    config: { access: 'service-index.read' },
    schema: {
      tags: ['service-index'],
      summary: 'TT 01/2018 scores (nine indicators, total, rating) per agency, unit or officer',
      querystring: ZTt01Query,
      response: { 200: ZTt01Response, ...ERROR_RESPONSES },
    },
    handler: async (request) => serviceIndexService.getTt01(request.query),
  });

  app.route({
    method: 'GET',
    url: '/api/service-index/tt01/dossiers',
    config: { access: 'service-index.read' },
    schema: {
      tags: ['service-index'],
      summary: 'TT 01/2018 per-dossier scores (indicators 1, 2, 3, 4, 7) of finished dossiers, newest first',
      querystring: ZTt01DossiersQuery,
      response: { 200: ZTt01DossiersResponse, ...ERROR_RESPONSES },
    },
    handler: async (request) => serviceIndexService.getTt01Dossiers(request.query),
  });

  app.route({
    method: 'GET',
    url: '/api/service-index/export.xlsx',
    config: { access: 'service-index.read' },
    schema: {
      tags: ['service-index'],
      summary: 'The on-time tables, 766 indicators and TT01 scores of the period as XLSX',
      querystring: ZExportQuery,
      response: { 200: z.any().describe('XLSX file'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const { lang, ...q } = request.query;
      const buffer = await buildServiceIndexXlsx(serviceIndexService, q, lang);
      reply.header('content-disposition', attachment(`chi-so-phuc-vu-${q.from}-${q.to}.xlsx`));
      return reply.type(XLSX).send(buffer);
    },
  });
};
