import { sql } from 'drizzle-orm';
import type { TDb } from '../../db/client';
import { decodeUtf8Strict, FileFormatError, mapRecords, parseCsvRows, type TRowError, type TSheetRow } from '../../lib/tabular-file';
import { readXlsxRows } from '../../lib/xlsx-file';
import { AppError } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { ENTERPRISE_HEADER_ALIASES, type TEnterpriseColumn } from './enterprise-fields';
import { validateEnterpriseRow, type TValidatedRow } from './enterprise-validation';
import { COMPARABLE_COLUMNS, findEnterprisesByTaxCodes, insertImportRun, refreshSizeClass, type TEnterpriseRow } from './enterprises.repo';
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
const WRITE_BATCH = 5000;
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
        fileBytes: Buffer.from(input.bytes),
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
    type TPlanned = { row: TValidatedRow; before: TEnterpriseRow | undefined; after: TComparable };
    const toInsert: TPlanned[] = [];
    const toUpdate: TPlanned[] = [];
    let unchanged = 0;
    for (const row of valid) {
      const before = existing.get(row.enterprise.taxCode);
      const proposed = pick(row.enterprise);
      if (!before) {
        toInsert.push({ row, before, after: proposed });
        continue;
      }
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

    const changed = [...toInsert, ...toUpdate];
    let written = 0;
    const importId = await db.transaction(async (tx) => {
      const audits: { tax_code: string; action: string; before: unknown; after: unknown }[] = [];
      for (let i = 0; i < changed.length; i += WRITE_BATCH) {
        const batch = changed.slice(i, i + WRITE_BATCH);
        const json = JSON.stringify(batch.map((p) => Object.fromEntries(Object.entries(p.after).map(([k, v]) => [snake(k), v]))));
        await tx.execute(sql`
          insert into enterprises (tax_code, name_vi, name_intl, short_name, legal_form, ownership, vsic_main, vsic_other, address, unit_code,
                                   former_district, zone_id, established_on, status, status_since, legal_rep, phone, email, website)
          select tax_code, name_vi, name_intl, short_name, legal_form, ownership, vsic_main, coalesce(vsic_other, '{}'), address, unit_code,
                 former_district, zone_id, established_on, status, status_since, legal_rep, phone, email, website
          from json_populate_recordset(null::enterprises, ${json}::json)
          on conflict (tax_code) do update set
            name_vi = excluded.name_vi, name_intl = excluded.name_intl, short_name = excluded.short_name, legal_form = excluded.legal_form,
            ownership = excluded.ownership, vsic_main = excluded.vsic_main, vsic_other = excluded.vsic_other, address = excluded.address,
            unit_code = excluded.unit_code, former_district = excluded.former_district, zone_id = excluded.zone_id,
            established_on = excluded.established_on, status = excluded.status, status_since = excluded.status_since,
            legal_rep = excluded.legal_rep, phone = excluded.phone, email = excluded.email, website = excluded.website, updated_at = now()`);
        for (const p of batch) {
          audits.push({ tax_code: p.after.taxCode as string, action: p.before ? 'enterprise.import_update' : 'enterprise.import_create', before: p.before ? pick(p.before) : null, after: p.after });
        }
        written += batch.length;
        progress({ phase: 'write', done: written, total: changed.length + withFigures.length });
      }
      for (let i = 0; i < audits.length; i += WRITE_BATCH) {
        await tx.execute(sql`
          insert into audit_log (actor_id, actor_name, ip, entity, entity_id, action, before, after, request_id)
          select ${ctx.actor?.userId ?? null}::int, ${actorName}, ${ctx.ip || null}, 'enterprise', e.id::text, a.action, a.before, a.after, ${ctx.requestId || null}
          from json_to_recordset(${JSON.stringify(audits.slice(i, i + WRITE_BATCH))}::json) as a(tax_code text, action text, before jsonb, after jsonb)
          join enterprises e on e.tax_code = a.tax_code`);
      }
      for (let i = 0; i < withFigures.length; i += WRITE_BATCH) {
        const batch = withFigures.slice(i, i + WRITE_BATCH).map((r) => {
          const f = r.figures;
          if (!f) throw new Error('unreachable');
          return {
            tax_code: r.enterprise.taxCode, year: f.year, avg_insured_employees: f.avgInsuredEmployees, revenue_vnd: f.revenueVnd?.toString() ?? null,
            capital_vnd: f.capitalVnd.toString(), export_usd: f.exportUsd?.toString() ?? null, size_class: f.classification.class,
            sector_group: f.classification.reason.sectorGroup, rule_version: f.classification.ruleVersion, reason: f.classification.reason,
          };
        });
        await tx.execute(sql`
          insert into enterprise_figures (enterprise_id, year, avg_insured_employees, revenue_vnd, capital_vnd, export_usd, size_class, sector_group, rule_version, reason)
          select e.id, f.year, f.avg_insured_employees, f.revenue_vnd, f.capital_vnd, f.export_usd, f.size_class, f.sector_group, f.rule_version, f.reason
          from json_to_recordset(${JSON.stringify(batch, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}::json)
            as f(tax_code text, year int, avg_insured_employees numeric, revenue_vnd bigint, capital_vnd bigint, export_usd bigint, size_class text, sector_group text, rule_version text, reason jsonb)
          join enterprises e on e.tax_code = f.tax_code
          on conflict (enterprise_id, year) do update set avg_insured_employees = excluded.avg_insured_employees, revenue_vnd = excluded.revenue_vnd,
            capital_vnd = excluded.capital_vnd, export_usd = excluded.export_usd, size_class = excluded.size_class, sector_group = excluded.sector_group,
            rule_version = excluded.rule_version, reason = excluded.reason`);
        written += batch.length;
        progress({ phase: 'write', done: written, total: changed.length + withFigures.length });
      }
      if (withFigures.length) await refreshSizeClass(tx, 'all');
      return insertImportRun(tx, {
        kind: 'enterprises', fileName: input.fileName || 'upload', fileBytes: Buffer.from(input.bytes), dryRun: false, status: 'COMMITTED',
        counts, errorCount: 0, actorId: ctx.actor?.userId ?? null, actorName, finishedAt: new Date(),
      });
    });
    progress({ phase: 'done', done: total, total });
    return result(importId);
  };

  return { importEnterprises };
};

/** True when this row is the first occurrence of its tax code in the file. */
const first = (firstRowOf: Map<string, number>, taxCode: string | undefined, rowNumber: number) => !taxCode || firstRowOf.get(taxCode) === rowNumber;

export type TEnterpriseImportService = ReturnType<typeof createEnterpriseImportService>;
