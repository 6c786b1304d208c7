import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CsvSyntaxError, readCsvRecords } from './csv-reader';

const read = (content: string): [string[], number][] => {
  const out: [string[], number][] = [];
  readCsvRecords(content, (fields, line) => out.push([fields, line]));
  return out;
};

test('reads fields, quotes, escaped quotes, CRLF, BOM; skips empty lines; numbers lines from 1', () => {
  assert.deepEqual(read('\ufeffa,b,c\r\n1, 2 ,"x, ""y"""\r\n\r\n3,,\n'), [
    [['a', 'b', 'c'], 1],
    [['1', '2', 'x, "y"'], 2],
    [['3', '', ''], 4],
  ]);
});

test('a quoted line break belongs to the field and the next record starts on the right line', () => {
  assert.deepEqual(read('k,v\n1,"two\nlines"\n2,z'), [
    [['k', 'v'], 1],
    [['1', 'two\nlines'], 2],
    [['2', 'z'], 4],
  ]);
});

test('an unclosed quote or text after a closing quote is a syntax error with its line', () => {
  assert.throws(() => read('a,b\n1,"open\n'), (error: unknown) => error instanceof CsvSyntaxError && error.line === 2);
  assert.throws(() => read('a,b\n1,"x"y\n'), (error: unknown) => error instanceof CsvSyntaxError && error.line === 2);
});
