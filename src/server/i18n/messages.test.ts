import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveLanguage } from './language';
import { collectSourceMessages } from './message-sources';
import { MESSAGES_VI } from './messages-vi';
import { translateDetails, translateMessage, translateAnswerMessages, translateZodIssue } from './translate';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const sources = collectSourceMessages(ROOT);

/** Messages of the source that the catalogue leaves unchanged (English in a Vietnamese page). */
const untranslated = (samples: { file: string; line: number; literal: string; sample: string }[], wrap = (s: string) => s) =>
  samples.filter((m) => translateMessage('vi', wrap(m.sample)) === wrap(m.sample)).map((m) => `${m.file}:${m.line} ${m.literal}`);

describe('server messages in Vietnamese', () => {
  it('finds the messages of the source (the collector itself works)', () => {
    assert.ok(sources.appErrors.length > 150, `only ${sources.appErrors.length} AppError messages found`);
    assert.ok(sources.notFoundNames.length > 30);
    assert.ok(sources.importMessages.length > 100, `only ${sources.importMessages.length} import messages found`);
    assert.ok(sources.appErrors.some((m) => m.literal === "'Sign in first'"));
    assert.ok(sources.importMessages.some((m) => m.sample === '"X1" is not a tax code (10 digits, or 10 digits-3 digits for a dependent unit)'));
  });

  it('every literal message of new AppError(…) has a Vietnamese text', () => {
    assert.deepEqual(untranslated(sources.appErrors), []);
  });

  it('every name given to notFound(…) has a Vietnamese name', () => {
    assert.deepEqual(untranslated(sources.notFoundNames), []);
    assert.deepEqual(untranslated(sources.notFoundNames, (s) => `${s} not found`), []);
  });

  it('every row, column and file message of the import modules has a Vietnamese text', () => {
    assert.deepEqual(untranslated(sources.importMessages), []);
  });

  it('every field message of error details and every domain error message that reaches an answer has a Vietnamese text', () => {
    assert.ok(sources.fieldMessages.length > 200, `only ${sources.fieldMessages.length} field messages found`);
    assert.deepEqual(untranslated(sources.fieldMessages), []);
  });

  it('no two catalogue entries have the same English template, and every Vietnamese text keeps the values', () => {
    const seen = new Set<string>();
    for (const [en, vi] of MESSAGES_VI) {
      assert.ok(!seen.has(en), `duplicate entry ${en}`);
      seen.add(en);
      assert.notEqual(vi, en);
      const names = (text: string) => [...text.matchAll(/\{(\w+)(?:\*|:token)?\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(names(vi), names(en), `placeholders of "${en}"`);
    }
  });

  it('carries interpolated values over, translates nested messages and keeps unknown texts', () => {
    assert.equal(translateMessage('vi', 'must not be before the conference date 2026-03-20'), 'không được trước ngày hội nghị 2026-03-20');
    assert.equal(
      translateMessage('vi', 'The CSV file cannot be parsed at line 7: a quoted field is not closed'),
      'Không đọc được tệp CSV ở dòng 7: một ô trong dấu ngoặc kép chưa được đóng',
    );
    assert.equal(translateMessage('vi', '180.0% of the same month last year (1200); explain the change'), 'bằng 180.0% cùng kỳ năm trước (1200); hãy giải trình thay đổi');
    assert.equal(translateMessage('vi', 'Procedure 1.0001 not found'), 'Không tìm thấy thủ tục hành chính 1.0001');
    assert.equal(translateMessage('vi', 'Procedure 1.001 is not in force on 2026-01-01 (abolished)'), 'Thủ tục hành chính 1.001 không có hiệu lực ngày 2026-01-01 (đã bãi bỏ)');
    assert.equal(translateMessage('vi', 'Procedure 1.001 has some new English text'), 'Procedure 1.001 has some new English text');
    assert.equal(
      translateMessage('vi', 'Transition "approve" is not possible in state RECEIVED; allowed: assign, transfer'),
      'Không thể thực hiện bước "approve" ở trạng thái RECEIVED; các bước được phép: assign, transfer',
    );
    assert.equal(translateMessage('vi', 'body.items.0.code: required'), 'body.items.0.code: bắt buộc');
    assert.equal(translateMessage('vi', 'tệp rỗng (0 byte)'), 'tệp rỗng (0 byte)');
    assert.equal(translateMessage('en', 'The file is empty (0 bytes)'), 'The file is empty (0 bytes)');
    assert.deepEqual(translateDetails('vi', { errors: [{ row: 3, column: 'tax_code', message: 'required' }], allowed: ['required'] }), {
      errors: [{ row: 3, column: 'tax_code', message: 'bắt buộc' }],
      allowed: ['required'],
    });
    assert.deepEqual(translateAnswerMessages('vi', { dryRun: true, errors: [{ row: 2, column: null, message: 'required' }] }), { dryRun: true, errors: [{ row: 2, column: null, message: 'bắt buộc' }] });
    assert.deepEqual(translateAnswerMessages('vi', { warnings: [{ path: 'P1', rule: 'OUTLIER', message: 'must not be negative' }] }), { warnings: [{ path: 'P1', rule: 'OUTLIER', message: 'không được là số âm' }] });
    const other = { items: [{ message: 'required' }] };
    assert.equal(translateAnswerMessages('vi', other), other);
  });

  it('renders zod default messages with zod’s Vietnamese locale and custom ones with the catalogue', () => {
    assert.equal(translateZodIssue('vi', { code: 'invalid_type', expected: 'string', message: 'Invalid input: expected string, received undefined' }), 'Thiếu giá trị (cần chuỗi)');
    assert.equal(translateZodIssue('vi', { code: 'too_small', origin: 'string', minimum: 2, inclusive: true, message: 'Too small: expected string to have >=2 characters' }), 'Quá nhỏ: mong đợi chuỗi có >=2 ký tự');
    assert.match(translateZodIssue('vi', { code: 'invalid_type', expected: 'number', message: 'Invalid input: expected number, received string' }), /^Đầu vào không hợp lệ: mong đợi số, nhận được chuỗi$/);
    assert.equal(translateZodIssue('vi', { code: 'invalid_format', format: 'regex', pattern: '/^\\d{4}-\\d{2}$/', origin: 'string', message: 'expected YYYY-MM' }), 'cần dạng YYYY-MM');
    assert.equal(translateZodIssue('en', { code: 'custom', message: 'expected YYYY-MM' }), 'expected YYYY-MM');
  });

  it('resolves the language of a request: Accept-Language vi or en, weights, default Vietnamese', () => {
    assert.equal(resolveLanguage(undefined), 'vi');
    assert.equal(resolveLanguage('en'), 'en');
    assert.equal(resolveLanguage('en-US,en;q=0.9'), 'en');
    assert.equal(resolveLanguage('vi-VN,vi;q=0.9,en;q=0.8'), 'vi');
    assert.equal(resolveLanguage('fr, en;q=0.5, vi;q=0.7'), 'vi');
    assert.equal(resolveLanguage('fr-FR'), 'vi');
    assert.equal(resolveLanguage('fr-FR', 'en'), 'en');
    assert.equal(resolveLanguage('en;q=0, vi;q=0.1'), 'vi');
  });
});
