import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './platform';

/** Fields of administrative procedures (lĩnh vực), e.g. food safety, electricity. */
export const procedureFields = pgTable('procedure_fields', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
});

/** Publication decisions (quyết định công bố) of the provincial People's Committee chairman. */
export const publicationDecisions = pgTable(
  'publication_decisions',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    issuer: text('issuer').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('publication_decisions_number_uq').on(t.number), index('publication_decisions_created_by_idx').on(t.createdBy)],
);

/** A procedure: its stable national code and field; its content lives in dated versions. */
export const procedures = pgTable(
  'procedures',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    fieldCode: text('field_code')
      .notNull()
      .references(() => procedureFields.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedures_code_uq').on(t.code), index('procedures_field_idx').on(t.fieldCode)],
);

/**
 * Immutable versions keyed by (procedure, effective_from) (spec §5.2). A dossier binds to the
 * version in force when it is received. `change_kind` ABOLISHED ends the procedure.
 */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: serial('id').primaryKey(),
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => procedures.id),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => publicationDecisions.id),
    changeKind: text('change_kind').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    implementationLevel: text('implementation_level').notNull(),
    agencies: jsonb('agencies').notNull(),
    subjects: text('subjects').array().notNull(),
    sequence: text('sequence'),
    methods: jsonb('methods').notNull(),
    dossierComponents: jsonb('dossier_components').notNull(),
    dossierSets: integer('dossier_sets').notNull().default(1),
    processingTimeValue: numeric('processing_time_value').notNull(),
    processingTimeUnit: text('processing_time_unit').notNull(),
    fees: jsonb('fees').notNull(),
    result: jsonb('result').notNull(),
    requirements: text('requirements'),
    legalBasis: jsonb('legal_basis').notNull(),
    onlineServiceLevel: text('online_service_level').notNull(),
    eligibleFullOnline: boolean('eligible_full_online').notNull().default(false),
    receivedAtOneStop: boolean('received_at_one_stop').notNull().default(true),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`f_unaccent(name)`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('procedure_versions_uq').on(t.procedureId, t.effectiveFrom),
    index('procedure_versions_decision_idx').on(t.decisionId),
    index('procedure_versions_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);
