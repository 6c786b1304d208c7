import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './platform';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Industrial zones (KCN), clusters (CCN) and hi-tech parks, as reference entities. */
export const industrialZones = pgTable('industrial_zones', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  formerDistrict: text('former_district'),
  areaHa: numeric('area_ha', { precision: 10, scale: 4 }),
  operator: text('operator'),
  status: text('status'),
  source: text('source'),
});

/** The enterprise registry. `search_text` is the unaccented lower-case text the search box matches. */
export const enterprises = pgTable(
  'enterprises',
  {
    id: serial('id').primaryKey(),
    taxCode: text('tax_code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameIntl: text('name_intl'),
    shortName: text('short_name'),
    legalForm: text('legal_form').notNull(),
    ownership: text('ownership').notNull(),
    vsicMain: text('vsic_main').notNull(),
    vsicOther: text('vsic_other').array().notNull().default(sql`'{}'::text[]`),
    address: text('address'),
    unitCode: text('unit_code'),
    formerDistrict: text('former_district'),
    zoneId: integer('zone_id').references(() => industrialZones.id),
    establishedOn: date('established_on', { mode: 'string' }),
    status: text('status').notNull().default('ACTIVE'),
    statusSince: date('status_since', { mode: 'string' }),
    legalRep: text('legal_rep'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    sizeClass: text('size_class'),
    sizeClassYear: integer('size_class_year'),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`f_unaccent(coalesce(name_vi, '') || ' ' || coalesce(short_name, '') || ' ' || coalesce(name_intl, ''))`),
    /** The words of search_text as stored lexemes: the full-text filter reads them instead of re-parsing the text. */
    searchTsv: tsvector('search_tsv')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, f_unaccent(coalesce(name_vi, '') || ' ' || coalesce(short_name, '') || ' ' || coalesce(name_intl, '')))`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_tax_code_uq').on(t.taxCode),
    index('enterprises_tax_code_prefix_idx').using('btree', sql`${t.taxCode} text_pattern_ops`),
    index('enterprises_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('enterprises_search_tsv_idx').using('gin', t.searchTsv),
    index('enterprises_name_idx').on(t.nameVi, t.id),
    index('enterprises_established_idx').on(t.establishedOn, t.id),
    index('enterprises_updated_idx').on(t.updatedAt, t.id),
    index('enterprises_vsic_idx').on(t.vsicMain),
    index('enterprises_division_idx').using('btree', sql`substr(${t.vsicMain}, 1, 2)`, t.establishedOn),
    index('enterprises_unit_idx').on(t.unitCode),
    index('enterprises_former_district_idx').on(t.formerDistrict),
    index('enterprises_zone_idx').on(t.zoneId),
    index('enterprises_filters_idx').on(t.status, t.ownership, t.sizeClass),
  ],
);

/** Yearly figures with the SME class they give under the rule in force. */
export const enterpriseFigures = pgTable(
  'enterprise_figures',
  {
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    avgInsuredEmployees: numeric('avg_insured_employees').notNull(),
    revenueVnd: bigint('revenue_vnd', { mode: 'bigint' }),
    capitalVnd: bigint('capital_vnd', { mode: 'bigint' }).notNull(),
    exportUsd: bigint('export_usd', { mode: 'bigint' }),
    sizeClass: text('size_class').notNull(),
    sectorGroup: text('sector_group').notNull(),
    ruleVersion: text('rule_version').notNull(),
    reason: jsonb('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.year] })],
);

/** Import history: who ran which file, with the original bytes and the outcome. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    fileBytes: bytea('file_bytes').notNull(),
    dryRun: boolean('dry_run').notNull(),
    status: text('status').notNull(),
    counts: jsonb('counts').notNull(),
    errorCount: integer('error_count').notNull().default(0),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_runs_actor_idx').on(t.actorId), index('import_runs_kind_idx').on(t.kind, t.startedAt)],
);

/** Changes an enterprise user proposes to its own record; an officer accepts or rejects each. */
export const enterpriseChangeRequests = pgTable(
  'enterprise_change_requests',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    proposedBy: integer('proposed_by')
      .notNull()
      .references(() => users.id),
    changes: jsonb('changes').notNull(),
    note: text('note'),
    status: text('status').notNull().default('PENDING'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enterprise_change_requests_enterprise_idx').on(t.enterpriseId),
    index('enterprise_change_requests_status_idx').on(t.status),
    index('enterprise_change_requests_proposed_by_idx').on(t.proposedBy),
    index('enterprise_change_requests_decided_by_idx').on(t.decidedBy),
  ],
);

/** The words of enterprise names (unaccented): the vocabulary that typo-tolerant search corrects against. */
export const searchWords = pgTable(
  'search_words',
  { word: text('word').primaryKey() },
  (t) => [index('search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`)],
);
