import { en as zodEn, vi as zodVi } from 'zod/v4/locales';
import type { TLanguage } from './language';
import { MESSAGES_VI } from './messages-vi';

/**
 * Server messages are written in English in the code (AppError messages, row errors of imports,
 * schema messages); this module renders them in the language of the request. The catalogue
 * (messages-vi.ts) maps English templates to Vietnamese ones: `{name}` carries a value over as
 * is, `{name*}` carries it over translated itself (a nested message), `{name:token}` matches a
 * value without spaces only (for names like `Procedure {code:token}` that must not swallow a
 * longer sentence). A message with no entry
 * stays as written (e.g. text that is Vietnamese already).
 */

type TEntry = { en: string; vi: string; pattern: RegExp; names: { name: string; nested: boolean }[] };

const PLACEHOLDER = /\{(\w+)(\*|:token)?\}/g;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compile = ([en, vi]: readonly [string, string]): TEntry => {
  const names: TEntry['names'] = [];
  let source = '';
  let last = 0;
  for (const m of en.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(en.slice(last, m.index));
    source += m[2] === ':token' ? '(\\S+?)' : '(.*?)';
    names.push({ name: m[1], nested: m[2] === '*' });
    last = (m.index ?? 0) + m[0].length;
  }
  source += escapeRegExp(en.slice(last));
  return { en, vi, pattern: new RegExp(`^${source}$`, 's'), names };
};

const ENTRIES: TEntry[] = MESSAGES_VI.map(compile);

/** The catalogue entry whose English template matches `text`, if any (exported for the coverage test). */
export const findEntry = (text: string): TEntry | undefined => ENTRIES.find((e) => e.pattern.test(text));

/** `path: message` — a field or column name in front of a message. */
const PREFIXED = /^([\w.[\]-]+): (.+)$/s;

const toVietnamese = (text: string, depth: number): string => {
  if (depth > 4 || !text) return text;
  for (const entry of ENTRIES) {
    const m = entry.pattern.exec(text);
    if (!m) continue;
    const values = new Map(entry.names.map((n, i) => [n.name, n.nested ? toVietnamese(m[i + 1], depth + 1) : m[i + 1]]));
    return entry.vi.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole);
  }
  const prefixed = PREFIXED.exec(text);
  if (prefixed) {
    const rest = toVietnamese(prefixed[2], depth + 1);
    if (rest !== prefixed[2]) return `${prefixed[1]}: ${rest}`;
  }
  return text;
};

/** A server message in the request's language (English is the source language). */
export const translateMessage = (lang: TLanguage, text: string): string => (lang === 'en' ? text : toVietnamese(text, 0));

/**
 * Translates every `message` string inside error details (arrays of {path|row|column, message},
 * nested `errors` lists of imports, results of dry runs); other values are kept.
 */
export const translateDetails = <T>(lang: TLanguage, details: T, depth = 0): T => {
  if (lang === 'en' || details === null || typeof details !== 'object' || depth > 4) return details;
  if (Array.isArray(details)) return details.map((d) => translateDetails(lang, d, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    out[key] = key === 'message' && typeof value === 'string' ? translateMessage(lang, value) : translateDetails(lang, value, depth + 1);
  }
  return out as T;
};

const isMessageList = (list: unknown, key: 'row' | 'rule'): list is unknown[] =>
  Array.isArray(list) &&
  list.length > 0 &&
  list.every((e) => typeof e === 'object' && e !== null && key in e && typeof (e as { message?: unknown }).message === 'string');

/**
 * A successful answer with messages for the user, translated: row errors of dry runs of imports
 * (`errors: [{row, column, message}]`) and soft-rule warnings of reports (`warnings: [{path,
 * rule, message}]`); any other body is returned as is.
 */
export const translateAnswerMessages = <T>(lang: TLanguage, body: T): T => {
  if (lang === 'en' || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const { errors, warnings } = body as { errors?: unknown; warnings?: unknown };
  const hasErrors = isMessageList(errors, 'row');
  const hasWarnings = isMessageList(warnings, 'rule');
  if (!hasErrors && !hasWarnings) return body;
  return { ...body, ...(hasErrors ? { errors: translateDetails(lang, errors) } : {}), ...(hasWarnings ? { warnings: translateDetails(lang, warnings) } : {}) };
};

type TZodIssueLike = { code: string; message: string; [key: string]: unknown };
const ZOD_EN = zodEn().localeError;
const ZOD_VI = zodVi().localeError;

/** A sample value of the type zod reported as received, so that the locale names it again. */
const SAMPLE_OF_TYPE: Record<string, unknown> = { string: '', number: 0, boolean: false, object: {}, array: [], null: null, undefined: undefined, bigint: 0n, date: new Date(0) };

/** Type names that zod's Vietnamese locale leaves in English. */
const TYPE_VI: Record<string, string> = { string: 'chuỗi', number: 'số', int: 'số nguyên', bigint: 'số nguyên lớn', boolean: 'giá trị đúng/sai', array: 'mảng', object: 'đối tượng', undefined: 'không có giá trị', date: 'ngày' };

const renderZod = (localeError: typeof ZOD_EN, issue: TZodIssueLike): string | undefined => {
  const result = localeError?.(issue as never);
  return typeof result === 'string' ? result : result?.message;
};

/**
 * A schema-validation issue (code + params as fastify-type-provider-zod reports them) in the
 * language: zod's own Vietnamese locale when the message is zod's default English text, the
 * catalogue when the schema wrote its own message.
 */
export const translateZodIssue = (lang: TLanguage, issue: TZodIssueLike): string => {
  if (lang === 'en') return issue.message;
  const received = issue.code === 'invalid_type' ? /received (\w+)$/.exec(issue.message)?.[1] : undefined;
  const withInput = received !== undefined && received in SAMPLE_OF_TYPE ? { ...issue, input: SAMPLE_OF_TYPE[received] } : issue;
  if (renderZod(ZOD_EN, withInput) === issue.message) {
    if (issue.code === 'invalid_type' && received === 'undefined') return `Thiếu giá trị (cần ${TYPE_VI[String(issue.expected)] ?? String(issue.expected)})`;
    const vi = renderZod(ZOD_VI, withInput)?.replace(/\b(string|number|boolean|array|object|undefined|int|bigint|date)\b/g, (w) => TYPE_VI[w] ?? w);
    if (vi) return vi.charAt(0).toUpperCase() + vi.slice(1);
  }
  return translateMessage(lang, issue.message);
};
