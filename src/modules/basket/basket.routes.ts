import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readFlag, readUpload } from '../../lib/multipart';
import { ERROR_RESPONSES, ZErrorBody, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import {
  ZDeflatorBody,
  ZDeflatorIndicator,
  ZDeflatorTable,
  ZDryRunQuery,
  ZFormSettings,
  ZFormSettingsBody,
  ZFrame,
  ZFrameAddBody,
  ZFrameChangeBody,
  ZFrameQuery,
  ZImportResult,
  ZLockExceptions,
  ZPeriod,
  ZProduct,
  ZProductBody,
  ZProductCreateBody,
  ZTetBody,
  ZTetList,
  ZWeightImportResult,
  ZWeightTree,
  ZWeightVersions,
} from './basket.schemas';
import type { TBasketService } from './basket.service';

const ACCESS = { access: 'statistics.manage' } as const;
const TAGS = ['basket'];
const UPLOAD = { consumes: ['multipart/form-data'], querystring: ZDryRunQuery };
const UPLOAD_ERRORS = { ...ERROR_RESPONSES, 413: ZErrorBody, 415: ZErrorBody };
const ZRecompute = z.object({ recomputeMs: z.number().int().nullable() });
const ZFormCode = z.strictObject({ code: z.string().max(40) });

/** Basket, weights, deflators, Tết windows, form settings and survey frame (statistics officers). */
export const registerBasketRoutes = (app: TApp, { basketService }: { basketService: TBasketService }): void => {
  const upload = async (request: FastifyRequest & { query: { dryRun?: string } }) => {
    const file = await readUpload(request);
    return { fileName: file.filename, bytes: file.bytes, dryRun: readFlag(request.query.dryRun ?? file.fields.dryRun) };
  };

  // ------------------------------------------------------------ products
  app.route({
    method: 'GET',
    url: '/api/basket/products',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Products of the IIP basket (search by code, name or class, without diacritics)', querystring: z.strictObject({ q: z.string().max(200).optional() }), response: { 200: z.object({ items: z.array(ZProduct) }), ...ERROR_RESPONSES } },
    handler: async (request) => basketService.listBasketProducts(request.query.q),
  });
  app.route({
    method: 'POST',
    url: '/api/basket/products',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Add a product to the basket (VSIC-4 class of industry, one physical unit)', body: ZProductCreateBody, response: { 201: ZProduct, ...ERROR_RESPONSES } },
    handler: async (request, reply) => reply.code(201).send(await basketService.createProduct(contextOf(request), request.body)),
  });
  app.route({
    method: 'PUT',
    url: '/api/basket/products/:code',
    config: ACCESS,
    schema: {
      tags: TAGS,
      summary: 'Edit a product; moving it to another class is checked against the weights and recomputes the figures',
      params: z.strictObject({ code: z.string().max(40) }),
      body: ZProductBody,
      response: { 200: ZProduct.extend({ recomputeMs: z.number().int().nullable() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => basketService.editProduct(contextOf(request), request.params.code, request.body),
  });
  app.route({
    method: 'POST',
    url: '/api/basket/products/import',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Import products (CSV, Vietnamese or English headers: product_code, name_vi, name_en, unit, vsic4[, active_from, active_to]); dryRun; all or nothing', ...UPLOAD, response: { 200: ZImportResult, ...UPLOAD_ERRORS } },
    handler: async (request) => basketService.importProducts(contextOf(request), await upload(request)),
  });
  app.route({
    method: 'GET',
    url: '/api/basket/products/export',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'The basket as CSV (the import format)', response: { 200: z.any().describe('CSV file'), ...ERROR_RESPONSES } },
    handler: async (_request, reply) => {
      reply.header('content-disposition', 'attachment; filename="ro-san-pham.csv"');
      return reply.type('text/csv; charset=utf-8').send(await basketService.exportProductsCsv());
    },
  });

  // ------------------------------------------------------------ weights
  app.route({
    method: 'GET',
    url: '/api/basket/weights',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Weight versions (base years) with their start month, status and rows per scope and level', response: { 200: ZWeightVersions, ...ERROR_RESPONSES } },
    handler: async () => basketService.listWeightVersions(),
  });
  app.route({
    method: 'GET',
    url: '/api/basket/weights/:version',
    config: ACCESS,
    schema: {
      tags: TAGS,
      summary: 'A weight version as the aggregation tree product → class → division → section → total for one scope',
      params: z.strictObject({ version: z.coerce.number().int().min(1000).max(9999) }),
      querystring: z.strictObject({ scope: z.string().max(40).default('ALL') }),
      response: { 200: ZWeightTree, ...ERROR_RESPONSES },
    },
    handler: async (request) => basketService.getWeightTree(request.params.version, request.query.scope),
  });
  app.route({
    method: 'POST',
    url: '/api/basket/weights/import',
    config: ACCESS,
    schema: {
      tags: TAGS,
      summary: 'Import weights (version, valid_from, scope, level, code, weight[, base_annual_qty]); each (version, scope) replaces the stored one; dryRun; all or nothing',
      ...UPLOAD,
      response: { 200: ZWeightImportResult, ...UPLOAD_ERRORS },
    },
    handler: async (request) => basketService.importWeights(contextOf(request), await upload(request)),
  });
  app.route({
    method: 'GET',
    url: '/api/basket/weights/:version/export',
    config: ACCESS,
    schema: {
      tags: TAGS,
      summary: 'A weight version (every scope) as CSV in the import format',
      params: z.strictObject({ version: z.coerce.number().int().min(1000).max(9999) }),
      response: { 200: z.any().describe('CSV file'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const csv = await basketService.exportWeightsCsv(request.params.version);
      reply.header('content-disposition', `attachment; filename="quyen-so-${request.params.version}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(csv);
    },
  });
  app.route({
    method: 'PATCH',
    url: '/api/basket/weights/:version',
    config: ACCESS,
    schema: {
      tags: TAGS,
      summary: 'Activate a version from a month (its valid_from); checked by the engine, then the figures are recomputed',
      params: z.strictObject({ version: z.coerce.number().int().min(1000).max(9999) }),
      body: z.strictObject({ validFrom: ZPeriod }),
      response: { 200: z.object({ version: z.number().int(), validFrom: z.string(), recomputeMs: z.number().int().nullable() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => basketService.activateVersion(contextOf(request), request.params.version, request.body.validFrom),
  });

  // ------------------------------------------------------------ deflators
  app.route({
    method: 'GET',
    url: '/api/basket/deflators',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Price indices by month and indicator for a year (default: the latest)', querystring: z.strictObject({ year: z.coerce.number().int().min(1900).max(2200).optional() }), response: { 200: ZDeflatorTable, ...ERROR_RESPONSES } },
    handler: async (request) => basketService.listDeflatorTable(request.query.year),
  });
  app.route({
    method: 'PUT',
    url: '/api/basket/deflators',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Set the price index of an indicator for a month (> 0); recomputes from that month', body: ZDeflatorBody, response: { 200: ZDeflatorBody.extend({ recomputeMs: z.number().int().nullable() }), ...ERROR_RESPONSES } },
    handler: async (request) => basketService.setDeflator(contextOf(request), request.body),
  });
  app.route({
    method: 'DELETE',
    url: '/api/basket/deflators/:indicator/:period',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Remove a price index', params: z.strictObject({ indicator: ZDeflatorIndicator, period: ZPeriod }), response: { 200: ZRecompute, ...ERROR_RESPONSES } },
    handler: async (request) => basketService.removeDeflator(contextOf(request), request.params.period, request.params.indicator),
  });
  app.route({
    method: 'POST',
    url: '/api/basket/deflators/import',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Import price indices (period, indicator, price_index); dryRun; all or nothing', ...UPLOAD, response: { 200: ZImportResult, ...UPLOAD_ERRORS } },
    handler: async (request) => basketService.importDeflators(contextOf(request), await upload(request)),
  });

  // ------------------------------------------------------------ Tết windows
  app.route({
    method: 'GET',
    url: '/api/basket/tet-windows',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Official Tết holiday windows per year, with day 1 of the lunar year and the default 7-day window', response: { 200: ZTetList, ...ERROR_RESPONSES } },
    handler: async () => basketService.listTet(),
  });
  app.route({
    method: 'PUT',
    url: '/api/basket/tet-windows/:year',
    config: ACCESS,
    schema: {
      tags: TAGS,
      summary: 'Set the official Tết window of a year (contains day 1, near it, no overlap); recomputes from January of that year',
      params: z.strictObject({ year: z.coerce.number().int().min(1901).max(2099) }),
      body: ZTetBody,
      response: { 200: z.object({ year: z.number().int(), start: z.string(), end: z.string(), recomputeMs: z.number().int().nullable() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => basketService.setTet(contextOf(request), { year: request.params.year, ...request.body }),
  });
  app.route({
    method: 'DELETE',
    url: '/api/basket/tet-windows/:year',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Remove the official window of a year (the default window applies again)', params: z.strictObject({ year: z.coerce.number().int().min(1901).max(2099) }), response: { 200: ZRecompute, ...ERROR_RESPONSES } },
    handler: async (request) => basketService.removeTet(contextOf(request), request.params.year),
  });
  app.route({
    method: 'POST',
    url: '/api/basket/tet-windows/import',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Import official Tết windows (year, start, end); dryRun; all or nothing', ...UPLOAD, response: { 200: ZImportResult, ...UPLOAD_ERRORS } },
    handler: async (request) => basketService.importTet(contextOf(request), await upload(request)),
  });

  // ------------------------------------------------------------ forms and frame
  app.route({
    method: 'GET',
    url: '/api/basket/forms',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Report forms with their deadline, lock and reminder settings and frame size', response: { 200: z.object({ items: z.array(ZFormSettings) }), ...ERROR_RESPONSES } },
    handler: async () => basketService.listFormSettings(),
  });
  app.route({
    method: 'PATCH',
    url: '/api/basket/forms/:code',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Change the deadline day, lock (expiry) days and reminder days of a form', params: ZFormCode, body: ZFormSettingsBody, response: { 200: ZFormSettings, ...ERROR_RESPONSES } },
    handler: async (request) => basketService.updateFormSettings(contextOf(request), request.params.code, request.body),
  });
  app.route({
    method: 'GET',
    url: '/api/basket/forms/:code/frame',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Enterprises of the survey frame of a form (active from/to)', params: ZFormCode, querystring: ZFrameQuery, response: { 200: ZFrame, ...ERROR_RESPONSES } },
    handler: async (request) => basketService.getFrame(request.params.code, request.query),
  });
  app.route({
    method: 'POST',
    url: '/api/basket/forms/:code/frame',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Add an enterprise (by tax code) to the frame from a month', params: ZFormCode, body: ZFrameAddBody, response: { 201: z.object({ enterpriseId: z.number().int(), recomputeMs: z.number().int().nullable() }), ...ERROR_RESPONSES } },
    handler: async (request, reply) => reply.code(201).send(await basketService.addToFrame(contextOf(request), request.params.code, request.body)),
  });
  app.route({
    method: 'PATCH',
    url: '/api/basket/forms/:code/frame/:enterpriseId',
    config: ACCESS,
    schema: {
      tags: TAGS,
      summary: 'Change the months of a frame member; an end month removes it from the frame after that month',
      params: z.strictObject({ code: z.string().max(40), enterpriseId: z.coerce.number().int().positive() }),
      body: ZFrameChangeBody,
      response: { 200: z.object({ enterpriseId: z.number().int(), activeFrom: z.string(), activeTo: z.string().nullable(), recomputeMs: z.number().int().nullable() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => basketService.changeFrameMember(contextOf(request), request.params.code, request.params.enterpriseId, request.body),
  });
  app.route({
    method: 'POST',
    url: '/api/basket/forms/:code/frame/import',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Import frame membership (tax_code, active_from[, active_to]); dryRun; all or nothing', params: ZFormCode, ...UPLOAD, response: { 200: ZImportResult, ...UPLOAD_ERRORS } },
    handler: async (request) => basketService.importFrame(contextOf(request), request.params.code, await upload(request)),
  });
  app.route({
    method: 'GET',
    url: '/api/basket/forms/:code/lock-exceptions',
    config: ACCESS,
    schema: { tags: TAGS, summary: 'Lock exceptions granted for a form (grant them with POST /api/reports/lock-exceptions)', params: ZFormCode, response: { 200: ZLockExceptions, ...ERROR_RESPONSES } },
    handler: async (request) => basketService.getLockExceptions(request.params.code),
  });
};
