/**
 * Resuming a computation from a checkpoint (server use; the CLI always computes the whole history).
 *
 * A run can leave a checkpoint at a month X: the monthly amounts of its cube for the months up to
 * X, the imputed entries of month X and the raw imputation log up to X, together with a key of
 * everything else they depend on (frame, items, weights or deflators). A later run whose reports
 * are unchanged before a month M > X, and whose key is the same, starts from the checkpoint: it
 * reads only the reports of months ≥ X, imputes from X + 1 and adds those months to the restored
 * cube. Imputation is chained month by month (§6) and a month's state is exactly the final records
 * of the month before, so the result is identical to a full run (tested on random histories).
 */
import type { TFrame } from './stats-frame';
import type { TRawImputationLog } from './stats-imputation';
import type { TCube } from './stats-panel';

/** Imputed entries of one month, in the order the imputation produced them. */
export type TMonthImputed = { entity: Int32Array; item: Int32Array; value: Float64Array };

export type TCheckpoint = {
  /** Everything besides the reports that the cube and the imputation depend on. */
  key: string;
  /** Month number X: the checkpoint holds the months up to and including X. */
  month: number;
  /** First month of the cube and first month with data (month numbers). */
  firstMonth: number;
  firstData: number;
  /** Item codes in index order (the value indicators build their items from the data). */
  itemCodes: readonly string[];
  /** Per cube row, the monthly amounts of months firstMonth..month (before accumulation). */
  cubeMonths: Float64Array;
  imputed: TMonthImputed;
  log: readonly TRawImputationLog[];
};

/** Options of a resumed run: the checkpoint and the first month whose reports may have changed. */
export type TResume = { checkpoint: TCheckpoint; unchangedBefore: string };

/**
 * The checkpoint of `resume` when a run may start from it: same key, reports unchanged up to its
 * month, its month within the run, and the same first cube month; otherwise undefined.
 */
export const usableCheckpoint = (
  resume: TResume | undefined,
  { key, lastMonth, neededFirst, unchangedBefore }: { key: string; lastMonth: number; neededFirst: number; unchangedBefore: (period: string) => number },
): TCheckpoint | undefined => {
  const saved = resume?.checkpoint;
  if (!saved || saved.key !== key || saved.month >= unchangedBefore(resume.unchangedBefore) || saved.month > lastMonth) return undefined;
  return Math.min(neededFirst, saved.firstData) === saved.firstMonth ? saved : undefined;
};

/** A key of the frame: ids, active months and scopes of every entity. */
export const frameKey = (frame: TFrame): string =>
  [frame.ids.join(','), Array.from(frame.activeFrom).join(','), Array.from(frame.activeTo).join(','), frame.scopes.join(','), Array.from(frame.entityScopeStart).join(','), Array.from(frame.entityScopes).join(',')].join('\u0001');

/** Copies the monthly amounts of months firstMonth..month of every row (call before accumulating). */
export const snapshotCubeMonths = (cube: TCube, month: number): Float64Array => {
  const width = month - cube.firstMonth + 1;
  const stride = cube.monthCount + 1;
  const rowCount = cube.cells.length / stride;
  const out = new Float64Array(rowCount * width);
  for (let row = 0; row < rowCount; row += 1) out.set(cube.cells.subarray(row * stride + 1, row * stride + 1 + width), row * width);
  return out;
};

/** Puts back monthly amounts taken by {@link snapshotCubeMonths} into an empty cube of the same rows. */
export const restoreCubeMonths = (cube: TCube, months: Float64Array, width: number): void => {
  const stride = cube.monthCount + 1;
  const rowCount = cube.cells.length / stride;
  if (months.length !== rowCount * width || width > cube.monthCount) throw new Error('checkpoint does not fit the cube');
  for (let row = 0; row < rowCount; row += 1) cube.cells.set(months.subarray(row * width, (row + 1) * width), row * stride + 1);
};

/** The imputed entries of one month out of a run's entries (or of the seed when it is that month). */
export const pickMonthImputed = (entries: { count: number; month: Int32Array; entity: Int32Array; item: Int32Array; value: Float64Array }, month: number): TMonthImputed => {
  const picked: number[] = [];
  for (let i = 0; i < entries.count; i += 1) if (entries.month[i] === month) picked.push(i);
  return {
    entity: Int32Array.from(picked, (i) => entries.entity[i]),
    item: Int32Array.from(picked, (i) => entries.item[i]),
    value: Float64Array.from(picked, (i) => entries.value[i]),
  };
};
