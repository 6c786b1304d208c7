import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, date } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises';
import { users } from './platform';

/** The product basket of the industrial production index (physical quantities, one unit each). */
export const statsProducts = pgTable('stats_products', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  vsic4: text('vsic4').notNull(),
  /** First and last month (YYYY-MM) the product is in the basket; null = open. Informational for forms and pages. */
  activeFrom: text('active_from'),
  activeTo: text('active_to'),
});

/** Weight versions per scope and level (statistics spec §3.1). */
export const statsWeights = pgTable(
  'stats_weights',
  {
    id: serial('id').primaryKey(),
    version: integer('version').notNull(),
    validFrom: text('valid_from').notNull(),
    scope: text('scope').notNull(),
    level: text('level').notNull(),
    code: text('code').notNull(),
    weight: doublePrecision('weight').notNull(),
    baseAnnualQty: doublePrecision('base_annual_qty'),
  },
  (t) => [uniqueIndex('stats_weights_uq').on(t.version, t.scope, t.level, t.code)],
);

/** Price indices used to deflate value indicators (any fixed reference period). */
export const statsDeflators = pgTable(
  'stats_deflators',
  { period: text('period').notNull(), indicator: text('indicator').notNull(), priceIndex: doublePrecision('price_index').notNull() },
  (t) => [primaryKey({ columns: [t.period, t.indicator] })],
);

/** Official Tết holiday windows overriding the default 7-day window of a year. */
export const statsTetWindows = pgTable('stats_tet_windows', {
  year: integer('year').primaryKey(),
  start: date('start', { mode: 'string' }).notNull(),
  end: date('end', { mode: 'string' }).notNull(),
});

/** Monthly report forms (like DHIS2 data sets). */
export const reportForms = pgTable('report_forms', {
  code: text('code').primaryKey(),
  kind: text('kind').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  deadlineDay: integer('deadline_day').notNull(),
  expiryDays: integer('expiry_days').notNull(),
  remindBeforeDays: integer('remind_before_days').notNull().default(3),
  remindAfterDays: integer('remind_after_days').notNull().default(2),
});

/** The survey frame: which enterprise is expected to report which form, and from/to which month. */
export const reportFrame = pgTable(
  'report_frame',
  {
    formCode: text('form_code')
      .notNull()
      .references(() => reportForms.code),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    activeFrom: text('active_from').notNull(),
    activeTo: text('active_to'),
  },
  (t) => [primaryKey({ columns: [t.formCode, t.enterpriseId] }), index('report_frame_enterprise_idx').on(t.enterpriseId)],
);

/** One enterprise's report for one form and month. */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    formCode: text('form_code')
      .notNull()
      .references(() => reportForms.code),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    period: text('period').notNull(),
    status: text('status').notNull(),
    revision: integer('revision').notNull().default(0),
    /** The revision whose values are published (null until first accepted). */
    acceptedRevision: integer('accepted_revision'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references(() => users.id),
    returnReason: text('return_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_form_enterprise_period_uq').on(t.formCode, t.enterpriseId, t.period),
    index('reports_period_status_idx').on(t.formCode, t.period, t.status),
    index('reports_enterprise_idx').on(t.enterpriseId),
    index('reports_decided_by_idx').on(t.decidedBy),
    index('reports_decided_at_idx').on(t.decidedAt),
    index('reports_updated_at_idx').on(t.updatedAt),
    index('reports_accepted_idx').on(t.period).where(sql`${t.acceptedRevision} is not null`),
  ],
);

/** The cells of a report: a product quantity, a value (indicator|group) or the workforce. */
export const reportCells = pgTable(
  'report_cells',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    value: doublePrecision('value').notNull(),
    comment: text('comment'),
    /** The value as last accepted (published); the working value may be a pending revision. */
    acceptedValue: doublePrecision('accepted_value'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.item] })],
);

/** Published IIP figures (iip_index.csv rows) for every period, scope, comparison and node. */
export const iipResults = pgTable(
  'iip_results',
  {
    period: text('period').notNull(),
    scope: text('scope').notNull(),
    comparison: text('comparison').notNull(),
    level: text('level').notNull(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    index: doublePrecision('index'),
    contribParentPp: doublePrecision('contrib_parent_pp'),
    contribTotalPp: doublePrecision('contrib_total_pp'),
    nUsed: integer('n_used'),
    nBasket: integer('n_basket'),
    weightCoverage: doublePrecision('weight_coverage'),
    imputedShare: doublePrecision('imputed_share'),
    qCur: doublePrecision('q_cur'),
    qCmp: doublePrecision('q_cmp'),
    tetDaysCur: integer('tet_days_cur').notNull(),
    tetDaysCmp: integer('tet_days_cmp'),
  },
  (t) => [primaryKey({ columns: [t.period, t.scope, t.comparison, t.level, t.code] })],
);

/** Published value indicators (values_index.csv rows): retail components and total, exports by group. */
export const valueResults = pgTable(
  'value_results',
  {
    period: text('period').notNull(),
    scope: text('scope').notNull(),
    indicator: text('indicator').notNull(),
    grp: text('grp').notNull(),
    comparison: text('comparison').notNull(),
    valueCur: doublePrecision('value_cur'),
    valueCmp: doublePrecision('value_cmp'),
    index: doublePrecision('index'),
    realIndex: doublePrecision('real_index'),
    imputedShare: doublePrecision('imputed_share'),
    tetDaysCur: integer('tet_days_cur').notNull(),
    tetDaysCmp: integer('tet_days_cmp'),
  },
  (t) => [primaryKey({ columns: [t.period, t.scope, t.indicator, t.grp, t.comparison] })],
);

/** Each recomputation: when, which periods, how long, and the data it reflects. */
export const indicatorRuns = pgTable('indicator_runs', {
  id: serial('id').primaryKey(),
  fromPeriod: text('from_period').notNull(),
  toPeriod: text('to_period').notNull(),
  reason: text('reason').notNull(),
  dataAsOf: timestamp('data_as_of', { withTimezone: true }),
  durationMs: integer('duration_ms').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every change of a report cell: old and new value, comment, who and when. */
export const reportCellHistory = pgTable(
  'report_cell_history',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    oldValue: doublePrecision('old_value'),
    newValue: doublePrecision('new_value'),
    comment: text('comment'),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_cell_history_report_idx').on(t.reportId, t.item), index('report_cell_history_actor_idx').on(t.actorId)],
);

/** An officer reopens a locked period for one enterprise until a date. */
export const reportLockExceptions = pgTable(
  'report_lock_exceptions',
  {
    id: serial('id').primaryKey(),
    formCode: text('form_code')
      .notNull()
      .references(() => reportForms.code),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    period: text('period').notNull(),
    until: date('until', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    grantedBy: integer('granted_by').references(() => users.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_lock_exceptions_key_idx').on(t.formCode, t.enterpriseId, t.period),
    index('report_lock_exceptions_enterprise_idx').on(t.enterpriseId),
    index('report_lock_exceptions_granted_by_idx').on(t.grantedBy),
  ],
);
