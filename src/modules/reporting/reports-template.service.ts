import ExcelJS from 'exceljs';
import { AppError, forbidden } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { hasPermission } from '../auth/auth.policy';
import type { TReportKey } from './reporting.repo';
import type { TReportingService } from './reporting.service';

/** The data sheet of the template; the upload refuses a workbook without it. */
export const TEMPLATE_SHEET = 'BaoCao';
/** A very hidden sheet naming the form, enterprise and period the file was made for. */
const META_SHEET = '_meta';

/** Columns of the data sheet, in order. Only value and comment are meant to be filled. */
const COLUMNS = [
  { key: 'item', letter: 'A', vi: 'Mã chỉ tiêu', en: 'Item code', width: 22 },
  { key: 'label', letter: 'B', vi: 'Tên chỉ tiêu', en: 'Item', width: 46 },
  { key: 'unit', letter: 'C', vi: 'Đơn vị tính', en: 'Unit', width: 14 },
  { key: 'required', letter: 'D', vi: 'Bắt buộc', en: 'Required', width: 10 },
  { key: 'previousMonth', letter: 'E', vi: 'Tháng trước', en: 'Last month', width: 14 },
  { key: 'sameMonthLastYear', letter: 'F', vi: 'Cùng kỳ năm trước', en: 'Same month last year', width: 18 },
  { key: 'value', letter: 'G', vi: 'Giá trị', en: 'Value', width: 16 },
  { key: 'comment', letter: 'H', vi: 'Ghi chú, giải trình', en: 'Comment', width: 40 },
] as const;
type TColumnKey = (typeof COLUMNS)[number]['key'];
const column = (key: TColumnKey) => COLUMNS.find((c) => c.key === key) ?? COLUMNS[0];

export type TTemplateError = { row: number | null; column: string | null; message: string };

const cellValue = (value: ExcelJS.CellValue): unknown => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return `#${String(value.error)}`;
  }
  return value;
};
const cellText = (value: ExcelJS.CellValue): string => {
  const v = cellValue(value);
  if (v === null) return '';
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
};

/** A quantity typed in a cell: an Excel number, or text like "1234.5" / "1234,5" (no thousands separators). */
const parseQuantity = (raw: unknown): number | null => {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : Number.NaN;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return null;
  return /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
};

/**
 * The prefilled XLSX template of one report (per form, enterprise and month) and its upload:
 * download it with the items, units, previous values and the current draft; fill in the value and
 * comment columns; upload it back. The upload checks the file (sheet, header, the form/enterprise/
 * month it was made for, item codes unchanged, numbers ≥ 0) and names row and column of every
 * problem; then it saves the values as the draft through the same use case as the entry page
 * (hard rules, lock, frame, history, audit). Nothing is stored when anything is wrong.
 */
export const createReportsTemplateService = ({ reportingService }: { reportingService: Pick<TReportingService, 'getReport' | 'saveDraft'> }) => {
  /** Builds the template; the caller must be allowed to read the report (checked by getReport). */
  const buildTemplate = async (ctx: TRequestContext, k: TReportKey, lang: 'vi' | 'en'): Promise<{ fileName: string; buffer: Buffer }> => {
    const report = await reportingService.getReport(ctx, k);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'congthuong';
    const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ header: c[lang], key: c.key, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
    for (const item of report.items) {
      const row = sheet.addRow({
        item: item.item,
        label: lang === 'vi' ? item.labelVi : item.labelEn,
        unit: item.unit,
        required: item.isRequired ? (lang === 'vi' ? 'x' : 'yes') : '',
        previousMonth: item.previousMonth,
        sameMonthLastYear: item.sameMonthLastYear,
        value: item.value,
        comment: item.comment,
      });
      for (const key of ['value', 'comment'] as const) {
        const cell = row.getCell(key);
        cell.protection = { locked: false };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
      }
    }
    const last = report.items.length + 1;
    const validations = (sheet as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }).dataValidations;
    validations.add(`${column('value').letter}2:${column('value').letter}${last}`, {
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorTitle: lang === 'vi' ? 'Giá trị không hợp lệ' : 'Invalid value',
      error: lang === 'vi' ? 'Nhập một số không âm' : 'Enter a number ≥ 0',
    });
    for (const key of ['previousMonth', 'sameMonthLastYear', 'value'] as const) sheet.getColumn(key).numFmt = '#,##0.###';
    // Codes and labels are protected against accidental edits (no password: it is a guard, not security).
    await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });

    const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
    meta.addRows([
      ['form_code', report.form.code],
      ['tax_code', report.enterprise.taxCode],
      ['enterprise_id', report.enterprise.id],
      ['period', report.period],
      ['name', report.enterprise.nameVi],
    ]);
    return { fileName: `bao-cao-${report.form.code}-${report.enterprise.taxCode}-${report.period}.xlsx`, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
  };

  const refuse = (errors: TTemplateError[]): never => {
    const first = errors[0];
    const where = first.row === null ? '' : `row ${first.row}${first.column ? `, column ${first.column}` : ''}: `;
    throw new AppError('IMPORT_INVALID', `${errors.length} error(s) in the file; nothing was stored (${where}${first.message})`, { errors });
  };

  /** Reads the uploaded template into cells; refuses (400, row and column named) anything else. */
  const readTemplate = async (bytes: Uint8Array, k: TReportKey, items: ReadonlySet<string>): Promise<{ item: string; value: number; comment: string | null }[]> => {
    if (bytes.length === 0) refuse([{ row: null, column: null, message: 'the file is empty (0 bytes)' }]);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      refuse([{ row: null, column: null, message: 'the file is not a readable XLSX workbook; download the template again' }]);
    }
    const sheet = workbook.getWorksheet(TEMPLATE_SHEET);
    if (!sheet) refuse([{ row: null, column: null, message: `the workbook has no sheet "${TEMPLATE_SHEET}" (sheets: ${workbook.worksheets.map((w) => `"${w.name}"`).join(', ')}); download the template again` }]);
    const data = sheet as ExcelJS.Worksheet;
    const meta = workbook.getWorksheet(META_SHEET);
    if (meta) {
      const read = (r: number) => cellText(meta.getRow(r).getCell(2).value);
      const made = { formCode: read(1), enterpriseId: Number(read(3)), period: read(4) };
      if (made.formCode !== k.formCode || made.enterpriseId !== k.enterpriseId || made.period !== k.period) {
        refuse([{ row: null, column: null, message: `the file was made for form ${made.formCode}, enterprise ${read(2)}, period ${made.period}; it cannot be uploaded to ${k.formCode} ${k.period} of this enterprise` }]);
      }
    }
    const errors: TTemplateError[] = [];
    const header = data.getRow(1);
    for (const c of COLUMNS) {
      const text = cellText(header.getCell(c.letter).value);
      if (text !== c.vi && text !== c.en) errors.push({ row: 1, column: c.letter, message: `the header should be "${c.vi}" (found "${text}"); do not move or rename columns` });
    }
    if (errors.length) refuse(errors);
    const cells: { item: string; value: number; comment: string | null }[] = [];
    const seen = new Map<string, number>();
    const name = (key: TColumnKey) => `${column(key).letter} (${column(key).vi})`;
    data.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const item = cellText(row.getCell(column('item').letter).value);
      const rawValue = cellValue(row.getCell(column('value').letter).value);
      const comment = cellText(row.getCell(column('comment').letter).value);
      if (!item && (rawValue === null || rawValue === '') && !comment) return;
      if (!items.has(item)) {
        errors.push({ row: rowNumber, column: name('item'), message: item ? `"${item}" is not an item of this form; do not change the item codes` : 'the item code is missing' });
        return;
      }
      const previous = seen.get(item);
      if (previous !== undefined) errors.push({ row: rowNumber, column: name('item'), message: `"${item}" already appears on row ${previous}` });
      seen.set(item, rowNumber);
      const value = parseQuantity(rawValue);
      if (value === null) {
        if (comment) errors.push({ row: rowNumber, column: name('value'), message: 'a comment without a value; enter the value' });
        return;
      }
      if (Number.isNaN(value)) errors.push({ row: rowNumber, column: name('value'), message: `"${String(rawValue)}" is not a number` });
      else if (value < 0) errors.push({ row: rowNumber, column: name('value'), message: 'must not be negative' });
      else if (comment.length > 2000) errors.push({ row: rowNumber, column: name('comment'), message: 'longer than 2000 characters' });
      else cells.push({ item, value, comment: comment || null });
    });
    if (errors.length) refuse(errors);
    return cells;
  };

  /**
   * Saves an uploaded template as the report's draft. Enterprise users only for their own
   * enterprise, officers (reports.review) for any; the permission is checked before the file is parsed.
   */
  const uploadTemplate = async (ctx: TRequestContext, k: TReportKey, bytes: Uint8Array) => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    const isAllowed = actor.role === 'ENTERPRISE' ? actor.enterpriseIds.includes(k.enterpriseId) : hasPermission(actor, 'reports.review');
    if (!isAllowed) throw forbidden('You may only fill in your own reports');
    const report = await reportingService.getReport(ctx, k);
    const cells = await readTemplate(bytes, k, new Set(report.items.map((i) => i.item)));
    const saved = await reportingService.saveDraft(ctx, k, cells);
    return { ...saved, cells: cells.length };
  };

  return { buildTemplate, uploadTemplate };
};

export type TReportsTemplateService = ReturnType<typeof createReportsTemplateService>;
