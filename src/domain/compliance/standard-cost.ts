/**
 * The standard-cost model of a procedure's compliance cost (spec §5.3, TT 02/2017/TT-VPCP — the
 * annex was not found, so the structure follows the spec's formula, marked [U]):
 *
 *   costOnce   = Σ_steps (hours_i × incomePerHour) + consultancy/service + fees + otherCosts
 *   annualCost = costOnce × subjectsPerYear × timesPerSubjectPerYear
 *   saving     = annualCost_before − annualCost_after
 *   savingRate = saving / annualCost_before × 100 %
 *
 * Amounts are whole đồng. Hours carry at most 2 decimals and the frequency at most 4, so the
 * arithmetic is exact: hours are summed in hundredths, the annual product is taken in BigInt
 * (the spec's own example, 250,000 VND × 325,000 firms × 12, already passes 2^53 when scaled),
 * and the only roundings are the time cost and the annual cost to the nearest đồng (half up).
 * Pure: shared by the server, the XLSX export and the web page's live preview.
 */

export type TCostStep = { name: string; hours: number };
export type TOtherCost = { name: string; amountVnd: number };

/** One side (before or after the simplification plan) of a procedure's standard-cost model. */
export type TCostModel = {
  /** Steps the subject performs (prepare the dossier, travel, submit, receive the result…) with the hours each takes. */
  steps: TCostStep[];
  /** Fees and charges (phí, lệ phí) paid per compliance. */
  feesVnd: number;
  /** Consultancy or outsourced services per compliance. */
  consultancyVnd: number;
  /** Other costs per compliance (travel, copies, certification, postage…). */
  otherCosts: TOtherCost[];
  /** Number of subjects (citizens, enterprises…) complying per year. */
  subjectsPerYear: number;
  /** Times each subject complies per year (0.2 = once every five years). */
  timesPerYear: number;
};

export type TCostBreakdown = {
  hours: number;
  incomePerHourVnd: number;
  timeCostVnd: number;
  feesVnd: number;
  consultancyVnd: number;
  otherCostsVnd: number;
  costOnceVnd: number;
  compliancesPerYear: number;
  annualCostVnd: number;
};

export const HOURS_DECIMALS = 2;
export const TIMES_DECIMALS = 4;

const scaled = (x: number, decimals: number): number => Math.round(x * 10 ** decimals);

/** Rounds a non-negative BigInt quotient half up. */
const divideHalfUp = (numerator: bigint, denominator: bigint): bigint => (numerator * 2n + denominator) / (denominator * 2n);

/** Total hours of the steps (exact to the hundredth). */
export const totalHours = (steps: readonly TCostStep[]): number => steps.reduce((sum, s) => sum + scaled(s.hours, HOURS_DECIMALS), 0) / 10 ** HOURS_DECIMALS;

/** The cost of one compliance and per year, at an income per hour (VND). */
export const computeCost = (model: TCostModel, incomePerHourVnd: number): TCostBreakdown => {
  const centiHours = model.steps.reduce((sum, s) => sum + scaled(s.hours, HOURS_DECIMALS), 0);
  const timeCostVnd = Number(divideHalfUp(BigInt(centiHours) * BigInt(Math.round(incomePerHourVnd)), 100n));
  const otherCostsVnd = model.otherCosts.reduce((sum, c) => sum + Math.round(c.amountVnd), 0);
  const feesVnd = Math.round(model.feesVnd);
  const consultancyVnd = Math.round(model.consultancyVnd);
  const costOnceVnd = timeCostVnd + consultancyVnd + feesVnd + otherCostsVnd;
  const timesE4 = BigInt(scaled(model.timesPerYear, TIMES_DECIMALS));
  const subjects = BigInt(Math.round(model.subjectsPerYear));
  const annualCostVnd = Number(divideHalfUp(BigInt(costOnceVnd) * subjects * timesE4, BigInt(10 ** TIMES_DECIMALS)));
  const compliancesPerYear = Number(subjects * timesE4) / 10 ** TIMES_DECIMALS;
  return { hours: centiHours / 100, incomePerHourVnd, timeCostVnd, feesVnd, consultancyVnd, otherCostsVnd, costOnceVnd, compliancesPerYear, annualCostVnd };
};

export type TSaving = { savingVnd: number; savingRatePct: number | null };

/** Saving and saving rate (%, unrounded; null when the cost before is zero). */
export const computeSaving = (annualBeforeVnd: number, annualAfterVnd: number): TSaving => {
  const savingVnd = annualBeforeVnd - annualAfterVnd;
  return { savingVnd, savingRatePct: annualBeforeVnd === 0 ? null : (savingVnd / annualBeforeVnd) * 100 };
};

/** Problems of a model as [path, message] pairs (paths relative to the model), empty when valid. */
export const checkCostModel = (model: TCostModel): { path: string; message: string }[] => {
  const errors: { path: string; message: string }[] = [];
  const money = (value: number, path: string) => {
    if (!Number.isFinite(value) || value < 0) errors.push({ path, message: 'must be zero or more' });
    else if (!Number.isInteger(value)) errors.push({ path, message: 'must be a whole number of đồng' });
  };
  if (model.steps.length === 0) errors.push({ path: 'steps', message: 'at least one step is required' });
  model.steps.forEach((s, i) => {
    if (!s.name.trim()) errors.push({ path: `steps.${i}.name`, message: 'a step needs a name' });
    if (!Number.isFinite(s.hours) || s.hours < 0) errors.push({ path: `steps.${i}.hours`, message: 'hours must be zero or more' });
    else if (scaled(s.hours, HOURS_DECIMALS) / 10 ** HOURS_DECIMALS !== s.hours) errors.push({ path: `steps.${i}.hours`, message: `at most ${HOURS_DECIMALS} decimals` });
  });
  money(model.feesVnd, 'feesVnd');
  money(model.consultancyVnd, 'consultancyVnd');
  model.otherCosts.forEach((c, i) => {
    if (!c.name.trim()) errors.push({ path: `otherCosts.${i}.name`, message: 'a cost needs a name' });
    money(c.amountVnd, `otherCosts.${i}.amountVnd`);
  });
  if (!Number.isInteger(model.subjectsPerYear) || model.subjectsPerYear < 0) errors.push({ path: 'subjectsPerYear', message: 'must be a whole number, zero or more' });
  if (!Number.isFinite(model.timesPerYear) || model.timesPerYear <= 0) errors.push({ path: 'timesPerYear', message: 'must be more than zero' });
  else if (scaled(model.timesPerYear, TIMES_DECIMALS) / 10 ** TIMES_DECIMALS !== model.timesPerYear) errors.push({ path: 'timesPerYear', message: `at most ${TIMES_DECIMALS} decimals` });
  return errors;
};

/** The income per hour in force at a date: the setting with the latest effective date on or before it. */
export const incomeRateAt = <T extends { effectiveFrom: string }>(rates: readonly T[], date: string): T | null =>
  rates.reduce<T | null>((best, r) => (r.effectiveFrom <= date && (!best || r.effectiveFrom > best.effectiveFrom) ? r : best), null);
