/** Saves a data: or blob: URL as a file through a temporary link. */
export const saveUrl = (url: string, fileName: string): void => {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
};

export type TSheet = {
  /** Worksheet name (cut to Excel's 31 characters). */
  name: string;
  /** A title written above the table. */
  title: string;
  headers: string[];
  rows: (string | number)[][];
  /** Excel number formats by column index (e.g. '#,##0', '0.0%'). */
  numberFormats?: Record<number, string>;
};

/** Builds an XLSX workbook in the browser (exceljs is loaded only now) and saves it. */
export const saveXlsx = async (sheet: TSheet, fileName: string): Promise<void> => {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const worksheet = workbook.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  worksheet.addRow([sheet.title]).font = { bold: true, size: 13 };
  worksheet.addRow([]);
  const header = worksheet.addRow(sheet.headers);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FC' } };
  });
  for (const row of sheet.rows) worksheet.addRow(row);
  sheet.headers.forEach((_header, index) => {
    const column = worksheet.getColumn(index + 1);
    column.width = index === 0 ? 48 : 18;
    const numberFormat = sheet.numberFormats?.[index];
    if (numberFormat) column.numFmt = numberFormat;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  try {
    saveUrl(url, fileName);
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
};
