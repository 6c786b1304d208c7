/**
 * Types of the statistics engine (spec: shared/spec/statistics.md).
 *
 * The input model is independent of CSV: the CLI parses CSV files into it, the server builds it
 * from the database. Periods are `YYYY-MM` strings, dates `YYYY-MM-DD`.
 */
import type { TResume } from './stats-resume';

/** The province scope (§2): every enterprise belongs to it. */
export const ALL_SCOPE = 'ALL';

/** Comparisons in output order (§9). */
export const COMPARISONS = ['BASE', 'MOM', 'YOY', 'YTD', 'QOY', 'BASE_LINKED'] as const;
export type TComparison = (typeof COMPARISONS)[number];

/** Comparisons of the value indicators (§10.3: same spans as §5, no base-year comparison). */
export const VALUE_COMPARISONS = ['MOM', 'YOY', 'YTD', 'QOY'] as const;
export type TValueComparison = (typeof VALUE_COMPARISONS)[number];

/** IIP tree levels, top down (§9). */
export const IIP_LEVELS = ['TOTAL', 'SECTION', 'VSIC2', 'VSIC4', 'PRODUCT'] as const;
export type TIipLevel = (typeof IIP_LEVELS)[number];

/** Levels that carry weights in weights.csv (§3.1). */
export const WEIGHT_LEVELS = ['PRODUCT', 'VSIC4', 'VSIC2', 'SECTION'] as const;
export type TWeightLevel = (typeof WEIGHT_LEVELS)[number];

/** Industry sections and their VSIC 2018 division ranges (§2). */
export const SECTIONS = ['B', 'C', 'D', 'E'] as const;
export type TSection = (typeof SECTIONS)[number];

/** Retail components (§10.1); RETAIL_TOTAL is their sum. */
export const RETAIL_COMPONENTS = ['RETAIL_GOODS', 'ACCOM_FOOD', 'TRAVEL', 'OTHER_SERVICES'] as const;
export const RETAIL_TOTAL = 'RETAIL_TOTAL';
export const EXPORT_INDICATOR = 'EXPORT';
/** Indicators accepted in values.csv. */
export const VALUE_INDICATORS = [...RETAIL_COMPONENTS, EXPORT_INDICATOR] as const;
export type TValueIndicator = (typeof VALUE_INDICATORS)[number];
/** Group code of the sum over all groups of an indicator. */
export const ALL_GROUP = 'ALL';

// ---------------------------------------------------------------- input model

/** A basket product (products.csv). */
export type TStatsProduct = {
  code: string;
  /** VSIC 2018 level-4 class, 4 digits; its division must lie in sections B–E. */
  vsic4: string;
  nameVi?: string;
  nameEn?: string;
  unit?: string;
};

/** One weight (weights.csv, §3.1). */
export type TWeightRow = {
  /** Base year of the weight set. */
  version: number;
  /** First month (`YYYY-MM`) the version applies to. */
  validFrom: string;
  /** `ALL` or a scope key (area code, …). */
  scope: string;
  level: TWeightLevel;
  /** Product code, 4-digit class, 2-digit division or section letter. */
  code: string;
  /** Must be > 0. */
  weight: number;
  /** PRODUCT rows only, optional: base-year annual quantity (needed for BASE). */
  baseAnnualQty: number | null;
};

/** An enterprise of the reporting frame (enterprises.csv). */
export type TStatsEnterprise = {
  id: string;
  /** Area code; the default scope key. May be empty (then only ALL). */
  area: string;
  /** First active month, `null` = active since always. */
  activeFrom: string | null;
  /** Last active month, `null` = still active. */
  activeTo: string | null;
  /** Scope keys the enterprise belongs to besides ALL; default `[area]`. */
  scopes?: readonly string[];
  /**
   * Surveys the enterprise is expected to report to (it is imputed only in those);
   * default: both. Its reported rows always count.
   */
  surveys?: readonly TStatsSurvey[];
};

/** The two monthly surveys: production quantities (IIP) and values (retail, exports). */
export type TStatsSurvey = 'iip' | 'values';

/** A monthly production quantity (reports.csv). */
export type TQuantityReport = {
  enterpriseId: string;
  period: string;
  productCode: string;
  /** Must be ≥ 0. */
  quantity: number;
  /** The highest revision of a key wins (later row wins on equal revisions). */
  revision: number;
};

/** A monthly value (values.csv, §10). */
export type TValueReport = {
  enterpriseId: string;
  period: string;
  indicator: TValueIndicator;
  group: string;
  /** Must be ≥ 0. */
  value: number;
  revision: number;
};

/** A price index of one indicator and month (deflators.csv, any fixed reference). */
export type TDeflator = { period: string; indicator: string; priceIndex: number };

/** A Tết holiday window overriding the default one of its year (tet_holidays.csv). */
export type TTetWindow = { year: number; start: string; end: string };

/** Everything the engine can use. */
export type TStatsInput = {
  products: readonly TStatsProduct[];
  weights: readonly TWeightRow[];
  enterprises: readonly TStatsEnterprise[];
  reports: readonly TQuantityReport[];
  values: readonly TValueReport[];
  deflators: readonly TDeflator[];
  tetWindows: readonly TTetWindow[];
};

/** Input of {@link computeIip}. */
export type TIipInput = Pick<TStatsInput, 'products' | 'weights' | 'enterprises' | 'reports'> &
  Partial<Pick<TStatsInput, 'tetWindows'>>;

/** Input of {@link computeValues}. */
export type TValuesInput = Pick<TStatsInput, 'enterprises' | 'values'> & Partial<Pick<TStatsInput, 'deflators' | 'tetWindows'>>;

/** Which periods to compute. Imputation still runs over the whole history up to `to`. */
export type TComputeOptions = {
  from: string;
  to: string;
  /** Restrict the output to these scopes (ALL and/or scope keys). Default: all. */
  scopes?: readonly string[];
  /**
   * IIP only: period whose weight version is the reference of BASE_LINKED (§8.3). Default `from`.
   * BASE_LINKED is produced when more than one version is in force between it and `to`.
   */
  linkFrom?: string;
  /** Day 1 of the lunar year (YYYY-MM-DD) for a year; default: the Vietnamese lunar calendar. */
  tetDayOne?: (year: number) => string;
};

/** Options of a server run that may resume from, or leave, a checkpoint (see stats-resume.ts). */
export type TResumableOptions = TComputeOptions & {
  resume?: TResume;
  /** Leave a checkpoint at this month (YYYY-MM; clamped to the last month computed). */
  checkpointAt?: string;
  /** Skip building the imputation log rows (the server does not publish them). */
  omitImputationLog?: boolean;
};

// ---------------------------------------------------------------- output model

/** One row of iip_index.csv, numbers at full precision (`null` = empty cell). */
export type TIipIndexRow = {
  period: string;
  scope: string;
  comparison: TComparison;
  level: TIipLevel;
  code: string;
  version: number;
  index: number | null;
  contribParentPp: number | null;
  contribTotalPp: number | null;
  nUsed: number | null;
  nBasket: number | null;
  weightCoverage: number | null;
  imputedShare: number | null;
  qCur: number | null;
  qCmp: number | null;
  tetDaysCur: number;
  tetDaysCmp: number | null;
};

export type TIipFlag = 'NOT_IN_BASKET' | `EXCLUDED_${TComparison}`;

/** One row of iip_flags.csv; `detail` is built by the formatter from version and quantity. */
export type TIipFlagRow = {
  period: string;
  scope: string;
  productCode: string;
  flag: TIipFlag;
  version: number;
  /** NOT_IN_BASKET: the month's quantity; EXCLUDED_*: the current-span quantity. */
  quantity: number;
};

export type TImputationMethod =
  | 'RATIO_ITEM'
  | 'RATIO_VSIC4_MEAN'
  | 'RATIO_VSIC2_MEAN'
  | 'RATIO_INDICATOR_MEAN'
  | 'CARRY_FORWARD'
  | 'UNIMPUTABLE_NO_HISTORY';

/** One imputation (§6 logging); `item` is the product code or `indicator|group`. */
export type TImputationLogRow = {
  period: string;
  enterpriseId: string;
  item: string | null;
  prevValue: number | null;
  ratio: number | null;
  method: TImputationMethod;
  donors: number;
  imputedValue: number | null;
};

export type TIipResult = { index: TIipIndexRow[]; flags: TIipFlagRow[]; imputation: TImputationLogRow[] };

/** One row of values_index.csv. */
export type TValueIndexRow = {
  period: string;
  scope: string;
  indicator: string;
  group: string;
  comparison: TValueComparison;
  valueCur: number;
  valueCmp: number;
  index: number | null;
  realIndex: number | null;
  imputedShare: number;
  tetDaysCur: number;
  tetDaysCmp: number;
};

export type TValuesResult = { index: TValueIndexRow[]; imputation: TImputationLogRow[] };
