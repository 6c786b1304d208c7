import { sql } from 'drizzle-orm';
import { queryRows, type TDb } from '../../db/client';
import { decodeUtf8Strict, FileFormatError, mapRecords, parseCsvRows, type TRowError, type TSheetRow } from '../../lib/tabular-file';
import { readXlsxRows } from '../../lib/xlsx-file';
import { AppError } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { ENTERPRISE_HEADER_ALIASES, type TEnterpriseColumn } from './enterprise-fields';
import { validateEnterpriseRow, type TValidatedRow } from './enterprise-validation';
import { copyCsvInto, toCopyCsv } from '../../db/copy';
import { COMPARABLE_COLUMNS, findEnterprisesByTaxCodes, insertImportRun, type TEnterpriseRow } from './enterprises.repo';
import { loadLookups } from './enterprises.service';

export type TImportProgress = { phase: 'read' | 'validate' | 'compare' | 'write' | 'done'; done: number; total: number };
export type TImportResult = {
  importId: number | null;
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  figures: number;
  errors: TRowError[];
  /** Errors beyond this many are counted but not listed. */
  errorCount: number;
};

const MAX_LISTED_ERRORS = 1000;
const COPY_BATCH = 50_000;
/** From this many written rows (and half the table) the GIN indexes are rebuilt rather than maintained. */
const BULK_THRESHOLD = 20_000;
/** Column of the file → field of the record (only columns present in the file overwrite stored values). */
const COLUMN_FIELDS: Partial<Record<TEnterpriseColumn, (typeof COMPARABLE_COLUMNS)[number]>> = {
  name_vi: 'nameVi', name_intl: 'nameIntl', short_name: 'shortName', legal_form: 'legalForm', ownership: 'ownership', vsic_main: 'vsicMain',
  vsic_other: 'vsicOther', address: 'address', unit_code: 'unitCode', former_district: 'formerDistrict', zone: 'zoneId', established_on: 'establishedOn',
  status: 'status', status_since: 'statusSince', legal_rep: 'legalRep', phone: 'phone', email: 'email', website: 'website',
};

type TComparable = Record<(typeof COMPARABLE_COLUMNS)[number], unknown>;
const pick = (e: TComparable | TEnterpriseRow): TComparable =>
  Object.fromEntries(COMPARABLE_COLUMNS.map((c) => [c, (e as Record<string, unknown>)[c] ?? null])) as TComparable;
const snake = (c: string) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** Reads CSV (strict UTF-8) or XLSX (one data sheet, no merged header) into rows of cells. */
export const readTabularFile = async (fileName: string, bytes: Uint8Array): Promise<TSheetRow[]> => {
  const isXlsx = /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
  if (isXlsx) return readXlsxRows(bytes);
  if (!/\.(csv|txt)$/i.test(fileName) && fileName) throw new FileFormatError(`"${fileName}" is neither .csv nor .xlsx`);
  return parseCsvRows(decodeUtf8Strict(bytes));
};

/**
 * Imports enterprises from a CSV or XLSX file (headers in Vietnamese or English).
 * Every row is validated first (tax code format and duplicates in the file, VSIC, units, zones,
 * dates, figures). A dry run reports new/changed/unchanged counts and every error. A real run
 * is all-or-nothing: upsert by tax code, figures with their SME class, one audit row per changed
 * enterprise, in one transaction. Each run is kept with its original file.
 */
export const createEnterpriseImportService = ({ db }: { db: TDb }) => {
  const importEnterprises = async (
    ctx: TRequestContext,
    input: { fileName: string; bytes: Uint8Array; dryRun: boolean; onProgress?: (p: TImportProgress) => void },
  ): Promise<TImportResult> => {
    const progress = input.onProgress ?? (() => undefined);
    const actorName = ctx.actor?.username ?? ctx.systemActor ?? 'anonymous';
    const recordRun = (status: string, counts: Record<string, number>, errorCount: number) =>
      insertImportRun(db, {
        kind: 'enterprises',
        fileName: input.fileName || 'upload',
        file: input.bytes,
        dryRun: input.dryRun,
        status,
        counts,
        errorCount,
        actorId: ctx.actor?.userId ?? null,
        actorName,
        finishedAt: new Date(),
      });

    let parsed;
    try {
      progress({ phase: 'read', done: 0, total: input.bytes.length });
      const rows = await readTabularFile(input.fileName, input.bytes);
      parsed = mapRecords<TEnterpriseColumn>(rows, { aliases: ENTERPRISE_HEADER_ALIASES, required: ['tax_code', 'name_vi', 'legal_form', 'ownership', 'vsic_main'] });
    } catch (error) {
      if (error instanceof FileFormatError) {
        await recordRun('REJECTED', {}, 1);
        throw new AppError('IMPORT_INVALID', error.message, { errors: [{ row: null, column: null, message: error.message }] });
      }
      throw error;
    }
    if (parsed.rows.length === 0) throw new AppError('IMPORT_INVALID', 'The file has a header but no data rows', { errors: [] });

    const lookups = await loadLookups(db);
    const errors: TRowError[] = [];
    let errorCount = 0;
    const addError = (e: TRowError) => {
      errorCount++;
      if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
    };
    const valid: TValidatedRow[] = [];
    const firstRowOf = new Map<string, number>();
    const total = parsed.rows.length;
    for (let i = 0; i < total; i++) {
      const { rowNumber, values } = parsed.rows[i];
      const result = validateEnterpriseRow(rowNumber, values, lookups);
      for (const e of result.errors) addError(e);
      const taxCode = values.tax_code?.trim();
      if (taxCode) {
        const first = firstRowOf.get(taxCode);
        if (first !== undefined) addError({ row: rowNumber, column: 'tax_code', message: `duplicate tax code ${taxCode} (first on row ${first})` });
        else firstRowOf.set(taxCode, rowNumber);
      }
      if (result.row && first(firstRowOf, taxCode, rowNumber)) valid.push(result.row);
      if (i % 10_000 === 0) progress({ phase: 'validate', done: i, total });
    }
    progress({ phase: 'validate', done: total, total });

    progress({ phase: 'compare', done: 0, total: valid.length });
    const existing = new Map((await findEnterprisesByTaxCodes(db, valid.map((r) => r.enterprise.taxCode))).map((e) => [e.taxCode, e]));
    const present = new Set(parsed.columns.map((c) => COLUMN_FIELDS[c]).filter(Boolean));
    type TPlanned = { row: TValidatedRow; before: TEnterpriseRow; after: TComparable };
    const toInsert: TValidatedRow[] = [];
    const toUpdate: TPlanned[] = [];
    let unchanged = 0;
    for (const row of valid) {
      const before = existing.get(row.enterprise.taxCode);
      // A new enterprise is staged with its own values (stageRow).
      if (!before) {
        toInsert.push(row);
        continue;
      }
      const proposed = pick(row.enterprise);
      const current = pick(before);
      const after = Object.fromEntries(COMPARABLE_COLUMNS.map((c) => [c, c === 'taxCode' || present.has(c) ? proposed[c] : current[c]])) as TComparable;
      if (JSON.stringify(after) === JSON.stringify(current)) unchanged++;
      else toUpdate.push({ row, before, after });
    }
    const withFigures = valid.filter((r) => r.figures);
    const counts = { rows: total, inserted: toInsert.length, updated: toUpdate.length, unchanged, figures: withFigures.length };
    const result = (importId: number | null): TImportResult => ({ importId, dryRun: input.dryRun, ...counts, errors, errorCount });

    if (input.dryRun || errorCount > 0) {
      const importId = await recordRun(input.dryRun ? 'DRY_RUN' : 'REJECTED', counts, errorCount);
      progress({ phase: 'done', done: total, total });
      if (!input.dryRun) throw new AppError('IMPORT_INVALID', `${errorCount} error(s) in the file; nothing was stored`, result(importId));
      return result(importId);
    }

    const changedCodes = new Set([...toInsert.map((r) => r.enterprise.taxCode), ...toUpdate.map((p) => p.row.enterprise.taxCode)]);
    const plannedAfter = new Map(toUpdate.map((p) => [p.row.enterprise.taxCode, p.after]));
    const staged = valid.filter((r) => changedCodes.has(r.enterprise.taxCode) || r.figures);
    const writeTotal = staged.length;
    progress({ phase: 'write', done: 0, total: writeTotal });
    const importId = await db.transaction(async (tx) => {
      // 1. Stage every changed row and every row with figures with COPY (fast on both databases).
      //    The classification reasons repeat (a few dozen distinct ones): each is staged once, in
      //    its own table, and the rows refer to it by number.
      await tx.execute(sql.raw(`create temp table enterprise_import_stage (${STAGE_COLUMNS.map(([c, type]) => `${c} ${type}`).join(', ')}) on commit drop`));
      await tx.execute(sql`create temp table enterprise_import_reasons (reason_no int primary key, reason jsonb not null) on commit drop`);
      const reasonNumbers = new Map<string, number>();
      const reasonNumber = (reason: string) => reasonNumbers.get(reason) ?? (reasonNumbers.set(reason, reasonNumbers.size + 1), reasonNumbers.size);
      for (let i = 0; i < staged.length; i += COPY_BATCH) {
        const rows = staged
          .slice(i, i + COPY_BATCH)
          .map((r) => stageRow(r, plannedAfter.get(r.enterprise.taxCode), changedCodes.has(r.enterprise.taxCode) ? (existing.has(r.enterprise.taxCode) ? 'update' : 'create') : null, reasonNumber));
        await copyCsvInto(tx, { table: 'enterprise_import_stage', columns: STAGE_COLUMNS.map(([c]) => c), csv: toCopyCsv(rows) });
        progress({ phase: 'write', done: Math.min(i + COPY_BATCH, writeTotal), total: writeTotal });
      }
      if (reasonNumbers.size) {
        await copyCsvInto(tx, { table: 'enterprise_import_reasons', columns: ['reason_no', 'reason'], csv: toCopyCsv([...reasonNumbers].map(([reason, no]) => [no, reason])) });
      }
      // A load that rewrites most of the table is faster with the secondary indexes built once at
      // the end than maintained row by row (the unique tax-code index stays: the upsert needs it);
      // their exact definitions are read back from the catalog.
      const tableSize = Number((await queryRows<{ n: number | string }>(tx, sql`select count(*) as n from enterprises`))[0]?.n ?? 0);
      const isBulk = writeTotal >= BULK_THRESHOLD && writeTotal >= tableSize / 2;
      const rebuild = isBulk
        ? await queryRows<{ name: string; definition: string }>(
            tx,
            sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
                where i.tablename = 'enterprises' and i.indexname not in ('enterprises_pkey', 'enterprises_tax_code_uq')`,
          )
        : [];
      for (const index of rebuild) await tx.execute(sql.raw(`drop index "${index.name}"`));
      // Likewise the foreign keys of the two tables written (figures → enterprise, enterprise →
      // zone): checked once per constraint when added back, instead of a locking look-up per row.
      const foreignKeys = isBulk
        ? await queryRows<{ table: string; name: string; definition: string }>(
            tx,
            sql`select conrelid::regclass::text as "table", conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
                where contype = 'f' and conrelid in ('enterprises'::regclass, 'enterprise_figures'::regclass)`,
          )
        : [];
      for (const fk of foreignKeys) await tx.execute(sql.raw(`alter table ${fk.table} drop constraint "${fk.name}"`));
      const actor = sql`${ctx.actor?.userId ?? null}::int, ${actorName}, ${ctx.ip || null}`;
      // 2. Audit the updates with their values before the change.
      await tx.execute(sql`
        insert into audit_log (actor_id, actor_name, ip, entity, entity_id, action, before, after, request_id)
        select ${actor}, 'enterprise', e.id::text, 'enterprise.import_update', ${sql.raw(auditJson('e'))}, ${sql.raw(auditJson('s'))}, ${ctx.requestId || null}
        from enterprise_import_stage s join enterprises e on e.tax_code = s.tax_code where s.action = 'update'`);
      // 3. Upsert the changed enterprises (the stage already holds the merged values) and, in the
      //    same statement, audit the creations with the stored values (xmax = 0 marks a row
      //    this statement inserted).
      await tx.execute(sql`
        with up as (
          ${sql.raw(`insert into enterprises (${ENTERPRISE_FIELDS.join(', ')}, size_class, size_class_year)
          select ${ENTERPRISE_FIELDS.map((f) => `s.${f}`).join(', ')}, s.size_class, s.year from enterprise_import_stage s where s.action is not null
          on conflict (tax_code) do update set ${ENTERPRISE_FIELDS.filter((f) => f !== 'tax_code').map((f) => `${f} = excluded.${f}`).join(', ')}, updated_at = now(),
            size_class = case when excluded.size_class_year >= coalesce(enterprises.size_class_year, 0) then excluded.size_class else enterprises.size_class end,
            size_class_year = greatest(excluded.size_class_year, enterprises.size_class_year)
          returning id, (xmax = 0) as is_created, ${ENTERPRISE_FIELDS.join(', ')}`)}
        )
        insert into audit_log (actor_id, actor_name, ip, entity, entity_id, action, before, after, request_id)
        select ${actor}, 'enterprise', up.id::text, 'enterprise.import_create', null, ${sql.raw(auditJson('up'))}, ${ctx.requestId || null}
        from up where up.is_created`);
      // The words of the written names (the lexemes of their full-text vectors) into the search
      // vocabulary; ts_stat collects them in one pass, several times faster than unnest + distinct.
      await tx.execute(sql`insert into search_words (word)
        select word from ts_stat('select e.search_tsv from enterprises e join enterprise_import_stage s on s.tax_code = e.tax_code where s.action is not null')
        on conflict do nothing`);
      // 4. Figures with their SME class, then the current class of each enterprise that existed
      //    before (a new enterprise's class already comes from its only figures, this file's).
      await tx.execute(sql`
        insert into enterprise_figures (enterprise_id, year, avg_insured_employees, revenue_vnd, capital_vnd, export_usd, size_class, sector_group, rule_version, reason)
        select e.id, s.year, s.avg_insured_employees, s.revenue_vnd, s.capital_vnd, s.export_usd, s.size_class, s.sector_group, s.rule_version, r.reason
        from enterprise_import_stage s join enterprises e on e.tax_code = s.tax_code join enterprise_import_reasons r on r.reason_no = s.reason_no
        where s.year is not null
        on conflict (enterprise_id, year) do update set avg_insured_employees = excluded.avg_insured_employees, revenue_vnd = excluded.revenue_vnd,
          capital_vnd = excluded.capital_vnd, export_usd = excluded.export_usd, size_class = excluded.size_class, sector_group = excluded.sector_group,
          rule_version = excluded.rule_version, reason = excluded.reason`);
      if (withFigures.length) {
        await tx.execute(sql`
          update enterprises e set size_class = f.size_class, size_class_year = f.year
          from (select distinct on (x.enterprise_id) x.enterprise_id, x.year, x.size_class from enterprise_figures x
                join enterprises y on y.id = x.enterprise_id join enterprise_import_stage s on s.tax_code = y.tax_code
                where s.action is distinct from 'create' and s.year is not null
                order by x.enterprise_id, x.year desc) f
          where e.id = f.enterprise_id and (e.size_class is distinct from f.size_class or e.size_class_year is distinct from f.year)`);
      }
      for (const index of rebuild) await tx.execute(sql.raw(index.definition));
      for (const fk of foreignKeys) await tx.execute(sql.raw(`alter table ${fk.table} add constraint "${fk.name}" ${fk.definition}`));
      return insertImportRun(tx, {
        kind: 'enterprises', fileName: input.fileName || 'upload', file: input.bytes, dryRun: false, status: 'COMMITTED',
        counts, errorCount: 0, actorId: ctx.actor?.userId ?? null, actorName, finishedAt: new Date(),
      });
    });
    // Fresh planner statistics after a bulk change; after a bulk load also the visibility map and
    // hint bits, so that counts and lists read the indexes without visiting every page (PGlite has
    // no autovacuum daemon; on PostgreSQL this only runs sooner what autovacuum would).
    if (writeTotal >= BULK_THRESHOLD) await db.execute(sql`vacuum (analyze) enterprises, enterprise_figures`);
    else if (writeTotal > 1000) await db.execute(sql`analyze enterprises, enterprise_figures`);
    progress({ phase: 'done', done: total, total });
    return result(importId);
  };

  return { importEnterprises };
};

/** Stored enterprise columns written by an import, in the order of COMPARABLE_COLUMNS. */
const ENTERPRISE_FIELDS = COMPARABLE_COLUMNS.map(snake);
const FIELD_TYPES: Record<string, string> = { vsic_other: 'text[]', zone_id: 'int', established_on: 'date', status_since: 'date' };
/** The staging table: merged enterprise values, the action, and the figures with their class (the reason by number). */
const STAGE_COLUMNS: [string, string][] = [
  ...ENTERPRISE_FIELDS.map((f): [string, string] => [f, FIELD_TYPES[f] ?? 'text']),
  ['action', 'text'], ['year', 'int'], ['avg_insured_employees', 'numeric'], ['revenue_vnd', 'bigint'], ['capital_vnd', 'bigint'],
  ['export_usd', 'bigint'], ['size_class', 'text'], ['sector_group', 'text'], ['rule_version', 'text'], ['reason_no', 'int'],
];

/** One staging row: merged values (or the row's own when new or unchanged), action, figures. */
const stageRow = (r: TValidatedRow, merged: TComparable | undefined, action: 'create' | 'update' | null, reasonNumber: (reason: string) => number): unknown[] => {
  const values = (merged ?? r.enterprise) as Record<string, unknown>;
  const f = r.figures;
  return [
    ...COMPARABLE_COLUMNS.map((c) => (c === 'vsicOther' ? `{${((values[c] as string[] | null) ?? []).map((v) => `"${v}"`).join(',')}}` : (values[c] ?? null))),
    action, f?.year ?? null, f?.avgInsuredEmployees ?? null, f?.revenueVnd?.toString() ?? null, f?.capitalVnd.toString() ?? null,
    f?.exportUsd?.toString() ?? null, f?.classification.class ?? null, f?.classification.reason.sectorGroup ?? null, f?.classification.ruleVersion ?? null,
    f ? reasonNumber(JSON.stringify(f.classification.reason)) : null,
  ];
};

/** The audited view of an enterprise row as jsonb, built in SQL (same keys as presentEnterpriseForAudit). */
const auditJson = (alias: string): string =>
  `jsonb_build_object(${COMPARABLE_COLUMNS.map((c) => `'${c}', ${alias}.${snake(c)}`).join(', ')})`;

/** True when this row is the first occurrence of its tax code in the file. */
const first = (firstRowOf: Map<string, number>, taxCode: string | undefined, rowNumber: number) => !taxCode || firstRowOf.get(taxCode) === rowNumber;

export type TEnterpriseImportService = ReturnType<typeof createEnterpriseImportService>;
