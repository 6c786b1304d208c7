import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises';
import { users } from './platform';

/**
 * Agencies petitions and commitments are routed to: the Department's own divisions (linked to the
 * officer modules of auth.policy) and external agencies (city departments, commune/ward people's
 * committees, central agencies, utilities such as EVN Hà Nội).
 */
export const supportAgencies = pgTable(
  'support_agencies',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** For a Department division: the officer module (INDUSTRY, TRADE, PLANNING_STATS, ONE_STOP). */
    moduleCode: text('module_code'),
    /** For a commune/ward people's committee: the administrative unit code (admin_units.code). */
    adminUnitCode: text('admin_unit_code'),
    contactName: text('contact_name'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('support_agencies_code_uq').on(t.code), index('support_agencies_kind_idx').on(t.kind)],
);

/**
 * Petition categories (kiến nghị by subject) with the default answer deadline in working days and
 * the agency petitions of the category go to by default. The petitions module reads this table.
 */
export const petitionCategories = pgTable(
  'petition_categories',
  {
    code: text('code').primaryKey(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull(),
    deadlineWorkingDays: integer('deadline_working_days').notNull().default(15),
    defaultAgencyId: integer('default_agency_id').references(() => supportAgencies.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('petition_categories_agency_idx').on(t.defaultAgencyId), check('petition_categories_days_ck', sql`${t.deadlineWorkingDays} between 1 and 90`)],
);

/** An agency's own answer deadline for a category, overriding the category default. */
export const agencyCategoryDeadlines = pgTable(
  'agency_category_deadlines',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => supportAgencies.id),
    categoryCode: text('category_code')
      .notNull()
      .references(() => petitionCategories.code),
    workingDays: integer('working_days').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.categoryCode] }), index('agency_category_deadlines_category_idx').on(t.categoryCode)],
);

/** Which PCI sub-indices the petitions of a category weigh on (sub-index codes of support-pci.ts). */
export const petitionCategoryPci = pgTable(
  'petition_category_pci',
  {
    categoryCode: text('category_code')
      .notNull()
      .references(() => petitionCategories.code),
    subindexCode: text('subindex_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.categoryCode, t.subindexCode] })],
);

/** The province's PCI result of a year (VCCI): composite score 0–100 and rank among n provinces. */
export const pciResults = pgTable(
  'pci_results',
  {
    id: serial('id').primaryKey(),
    provinceCode: text('province_code').notNull(),
    year: integer('year').notNull(),
    composite: numeric('composite', { precision: 5, scale: 2 }),
    rank: integer('rank'),
    nProvinces: integer('n_provinces'),
    methodologyVersion: text('methodology_version').notNull(),
    source: text('source'),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pci_results_province_year_uq').on(t.provinceCode, t.year), index('pci_results_updated_by_idx').on(t.updatedBy)],
);

/** One sub-index score (0–10) and rank of a PCI result. */
export const pciSubindexScores = pgTable(
  'pci_subindex_scores',
  {
    resultId: integer('result_id')
      .notNull()
      .references(() => pciResults.id),
    subindexCode: text('subindex_code').notNull(),
    score: numeric('score', { precision: 4, scale: 2 }),
    rank: integer('rank'),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.subindexCode] })],
);

/** A PCI improvement action plan (kế hoạch nâng cao chỉ số PCI) of a year. */
export const pciActionPlans = pgTable(
  'pci_action_plans',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    documentRef: text('document_ref'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pci_action_plans_year_idx').on(t.year), index('pci_action_plans_created_by_idx').on(t.createdBy)],
);

/** An action of a plan, aimed at one sub-index, assigned to an agency or division. */
export const pciActions = pgTable(
  'pci_actions',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => pciActionPlans.id),
    subindexCode: text('subindex_code').notNull(),
    content: text('content').notNull(),
    ownerAgencyId: integer('owner_agency_id')
      .notNull()
      .references(() => supportAgencies.id),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('NOT_STARTED'),
    progressPct: integer('progress_pct').notNull().default(0),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pci_actions_plan_idx').on(t.planId),
    index('pci_actions_owner_idx').on(t.ownerAgencyId),
    check('pci_actions_progress_ck', sql`${t.progressPct} between 0 and 100`),
  ],
);

/** A business dialogue conference (hội nghị đối thoại doanh nghiệp). */
export const dialogueConferences = pgTable(
  'dialogue_conferences',
  {
    id: serial('id').primaryKey(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    topic: text('topic').notNull(),
    chair: text('chair').notNull(),
    location: text('location'),
    summary: text('summary'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dialogue_conferences_held_on_idx').on(t.heldOn), index('dialogue_conferences_created_by_idx').on(t.createdBy)],
);

export const dialogueConferenceEnterprises = pgTable(
  'dialogue_conference_enterprises',
  {
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => dialogueConferences.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.enterpriseId] }), index('dialogue_conference_enterprises_enterprise_idx').on(t.enterpriseId)],
);

export const dialogueConferenceAgencies = pgTable(
  'dialogue_conference_agencies',
  {
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => dialogueConferences.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => supportAgencies.id),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.agencyId] }), index('dialogue_conference_agencies_agency_idx').on(t.agencyId)],
);

/** A commitment made at a conference, followed up until done. */
export const dialogueCommitments = pgTable(
  'dialogue_commitments',
  {
    id: serial('id').primaryKey(),
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => dialogueConferences.id),
    content: text('content').notNull(),
    ownerAgencyId: integer('owner_agency_id')
      .notNull()
      .references(() => supportAgencies.id),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('OPEN'),
    progressNote: text('progress_note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dialogue_commitments_conference_idx').on(t.conferenceId), index('dialogue_commitments_owner_idx').on(t.ownerAgencyId)],
);

/**
 * Reminders sent for conference commitments and PCI actions (the daily task): one row per item and
 * Vietnam day, so a second run on the same day sends nothing again.
 */
export const supportReminders = pgTable(
  'support_reminders',
  {
    itemKind: text('item_kind').notNull(),
    itemId: integer('item_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    recipients: integer('recipients').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemKind, t.itemId, t.day] })],
);
