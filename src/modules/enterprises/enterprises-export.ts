import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { queryRows, type TDb } from '../../db/client';
import { buildEnterpriseWhere } from './enterprises.repo';
import type { TEnterpriseFilter } from './enterprises.schemas';
import { ENTERPRISE_COLUMN_KEYS, ENTERPRISE_COLUMNS, type TEnterpriseColumn } from './enterprise-fields';

const PAGE = 5000;
const EXPORT_COLUMNS: (TEnterpriseColumn | 'size_class')[] = [...ENTERPRISE_COLUMN_KEYS, 'size_class'];

/**
 * Neutralises text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return
 * at the start) by prefixing an apostrophe.
 */
export const neutraliseFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

type TExportRow = Record<string, string | number | null>;

/** Pages through the filtered list by id (keyset), never holding more than one page. */
async function* readPages(db: TDb, filter: TEnterpriseFilter): AsyncGenerator<TExportRow[]> {
  const where = buildEnterpriseWhere(filter, { fuzzy: false });
  let lastId = 0;
  for (;;) {
    const rows = await queryRows<TExportRow & { id: number }>(
      db,
      sql`select enterprises.id, enterprises.tax_code, enterprises.name_vi, enterprises.name_intl, enterprises.short_name, enterprises.legal_form,
                 enterprises.ownership, enterprises.vsic_main, array_to_string(enterprises.vsic_other, ';') as vsic_other, enterprises.address,
                 enterprises.unit_code, enterprises.former_district, z.name as zone, enterprises.established_on::text as established_on,
                 enterprises.status, enterprises.status_since::text as status_since, enterprises.legal_rep, enterprises.phone, enterprises.email,
                 enterprises.website, f.year, f.avg_insured_employees::text as avg_insured_employees, f.revenue_vnd::text as revenue_vnd,
                 f.capital_vnd::text as capital_vnd, f.export_usd::text as export_usd, enterprises.size_class
          from enterprises
          left join industrial_zones z on z.id = enterprises.zone_id
          left join lateral (select * from enterprise_figures x where x.enterprise_id = enterprises.id order by x.year desc limit 1) f on true
          where enterprises.id > ${lastId} ${where ? sql`and ${where}` : sql``}
          order by enterprises.id limit ${PAGE}`,
    );
    if (rows.length === 0) return;
    yield rows;
    lastId = Number(rows[rows.length - 1].id);
    if (rows.length < PAGE) return;
  }
}

const header = (lang: 'vi' | 'en') => EXPORT_COLUMNS.map((c) => (c === 'size_class' ? (lang === 'vi' ? 'Quy mô (DNNVV)' : 'Size class') : ENTERPRISE_COLUMNS[c][lang]));
const cell = (v: string | number | null): string => (v === null || v === undefined ? '' : neutraliseFormula(String(v)));

/** Streams the filtered list as UTF-8 CSV with a BOM (so Excel reads the Vietnamese correctly). */
export const streamEnterprisesCsv = (db: TDb, filter: TEnterpriseFilter, lang: 'vi' | 'en'): Readable =>
  Readable.from(
    (async function* () {
      yield '\ufeff' + stringify([header(lang)]);
      for await (const page of readPages(db, filter)) yield stringify(page.map((r) => EXPORT_COLUMNS.map((c) => cell(r[c]))));
    })(),
  );

/** Streams the filtered list as XLSX with exceljs' streaming writer (rows are committed as they go). */
export const streamEnterprisesXlsx = (db: TDb, filter: TEnterpriseFilter, lang: 'vi' | 'en'): Readable => {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(lang === 'vi' ? 'DoanhNghiep' : 'Enterprises', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header(lang).map((h) => ({ header: h, width: Math.min(40, Math.max(12, h.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    for await (const page of readPages(db, filter)) {
      for (const r of page) sheet.addRow(EXPORT_COLUMNS.map((c) => cell(r[c]))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
};
