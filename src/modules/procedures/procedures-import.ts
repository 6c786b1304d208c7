/**
 * Catalogue import: a CSV/XLSX file with one procedure per row becomes the items of one
 * publication decision (the decision's number, date and issuer come with the upload). Nested
 * record fields (spec §5.1) are written in cells with a small syntax, documented in the README:
 *   lists: items separated by ";"   parts of an item: separated by "|"
 *   processing time: "15 WORKING_DAY" (or "15 ngày làm việc", "15 ngày", "8 giờ làm việc")
 *   methods:     "DIRECT|15 WORKING_DAY; ONLINE|15 WORKING_DAY"
 *   components:  "Đơn đề nghị|1|0; Bản sao giấy phép|0|1"  (name | originals | copies)
 *   fees:        "LE_PHI|1200000|Thông tư 85/2019/TT-BTC"  (type | amount in đồng | legal basis)
 *   legal basis: "55/2024/NĐ-CP|Nghị định về an toàn thực phẩm|2024-05-16"  (number | title | date)
 * Every problem is reported with its row and column; nothing is parsed halfway.
 */
import { z } from 'zod';
import { mapRecords, type TRowError, type TSheetRow } from '../../lib/tabular-file';
import { CHANGE_KINDS, ZDecisionBody, type TDecisionBody } from './procedures.schemas';

const COLUMN_ALIASES = {
  kind: ['loai thay doi', 'change', 'thay doi'],
  code: ['ma thu tuc', 'procedure code', 'ma'],
  field_code: ['linh vuc', 'field', 'ma linh vuc'],
  effective_from: ['hieu luc tu', 'effective from', 'ngay hieu luc'],
  name: ['ten thu tuc', 'procedure name', 'ten'],
  implementation_level: ['cap thuc hien', 'level'],
  competent_agency: ['co quan co tham quyen', 'competent agency'],
  implementing_agency: ['co quan thuc hien', 'implementing agency'],
  subjects: ['doi tuong thuc hien', 'subjects', 'doi tuong'],
  methods: ['cach thuc thuc hien', 'methods', 'kenh'],
  components: ['thanh phan ho so', 'dossier components'],
  processing_time: ['thoi han giai quyet', 'processing time'],
  fees: ['phi le phi', 'fees'],
  result: ['ket qua', 'result'],
  result_electronic: ['ket qua dien tu', 'electronic result'],
  legal_basis: ['can cu phap ly', 'legal basis'],
  online_level: ['muc do dich vu cong', 'online level', 'dich vu cong truc tuyen'],
  requirements: ['yeu cau dieu kien', 'requirements'],
} as const;
type TColumn = keyof typeof COLUMN_ALIASES;
const ALIASES = Object.fromEntries(Object.entries(COLUMN_ALIASES).map(([k, v]) => [k, [...v]])) as Record<TColumn, string[]>;

const UNIT_WORDS: [RegExp, 'WORKING_DAY' | 'CALENDAR_DAY' | 'WORKING_HOUR'][] = [
  [/^(working_day|ngay lam viec|working days?)$/, 'WORKING_DAY'],
  [/^(calendar_day|ngay|calendar days?)$/, 'CALENDAR_DAY'],
  [/^(working_hour|gio lam viec|gio|working hours?)$/, 'WORKING_HOUR'],
];
const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim();

class CellError extends Error {}

const list = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
const parts = (item: string, count: number, what: string): string[] => {
  const p = item.split('|').map((s) => s.trim());
  if (p.length !== count) throw new CellError(`"${item}": expected ${count} parts separated by "|" (${what})`);
  return p;
};
const number = (s: string, what: string): number => {
  const n = Number(s.replace(/\s/g, ''));
  if (s === '' || !Number.isFinite(n)) throw new CellError(`"${s}" is not a number (${what})`);
  return n;
};
const duration = (s: string) => {
  const m = /^(\d+(?:[.,]\d+)?)\s+(.+)$/.exec(s.trim());
  const unit = m ? UNIT_WORDS.find(([re]) => re.test(plain(m[2])))?.[1] : undefined;
  if (!m || !unit) throw new CellError(`"${s}" is not a processing time like "15 WORKING_DAY" or "15 ngày làm việc"`);
  return { value: Number(m[1].replace(',', '.')), unit };
};
const yes = (s: string | undefined) => ['yes', 'y', 'co', 'true', '1', 'x'].includes(plain(s ?? ''));

/** The decision body built from the rows, or the row/column errors. */
export const parseCatalogueRows = (
  sheet: TSheetRow[],
  header: { number: string; signedOn: string; issuer: string; note?: string },
): { body: TDecisionBody | null; errors: TRowError[]; rows: number; rowOf: number[] } => {
  const { rows } = mapRecords<TColumn>(sheet, { aliases: ALIASES, required: ['kind', 'code', 'effective_from'] });
  const errors: TRowError[] = [];
  const items: unknown[] = [];
  const rowOf: number[] = [];
  for (const { rowNumber, values: v } of rows) {
    const at = (column: TColumn, fn: () => unknown) => {
      try {
        return fn();
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        errors.push({ row: rowNumber, column, message: error.message });
        return undefined;
      }
    };
    const kind = (v.kind ?? '').toUpperCase();
    if (!(CHANGE_KINDS as readonly string[]).includes(kind)) errors.push({ row: rowNumber, column: 'kind', message: `"${v.kind}" is not one of ${CHANGE_KINDS.join(', ')}` });
    const content =
      kind === 'ABOLISHED'
        ? undefined
        : {
            name: v.name ?? '',
            implementationLevel: (v.implementation_level ?? 'PROVINCE').toUpperCase(),
            agencies: { competent: v.competent_agency ?? '', implementing: v.implementing_agency ?? '' },
            subjects: list(v.subjects).map((s) => s.toUpperCase()),
            methods: at('methods', () =>
              list(v.methods).map((item) => {
                const [channel, time] = parts(item, 2, 'channel | processing time');
                return { channel: channel.toUpperCase(), processingTime: duration(time) };
              }),
            ),
            dossierComponents: at('components', () =>
              list(v.components).map((item) => {
                const [name, originals, copies] = parts(item, 3, 'name | originals | copies');
                return { name, originals: number(originals, 'originals'), copies: number(copies, 'copies') };
              }),
            ),
            processingTime: at('processing_time', () => duration(v.processing_time ?? '')),
            fees: at('fees', () =>
              list(v.fees).map((item) => {
                const [type, amount, basis] = parts(item, 3, 'type | amount | legal basis');
                return { type: type.toUpperCase(), amountVnd: number(amount, 'amount'), legalBasis: basis };
              }),
            ),
            result: { name: v.result ?? '', electronicAvailable: yes(v.result_electronic) },
            requirements: v.requirements || null,
            legalBasis: at('legal_basis', () =>
              list(v.legal_basis).map((item) => {
                const [numberText, title, date] = parts(item, 3, 'number | title | date');
                return { number: numberText, title, date };
              }),
            ),
            onlineServiceLevel: (v.online_level || 'NONE').toUpperCase(),
          };
    items.push({ kind, code: v.code ?? '', ...(v.field_code ? { fieldCode: v.field_code } : {}), effectiveFrom: v.effective_from ?? '', ...(content ? { content } : {}) });
    rowOf.push(rowNumber);
  }
  if (rows.length === 0) errors.push({ row: 1, column: null, message: 'The file has a header but no procedure rows' });
  // Each row without a cell error is checked against the record schema on its own, so that one
  // upload lists the problems of every row.
  const ZItem = ZDecisionBody.shape.items.element;
  const failed = new Set(errors.map((e) => e.row));
  items.forEach((item, i) => {
    if (failed.has(rowOf[i])) return;
    const checked = ZItem.safeParse(item);
    if (!checked.success) errors.push(...toRowErrors(checked.error, () => rowOf[i], ['items', String(i)]));
  });
  const headerCheck = ZDecisionBody.omit({ items: true }).safeParse(header);
  if (!headerCheck.success) errors.push(...toRowErrors(headerCheck.error, () => 1, []));
  if (errors.length) return { body: null, errors, rows: rows.length, rowOf };
  const parsed = ZDecisionBody.safeParse({ ...header, items });
  if (!parsed.success) return { body: null, errors: toRowErrors(parsed.error, (i) => rowOf[i] ?? 1, []), rows: rows.length, rowOf };
  return { body: parsed.data, errors: [], rows: rows.length, rowOf };
};

/** Where a content path lands in the file. */
const COLUMN_OF_PATH: Record<string, TColumn> = {
  kind: 'kind',
  code: 'code',
  fieldCode: 'field_code',
  effectiveFrom: 'effective_from',
  name: 'name',
  implementationLevel: 'implementation_level',
  agencies: 'competent_agency',
  subjects: 'subjects',
  methods: 'methods',
  dossierComponents: 'components',
  processingTime: 'processing_time',
  fees: 'fees',
  result: 'result',
  legalBasis: 'legal_basis',
  onlineServiceLevel: 'online_level',
  requirements: 'requirements',
};

const toRowErrors = (error: z.ZodError, rowOfItem: (index: number) => number, prefix: string[]): TRowError[] =>
  error.issues.map((issue) => {
    const [head, index, ...rest] = [...prefix, ...issue.path.map(String)];
    if (head !== 'items' || index === undefined) return { row: 1, column: head ?? null, message: issue.message };
    const key = rest[0] === 'content' ? rest[1] : rest[0];
    const column = key === 'agencies' && rest[2] === 'implementing' ? 'implementing_agency' : (COLUMN_OF_PATH[key ?? ''] ?? key ?? null);
    return { row: rowOfItem(Number(index)), column, message: issue.message };
  });
