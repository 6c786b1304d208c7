import { z } from 'zod';
import { INDICATOR_766_IDS } from '../../domain/service-index/index-766';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Period (Vietnam receipt dates, inclusive) and filters shared by every statistic. */
export const ZStatsQuery = z.strictObject({
  from: ZDate,
  to: ZDate,
  procedureId: z.coerce.number().int().positive().optional(),
  unitCode: z.string().trim().min(1).max(64).optional(),
  channel: z.enum(['DIRECT', 'ONLINE', 'POSTAL']).optional(),
  agencyCode: z.string().trim().min(1).max(64).optional(),
});
export type TStatsQuery = z.infer<typeof ZStatsQuery>;

export const ZOnTimeQuery = ZStatsQuery.extend({ by: z.enum(['procedure', 'unit', 'channel', 'month', 'quarter', 'year', 'all']).default('procedure') });
export const ZTt01Query = ZStatsQuery.extend({ by: z.enum(['agency', 'unit', 'officer']).default('agency') });
export const ZTt01DossiersQuery = ZStatsQuery.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) });
export const ZExportQuery = ZStatsQuery.extend({ lang: z.enum(['vi', 'en']).default('vi') });

const ZPeriod = z.object({ from: z.string(), to: z.string(), asOf: z.string() });

export const ZOnTimeRow = z.object({
  key: z.string(),
  label: z.string(),
  received: z.number().int(),
  finished: z.number().int(),
  early: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  inProgress: z.number().int(),
  inTime: z.number().int(),
  overdue: z.number().int(),
  stopped: z.number().int(),
  onTimeRate: z.number().nullable(),
  nationalEarlyOrOnTime: z.number().int(),
  nationalLate: z.number().int(),
  nationalOnTimeRate: z.number().nullable(),
});
export const ZOnTimeResponse = z.object({ period: ZPeriod, by: z.string(), rows: z.array(ZOnTimeRow), total: ZOnTimeRow });

export const ZIndicator766 = z.object({
  id: z.enum(INDICATOR_766_IDS),
  group: z.number().int(),
  applicable: z.boolean(),
  reason: z.enum(['NOT_SUPPORTED', 'NO_DATA']).nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  ratio: z.number().nullable(),
  value: z.number().nullable(),
  threshold: z.number(),
  maxPoints: z.number().nullable(),
  score: z.number().nullable(),
  weightVerified: z.boolean(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const Z766Response = z.object({
  period: ZPeriod,
  variant: z.literal('NATIONAL_PORTAL'),
  indicators: z.array(ZIndicator766),
  earned: z.number(),
  available: z.number(),
  normalised: z.number().nullable(),
  groups: z.array(z.object({ group: z.number().int(), maxPoints: z.number(), earned: z.number(), available: z.number() })),
});

const ZIndicatorScore = z.object({ score: z.number().nullable(), basis: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])).nullable() });
export const ZTt01AgencyRow = z.object({
  key: z.string(),
  label: z.string(),
  dossiers: z.number().int(),
  indicators: z.record(z.string(), ZIndicatorScore),
  total: z.number(),
  scored: z.number().int(),
  normalisedTotal: z.number().nullable(),
  rating: z.enum(['EXCELLENT', 'GOOD', 'FAIR', 'AVERAGE', 'WEAK']).nullable(),
  band: z.enum(['COMPLETE', 'PARTLY', 'BELOW_70']).nullable(),
});
export const ZTt01Response = z.object({ period: ZPeriod, by: z.string(), rows: z.array(ZTt01AgencyRow) });

export const ZTt01DossierRow = z.object({
  caseId: z.number().int(),
  code: z.string().nullable(),
  agencyCode: z.string().nullable(),
  unitCode: z.string().nullable(),
  procedureId: z.number().int(),
  procedureCode: z.string().nullable(),
  channel: z.string(),
  receivedAt: z.string(),
  finishedAt: z.string().nullable(),
  legal: z.string(),
  national: z.string(),
  scores: z.record(z.string(), z.number().nullable()),
  total: z.number(),
  scored: z.number().int(),
});
export const ZTt01DossiersResponse = z.object({ period: ZPeriod, total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(ZTt01DossierRow) });
