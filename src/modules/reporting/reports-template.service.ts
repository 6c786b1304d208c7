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
type TLang = 'vi' | 'en';

/** Messages of the upload checks, in the language of the person uploading (enterprises read Vietnamese). */
const MESSAGES = {
  empty: { en: () => 'the file is empty (0 bytes)', vi: () => 'tệp rỗng (0 byte)' },
  unreadable: { en: () => 'the file is not a readable XLSX workbook; download the template again', vi: () => 'tệp không phải bảng tính XLSX đọc được; hãy tải lại mẫu' },
  noSheet: {
    en: (sheets: string) => `the workbook has no sheet "${TEMPLATE_SHEET}" (sheets: ${sheets}); download the template again`,
    vi: (sheets: string) => `bảng tính không có trang "${TEMPLATE_SHEET}" (các trang: ${sheets}); hãy tải lại mẫu`,
  },
  otherReport: {
    en: (made: string, target: string) => `the file was made for form ${made} (form, tax code, period); it cannot be uploaded to ${target}`,
    vi: (made: string, target: string) => `tệp được tạo cho biểu mẫu ${made} (biểu mẫu, mã số thuế, kỳ); không tải lên được cho ${target}`,
  },
  header: {
    en: (expected: string, found: string) => `the header should be "${expected}" (found "${found}"); do not move or rename columns`,
    vi: (expected: string, found: string) => `tiêu đề cột phải là "${expected}" (đang là "${found}"); không di chuyển hoặc đổi tên cột`,
  },
  unknownItem: { en: (item: string) => `"${item}" is not an item of this form; do not change the item codes`, vi: (item: string) => `"${item}" không phải chỉ tiêu của biểu mẫu; không sửa mã chỉ tiêu` },
  missingItem: { en: () => 'the item code is missing', vi: () => 'thiếu mã chỉ tiêu' },
  duplicate: { en: (item: string, row: number) => `"${item}" already appears on row ${row}`, vi: (item: string, row: number) => `"${item}" đã có ở dòng ${row}` },
  commentOnly: { en: () => 'a comment without a value; enter the value', vi: () => 'có ghi chú nhưng chưa có số liệu; hãy nhập số liệu' },
  notANumber: { en: (raw: string) => `"${raw}" is not a number`, vi: (raw: string) => `"${raw}" không phải là số` },
  negative: { en: () => 'must not be negative', vi: () => 'không được là số âm' },
  tooLong: { en: () => 'longer than 2000 characters', vi: () => 'dài quá 2000 ký tự' },
  summary: {
    en: (count: number, where: string, first: string) => `${count} error(s) in the file; nothing was stored (${where}${first})`,
    vi: (count: number, where: string, first: string) => `Tệp có ${count} lỗi; chưa lưu số liệu nào (${where}${first})`,
  },
  where: { en: (row: number, column: string | null) => `row ${row}${column ? `, column ${column}` : ''}: `, vi: (row: number, column: string | null) => `dòng ${row}${column ? `, cột ${column}` : ''}: ` },
} as const;

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

  /** Reads the uploaded template into cells; refuses (400, row and column named) anything else. */
  const readTemplate = async (bytes: Uint8Array, k: TReportKey, items: ReadonlySet<string>, lang: TLang): Promise<{ item: string; value: number; comment: string | null }[]> => {
    const refuse = (errors: TTemplateError[]): never => {
      const first = errors[0];
      const where = first.row === null ? '' : MESSAGES.where[lang](first.row, first.column);
      throw new AppError('IMPORT_INVALID', MESSAGES.summary[lang](errors.length, where, first.message), { errors });
    };
    if (bytes.length === 0) refuse([{ row: null, column: null, message: MESSAGES.empty[lang]() }]);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      refuse([{ row: null, column: null, message: MESSAGES.unreadable[lang]() }]);
    }
    const sheet = workbook.getWorksheet(TEMPLATE_SHEET);
    if (!sheet) refuse([{ row: null, column: null, message: MESSAGES.noSheet[lang](workbook.worksheets.map((w) => `"${w.name}"`).join(', ')) }]);
    const data = sheet as ExcelJS.Worksheet;
    const meta = workbook.getWorksheet(META_SHEET);
    if (meta) {
      const read = (r: number) => cellText(meta.getRow(r).getCell(2).value);
      const made = { formCode: read(1), enterpriseId: Number(read(3)), period: read(4) };
      if (made.formCode !== k.formCode || made.enterpriseId !== k.enterpriseId || made.period !== k.period) {
        refuse([{ row: null, column: null, message: MESSAGES.otherReport[lang](`${made.formCode}, ${read(2)}, ${made.period}`, `${k.formCode}, ${k.period}`) }]);
      }
    }
    const errors: TTemplateError[] = [];
    const header = data.getRow(1);
    for (const c of COLUMNS) {
      const text = cellText(header.getCell(c.letter).value);
      if (text !== c.vi && text !== c.en) errors.push({ row: 1, column: c.letter, message: MESSAGES.header[lang](c[lang], text) });
    }
    if (errors.length) refuse(errors);
    const cells: { item: string; value: number; comment: string | null }[] = [];
    const seen = new Map<string, number>();
    const name = (key: TColumnKey) => `${column(key).letter} (${column(key)[lang]})`;
    data.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const item = cellText(row.getCell(column('item').letter).value);
      const rawValue = cellValue(row.getCell(column('value').letter).value);
      const comment = cellText(row.getCell(column('comment').letter).value);
      if (!item && (rawValue === null || rawValue === '') && !comment) return;
      if (!items.has(item)) {
        errors.push({ row: rowNumber, column: name('item'), message: item ? MESSAGES.unknownItem[lang](item) : MESSAGES.missingItem[lang]() });
        return;
      }
      const previous = seen.get(item);
      if (previous !== undefined) errors.push({ row: rowNumber, column: name('item'), message: MESSAGES.duplicate[lang](item, previous) });
      seen.set(item, rowNumber);
      const value = parseQuantity(rawValue);
      if (value === null) {
        if (comment) errors.push({ row: rowNumber, column: name('value'), message: MESSAGES.commentOnly[lang]() });
        return;
      }
      if (Number.isNaN(value)) errors.push({ row: rowNumber, column: name('value'), message: MESSAGES.notANumber[lang](String(rawValue)) });
      else if (value < 0) errors.push({ row: rowNumber, column: name('value'), message: MESSAGES.negative[lang]() });
      else if (comment.length > 2000) errors.push({ row: rowNumber, column: name('comment'), message: MESSAGES.tooLong[lang]() });
      else cells.push({ item, value, comment: comment || null });
    });
    if (errors.length) refuse(errors);
    return cells;
  };

  /**
   * Saves an uploaded template as the report's draft. Enterprise users only for their own
   * enterprise, officers (reports.review) for any; the permission is checked before the file is parsed.
   */
  const uploadTemplate = async (ctx: TRequestContext, k: TReportKey, bytes: Uint8Array, lang: TLang = 'en') => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    const isAllowed = actor.role === 'ENTERPRISE' ? actor.enterpriseIds.includes(k.enterpriseId) : hasPermission(actor, 'reports.review');
    if (!isAllowed) throw forbidden('You may only fill in your own reports');
    const report = await reportingService.getReport(ctx, k);
    const cells = await readTemplate(bytes, k, new Set(report.items.map((i) => i.item)), lang);
    const saved = await reportingService.saveDraft(ctx, k, cells);
    return { ...saved, cells: cells.length };
  };

  return { buildTemplate, uploadTemplate };
};

export type TReportsTemplateService = ReturnType<typeof createReportsTemplateService>;
