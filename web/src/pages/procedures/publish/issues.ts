import type { FormInstance } from 'antd';
import { ApiError } from '../../../api/client';
import type { TKey, TTranslate } from '../../../i18n/I18nProvider';

export type TNamePath = (string | number)[];

/** A validation issue of the decision body placed on the form: on a field, on an item (card) or on the decision. */
export type TPlacedIssue = { path: TNamePath; message: string; target: 'field' | 'item' | 'decision'; field?: TNamePath; item?: number };

/** "body.items.1.content.fees.0.amountVnd" → ['items', 1, 'content', 'fees', 0, 'amountVnd']. */
export const toNamePath = (path: string): TNamePath =>
  path
    .split(/[./]/)
    .filter((part) => part !== '' && part !== 'body')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

const same = (a: TNamePath, b: TNamePath) => a.length === b.length && a.every((part, i) => String(part) === String(b[i]));
const startsWith = (path: TNamePath, prefix: TNamePath) => prefix.length <= path.length && prefix.every((part, i) => String(part) === String(path[i]));

/**
 * Places each issue on the deepest registered form field that is a prefix of its path (a list
 * counts as a field); issues of an item without such a field go to the item's card, the rest
 * to the decision.
 */
export const placeIssues = (form: FormInstance, error: unknown): TPlacedIssue[] => {
  if (!(error instanceof ApiError)) return [];
  const registered = form.getFieldsError().map((entry) => entry.name as TNamePath);
  return error.validationIssues.map((issue) => {
    const path = toNamePath(issue.path);
    const field = registered.filter((name) => startsWith(path, name)).sort((a, b) => b.length - a.length)[0];
    if (field && field.length > 0 && !(field.length === 1 && field[0] === 'items')) return { path, message: issue.message, target: 'field', field };
    if (path[0] === 'items' && typeof path[1] === 'number') return { path, message: issue.message, target: 'item', item: path[1] };
    return { path, message: issue.message, target: 'decision' };
  });
};

/** Sets the field issues on the form (several issues of one field are listed together). */
export const showPlacedIssues = (form: FormInstance, issues: TPlacedIssue[], translate: (message: string) => string): void => {
  const byField: { name: TNamePath; errors: string[] }[] = [];
  for (const issue of issues) {
    if (issue.target !== 'field' || !issue.field) continue;
    const entry = byField.find((item) => same(item.name, issue.field as TNamePath));
    if (entry) entry.errors.push(translate(issue.message));
    else byField.push({ name: issue.field, errors: [translate(issue.message)] });
  }
  form.setFields(byField);
};

/**
 * Known business-rule messages of the server (in English or, with Accept-Language vi, in
 * Vietnamese — src/server/i18n/messages-vi.ts) → texts of the UI language; others are shown as sent.
 */
const MESSAGES: { pattern: RegExp; key: TKey }[] = [
  { pattern: /cannot be signed in the future|ngày ký trong tương lai/, key: 'procedures.publish.errors.futureSigned' },
  { pattern: /must not be before the signing date|không được trước ngày ký/, key: 'procedures.publish.errors.effectiveBeforeSigned' },
  { pattern: /appears twice in the decision|xuất hiện hai lần trong quyết định/, key: 'procedures.publish.errors.duplicateCode' },
  { pattern: /already exists; publish it as AMENDED or REPLACED|hãy công bố dạng sửa đổi \(AMENDED\) hoặc thay thế \(REPLACED\)/, key: 'procedures.publish.errors.codeExists' },
  { pattern: /^unknown field|^trường không được phép/, key: 'procedures.publish.errors.unknownField' },
  { pattern: /^required (for a new procedure|to amend|to replace)|^bắt buộc (với thủ tục hành chính mới|khi sửa đổi|khi thay thế)/, key: 'procedures.publish.errors.contentRequired' },
  { pattern: /^unknown procedure|^không có thủ tục hành chính/, key: 'procedures.publish.errors.unknownProcedure' },
  { pattern: /(?:was abolished on|đã bị bãi bỏ từ ngày) (\d{4}-\d{2}-\d{2})/, key: 'procedures.publish.errors.alreadyAbolished' },
  { pattern: /(?:must be after the current version's|phải sau ngày hiệu lực) (\d{4}-\d{2}-\d{2})/, key: 'procedures.publish.errors.afterCurrent' },
  { pattern: /is already recorded|đã được ghi nhận/, key: 'procedures.publish.errors.numberTaken' },
  { pattern: /a procedure code like|mã thủ tục hành chính dạng/, key: 'procedures.publish.errors.codeInvalid' },
];

export const issueTranslator =
  (t: TTranslate, date: (value: string) => string) =>
  (message: string): string => {
    for (const { pattern, key } of MESSAGES) {
      const match = pattern.exec(message);
      if (match) return t(key, match[1] && /^\d{4}-\d{2}-\d{2}$/.test(match[1]) ? { date: date(match[1]) } : undefined);
    }
    return message;
  };

/** Labels of the path segments, for the issue list ("Thủ tục 2 › Phí, lệ phí › dòng 1 › Mức thu"). */
const SEGMENT_LABELS: Record<string, TKey> = {
  number: 'procedures.publish.number',
  signedOn: 'procedures.publish.signedOn',
  issuer: 'procedures.publish.issuer',
  note: 'procedures.publish.note',
  kind: 'procedures.publish.kind',
  code: 'procedures.publish.code',
  fieldCode: 'procedures.publish.field',
  effectiveFrom: 'procedures.publish.effectiveFrom',
  content: 'procedures.publish.content',
  name: 'procedures.publish.name',
  implementationLevel: 'procedures.detail.implementationLevel',
  agencies: 'procedures.publish.agencies',
  competent: 'procedures.detail.competent',
  implementing: 'procedures.detail.implementing',
  delegated: 'procedures.detail.delegated',
  coordinating: 'procedures.detail.coordinating',
  subjects: 'procedures.detail.subjects',
  sequence: 'procedures.detail.sections.sequence',
  methods: 'procedures.detail.sections.methods',
  channel: 'procedures.detail.channel',
  processingTime: 'procedures.detail.sections.time',
  value: 'procedures.publish.timeValue',
  unit: 'procedures.publish.timeUnit',
  dossierComponents: 'procedures.detail.sections.dossier',
  originals: 'procedures.detail.originals',
  copies: 'procedures.detail.copies',
  dossierSets: 'procedures.publish.dossierSets',
  fees: 'procedures.detail.sections.fees',
  type: 'procedures.detail.feeType',
  amountVnd: 'procedures.publish.amountVnd',
  result: 'procedures.detail.sections.result',
  electronicAvailable: 'procedures.detail.electronic',
  requirements: 'procedures.detail.sections.requirements',
  legalBasis: 'procedures.detail.sections.legalBasis',
  title: 'procedures.detail.legalTitle',
  date: 'procedures.detail.legalDate',
  onlineServiceLevel: 'procedures.detail.onlineLevel',
};

/** Labels that depend on the enclosing list or object ("name" of a dossier component, "number" of a legal document…). */
const NESTED_LABELS: Record<string, Record<string, TKey>> = {
  dossierComponents: { name: 'procedures.detail.component' },
  result: { name: 'procedures.detail.resultName' },
  legalBasis: { number: 'procedures.detail.legalNumber' },
  fees: { legalBasis: 'procedures.detail.feeBasis' },
};

export const describePath = (path: TNamePath, t: TTranslate): string => {
  const parts: string[] = [];
  let parent = '';
  path.forEach((part, i) => {
    if (typeof part === 'number') {
      parts.push(path[i - 1] === 'items' ? t('procedures.publish.item', { index: part + 1 }) : t('procedures.publish.row', { index: part + 1 }));
    } else if (part !== 'items') {
      const key = NESTED_LABELS[parent]?.[part] ?? SEGMENT_LABELS[part];
      parts.push(key ? t(key) : part);
      parent = part;
    }
  });
  return parts.join(' › ');
};
