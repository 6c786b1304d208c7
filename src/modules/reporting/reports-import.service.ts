import { sql } from 'drizzle-orm';
import { queryRows, type TDb } from '../../db/client';
import { decodeUtf8Strict, FileFormatError, mapRecords, parseCsvRows, type TRowError } from '../../lib/tabular-file';
import { AppError } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { todayInVietnam } from '../enterprises/enterprises.service';
import { OWNERSHIP_GROUP } from '../statistics/statistics.repo';
import type { TStatisticsService } from '../statistics/statistics.service';
import { RETAIL_COMPONENTS } from '../../domain/stats/stats.types';
import { acceptCells, findCells, findReport, insertHistory, insertReport, listForms, listProducts, updateReport, upsertCell } from './reporting.repo';
import { reportDates } from './reporting.service';

const COLUMNS = {
  form_code: ['bieu mau', 'form'],
  tax_code: ['ma so thue', 'mst'],
  period: ['ky', 'thang', 'ky bao cao'],
  item: ['chi tieu', 'san pham', 'ma chi tieu'],
  value: ['gia tri', 'so luong'],
  comment: ['ghi chu', 'giai trinh'],
  revision: ['lan sua', 'phien ban'],
} as const;
type TColumn = keyof typeof COLUMNS;

export type TReportsImportResult = { dryRun: boolean; period: string | null; rows: number; reportsNew: number; reportsUpdated: number; cells: number; errors: TRowError[]; recomputeMs: number | null };

/**
 * Bulk feed of monthly reports (e.g. from the statistics office): one period per file, every row
 * validated (form, enterprise in the frame, item of the form, value ≥ 0, duplicates, revision not
 * lower than the stored one, period ended and not locked). A real run stores every report as
 * accepted, all or nothing, then recomputes the indicators from that period.
 */
export const createReportsImportService = ({ db, statisticsService }: { db: TDb; statisticsService: Pick<TStatisticsService, 'recompute'> }) => {
  const importReports = async (ctx: TRequestContext, input: { fileName: string; bytes: Uint8Array; dryRun: boolean }): Promise<TReportsImportResult> => {
    let parsed;
    try {
      parsed = mapRecords<TColumn>(parseCsvRows(decodeUtf8Strict(input.bytes)), {
        aliases: Object.fromEntries(Object.entries(COLUMNS).map(([k, v]) => [k, [...v]])) as unknown as Record<TColumn, string[]>,
        required: ['form_code', 'tax_code', 'period', 'item', 'value'],
      });
    } catch (error) {
      if (error instanceof FileFormatError) throw new AppError('IMPORT_INVALID', error.message, { errors: [{ row: null, column: null, message: error.message }] });
      throw error;
    }
    if (parsed.rows.length === 0) throw new AppError('IMPORT_INVALID', 'The file has a header but no data rows', { errors: [] });
    const errors: TRowError[] = [];
    const err = (row: number, column: TColumn | null, message: string) => errors.push({ row, column, message });

    const periods = [...new Set(parsed.rows.map((r) => r.values.period ?? ''))];
    if (periods.length > 1) throw new AppError('IMPORT_INVALID', `The file mixes periods (${periods.slice(0, 5).join(', ')}); send one period per file`, { errors: [{ row: null, column: 'period', message: 'mixed periods' }] });
    const period = periods[0];
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new AppError('IMPORT_INVALID', `"${period}" is not a period YYYY-MM`, { errors: [{ row: 2, column: 'period', message: 'expected YYYY-MM' }] });
    if (period >= todayInVietnam().slice(0, 7)) throw new AppError('IMPORT_INVALID', `The period ${period} has not ended yet`, { errors: [{ row: 2, column: 'period', message: 'in the future' }] });

    const forms = new Map((await listForms(db)).map((f) => [f.code, f]));
    const products = new Set((await listProducts(db)).map((p) => p.code));
    const taxCodes = [...new Set(parsed.rows.map((r) => r.values.tax_code ?? ''))];
    const found = await queryRows<{ id: number; tax_code: string; ownership: string }>(db, sql`select id, tax_code, ownership from enterprises where tax_code in (select jsonb_array_elements_text(${JSON.stringify(taxCodes)}::jsonb))`);
    const enterpriseByTax = new Map(found.map((e) => [e.tax_code, e]));
    const frame = new Set(
      (await queryRows<{ k: string }>(db, sql`select form_code || '|' || enterprise_id as k from report_frame where active_from <= ${period} and (active_to is null or active_to >= ${period})`)).map((r) => r.k),
    );
    type TGroup = { formCode: string; enterpriseId: number; revision: number | null; cells: Map<string, { value: number; comment: string | null }> };
    const groups = new Map<string, TGroup>();
    const now = new Date();
    for (const { rowNumber, values } of parsed.rows) {
      const form = forms.get(values.form_code ?? '');
      if (!form) {
        err(rowNumber, 'form_code', `unknown form "${values.form_code}"`);
        continue;
      }
      if (now >= reportDates(period, form).locksAt) err(rowNumber, 'period', `${period} is locked for ${form.code}`);
      const enterprise = enterpriseByTax.get(values.tax_code ?? '');
      if (!enterprise) {
        err(rowNumber, 'tax_code', `no enterprise with tax code "${values.tax_code}"`);
        continue;
      }
      if (!frame.has(`${form.code}|${enterprise.id}`)) err(rowNumber, 'tax_code', `${values.tax_code} is not in the frame of ${form.code} for ${period}`);
      const item = values.item ?? '';
      const group = OWNERSHIP_GROUP[enterprise.ownership];
      const isKnown = form.kind === 'IIP' ? products.has(item) : form.kind === 'WORKFORCE' ? item === 'WORKERS' : form.code.startsWith('EXPORT') ? item === `EXPORT|${group}` : RETAIL_COMPONENTS.some((c) => item === `${c}|${group}`);
      if (!isKnown) err(rowNumber, 'item', `"${item}" is not an item of ${form.code} for this enterprise`);
      const value = Number((values.value ?? '').replace(',', '.'));
      if (!values.value || !Number.isFinite(value)) err(rowNumber, 'value', `"${values.value}" is not a number`);
      else if (value < 0) err(rowNumber, 'value', 'must not be negative');
      const revisionText = values.revision ?? '';
      const revision = revisionText === '' ? null : Number(revisionText);
      if (revision !== null && (!Number.isInteger(revision) || revision < 0)) err(rowNumber, 'revision', `"${revisionText}" must be a whole number ≥ 0`);
      const key = `${form.code}|${enterprise.id}`;
      const g = groups.get(key) ?? { formCode: form.code, enterpriseId: enterprise.id, revision, cells: new Map() };
      if (g.cells.has(item)) err(rowNumber, 'item', `duplicate row for ${values.tax_code} ${item}`);
      g.cells.set(item, { value, comment: values.comment || null });
      groups.set(key, g);
    }
    let reportsNew = 0;
    let reportsUpdated = 0;
    for (const g of groups.values()) {
      const existing = await findReport(db, { formCode: g.formCode, enterpriseId: g.enterpriseId, period });
      if (!existing) reportsNew++;
      else {
        reportsUpdated++;
        if (g.revision !== null && existing.acceptedRevision !== null && g.revision < existing.acceptedRevision) {
          const row = parsed.rows.find((r) => r.values.form_code === g.formCode && enterpriseByTax.get(r.values.tax_code ?? '')?.id === g.enterpriseId)?.rowNumber ?? 0;
          err(row, 'revision', `revision ${g.revision} is lower than the stored revision ${existing.acceptedRevision}`);
        }
      }
    }
    const cellCount = [...groups.values()].reduce((s, g) => s + g.cells.size, 0);
    const result: TReportsImportResult = { dryRun: input.dryRun, period, rows: parsed.rows.length, reportsNew, reportsUpdated, cells: cellCount, errors: errors.sort((a, b) => a.row - b.row), recomputeMs: null };
    if (input.dryRun) return result;
    if (errors.length) throw new AppError('IMPORT_INVALID', `${errors.length} error(s) in the file; nothing was stored`, result);

    await db.transaction(async (tx) => {
      for (const g of groups.values()) {
        const key = { formCode: g.formCode, enterpriseId: g.enterpriseId, period };
        const before = await findReport(tx, key, { forUpdate: true });
        const report = before ?? (await insertReport(tx, { ...key, status: 'DRAFT' }));
        const oldCells = await findCells(tx, report.id);
        const history = [];
        for (const [item, c] of g.cells) {
          await upsertCell(tx, { reportId: report.id, item, value: c.value, comment: c.comment });
          history.push({ reportId: report.id, item, oldValue: oldCells.find((o) => o.item === item)?.value ?? null, newValue: c.value, comment: c.comment, actorId: ctx.actor?.userId ?? null, actorName: ctx.actor?.username ?? ctx.systemActor ?? 'import' });
        }
        await insertHistory(tx, history);
        await acceptCells(tx, report.id);
        const acceptedRevision = g.revision ?? (report.acceptedRevision === null ? 0 : report.acceptedRevision + 1);
        await updateReport(tx, report.id, { status: 'ACCEPTED', acceptedRevision, revision: acceptedRevision, submittedAt: report.submittedAt ?? now, decidedAt: now, decidedBy: ctx.actor?.userId ?? null });
        await recordAudit(tx, ctx, { entity: 'report', entityId: report.id, action: 'report.import', before: before ? { status: before.status, acceptedRevision: before.acceptedRevision } : null, after: { status: 'ACCEPTED', acceptedRevision, cells: [...g.cells].map(([item, c]) => ({ item, value: c.value })), file: input.fileName } });
      }
    });
    const started = performance.now();
    await statisticsService.recompute({ from: period, reason: `import ${input.fileName}` });
    return { ...result, recomputeMs: Math.round(performance.now() - started) };
  };
  return { importReports };
};

export type TReportsImportService = ReturnType<typeof createReportsImportService>;
