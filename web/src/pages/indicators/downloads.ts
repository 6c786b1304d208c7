/**
 * Downloads of the indicators page: tables as XLSX (exceljs is loaded on the first click only)
 * and charts as PNG. Numbers are written already rounded for publication, so that the workbook
 * shows the figures of the page whatever Excel's own rounding does.
 */

/** Saves a data: or blob: URL as a file through a temporary link. */
export const saveUrl = (url: string, fileName: string): void => {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
};

export type TCell = string | number | null;

export type TXlsxTable = {
  /** Worksheet name (cut to Excel's 31 characters). */
  sheet: string;
  /** Lines written above the table (title, period, comparison). */
  title: string[];
  headers: string[];
  rows: TCell[][];
  /** Excel number formats by column index ('#,##0.0', '0.00'). */
  numberFormats?: Record<number, string>;
  /** Rows (indices into `rows`) written in bold: totals. */
  boldRows?: number[];
  /** Indentation of the first column by row (tree levels). */
  indents?: number[];
};

const WORKSHEET_NAME = /[[\]:*?/\\]/g;

/** Builds an XLSX workbook with one sheet per table and saves it. */
export const saveXlsx = async (tables: TXlsxTable[], fileName: string): Promise<void> => {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  for (const table of tables) {
    const worksheet = workbook.addWorksheet(table.sheet.replace(WORKSHEET_NAME, ' ').slice(0, 31));
    table.title.forEach((line, index) => {
      worksheet.addRow([line]).font = index === 0 ? { bold: true, size: 13 } : { italic: true };
    });
    worksheet.addRow([]);
    const header = worksheet.addRow(table.headers);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FC' } };
    });
    const bold = new Set(table.boldRows ?? []);
    table.rows.forEach((values, index) => {
      const row = worksheet.addRow(values.map((value) => value ?? null));
      if (bold.has(index)) row.font = { bold: true };
      const indent = table.indents?.[index];
      if (indent) row.getCell(1).alignment = { indent };
    });
    table.headers.forEach((_header, index) => {
      const column = worksheet.getColumn(index + 1);
      column.width = index === 0 ? 40 : 18;
      const numberFormat = table.numberFormats?.[index];
      if (numberFormat) column.numFmt = numberFormat;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  try {
    saveUrl(url, fileName);
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
};

/** Excel number formats of the page's figures. */
export const XLSX_FORMATS = { index: '0.00', growth: '0.0', pp: '0.00', amount: '#,##0.0', share: '0.0', quantity: '#,##0.###' } as const;
