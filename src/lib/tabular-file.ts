import { CsvSyntaxError, readCsvRecords } from './csv-reader';

/** A problem in an uploaded file, located by row (1-based, header = row 1) and column name. */
export type TRowError = { row: number; column: string | null; message: string };

/** Raised when a file as a whole cannot be read (encoding, empty, size, missing columns). */
export class FileFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileFormatError';
  }
}

/**
 * Decodes bytes as UTF-8 and refuses anything else (rather than storing mojibake).
 * Strips a byte-order mark.
 */
export const decodeUtf8Strict = (bytes: Uint8Array): string => {
  if (bytes.length === 0) throw new FileFormatError('The file is empty (0 bytes)');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new FileFormatError(
      'The file is not valid UTF-8 text. Save it as "CSV UTF-8 (Comma delimited)" in Excel, or convert it (e.g. from Windows-1258/TCVN3) to UTF-8, and upload again',
    );
  }
};

/** A row of cells with its line (CSV) or row number (XLSX) in the file, for error messages. */
export type TSheetRow = { line: number; cells: string[] };

/** Parses CSV text into rows of cells (RFC 4180; quoted fields may hold commas and line breaks). */
export const parseCsvRows = (text: string): TSheetRow[] => {
  const rows: TSheetRow[] = [];
  try {
    readCsvRecords(text, (cells, line) => {
      if (cells.some((c) => c !== '')) rows.push({ line, cells });
    });
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new FileFormatError(`The CSV file cannot be parsed at line ${error.line}: ${error.message}`);
    throw error;
  }
  return rows;
};

/**
 * Maps rows of cells (first row = header) to records keyed by canonical column names. `aliases`
 * maps each canonical name to the header spellings accepted (Vietnamese or English, compared
 * without case or diacritics).
 */
export const mapRecords = <TKey extends string>(
  records: TSheetRow[],
  { aliases, required }: { aliases: Record<TKey, string[]>; required: TKey[] },
): { rows: { rowNumber: number; values: Partial<Record<TKey, string>> }[]; columns: TKey[] } => {
  if (records.length === 0) throw new FileFormatError('The file has no header row');
  const header = records[0].cells.map(normaliseHeader);
  const index = new Map<TKey, number>();
  const keys = Object.keys(aliases) as TKey[];
  for (const key of keys) {
    const accepted = [key, ...aliases[key]].map(normaliseHeader);
    const at = header.findIndex((h) => accepted.includes(h));
    if (at >= 0) index.set(key, at);
  }
  const missing = required.filter((k) => !index.has(k));
  if (missing.length) throw new FileFormatError(`Missing required column(s): ${missing.join(', ')}`);
  const rows = records.slice(1).map(({ line, cells }) => {
    const values: Partial<Record<TKey, string>> = {};
    for (const [key, at] of index) values[key] = (cells[at] ?? '').trim();
    return { rowNumber: line, values };
  });
  return { rows, columns: [...index.keys()] };
};

/** Parses CSV text into records keyed by canonical column names (see mapRecords). */
export const parseCsvRecords = <TKey extends string>(text: string, options: { aliases: Record<TKey, string[]>; required: TKey[] }) =>
  mapRecords(parseCsvRows(text), options);

/** Header names compared without case, diacritics, spaces or punctuation. */
export const normaliseHeader = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** True for a valid calendar date written YYYY-MM-DD. */
export const isIsoDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
