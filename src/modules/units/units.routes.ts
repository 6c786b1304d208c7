import { z } from 'zod';
import { readFlag, readUpload } from '../../lib/multipart';
import { ERROR_RESPONSES, ZErrorBody, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import { UNIT_LEVELS, type TUnitService } from './units.service';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const ZUnit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(UNIT_LEVELS),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
const ZImportResult = z.object({
  dryRun: z.boolean(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  lineage: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
});

const todayInVietnam = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Administrative units (public reference data) and their CSV import (administrators). */
export const registerUnitRoutes = (app: TApp, { unitService }: { unitService: TUnitService }): void => {
  app.route({
    method: 'GET',
    url: '/api/units',
    config: { access: 'public' },
    schema: {
      tags: ['units'],
      summary: 'Administrative units in force at a date (default today)',
      querystring: z.strictObject({ at: ZDate.optional(), level: z.enum(UNIT_LEVELS).optional(), parent: z.string().max(32).optional() }),
      response: { 200: z.object({ at: z.string(), items: z.array(ZUnit) }), 400: ZErrorBody },
    },
    handler: async (request) => {
      const at = request.query.at ?? todayInVietnam();
      const rows = await unitService.listUnitsAt({ at, level: request.query.level, parent: request.query.parent });
      return { at, items: rows.map((u) => ({ code: u.code, name: u.name, level: u.level as (typeof UNIT_LEVELS)[number], parentCode: u.parentCode, validFrom: u.validFrom, validTo: u.validTo })) };
    },
  });

  app.route({
    method: 'GET',
    url: '/api/units/lineage',
    config: { access: 'public' },
    schema: {
      tags: ['units'],
      summary: 'Crosswalk from former units (e.g. districts before 2025-07-01) to the units that replaced them',
      response: {
        200: z.object({
          items: z.array(
            z.object({ oldCode: z.string(), oldName: z.string().nullable(), newCode: z.string(), newName: z.string().nullable(), relation: z.string(), effectiveFrom: z.string() }),
          ),
        }),
      },
    },
    handler: async () => ({ items: await unitService.listLineage() }),
  });

  app.route({
    method: 'POST',
    url: '/api/admin/units/import',
    config: { access: 'admin.units' },
    schema: {
      tags: ['admin'],
      summary: 'Import units from CSV (code,name,level,parent,valid_from,valid_to[,former_codes]); multipart field "file", dryRun in the form or query',
      consumes: ['multipart/form-data'],
      querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).optional() }),
      response: { 200: ZImportResult, ...ERROR_RESPONSES, 413: ZErrorBody, 415: ZErrorBody },
    },
    handler: async (request) => {
      const upload = await readUpload(request);
      const dryRun = readFlag(request.query.dryRun ?? upload.fields.dryRun);
      return unitService.importUnits(contextOf(request), { bytes: upload.bytes, dryRun });
    },
  });
};
