/**
 * Integer-indexed monthly panels: reported records after revision resolution (§3), and the
 * cumulative cubes of aggregated values per (scope, series, month) used to sum any span in O(1).
 */

/**
 * Report rows mapped to integer indices (entity, absolute month number, item). Values and
 * revisions are read from the caller's rows on demand, so no copy of them is made.
 */
export type TPanelRows = {
  count: number;
  entity: Int32Array;
  month: Int32Array;
  item: Int32Array;
  valueOf: (row: number) => number;
  revisionOf: (row: number) => number;
};

/** Allocates the index arrays of {@link TPanelRows} for `count` rows. */
export const allocatePanelRows = (
  count: number,
  valueOf: (row: number) => number,
  revisionOf: (row: number) => number,
): TPanelRows => ({ count, entity: new Int32Array(count), month: new Int32Array(count), item: new Int32Array(count), valueOf, revisionOf });

/**
 * Reported records, one per (month, entity) that has at least one row, in CSR layout:
 * the records of month offset i are `monthRecordStart[i] … monthRecordStart[i+1] − 1`, and the
 * items of record r are `recordItemStart[r] … recordItemStart[r+1] − 1`.
 */
export type TReportedPanel = {
  firstMonth: number;
  monthCount: number;
  entityCount: number;
  itemCount: number;
  monthRecordStart: Int32Array;
  recordEntity: Int32Array;
  recordItemStart: Int32Array;
  itemIds: Int32Array;
  itemValues: Float64Array;
};

export type TBuildPanelOptions = {
  rows: TPanelRows;
  entityCount: number;
  itemCount: number;
  firstMonth: number;
  lastMonth: number;
};

/**
 * Groups rows into monthly records. For each (month, entity, item) the highest revision wins;
 * on equal revisions the later row wins. Rows outside `firstMonth..lastMonth` are ignored.
 */
export const buildReportedPanel = ({ rows, entityCount, itemCount, firstMonth, lastMonth }: TBuildPanelOptions): TReportedPanel => {
  const monthCount = Math.max(0, lastMonth - firstMonth + 1);
  const keyCount = monthCount * entityCount;
  // Counting sort of the rows by key = (month offset, entity), stable.
  const keyEnd = new Int32Array(keyCount + 1);
  for (let r = 0; r < rows.count; r += 1) {
    const m = rows.month[r];
    if (m < firstMonth || m > lastMonth) continue;
    keyEnd[(m - firstMonth) * entityCount + rows.entity[r]] += 1;
  }
  let largestRecord = 0;
  for (let k = 0; k < keyCount; k += 1) if (keyEnd[k] > largestRecord) largestRecord = keyEnd[k];
  for (let k = 0; k < keyCount; k += 1) keyEnd[k + 1] += keyEnd[k];
  // keyEnd[k] is now the end of bucket k; filling backwards leaves the bucket starts in keyEnd[k].
  const placed = new Int32Array(keyEnd[keyCount]);
  for (let r = rows.count - 1; r >= 0; r -= 1) {
    const m = rows.month[r];
    if (m < firstMonth || m > lastMonth) continue;
    const key = (m - firstMonth) * entityCount + rows.entity[r];
    keyEnd[key] -= 1;
    placed[keyEnd[key]] = r;
  }
  const keyStart = keyEnd;

  const monthRecordStart = new Int32Array(monthCount + 1);
  const recordEntity = new Int32Array(placed.length);
  const recordItemStart = new Int32Array(placed.length + 1);
  const itemIds = new Int32Array(placed.length);
  const itemValues = new Float64Array(placed.length);
  const recordRevisions = new Float64Array(largestRecord);
  let recordCount = 0;
  let itemCountOut = 0;
  for (let key = 0; key < keyCount; key += 1) {
    const begin = keyStart[key];
    const end = keyStart[key + 1];
    if (begin === end) continue;
    const recordFirstItem = itemCountOut;
    for (let p = begin; p < end; p += 1) {
      const r = placed[p];
      const item = rows.item[r];
      const revision = rows.revisionOf(r);
      let existing = -1;
      for (let q = recordFirstItem; q < itemCountOut; q += 1) {
        if (itemIds[q] === item) {
          existing = q;
          break;
        }
      }
      if (existing < 0) {
        itemIds[itemCountOut] = item;
        itemValues[itemCountOut] = rows.valueOf(r);
        recordRevisions[itemCountOut - recordFirstItem] = revision;
        itemCountOut += 1;
      } else if (revision >= recordRevisions[existing - recordFirstItem]) {
        itemValues[existing] = rows.valueOf(r);
        recordRevisions[existing - recordFirstItem] = revision;
      }
    }
    const monthOffset = (key / entityCount) | 0;
    recordEntity[recordCount] = key - monthOffset * entityCount;
    recordCount += 1;
    recordItemStart[recordCount] = itemCountOut;
    monthRecordStart[monthOffset + 1] = recordCount;
  }
  for (let i = 0; i < monthCount; i += 1) {
    if (monthRecordStart[i + 1] < monthRecordStart[i]) monthRecordStart[i + 1] = monthRecordStart[i];
  }
  return {
    firstMonth,
    monthCount,
    entityCount,
    itemCount,
    monthRecordStart,
    recordEntity: recordEntity.subarray(0, recordCount),
    recordItemStart: recordItemStart.subarray(0, recordCount + 1),
    itemIds: itemIds.subarray(0, itemCountOut),
    itemValues: itemValues.subarray(0, itemCountOut),
  };
};

/** Visits every reported entry of the panel (entity, item, month number, value). */
export const forEachReportedEntry = (panel: TReportedPanel, visit: (entity: number, item: number, month: number, value: number) => void): void => {
  for (let i = 0; i < panel.monthCount; i += 1) {
    for (let r = panel.monthRecordStart[i]; r < panel.monthRecordStart[i + 1]; r += 1) {
      for (let q = panel.recordItemStart[r]; q < panel.recordItemStart[r + 1]; q += 1) visit(panel.recordEntity[r], panel.itemIds[q], panel.firstMonth + i, panel.itemValues[q]);
    }
  }
};

/** First month (month number) with at least one record, or `null` for an empty panel. */
export const getFirstRecordMonth = (panel: TReportedPanel): number | null => {
  for (let i = 0; i < panel.monthCount; i += 1) {
    if (panel.monthRecordStart[i + 1] > panel.monthRecordStart[i]) return panel.firstMonth + i;
  }
  return null;
};

// ---------------------------------------------------------------- cumulative cubes

/**
 * Layers × scopes × series × months of cumulative sums. While filling, {@link addToCube} puts a
 * month's amount in cell `m + 1`; {@link accumulateCube} turns the cells into running sums, after
 * which {@link sumSpan} returns the sum over any span as a difference of two cells.
 */
export type TCube = {
  layerCount: number;
  scopeCount: number;
  seriesCount: number;
  firstMonth: number;
  monthCount: number;
  cells: Float64Array;
};

export type TCreateCubeOptions = { layerCount: number; scopeCount: number; seriesCount: number; firstMonth: number; lastMonth: number };

/** Allocates an empty cube. */
export const createCube = ({ layerCount, scopeCount, seriesCount, firstMonth, lastMonth }: TCreateCubeOptions): TCube => {
  const monthCount = Math.max(0, lastMonth - firstMonth + 1);
  return {
    layerCount,
    scopeCount,
    seriesCount,
    firstMonth,
    monthCount,
    cells: new Float64Array(layerCount * scopeCount * seriesCount * (monthCount + 1)),
  };
};

/** Offset of the first cell of (layer, scope, series). */
export const getCubeRowOffset = (cube: TCube, layer: number, scope: number, series: number): number =>
  ((layer * cube.scopeCount + scope) * cube.seriesCount + series) * (cube.monthCount + 1);

/** Adds an amount for one month (before {@link accumulateCube}). */
export const addToCube = (cube: TCube, rowOffset: number, month: number, amount: number): void => {
  cube.cells[rowOffset + month - cube.firstMonth + 1] += amount;
};

/** Turns the monthly amounts into running sums, in place. */
export const accumulateCube = (cube: TCube): void => {
  const stride = cube.monthCount + 1;
  const { cells } = cube;
  for (let base = 0; base < cells.length; base += stride) {
    for (let i = 1; i < stride; i += 1) cells[base + i] += cells[base + i - 1];
  }
};

/** Sum over months `first..last` of an accumulated cube row (months outside the cube count as 0). */
export const sumSpan = (cube: TCube, rowOffset: number, first: number, last: number): number => {
  const lo = Math.max(first, cube.firstMonth) - cube.firstMonth;
  const hi = Math.min(last, cube.firstMonth + cube.monthCount - 1) - cube.firstMonth;
  if (hi < lo) return 0;
  return cube.cells[rowOffset + hi + 1] - cube.cells[rowOffset + lo];
};
