import ExcelJS from 'exceljs';
import { FileFormatError, type TSheetRow } from './tabular-file';

/** Sheets whose name starts with "_" hold lists for drop-downs and are ignored (templates). */
const isDataSheet = (ws: ExcelJS.Worksheet) => !ws.name.startsWith('_') && ws.state === 'visible' && ws.actualRowCount > 0;

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
};

/**
 * Reads the one data sheet of an XLSX file as rows of cell texts (first row = header).
 * Refuses workbooks with several data sheets and headers with merged cells.
 */
export const readXlsxRows = async (bytes: Uint8Array): Promise<TSheetRow[]> => {
  if (bytes.length === 0) throw new FileFormatError('The file is empty (0 bytes)');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new FileFormatError('The file is not a readable XLSX workbook (save it as .xlsx, or upload a UTF-8 CSV)');
  }
  const sheets = workbook.worksheets.filter(isDataSheet);
  if (sheets.length === 0) throw new FileFormatError('The workbook has no sheet with data');
  if (sheets.length > 1) {
    throw new FileFormatError(`The workbook has ${sheets.length} sheets with data (${sheets.map((s) => `"${s.name}"`).join(', ')}); keep the data on one sheet`);
  }
  const sheet = sheets[0];
  const merges: string[] = (sheet.model as unknown as { merges?: string[] }).merges ?? [];
  const headerMerge = merges.find((range) => /^[A-Z]+1:/.test(range));
  if (headerMerge) throw new FileFormatError(`The header row has merged cells (${headerMerge}); unmerge them so each column has its own title`);
  const rows: TSheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim());
    if (cells.some(Boolean)) rows.push({ line: row.number, cells });
  });
  return rows;
};
