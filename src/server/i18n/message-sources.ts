import fs from 'node:fs';
import path from 'node:path';

/**
 * Collects the English message literals of the source (for the catalogue coverage test and to
 * list what still lacks a translation): the message of every `new AppError(code, '…')`, the
 * names given to `notFound('…')`, and the row/column/file messages of the import modules.
 * Interpolations `${…}` become sample values.
 */

/** Files whose messages end up as row errors of an import (or the file errors of the shared readers). */
export const IMPORT_MODULE_FILES = [
  'src/lib/tabular-file.ts',
  'src/lib/xlsx-file.ts',
  'src/lib/csv-reader.ts',
  'src/lib/multipart.ts',
  'src/domain/sme/sme.ts',
  'src/modules/enterprises/enterprise-validation.ts',
  'src/modules/enterprises/enterprises-import.service.ts',
  'src/modules/reporting/reports-import.service.ts',
  'src/modules/reporting/reporting-rules.ts',
  'src/modules/basket/basket-rules.ts',
  'src/modules/basket/basket.service.ts',
  'src/modules/procedures/procedures-import.ts',
  'src/modules/procedures/procedures.service.ts',
  'src/modules/units/units.service.ts',
];

export type TSourceMessage = { file: string; line: number; literal: string; sample: string };

/** Reads the string or template literal starting at `at` (a quote or backtick); null if none. */
const readLiteral = (src: string, at: number): { raw: string; parts: string[]; end: number } | null => {
  const quote = src[at];
  if (quote !== "'" && quote !== '"' && quote !== '`') return null;
  let i = at + 1;
  const parts: string[] = [];
  let text = '';
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (c === quote) return { raw: src.slice(at, i + 1), parts: [...parts, text], end: i + 1 };
    if (quote === '`' && c === '$' && src[i + 1] === '{') {
      parts.push(text);
      text = '';
      let depth = 1;
      i += 2;
      while (i < src.length && depth > 0) {
        const d = src[i];
        if (d === "'" || d === '"' || d === '`') {
          const inner = readLiteral(src, i);
          i = inner ? inner.end : i + 1;
          continue;
        }
        if (d === '{') depth += 1;
        if (d === '}') depth -= 1;
        i += 1;
      }
      continue;
    }
    text += c;
    i += 1;
  }
  return null;
};

const sampleOf = (parts: string[]): string => parts.map((p, i) => (i === 0 ? p : `X${i}${p}`)).join('');
const skipSpace = (src: string, at: number): number => {
  let i = at;
  while (/\s/.test(src[i] ?? '')) i += 1;
  return i;
};
/** Skips one argument (up to the comma at depth 0); returns the index after the comma. */
const skipArgument = (src: string, at: number): number => {
  let i = at;
  let depth = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === "'" || c === '"' || c === '`') {
      i = readLiteral(src, i)?.end ?? i + 1;
      continue;
    }
    if ('([{'.includes(c)) depth += 1;
    if (')]}'.includes(c)) depth -= 1;
    if (c === ',' && depth === 0) return i + 1;
    if (depth < 0) return -1;
    i += 1;
  }
  return -1;
};

const lineOf = (src: string, at: number): number => src.slice(0, at).split('\n').length;

/** Literals found at `argIndex` (0-based) of every call matching `callee` (a regex source ending before the parenthesis). */
const collectCalls = (file: string, src: string, callee: string, argIndex: number, lastOnly = false): TSourceMessage[] => {
  const out: TSourceMessage[] = [];
  for (const m of src.matchAll(new RegExp(`${callee}\\(`, 'g'))) {
    let at = (m.index ?? 0) + m[0].length;
    for (let k = 0; k < argIndex && at >= 0; k += 1) at = skipArgument(src, at);
    if (at < 0) continue;
    at = skipSpace(src, at);
    const lit = readLiteral(src, at);
    if (lit && lastOnly && src[skipSpace(src, lit.end)] === ',') continue;
    if (lit) out.push({ file, line: lineOf(src, at), literal: lit.raw, sample: sampleOf(lit.parts) });
  }
  return out;
};

/** Literals of `message: '…'` properties (or, with `after`, of another prefix such as `return `). */
const collectProperties = (file: string, src: string, after = /\bmessage: /g): TSourceMessage[] => {
  const out: TSourceMessage[] = [];
  for (const m of src.matchAll(after)) {
    const at = (m.index ?? 0) + m[0].length;
    const lit = readLiteral(src, at);
    if (lit) out.push({ file, line: lineOf(src, at), literal: lit.raw, sample: sampleOf(lit.parts) });
  }
  return out;
};

const listSources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listSources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });

/** Samples that carry no words of their own (e.g. `${path}: ${message}`) need no translation. */
const hasWords = (m: TSourceMessage): boolean => /[A-Za-z]{2,}/.test(m.sample.replace(/X\d+/g, ''));

/** Code that never answers an HTTP request (command line, start-up configuration, the engine's input checks). */
const NOT_HTTP = [`${path.sep}cli${path.sep}`, `${path.sep}config${path.sep}`, `${path.sep}domain${path.sep}stats${path.sep}`, `${path.sep}backup${path.sep}`];

export const collectSourceMessages = (
  root: string,
): { appErrors: TSourceMessage[]; notFoundNames: TSourceMessage[]; importMessages: TSourceMessage[]; fieldMessages: TSourceMessage[] } => {
  const files = listSources(path.join(root, 'src')).filter((f) => !f.includes(`${path.sep}i18n${path.sep}`));
  const appErrors: TSourceMessage[] = [];
  const notFoundNames: TSourceMessage[] = [];
  const fieldMessages: TSourceMessage[] = [];
  for (const full of files) {
    const src = fs.readFileSync(full, 'utf8');
    const file = path.relative(root, full);
    appErrors.push(...collectCalls(file, src, 'new AppError', 1), ...collectCalls(file, src, '\\bforbidden', 0));
    notFoundNames.push(...collectCalls(file, src, '\\bnotFound', 0));
    if (NOT_HTTP.some((part) => full.includes(part))) continue;
    // Field messages of error details and the domain errors that services turn into AppErrors.
    fieldMessages.push(
      ...collectProperties(file, src),
      ...[1, 2].flatMap((at) => collectCalls(file, src, '\\b(?:err|fail|invalid|issue|problem)', at, true)),
      ...collectCalls(file, src, 'new TransitionError', 1),
      // Custom messages of zod schemas (.regex(re, '…'), .min(n, '…'), .refine(fn, '…')).
      ...collectCalls(file, src, '\\.(?:regex|min|max|length|refine|gte|lte|gt|lt)', 1, true),
      ...collectCalls(file, src, 'new (?:CalendarRangeError|HolidayDataError)', 0),
    );
  }
  const importMessages = IMPORT_MODULE_FILES.flatMap((file) => {
    const src = fs.readFileSync(path.join(root, file), 'utf8');
    return [
      ...collectProperties(file, src),
      // Checks that return their message (e.g. checkVsic4); a returned word without spaces is a code, not a message.
      ...collectProperties(file, src, /\breturn /g).filter((m) => m.sample.includes(' ') && !m.literal.startsWith('`\\ufeff')),
      ...collectCalls(file, src, '\\berr', 1, true),
      ...collectCalls(file, src, '\\berr', 2, true),
      ...collectCalls(file, src, 'new (?:FileFormatError|CellError|SmeInputError)', 0),
      ...collectCalls(file, src, 'new CsvSyntaxError', 1),
    ];
  });
  /** A bare identifier (a column or field name passed along) is not a message. */
  const isMessage = (m: TSourceMessage) => hasWords(m) && !/^[a-z][a-zA-Z0-9_.]*$/.test(m.sample);
  return { appErrors: appErrors.filter(hasWords), notFoundNames, importMessages: importMessages.filter(hasWords), fieldMessages: fieldMessages.filter(isMessage) };
};
