/**
 * A small, fast RFC 4180 CSV reader (statistics input files, enterprise and report imports): UTF-8 text (BOM skipped),
 * `,` separators, `"` quoting with `""` escapes, LF or CRLF line ends, empty lines skipped,
 * unquoted fields trimmed. It reports the line each record starts on, for located errors, and
 * streams records to a visitor so large files are not held twice in memory.
 */

/** A CSV syntax error at a line. */
export class CsvSyntaxError extends Error {
  readonly line: number;

  constructor(line: number, message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Calls `visit(fields, line)` for every non-empty record of `content` (line numbers from 1).
 * Throws {@link CsvSyntaxError} for an unclosed quote or text after a closing quote.
 */
export const readCsvRecords = (content: string, visit: (fields: string[], line: number) => void): void => {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const length = text.length;
  let pos = 0;
  let line = 1;
  while (pos < length) {
    // Skip empty lines.
    const first = text.charCodeAt(pos);
    if (first === LF || first === CR) {
      if (first === CR && text.charCodeAt(pos + 1) === LF) pos += 1;
      pos += 1;
      line += 1;
      continue;
    }
    const recordLine = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text.charCodeAt(pos) === QUOTE) {
        let value = '';
        let start = pos + 1;
        for (;;) {
          const close = text.indexOf('"', start);
          if (close < 0) throw new CsvSyntaxError(recordLine, 'a quoted field is not closed');
          const chunk = text.slice(start, close);
          for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) line += 1;
          value += chunk;
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            start = close + 2;
            continue;
          }
          pos = close + 1;
          break;
        }
        while (pos < length && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) pos += 1;
        const next = pos < length ? text.charCodeAt(pos) : LF;
        if (next !== COMMA && next !== LF && next !== CR) throw new CsvSyntaxError(line, 'unexpected text after a closing quote');
        fields.push(value);
      } else {
        let end = pos;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === LF || code === CR) break;
          end += 1;
        }
        fields.push(text.slice(pos, end).trim());
        pos = end;
      }
      const separator = pos < length ? text.charCodeAt(pos) : LF;
      if (separator === COMMA) {
        pos += 1; // the next field may be empty, also at the end of the text
        continue;
      }
      // Line end (or end of text).
      if (separator === CR && text.charCodeAt(pos + 1) === LF) pos += 1;
      pos += 1;
      line += 1;
      endOfRecord = true;
    }
    visit(fields, recordLine);
  }
};
