/**
 * SME classification (doanh nghiệp nhỏ và vừa) under Decree 80/2021/NĐ-CP Art. 5 (and Decree
 * 39/2018/NĐ-CP Art. 6, same numbers), spec domain.md §1.
 *
 * classify(group, E, R, C): for MICRO, SMALL, MEDIUM in that order, the class applies when
 * E ≤ Emax AND (R ≤ Rmax OR C ≤ Cmax); otherwise NOT_SME. All comparisons inclusive. R absent ⇒
 * capital only (also R = 0: "no revenue", §1.3). E or C absent or negative ⇒ INVALID_INPUT.
 * E is compared exactly (no rounding). Money is integer VND held as bigint.
 */

/** Sector groups of Decree 80/2021 Art. 5 (agriculture and industry/construction share thresholds). */
export const SME_SECTOR_GROUPS = ['AGRI_IND_CONS', 'TRADE_SERVICES'] as const;
export type TSmeSectorGroup = (typeof SME_SECTOR_GROUPS)[number];

export const SME_CLASSES = ['MICRO', 'SMALL', 'MEDIUM'] as const;
export type TSmeSizeClass = (typeof SME_CLASSES)[number];
export type TSmeClass = TSmeSizeClass | 'NOT_SME' | 'INVALID_INPUT';

/** Thresholds of one class: employees (inclusive), revenue and capital in VND (inclusive). */
export type TSmeThreshold = { employees: number; revenueVnd: bigint; capitalVnd: bigint };

/** A versioned threshold table. */
export type TSmeRuleVersion = {
  version: string;
  legalBasis: string;
  effectiveFrom: string;
  thresholds: Record<TSmeSectorGroup, Record<TSmeSizeClass, TSmeThreshold>>;
};

const BILLION = 1_000_000_000n;

/** Thresholds of Decree 80/2021 Art. 5 (Decree 39/2018 Art. 6 used the same numbers). */
const ND80_THRESHOLDS: TSmeRuleVersion['thresholds'] = {
  AGRI_IND_CONS: {
    MICRO: { employees: 10, revenueVnd: 3n * BILLION, capitalVnd: 3n * BILLION },
    SMALL: { employees: 100, revenueVnd: 50n * BILLION, capitalVnd: 20n * BILLION },
    MEDIUM: { employees: 200, revenueVnd: 200n * BILLION, capitalVnd: 100n * BILLION },
  },
  TRADE_SERVICES: {
    MICRO: { employees: 10, revenueVnd: 10n * BILLION, capitalVnd: 3n * BILLION },
    SMALL: { employees: 50, revenueVnd: 100n * BILLION, capitalVnd: 50n * BILLION },
    MEDIUM: { employees: 100, revenueVnd: 300n * BILLION, capitalVnd: 100n * BILLION },
  },
};

/** Rule versions, oldest first, selected by date. */
export const SME_RULE_VERSIONS: readonly TSmeRuleVersion[] = [
  { version: 'ND39/2018', legalBasis: 'Nghị định 39/2018/NĐ-CP Điều 6', effectiveFrom: '2018-03-11', thresholds: ND80_THRESHOLDS },
  { version: 'ND80/2021', legalBasis: 'Nghị định 80/2021/NĐ-CP Điều 5', effectiveFrom: '2021-08-26', thresholds: ND80_THRESHOLDS },
];

/** The rule version used when no date is given. */
export const CURRENT_SME_RULE_VERSION = 'ND80/2021';

/** Error for malformed SME input (not for a per-row INVALID_INPUT result). */
export class SmeInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmeInputError';
  }
}

/**
 * The rule version in force on a date `YYYY-MM-DD` (default: the current version).
 * Throws SmeInputError before the first supported version (2018-03-11).
 */
export const selectSmeRuleVersion = (onDate?: string): TSmeRuleVersion => {
  if (onDate === undefined) {
    const current = SME_RULE_VERSIONS.find((v) => v.version === CURRENT_SME_RULE_VERSION);
    if (!current) throw new Error('internal: current SME rule version missing');
    return current;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(onDate)) throw new SmeInputError(`expected a date YYYY-MM-DD, got "${onDate}"`);
  const applicable = SME_RULE_VERSIONS.filter((v) => v.effectiveFrom <= onDate);
  if (applicable.length === 0) throw new SmeInputError(`no SME rule version in force on ${onDate} (first: ${SME_RULE_VERSIONS[0].effectiveFrom})`);
  return applicable[applicable.length - 1];
};

// ---------------------------------------------------------------------------------------------
// Exact numbers
// ---------------------------------------------------------------------------------------------

/** An exact non-integer-capable decimal: value = units / 10^scale. */
export type TExactDecimal = { units: bigint; scale: number };

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?$/;
const INTEGER_RE = /^([+-])?(\d+)$/;

/** Parses decimal text exactly ("10.0833" → 100833/10^4); throws SmeInputError when malformed. */
export const parseExactDecimal = (text: string): TExactDecimal => {
  const match = DECIMAL_RE.exec(text.trim());
  if (!match) throw new SmeInputError(`expected a decimal number, got "${text}"`);
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  return { units, scale: fraction.length };
};

/** Exact decimal of a number, bigint or decimal text. */
const toExactDecimal = (value: number | bigint | string): TExactDecimal => {
  if (typeof value === 'bigint') return { units: value, scale: 0 };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SmeInputError(`expected a finite number, got ${value}`);
    if (Number.isInteger(value) && Number.isSafeInteger(value)) return { units: BigInt(value), scale: 0 };
    const text = value.toString();
    if (/e/i.test(text)) throw new SmeInputError(`number ${text} must be written in plain decimal notation`);
    return parseExactDecimal(text);
  }
  return parseExactDecimal(value);
};

/** Compares an exact decimal with an integer: negative, zero or positive. */
const compareDecimalWithInteger = (value: TExactDecimal, limit: bigint): number => {
  const scaled = limit * 10n ** BigInt(value.scale);
  return value.units < scaled ? -1 : value.units > scaled ? 1 : 0;
};

/**
 * Parses a VND amount strictly: digits only with an optional sign, no decimals, no separators.
 * Empty text returns null (no figure). A negative amount is returned as is (the classifier turns
 * it into INVALID_INPUT). Throws SmeInputError when malformed.
 */
export const parseVndAmount = (text: string): bigint | null => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = INTEGER_RE.exec(trimmed);
  if (!match) throw new SmeInputError(`expected an integer amount in VND (digits only), got "${text}"`);
  return BigInt(match[2]) * (match[1] === '-' ? -1n : 1n);
};

/** A VND amount as bigint from bigint, safe integer number or strict text. */
const toVnd = (value: bigint | number | string, field: string): bigint => {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new SmeInputError(`${field}: expected an integer amount in VND within ±2^53, got ${value}`);
    return BigInt(value);
  }
  const parsed = parseVndAmount(value);
  if (parsed === null) throw new SmeInputError(`${field}: expected an amount, got an empty text`);
  return parsed;
};

// ---------------------------------------------------------------------------------------------
// Sector groups from VSIC 2018
// ---------------------------------------------------------------------------------------------

/** VSIC 2018 sections and their 2-digit division ranges (inclusive). */
const VSIC_SECTION_RANGES: readonly [string, number, number][] = [
  ['A', 1, 3],
  ['B', 5, 9],
  ['C', 10, 33],
  ['D', 35, 35],
  ['E', 36, 39],
  ['F', 41, 43],
  ['G', 45, 47],
  ['H', 49, 53],
  ['I', 55, 56],
  ['J', 58, 63],
  ['K', 64, 66],
  ['L', 68, 68],
  ['M', 69, 75],
  ['N', 77, 82],
  ['O', 84, 84],
  ['P', 85, 85],
  ['Q', 86, 88],
  ['R', 90, 93],
  ['S', 94, 96],
  ['T', 97, 98],
  ['U', 99, 99],
];

/**
 * VSIC 2018 section letter (A–U) of a code: a section letter, or a 2- to 5-digit code whose
 * first two digits are the division (optionally prefixed by its section letter, e.g. "C1010").
 * Throws SmeInputError for an unknown code.
 */
export const getVsicSection = (code: string): string => {
  const trimmed = code.trim().toUpperCase();
  if (/^[A-U]$/.test(trimmed)) return trimmed;
  const match = /^([A-U])?(\d{2})\d{0,3}$/.exec(trimmed);
  if (!match) throw new SmeInputError(`"${code}" is not a VSIC 2018 code`);
  const division = Number(match[2]);
  const range = VSIC_SECTION_RANGES.find(([, from, to]) => division >= from && division <= to);
  if (!range || (match[1] && match[1] !== range[0])) throw new SmeInputError(`"${code}" is not a VSIC 2018 code (unknown division ${match[2]})`);
  return range[0];
};

/**
 * SME sector group of a VSIC 2018 code (implementation convention, spec §1.3 [U]):
 * sections A–F → AGRI_IND_CONS, G–U → TRADE_SERVICES.
 */
export const getSectorGroupForVsic = (code: string): TSmeSectorGroup => (getVsicSection(code) <= 'F' ? 'AGRI_IND_CONS' : 'TRADE_SERVICES');

/** Whether a text is a sector group. */
export const isSmeSectorGroup = (value: string): value is TSmeSectorGroup => SME_SECTOR_GROUPS.some((group) => group === value);

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

/** Input of a classification. Null/undefined means "no figure". */
export type TSmeInput = {
  sectorGroup: TSmeSectorGroup;
  /** Average insured employees of the preceding year (may be fractional; compared exactly). */
  avgInsuredEmployees: number | bigint | string | null | undefined;
  /** Revenue of the preceding year in VND; null ⇒ classify on capital only. */
  revenueVnd: bigint | number | string | null | undefined;
  /** Total capital (tổng nguồn vốn) in VND. */
  capitalVnd: bigint | number | string | null | undefined;
  /** Date on which the rule version is selected (YYYY-MM-DD); default: current version. */
  onDate?: string;
};

/** Which criterion decided the class. */
export type TSmeDecidedBy = 'revenue' | 'capital' | 'revenue_and_capital' | 'employees' | 'invalid_input';

/** Why a smaller class did not apply. */
export type TSmeRejectedClass = { class: TSmeSizeClass; failedOn: 'employees' | 'revenue_and_capital' | 'capital' };

/** Machine-readable reason of a classification. */
export type TSmeReason = {
  class: TSmeClass;
  sectorGroup: TSmeSectorGroup;
  decidedBy: TSmeDecidedBy;
  /** Limits of the class found (of MEDIUM for NOT_SME); absent for INVALID_INPUT. */
  employeesLimit?: number;
  revenueLimitVnd?: string;
  capitalLimitVnd?: string;
  /** False when there is no revenue figure (absent or zero): capital only. */
  revenueConsidered: boolean;
  rejectedClasses: TSmeRejectedClass[];
  invalidFields?: ('avgInsuredEmployees' | 'capitalVnd' | 'revenueVnd')[];
};

/** Result of a classification. */
export type TSmeResult = {
  class: TSmeClass;
  ruleVersion: string;
  legalBasis: string;
  reason: TSmeReason;
  messageVi: string;
  messageEn: string;
};

const CLASS_NAMES_VI: Record<TSmeClass, string> = {
  MICRO: 'doanh nghiệp siêu nhỏ',
  SMALL: 'doanh nghiệp nhỏ',
  MEDIUM: 'doanh nghiệp vừa',
  NOT_SME: 'không phải doanh nghiệp nhỏ và vừa',
  INVALID_INPUT: 'dữ liệu không hợp lệ',
};
const CLASS_NAMES_EN: Record<TSmeClass, string> = {
  MICRO: 'micro enterprise',
  SMALL: 'small enterprise',
  MEDIUM: 'medium enterprise',
  NOT_SME: 'not an SME',
  INVALID_INPUT: 'invalid input',
};
const GROUP_NAMES_VI: Record<TSmeSectorGroup, string> = {
  AGRI_IND_CONS: 'nông, lâm nghiệp, thủy sản; công nghiệp và xây dựng',
  TRADE_SERVICES: 'thương mại, dịch vụ',
};
const GROUP_NAMES_EN: Record<TSmeSectorGroup, string> = {
  AGRI_IND_CONS: 'agriculture, forestry, fishery, industry and construction',
  TRADE_SERVICES: 'trade and services',
};
const FIELD_NAMES_VI = { avgInsuredEmployees: 'số lao động tham gia BHXH bình quân', capitalVnd: 'tổng nguồn vốn', revenueVnd: 'tổng doanh thu' };
const FIELD_NAMES_EN = { avgInsuredEmployees: 'average insured employees', capitalVnd: 'total capital', revenueVnd: 'revenue' };

const formatBillions = (vnd: bigint): string => {
  const whole = vnd / BILLION;
  return vnd % BILLION === 0n ? `${whole}` : `${Number(vnd) / 1e9}`;
};

/** Whether a figure is given (not null, undefined or blank text). */
const isPresent = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');

/** Sentences for display, Vietnamese and English. */
const describe = (reason: TSmeReason, version: string): { messageVi: string; messageEn: string } => {
  const cls = reason.class;
  if (cls === 'INVALID_INPUT') {
    const fields = reason.invalidFields ?? [];
    return {
      messageVi: `Không phân loại được: thiếu hoặc âm ${fields.map((f) => FIELD_NAMES_VI[f]).join(', ')} (${version}).`,
      messageEn: `Cannot classify: missing or negative ${fields.map((f) => FIELD_NAMES_EN[f]).join(', ')} (${version}).`,
    };
  }
  const groupVi = GROUP_NAMES_VI[reason.sectorGroup];
  const groupEn = GROUP_NAMES_EN[reason.sectorGroup];
  const e = reason.employeesLimit ?? 0;
  const r = formatBillions(BigInt(reason.revenueLimitVnd ?? '0'));
  const c = formatBillions(BigInt(reason.capitalLimitVnd ?? '0'));
  if (cls === 'NOT_SME') {
    const whyVi =
      reason.decidedBy === 'employees'
        ? `số lao động BHXH bình quân vượt ${e} người`
        : reason.decidedBy === 'capital'
          ? `không có số liệu doanh thu và tổng nguồn vốn vượt ${c} tỷ đồng`
          : `tổng doanh thu vượt ${r} tỷ đồng và tổng nguồn vốn vượt ${c} tỷ đồng`;
    const whyEn =
      reason.decidedBy === 'employees'
        ? `average insured employees exceed ${e}`
        : reason.decidedBy === 'capital'
          ? `no revenue figure and total capital exceeds VND ${c} bn`
          : `revenue exceeds VND ${r} bn and total capital exceeds VND ${c} bn`;
    return {
      messageVi: `Không phải doanh nghiệp nhỏ và vừa (lĩnh vực ${groupVi}): ${whyVi} (${version}).`,
      messageEn: `Not an SME (${groupEn}): ${whyEn} (${version}).`,
    };
  }
  const byVi =
    reason.decidedBy === 'revenue'
      ? `tổng doanh thu không quá ${r} tỷ đồng`
      : reason.decidedBy === 'capital'
        ? `tổng nguồn vốn không quá ${c} tỷ đồng`
        : `tổng doanh thu không quá ${r} tỷ đồng và tổng nguồn vốn không quá ${c} tỷ đồng`;
  const byEn =
    reason.decidedBy === 'revenue'
      ? `revenue at most VND ${r} bn`
      : reason.decidedBy === 'capital'
        ? `total capital at most VND ${c} bn`
        : `revenue at most VND ${r} bn and total capital at most VND ${c} bn`;
  const nameVi = CLASS_NAMES_VI[cls];
  const nameEn = CLASS_NAMES_EN[cls];
  return {
    messageVi: `${nameVi.charAt(0).toUpperCase()}${nameVi.slice(1)} (lĩnh vực ${groupVi}): số lao động BHXH bình quân không quá ${e} người và ${byVi} (${version}).`,
    messageEn: `${nameEn.charAt(0).toUpperCase()}${nameEn.slice(1)} (${groupEn}): at most ${e} average insured employees and ${byEn} (${version}).`,
  };
};

/**
 * Classifies an enterprise (domain.md §1.2): smallest class first, E ≤ Emax AND (R ≤ Rmax OR
 * C ≤ Cmax), inclusive; R absent or zero ("no revenue", §1.3) ⇒ capital only; E or C
 * absent/negative (or R negative) ⇒ INVALID_INPUT. Throws SmeInputError for malformed values
 * (e.g. decimals in money).
 */
export const classifySme = (input: TSmeInput): TSmeResult => {
  const rule = selectSmeRuleVersion(input.onDate);
  const { sectorGroup } = input;
  if (!isSmeSectorGroup(sectorGroup)) throw new SmeInputError(`unknown sector group "${String(sectorGroup)}"`);
  const employees = isPresent(input.avgInsuredEmployees) ? toExactDecimal(input.avgInsuredEmployees) : null;
  const capital = isPresent(input.capitalVnd) ? toVnd(input.capitalVnd, 'capitalVnd') : null;
  const revenueFigure = isPresent(input.revenueVnd) ? toVnd(input.revenueVnd, 'revenueVnd') : null;
  // spec §1.3: "> 1 year with no revenue, classify on capital only (R = NULL)" — zero revenue is no revenue.
  const revenue = revenueFigure === 0n ? null : revenueFigure;
  const finish = (reason: TSmeReason): TSmeResult => ({ class: reason.class, ruleVersion: rule.version, legalBasis: rule.legalBasis, reason, ...describe(reason, rule.version) });

  const invalidFields: NonNullable<TSmeReason['invalidFields']> = [];
  if (employees === null || employees.units < 0n) invalidFields.push('avgInsuredEmployees');
  if (capital === null || capital < 0n) invalidFields.push('capitalVnd');
  if (revenueFigure !== null && revenueFigure < 0n) invalidFields.push('revenueVnd');
  if (employees === null || capital === null || invalidFields.length > 0) {
    return finish({ class: 'INVALID_INPUT', sectorGroup, decidedBy: 'invalid_input', revenueConsidered: false, rejectedClasses: [], invalidFields });
  }

  const rejectedClasses: TSmeRejectedClass[] = [];
  const table = rule.thresholds[sectorGroup];
  for (const cls of SME_CLASSES) {
    const limit = table[cls];
    const limits = { employeesLimit: limit.employees, revenueLimitVnd: limit.revenueVnd.toString(), capitalLimitVnd: limit.capitalVnd.toString() };
    const revenueOk = revenue !== null && revenue <= limit.revenueVnd;
    const capitalOk = capital <= limit.capitalVnd;
    if (compareDecimalWithInteger(employees, BigInt(limit.employees)) > 0) {
      rejectedClasses.push({ class: cls, failedOn: 'employees' });
      continue;
    }
    if (!revenueOk && !capitalOk) {
      rejectedClasses.push({ class: cls, failedOn: revenue === null ? 'capital' : 'revenue_and_capital' });
      continue;
    }
    const decidedBy: TSmeDecidedBy = revenueOk && capitalOk ? 'revenue_and_capital' : revenueOk ? 'revenue' : 'capital';
    return finish({ class: cls, sectorGroup, decidedBy, ...limits, revenueConsidered: revenue !== null, rejectedClasses });
  }
  const medium = table.MEDIUM;
  const last = rejectedClasses[rejectedClasses.length - 1];
  return finish({
    class: 'NOT_SME',
    sectorGroup,
    decidedBy: last.failedOn === 'employees' ? 'employees' : last.failedOn,
    employeesLimit: medium.employees,
    revenueLimitVnd: medium.revenueVnd.toString(),
    capitalLimitVnd: medium.capitalVnd.toString(),
    revenueConsidered: revenue !== null,
    rejectedClasses,
  });
};
