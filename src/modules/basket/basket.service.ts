import type { TDb } from '../../db/client';
import { tetDate } from '../../domain/calendar/lunar';
import { StatsInputError } from '../../domain/stats/stats-errors';
import { computeIip } from '../../domain/stats/stats-iip';
import { getDefaultTetWindow } from '../../domain/stats/stats-tet';
import type { TWeightLevel } from '../../domain/stats/stats.types';
import { FileFormatError, mapRecords } from '../../lib/tabular-file';
import { AppError, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import { readTabularFile } from '../enterprises/enterprises-import.service';
import { todayInVietnam } from '../enterprises/enterprises.service';
import { listVsic } from '../reference/vsic';
import { loadDataAsOf } from '../statistics/statistics.repo';
import type { TStatisticsService } from '../statistics/statistics.service';
import {
  buildWeightTree,
  checkDeflator,
  checkPeriodRange,
  checkProduct,
  checkTetWindow,
  checkWeightRows,
  DEFLATOR_COLUMNS,
  FRAME_COLUMNS,
  findUnweightedNodes,
  PRODUCT_COLUMNS,
  readNumber,
  resolveWeights,
  shiftPeriod,
  TET_COLUMNS,
  WEIGHT_COLUMNS,
  type TProductInput,
  type TWeightInput,
} from './basket-rules';
import {
  deleteDeflator,
  deleteTetWindow,
  findDeflator,
  findEnterprisesByTaxCodes,
  findForm,
  findFrameMember,
  findFrameMembers,
  findProduct,
  findProductsWithData,
  insertFrameMember,
  insertProduct,
  listDeflators,
  listDeflatorYears,
  listForms,
  listFrame,
  listLockExceptions,
  listProducts,
  listTetWindows,
  listWeights,
  loadAreaCodes,
  replaceWeights,
  setVersionValidFrom,
  updateForm,
  updateFrameMember,
  updateProduct,
  upsertDeflators,
  upsertTetWindows,
} from './basket.repo';

/** A problem of an uploaded file: its row (header = 1; null = the whole file) and column. */
export type TImportError = { row: number | null; column: string | null; message: string };
export type TImportResult = { dryRun: boolean; rows: number; inserted: number; updated: number; unchanged: number; errors: TImportError[]; recomputeMs: number | null };

const OWNERSHIP_SCOPES = new Set(['OWN:NN', 'OWN:NNN', 'OWN:FDI']);
const SECTION_NAMES: Record<string, [string, string]> = {};
const DIVISION_NAMES: Record<string, [string, string]> = {};
for (const v of listVsic()) (v.level === 'SECTION' ? SECTION_NAMES : DIVISION_NAMES)[v.code] = [v.nameVi, v.nameEn];
const isKnownDivision = (division: string) => division in DIVISION_NAMES;

const currentMonth = () => todayInVietnam().slice(0, 7);

const invalid = (path: string, message: string) => new AppError('VALIDATION_ERROR', message, [{ path, message }]);

/** Reads an uploaded CSV (or XLSX) into records keyed by canonical columns; a bad file is IMPORT_INVALID. */
const readRecords = async <TKey extends string>(input: { fileName: string; bytes: Uint8Array }, aliases: Record<TKey, string[]>, required: NoInfer<TKey>[]) => {
  try {
    const parsed = mapRecords<TKey>(await readTabularFile(input.fileName, input.bytes), { aliases, required });
    if (parsed.rows.length === 0) throw new FileFormatError('The file has a header but no data rows');
    return parsed;
  } catch (error) {
    if (error instanceof FileFormatError) throw new AppError('IMPORT_INVALID', error.message, { errors: [{ row: null, column: null, message: error.message }] });
    throw error;
  }
};

/** Ends a run with errors: a dry run reports them, a real run refuses the whole file. */
const finishChecked = <T extends { dryRun: boolean; errors: TImportError[] }>(result: T): T | null => {
  result.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (result.dryRun) return result;
  if (result.errors.length) throw new AppError('IMPORT_INVALID', `${result.errors.length} error(s) in the file; nothing was stored`, result);
  return null;
};

type TEngineInput = Awaited<ReturnType<TStatisticsService['loadInput']>>;

/**
 * The reference data behind the indicator engine, edited by statistics officers: the product
 * basket, weight versions per scope and level, deflators, official Tết windows, the settings of
 * the monthly forms and their survey frame. Every write is checked (a change that would stop the
 * engine is refused before anything is stored), audited in its transaction, and followed by a
 * recomputation of the published figures from the first affected month.
 */
export const createBasketService = ({ db, statisticsService }: { db: TDb; statisticsService: Pick<TStatisticsService, 'recompute' | 'loadInput'> }) => {
  /**
   * Runs the engine over the data with a change applied (`patch`), from `from` to the latest month
   * with data, and returns its complaint (e.g. a node with data but no weight), or null.
   */
  const checkWithEngine = async (patch: (input: TEngineInput) => TEngineInput, from: string | null): Promise<string | null> => {
    const span = await loadDataAsOf(db);
    if (!span?.first || !span.last) return null;
    const input = patch(await statisticsService.loadInput());
    if (!input.products.length || !input.weights.length) return null;
    const start = from && from > span.first ? from : span.first;
    if (start > span.last) return null;
    try {
      computeIip(input, { from: start, to: span.last, linkFrom: span.first });
      return null;
    } catch (error) {
      if (error instanceof StatsInputError) return error.expected.replace(/^version/, 'weight version');
      throw error;
    }
  };

  /** Recomputes the published figures from `from` (null = the whole history); returns the time taken. */
  const refresh = async (from: string | null, reason: string): Promise<number | null> => {
    const span = await loadDataAsOf(db);
    if (!span?.last || (from !== null && from > span.last)) return null;
    const started = performance.now();
    await statisticsService.recompute({ from: from ?? undefined, reason });
    return Math.round(performance.now() - started);
  };

  /**
   * Names and units appear in the published IIP tables: a new computation run of the latest month
   * (the cheapest one) makes the cached answers of the indicators pages current again.
   */
  const refreshNames = async (reason: string) => {
    const span = await loadDataAsOf(db);
    return span?.last ? refresh(span.last, reason) : null;
  };

  // ---------------------------------------------------------------- products

  const presentProduct = (p: Awaited<ReturnType<typeof findProduct>> & object, versions: number[]) => ({
    code: p.code,
    nameVi: p.nameVi,
    nameEn: p.nameEn,
    unit: p.unit,
    vsic4: p.vsic4,
    activeFrom: p.activeFrom,
    activeTo: p.activeTo,
    weightVersions: versions,
  });

  const versionsByProduct = async () => {
    const map = new Map<string, number[]>();
    for (const w of await listWeights(db)) if (w.level === 'PRODUCT' && !map.get(w.code)?.includes(w.version)) map.set(w.code, [...(map.get(w.code) ?? []), w.version]);
    return map;
  };

  const listBasketProducts = async (q?: string) => {
    const [rows, versions] = await Promise.all([listProducts(db, q?.trim() || undefined), versionsByProduct()]);
    return { items: rows.map((p) => presentProduct(p, versions.get(p.code) ?? [])) };
  };

  const assertProduct = (p: TProductInput) => {
    const errors = checkProduct(p, isKnownDivision);
    const FIELD: Record<string, string> = { product_code: 'code', name_vi: 'nameVi', name_en: 'nameEn', unit: 'unit', vsic4: 'vsic4', active_from: 'activeFrom', active_to: 'activeTo' };
    if (errors.length) throw new AppError('VALIDATION_ERROR', `${FIELD[errors[0].column]}: ${errors[0].message}`, errors.map((e) => ({ path: `body.${FIELD[e.column]}`, message: e.message })));
  };

  /** The engine must still run when products move to another class (their nodes need weights). */
  const assertEngineWithProducts = async (changed: Map<string, TProductInput>) => {
    const complaint = await checkWithEngine((input) => ({ ...input, products: input.products.map((p) => (changed.has(p.code) ? { ...p, vsic4: changed.get(p.code)?.vsic4 ?? p.vsic4 } : p)) }), null);
    return complaint;
  };

  const createProduct = async (ctx: TRequestContext, p: TProductInput) => {
    assertProduct(p);
    const row = await db.transaction(async (tx) => {
      if (await findProduct(tx, p.code, { forUpdate: true })) throw new AppError('CONFLICT', `The product ${p.code} already exists`);
      const created = await insertProduct(tx, p);
      await recordAudit(tx, ctx, { entity: 'stats_product', entityId: p.code, action: 'basket.product.create', after: p });
      return created;
    });
    return presentProduct(row, []);
  };

  const editProduct = async (ctx: TRequestContext, code: string, patch: Omit<TProductInput, 'code'>) => {
    const p = { ...patch, code };
    assertProduct(p);
    const current = await findProduct(db, code);
    if (!current) throw notFound(`Product ${code}`);
    const isClassChanged = current.vsic4 !== p.vsic4;
    if (isClassChanged) {
      const complaint = await assertEngineWithProducts(new Map([[code, p]]));
      if (complaint) throw invalid('body.vsic4', `Moving ${code} to class ${p.vsic4} would stop the indicators: ${complaint}`);
    }
    const row = await db.transaction(async (tx) => {
      const before = await findProduct(tx, code, { forUpdate: true });
      if (!before) throw notFound(`Product ${code}`);
      const updated = await updateProduct(tx, code, patch);
      await recordAudit(tx, ctx, { entity: 'stats_product', entityId: code, action: 'basket.product.update', before, after: updated });
      return updated;
    });
    const isLabelChanged = current.nameVi !== p.nameVi || current.nameEn !== p.nameEn || current.unit !== p.unit;
    const recomputeMs = isClassChanged ? await refresh(null, `product ${code} moved to class ${p.vsic4}`) : isLabelChanged ? await refreshNames(`product ${code} renamed`) : null;
    return { ...presentProduct(row, (await versionsByProduct()).get(code) ?? []), recomputeMs };
  };

  const importProducts = async (ctx: TRequestContext, input: { fileName: string; bytes: Uint8Array; dryRun: boolean }): Promise<TImportResult> => {
    const parsed = await readRecords(input, PRODUCT_COLUMNS, ['product_code', 'name_vi', 'name_en', 'unit', 'vsic4']);
    const errors: TImportError[] = [];
    const existing = new Map((await listProducts(db)).map((p) => [p.code, p]));
    const seen = new Map<string, number>();
    const valid: TProductInput[] = [];
    for (const { rowNumber, values } of parsed.rows) {
      const p: TProductInput = {
        code: values.product_code ?? '',
        nameVi: values.name_vi ?? '',
        nameEn: values.name_en ?? '',
        unit: values.unit ?? '',
        vsic4: values.vsic4 ?? '',
        activeFrom: values.active_from || null,
        activeTo: values.active_to || null,
      };
      const rowErrors = checkProduct(p, isKnownDivision);
      const first = seen.get(p.code);
      if (first !== undefined) rowErrors.push({ column: 'product_code', message: `${p.code} is repeated (first on row ${first})` });
      seen.set(p.code, rowNumber);
      errors.push(...rowErrors.map((e) => ({ row: rowNumber, ...e })));
      if (!rowErrors.length) valid.push(p);
    }
    const same = (a: TProductInput, b: TProductInput) =>
      a.nameVi === b.nameVi && a.nameEn === b.nameEn && a.unit === b.unit && a.vsic4 === b.vsic4 && a.activeFrom === b.activeFrom && a.activeTo === b.activeTo;
    const inserted = valid.filter((p) => !existing.has(p.code));
    const updated = valid.filter((p) => {
      const old = existing.get(p.code);
      return old && !same(old, p);
    });
    const moved = new Map(updated.filter((p) => existing.get(p.code)?.vsic4 !== p.vsic4).map((p) => [p.code, p]));
    if (!errors.length && moved.size) {
      const complaint = await assertEngineWithProducts(moved);
      if (complaint) errors.push({ row: null, column: 'vsic4', message: `the new classes would stop the indicators: ${complaint}` });
    }
    const result: TImportResult = { dryRun: input.dryRun, rows: parsed.rows.length, inserted: inserted.length, updated: updated.length, unchanged: valid.length - inserted.length - updated.length, errors, recomputeMs: null };
    const checked = finishChecked(result);
    if (checked) return checked;
    await db.transaction(async (tx) => {
      for (const p of inserted) {
        await insertProduct(tx, p);
        await recordAudit(tx, ctx, { entity: 'stats_product', entityId: p.code, action: 'basket.product.import', after: { ...p, file: input.fileName } });
      }
      for (const p of updated) {
        const { code, ...patch } = p;
        await updateProduct(tx, code, patch);
        await recordAudit(tx, ctx, { entity: 'stats_product', entityId: code, action: 'basket.product.import', before: existing.get(code), after: { ...p, file: input.fileName } });
      }
    });
    const reason = `products imported from ${input.fileName}`;
    return { ...result, recomputeMs: moved.size ? await refresh(null, reason) : updated.length ? await refreshNames(reason) : null };
  };

  /** The basket as CSV (the import's English header), with a BOM so spreadsheet programs read UTF-8. */
  const exportProductsCsv = async () => {
    const quote = (v: string | null) => (v === null ? '' : /[",\r\n]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);
    const lines = ['product_code,name_vi,name_en,unit,vsic4,active_from,active_to'];
    for (const p of await listProducts(db)) lines.push([p.code, p.nameVi, p.nameEn, p.unit, p.vsic4, p.activeFrom, p.activeTo].map(quote).join(','));
    return `\ufeff${lines.join('\r\n')}\r\n`;
  };

  // ---------------------------------------------------------------- weights

  const toInput = (w: Awaited<ReturnType<typeof listWeights>>[number]): TWeightInput => ({
    version: w.version,
    validFrom: w.validFrom,
    scope: w.scope,
    level: w.level as TWeightLevel,
    code: w.code,
    weight: w.weight,
    baseAnnualQty: w.baseAnnualQty,
  });

  const versionStatus = (validFrom: string, allStarts: string[]) => {
    const now = currentMonth();
    if (validFrom > now) return 'SCHEDULED' as const;
    const inForce = allStarts.filter((s) => s <= now).sort().at(-1);
    return inForce === validFrom ? ('IN_FORCE' as const) : ('SUPERSEDED' as const);
  };

  /** Weight versions with their start, status and the rows per scope and level. */
  const listWeightVersions = async () => {
    const rows = await listWeights(db);
    const versions = new Map<number, { version: number; validFrom: string; scopes: Map<string, Record<TWeightLevel, number>> }>();
    for (const r of rows) {
      const v = versions.get(r.version) ?? { version: r.version, validFrom: r.validFrom, scopes: new Map() };
      const counts = v.scopes.get(r.scope) ?? { PRODUCT: 0, VSIC4: 0, VSIC2: 0, SECTION: 0 };
      counts[r.level as TWeightLevel] += 1;
      v.scopes.set(r.scope, counts);
      versions.set(r.version, v);
    }
    const starts = [...versions.values()].map((v) => v.validFrom);
    return {
      items: [...versions.values()]
        .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))
        .map((v) => ({
          version: v.version,
          validFrom: v.validFrom,
          status: versionStatus(v.validFrom, starts),
          scopes: [...v.scopes].sort(([a], [b]) => (a === 'ALL' ? -1 : b === 'ALL' ? 1 : a.localeCompare(b))).map(([scope, counts]) => ({ scope, counts })),
        })),
    };
  };

  /** The months whose figures a version can affect: from 14 months before it starts (QOY, YTD spans) to the month before the next version. */
  const dataRangeOf = (version: number, rows: readonly TWeightInput[]) => {
    const starts = [...new Map(rows.map((r) => [r.version, r.validFrom])).entries()];
    const validFrom = starts.find(([v]) => v === version)?.[1] ?? '0000-01';
    const next = starts.map(([, s]) => s).filter((s) => s > validFrom).sort()[0];
    return { from: shiftPeriod(validFrom, -14), to: next ? shiftPeriod(next, -1) : null };
  };

  /** A version's aggregation tree for a scope: weights (own or inherited from ALL), shares, data presence, gaps. */
  const getWeightTree = async (version: number, scope: string) => {
    const rows = (await listWeights(db)).map(toInput);
    const mine = rows.filter((r) => r.version === version);
    if (!mine.length) throw notFound(`Weight version ${version}`);
    const products = await listProducts(db);
    const vsic4Of = new Map(products.map((p) => [p.code, p.vsic4]));
    const withData = await findProductsWithData(db, dataRangeOf(version, rows));
    const tree = buildWeightTree(resolveWeights(rows, version, scope), vsic4Of, withData);
    const byCode = new Map(products.map((p) => [p.code, p]));
    const nameOf = (level: string, code: string): [string, string] => {
      if (level === 'TOTAL') return ['Toàn ngành công nghiệp', 'All industry'];
      if (level === 'SECTION') return SECTION_NAMES[code] ?? [code, code];
      if (level === 'VSIC2') return DIVISION_NAMES[code] ?? [code, code];
      if (level === 'PRODUCT') return [byCode.get(code)?.nameVi ?? code, byCode.get(code)?.nameEn ?? code];
      return [`Ngành ${code}`, `Class ${code}`];
    };
    return {
      version,
      validFrom: mine[0].validFrom,
      scope,
      scopes: [...new Set(mine.map((r) => r.scope))].sort((a, b) => (a === 'ALL' ? -1 : b === 'ALL' ? 1 : a.localeCompare(b))),
      nodes: tree.map((n) => {
        const [nameVi, nameEn] = nameOf(n.level, n.code);
        return { ...n, nameVi, nameEn, unit: n.level === 'PRODUCT' ? (byCode.get(n.code)?.unit ?? null) : null, isMissing: n.level !== 'TOTAL' && n.weight === null };
      }),
      unweighted: findUnweightedNodes(tree).map((n) => `${n.level} ${n.code}`),
    };
  };

  /** Nodes with data but no weight, for each (version, scope) touched by a set of rows. */
  const findTreeGaps = async (rows: readonly TWeightInput[], pairs: { version: number; scope: string }[]) => {
    const vsic4Of = new Map((await listProducts(db)).map((p) => [p.code, p.vsic4]));
    const messages: string[] = [];
    for (const { version, scope } of pairs) {
      const withData = await findProductsWithData(db, dataRangeOf(version, rows));
      for (const node of findUnweightedNodes(buildWeightTree(resolveWeights(rows, version, scope), vsic4Of, withData))) {
        messages.push(`weights missing for a node that has data: ${node.level} ${node.code} (version ${version}, scope ${scope}) has reported quantities but no ${node.level} weight`);
      }
    }
    return messages;
  };

  /**
   * Imports weight rows (§3.1): each (version, scope) of the file replaces the stored rows of that
   * pair. Checked: the rows, one start per version (also against the stored scopes), every node
   * with data has a weight, and the engine runs; then stored, audited and recomputed.
   */
  const importWeights = async (ctx: TRequestContext, input: { fileName: string; bytes: Uint8Array; dryRun: boolean }) => {
    const parsed = await readRecords(input, WEIGHT_COLUMNS, ['version', 'valid_from', 'scope', 'level', 'code', 'weight']);
    const [products, areas, stored] = await Promise.all([listProducts(db), loadAreaCodes(db), listWeights(db)]);
    const { rows, errors: rowErrors } = checkWeightRows(parsed.rows, {
      productVsic4: new Map(products.map((p) => [p.code, p.vsic4])),
      isKnownScope: (s) => s === 'ALL' || OWNERSHIP_SCOPES.has(s) || areas.has(s),
      isKnownDivision,
    });
    const errors: TImportError[] = [...rowErrors];
    const pairKeys = [...new Set(rows.map((r) => `${r.version}|${r.scope}`))];
    const pairs = pairKeys.map((k) => ({ version: Number(k.split('|')[0]), scope: k.split('|').slice(1).join('|') }));
    const isReplaced = (w: { version: number; scope: string }) => pairKeys.includes(`${w.version}|${w.scope}`);
    const kept = stored.map(toInput).filter((w) => !isReplaced(w));
    for (const r of rows) {
      const other = kept.find((w) => w.version === r.version);
      if (other && other.validFrom !== r.validFrom && !errors.some((e) => e.row === r.rowNumber)) {
        errors.push({ row: r.rowNumber, column: 'valid_from', message: `version ${r.version} starts ${other.validFrom} in scope ${other.scope}; one version has one valid_from (change it with "activate")` });
      }
    }
    for (const r of rows) {
      const clash = [...kept, ...rows].find((w) => w.validFrom === r.validFrom && w.version !== r.version);
      if (clash && !errors.some((e) => e.row === r.rowNumber)) errors.push({ row: r.rowNumber, column: 'valid_from', message: `version ${clash.version} already starts in ${r.validFrom}` });
    }
    const combined = [...kept, ...rows];
    if (!errors.length) {
      const touched = [...pairs];
      for (const p of pairs) if (p.scope === 'ALL') for (const w of kept) if (w.version === p.version && !touched.some((t) => t.version === w.version && t.scope === w.scope)) touched.push({ version: w.version, scope: w.scope });
      for (const message of await findTreeGaps(combined, touched)) errors.push({ row: null, column: 'code', message });
    }
    const earliest = [...rows.map((r) => r.validFrom), ...stored.filter(isReplaced).map((w) => w.validFrom)].sort()[0] ?? null;
    if (!errors.length) {
      const complaint = await checkWithEngine((engineInput) => ({ ...engineInput, weights: combined.map((w) => ({ ...w })) }), earliest);
      if (complaint) errors.push({ row: null, column: 'code', message: complaint });
    }
    const result = {
      dryRun: input.dryRun,
      rows: parsed.rows.length,
      versions: pairs.map((p) => ({
        version: p.version,
        scope: p.scope,
        validFrom: rows.find((r) => r.version === p.version)?.validFrom ?? '',
        rows: rows.filter((r) => r.version === p.version && r.scope === p.scope).length,
        replacedRows: stored.filter((w) => w.version === p.version && w.scope === p.scope).length,
      })),
      errors,
      recomputeMs: null as number | null,
    };
    const checked = finishChecked(result);
    if (checked) return checked;
    await db.transaction(async (tx) => {
      await replaceWeights(
        tx,
        pairs,
        rows.map(({ rowNumber: _row, ...w }) => w),
      );
      for (const v of result.versions) {
        await recordAudit(tx, ctx, { entity: 'stats_weights', entityId: `${v.version}:${v.scope}`, action: 'basket.weights.import', before: { rows: v.replacedRows }, after: { validFrom: v.validFrom, rows: v.rows, file: input.fileName } });
      }
    });
    return { ...result, recomputeMs: await refresh(earliest, `weights imported from ${input.fileName}`) };
  };

  /** The rows of a version (every scope) as a weights CSV in the import format, to start a new version from. */
  const exportWeightsCsv = async (version: number) => {
    const rows = (await listWeights(db)).filter((w) => w.version === version);
    if (!rows.length) throw notFound(`Weight version ${version}`);
    const lines = ['version,valid_from,scope,level,code,weight,base_annual_qty'];
    for (const w of rows) lines.push([w.version, w.validFrom, w.scope, w.level, w.code, w.weight, w.baseAnnualQty ?? ''].join(','));
    return `\ufeff${lines.join('\r\n')}\r\n`;
  };

  /** Moves the start (valid_from) of a version: the month from which it is in force. */
  const activateVersion = async (ctx: TRequestContext, version: number, validFrom: string) => {
    const stored = (await listWeights(db)).map(toInput);
    const mine = stored.filter((w) => w.version === version);
    if (!mine.length) throw notFound(`Weight version ${version}`);
    const old = mine[0].validFrom;
    const clash = stored.find((w) => w.version !== version && w.validFrom === validFrom);
    if (clash) throw invalid('body.validFrom', `Version ${clash.version} already starts in ${validFrom}`);
    if (old === validFrom) return { version, validFrom, recomputeMs: null };
    const moved = stored.map((w) => (w.version === version ? { ...w, validFrom } : w));
    const gaps = await findTreeGaps(moved, [...new Set(mine.map((w) => w.scope))].map((scope) => ({ version, scope })));
    if (gaps.length) throw invalid('body.validFrom', gaps[0]);
    const from = old < validFrom ? old : validFrom;
    const complaint = await checkWithEngine((input) => ({ ...input, weights: moved }), from);
    if (complaint) throw invalid('body.validFrom', `From ${validFrom} the indicators cannot be computed: ${complaint}`);
    await db.transaction(async (tx) => {
      await setVersionValidFrom(tx, version, validFrom);
      await recordAudit(tx, ctx, { entity: 'stats_weights', entityId: version, action: 'basket.weights.activate', before: { validFrom: old }, after: { validFrom } });
    });
    return { version, validFrom, recomputeMs: await refresh(from, `weight version ${version} from ${validFrom}`) };
  };

  // ---------------------------------------------------------------- deflators

  const listDeflatorTable = async (year?: number) => {
    const years = await listDeflatorYears(db);
    const chosen = year ?? years[0] ?? Number(currentMonth().slice(0, 4));
    const rows = await listDeflators(db, chosen);
    const byPeriod = new Map<string, Record<string, number>>();
    for (const r of rows) byPeriod.set(r.period, { ...(byPeriod.get(r.period) ?? {}), [r.indicator]: r.priceIndex });
    return { year: chosen, years, rows: [...byPeriod].map(([period, values]) => ({ period, values })) };
  };

  const setDeflator = async <T extends { period: string; indicator: string; priceIndex: number }>(ctx: TRequestContext, d: T) => {
    const errors = checkDeflator(d);
    const FIELD: Record<string, string> = { period: 'period', indicator: 'indicator', price_index: 'priceIndex' };
    if (errors.length) throw new AppError('VALIDATION_ERROR', `${FIELD[errors[0].column]}: ${errors[0].message}`, errors.map((e) => ({ path: `body.${FIELD[e.column]}`, message: e.message })));
    await db.transaction(async (tx) => {
      const before = await findDeflator(tx, d.period, d.indicator);
      await upsertDeflators(tx, [d]);
      await recordAudit(tx, ctx, { entity: 'stats_deflator', entityId: `${d.indicator}:${d.period}`, action: 'basket.deflator.set', before: before ?? null, after: d });
    });
    return { ...d, recomputeMs: await refresh(d.period, `deflator ${d.indicator} ${d.period}`) };
  };

  const removeDeflator = async (ctx: TRequestContext, period: string, indicator: string) => {
    await db.transaction(async (tx) => {
      const removed = await deleteDeflator(tx, period, indicator);
      if (!removed) throw notFound(`Deflator ${indicator} ${period}`);
      await recordAudit(tx, ctx, { entity: 'stats_deflator', entityId: `${indicator}:${period}`, action: 'basket.deflator.delete', before: removed });
    });
    return { recomputeMs: await refresh(period, `deflator ${indicator} ${period} removed`) };
  };

  const importDeflators = async (ctx: TRequestContext, input: { fileName: string; bytes: Uint8Array; dryRun: boolean }): Promise<TImportResult> => {
    const parsed = await readRecords(input, DEFLATOR_COLUMNS, ['period', 'indicator', 'price_index']);
    const errors: TImportError[] = [];
    const seen = new Map<string, number>();
    const valid: { period: string; indicator: string; priceIndex: number }[] = [];
    for (const { rowNumber, values } of parsed.rows) {
      const d = { period: values.period ?? '', indicator: (values.indicator ?? '').toUpperCase(), priceIndex: readNumber(values.price_index ?? '') };
      const rowErrors = checkDeflator(d);
      const key = `${d.period}|${d.indicator}`;
      const first = seen.get(key);
      if (first !== undefined) rowErrors.push({ column: 'period', message: `${d.indicator} ${d.period} is repeated (first on row ${first})` });
      seen.set(key, rowNumber);
      errors.push(...rowErrors.map((e) => ({ row: rowNumber, ...e })));
      if (!rowErrors.length) valid.push(d);
    }
    const stored = new Map((await listDeflators(db)).map((d) => [`${d.period}|${d.indicator}`, d.priceIndex]));
    const inserted = valid.filter((d) => !stored.has(`${d.period}|${d.indicator}`)).length;
    const changed = valid.filter((d) => stored.has(`${d.period}|${d.indicator}`) && stored.get(`${d.period}|${d.indicator}`) !== d.priceIndex);
    const result: TImportResult = { dryRun: input.dryRun, rows: parsed.rows.length, inserted, updated: changed.length, unchanged: valid.length - inserted - changed.length, errors, recomputeMs: null };
    const checked = finishChecked(result);
    if (checked) return checked;
    const written = valid.filter((d) => stored.get(`${d.period}|${d.indicator}`) !== d.priceIndex);
    if (!written.length) return result;
    await db.transaction(async (tx) => {
      await upsertDeflators(tx, written);
      await recordAudit(tx, ctx, { entity: 'stats_deflator', entityId: null, action: 'basket.deflator.import', after: { file: input.fileName, rows: written.map((d) => [d.period, d.indicator, d.priceIndex]) } });
    });
    return { ...result, recomputeMs: await refresh(written.map((d) => d.period).sort()[0], `deflators imported from ${input.fileName}`) };
  };

  // ---------------------------------------------------------------- Tết windows

  /** Years with their day 1 of Tết, the default 7-day window and the official window if set. */
  const listTet = async () => {
    const stored = await listTetWindows(db);
    const thisYear = Number(currentMonth().slice(0, 4));
    const years = new Set<number>(stored.map((w) => w.year));
    for (let y = 2018; y <= thisYear + 2; y += 1) years.add(y);
    const byYear = new Map(stored.map((w) => [w.year, w]));
    return {
      items: [...years]
        .sort((a, b) => b - a)
        .map((year) => {
          const def = getDefaultTetWindow(year);
          const official = byYear.get(year);
          return { year, dayOne: tetDate(year), defaultStart: def?.start ?? null, defaultEnd: def?.end ?? null, start: official?.start ?? null, end: official?.end ?? null };
        }),
    };
  };

  const setTet = async (ctx: TRequestContext, w: { year: number; start: string; end: string }) => {
    const others = await listTetWindows(db);
    const errors = checkTetWindow(w, others);
    if (errors.length) throw new AppError('VALIDATION_ERROR', `${errors[0].column}: ${errors[0].message}`, errors.map((e) => ({ path: `body.${e.column}`, message: e.message })));
    await db.transaction(async (tx) => {
      const before = others.find((o) => o.year === w.year) ?? null;
      await upsertTetWindows(tx, [w]);
      await recordAudit(tx, ctx, { entity: 'stats_tet_window', entityId: w.year, action: 'basket.tet.set', before, after: w });
    });
    return { ...w, recomputeMs: await refresh(`${w.year}-01`, `Tết window ${w.year}`) };
  };

  const removeTet = async (ctx: TRequestContext, year: number) => {
    await db.transaction(async (tx) => {
      const removed = await deleteTetWindow(tx, year);
      if (!removed) throw notFound(`Tết window ${year}`);
      await recordAudit(tx, ctx, { entity: 'stats_tet_window', entityId: year, action: 'basket.tet.delete', before: removed });
    });
    return { recomputeMs: await refresh(`${year}-01`, `Tết window ${year} back to the default`) };
  };

  const importTet = async (ctx: TRequestContext, input: { fileName: string; bytes: Uint8Array; dryRun: boolean }): Promise<TImportResult> => {
    const parsed = await readRecords(input, TET_COLUMNS, ['year', 'start', 'end']);
    const stored = await listTetWindows(db);
    const errors: TImportError[] = [];
    const candidates: { rowNumber: number; w: { year: number; start: string; end: string } }[] = [];
    const seen = new Map<number, number>();
    for (const { rowNumber, values } of parsed.rows) {
      const yearText = values.year ?? '';
      if (!/^\d{4}$/.test(yearText)) {
        errors.push({ row: rowNumber, column: 'year', message: `"${yearText}" is not a year` });
        continue;
      }
      const w = { year: Number(yearText), start: values.start ?? '', end: values.end ?? '' };
      const first = seen.get(w.year);
      if (first !== undefined) errors.push({ row: rowNumber, column: 'year', message: `${w.year} is repeated (first on row ${first})` });
      seen.set(w.year, rowNumber);
      candidates.push({ rowNumber, w });
    }
    const fileYears = new Set(candidates.map((c) => c.w.year));
    const others = [...stored.filter((s) => !fileYears.has(s.year)), ...candidates.map((c) => c.w)];
    for (const { rowNumber, w } of candidates) errors.push(...checkTetWindow(w, others).map((e) => ({ row: rowNumber, ...e })));
    const byYear = new Map(stored.map((s) => [s.year, s]));
    const inserted = candidates.filter((c) => !byYear.has(c.w.year)).length;
    const changed = candidates.filter((c) => byYear.has(c.w.year) && (byYear.get(c.w.year)?.start !== c.w.start || byYear.get(c.w.year)?.end !== c.w.end));
    const result: TImportResult = { dryRun: input.dryRun, rows: parsed.rows.length, inserted, updated: changed.length, unchanged: candidates.length - inserted - changed.length, errors, recomputeMs: null };
    const checked = finishChecked(result);
    if (checked) return checked;
    const written = candidates.filter((c) => !byYear.has(c.w.year) || changed.includes(c)).map((c) => c.w);
    if (!written.length) return result;
    await db.transaction(async (tx) => {
      await upsertTetWindows(tx, written);
      await recordAudit(tx, ctx, { entity: 'stats_tet_window', entityId: null, action: 'basket.tet.import', after: { file: input.fileName, windows: written } });
    });
    return { ...result, recomputeMs: await refresh(`${Math.min(...written.map((w) => w.year))}-01`, `Tết windows imported from ${input.fileName}`) };
  };

  // ---------------------------------------------------------------- forms and frame

  const presentForm = (f: Awaited<ReturnType<typeof listForms>>[number]) => ({
    code: f.code,
    kind: f.kind,
    nameVi: f.name_vi,
    nameEn: f.name_en,
    deadlineDay: f.deadline_day,
    expiryDays: f.expiry_days,
    remindBeforeDays: f.remind_before_days,
    remindAfterDays: f.remind_after_days,
    frameActive: Number(f.frame_active),
    frameTotal: Number(f.frame_total),
  });

  const listFormSettings = async () => ({ items: (await listForms(db)).map(presentForm) });

  /** Deadline day, lock (expiry) days and reminder days of a form; the lock comes after the deadline, reminders inside the open period. */
  const updateFormSettings = async (ctx: TRequestContext, code: string, s: { deadlineDay: number; expiryDays: number; remindBeforeDays: number; remindAfterDays: number }) => {
    if (s.expiryDays <= s.deadlineDay) throw invalid('body.expiryDays', `The period must lock after the deadline: expiry day ${s.expiryDays} ≤ deadline day ${s.deadlineDay}`);
    if (s.remindAfterDays >= s.expiryDays - s.deadlineDay) throw invalid('body.remindAfterDays', `A reminder ${s.remindAfterDays} days after the deadline comes when the period is already locked (${s.expiryDays - s.deadlineDay} days after the deadline)`);
    if (s.remindBeforeDays >= s.deadlineDay + 28) throw invalid('body.remindBeforeDays', `A reminder ${s.remindBeforeDays} days before the deadline would come before the period ends`);
    await db.transaction(async (tx) => {
      const before = await findForm(tx, code, { forUpdate: true });
      if (!before) throw notFound(`Form ${code}`);
      await updateForm(tx, code, s);
      await recordAudit(tx, ctx, { entity: 'report_form', entityId: code, action: 'basket.form.update', before: { deadlineDay: before.deadlineDay, expiryDays: before.expiryDays, remindBeforeDays: before.remindBeforeDays, remindAfterDays: before.remindAfterDays }, after: s });
    });
    const form = (await listForms(db)).find((f) => f.code === code);
    if (!form) throw notFound(`Form ${code}`);
    return presentForm(form);
  };

  const requireForm = async (code: string) => {
    const form = await findForm(db, code);
    if (!form) throw notFound(`Form ${code}`);
    return form;
  };

  /** Frame changes move expected reports and imputation: the figures are recomputed for IIP and value forms. */
  const refreshFrame = (kind: string, from: string, reason: string) => (kind === 'IIP' || kind === 'VALUES' ? refresh(from, reason) : Promise.resolve(null));

  const getFrame = async (code: string, f: { q?: string; activeIn?: string; page: number; pageSize: number }) => {
    await requireForm(code);
    const rows = await listFrame(db, { formCode: code, ...f, q: f.q?.trim() || undefined });
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({ enterpriseId: r.enterprise_id, taxCode: r.tax_code, nameVi: r.name_vi, area: r.area, activeFrom: r.active_from, activeTo: r.active_to })),
    };
  };

  const assertRange = (activeFrom: string, activeTo: string | null) => {
    const errors = checkPeriodRange(activeFrom, activeTo, { from: 'activeFrom', to: 'activeTo' });
    if (errors.length) throw invalid(`body.${errors[0].column}`, `${errors[0].column}: ${errors[0].message}`);
  };

  const addToFrame = async (ctx: TRequestContext, code: string, m: { taxCode: string; activeFrom: string; activeTo: string | null }) => {
    const form = await requireForm(code);
    assertRange(m.activeFrom, m.activeTo);
    const enterprise = (await findEnterprisesByTaxCodes(db, [m.taxCode]))[0];
    if (!enterprise) throw invalid('body.taxCode', `No enterprise with tax code ${m.taxCode}`);
    await db.transaction(async (tx) => {
      const existing = await findFrameMember(tx, code, enterprise.id, { forUpdate: true });
      if (existing) throw new AppError('CONFLICT', `${enterprise.name_vi} is already in the frame of ${code} (${existing.activeFrom} – ${existing.activeTo ?? '…'}); change its months instead`);
      await insertFrameMember(tx, { formCode: code, enterpriseId: enterprise.id, activeFrom: m.activeFrom, activeTo: m.activeTo });
      await recordAudit(tx, ctx, { entity: 'report_frame', entityId: `${code}:${enterprise.id}`, action: 'basket.frame.add', after: { formCode: code, taxCode: m.taxCode, activeFrom: m.activeFrom, activeTo: m.activeTo } });
    });
    return { enterpriseId: enterprise.id, recomputeMs: await refreshFrame(form.kind, m.activeFrom, `frame ${code}: ${m.taxCode} added`) };
  };

  /** Changes the months of a member; an end month removes the enterprise from the frame after it (history is kept). */
  const changeFrameMember = async (ctx: TRequestContext, code: string, enterpriseId: number, m: { activeFrom: string; activeTo: string | null }) => {
    const form = await requireForm(code);
    assertRange(m.activeFrom, m.activeTo);
    const before = await db.transaction(async (tx) => {
      const existing = await findFrameMember(tx, code, enterpriseId, { forUpdate: true });
      if (!existing) throw notFound(`Enterprise ${enterpriseId} in the frame of ${code}`);
      await updateFrameMember(tx, code, enterpriseId, m);
      await recordAudit(tx, ctx, { entity: 'report_frame', entityId: `${code}:${enterpriseId}`, action: 'basket.frame.update', before: { activeFrom: existing.activeFrom, activeTo: existing.activeTo }, after: m });
      return existing;
    });
    const from = [before.activeFrom, m.activeFrom, before.activeTo, m.activeTo].filter((p): p is string => p !== null).sort()[0];
    return { enterpriseId, ...m, recomputeMs: await refreshFrame(form.kind, from, `frame ${code}: enterprise ${enterpriseId} months changed`) };
  };

  /** Frame membership from a file of tax codes with their months: new members are added, known ones get the file's months. */
  const importFrame = async (ctx: TRequestContext, code: string, input: { fileName: string; bytes: Uint8Array; dryRun: boolean }): Promise<TImportResult> => {
    const form = await requireForm(code);
    const parsed = await readRecords(input, FRAME_COLUMNS, ['tax_code', 'active_from']);
    const taxCodes = [...new Set(parsed.rows.map((r) => r.values.tax_code ?? ''))];
    const enterprises = new Map((await findEnterprisesByTaxCodes(db, taxCodes)).map((e) => [e.tax_code, e]));
    const members = new Map((await findFrameMembers(db, code, [...enterprises.values()].map((e) => e.id))).map((m) => [m.enterprise_id, m]));
    const errors: TImportError[] = [];
    const seen = new Map<string, number>();
    const valid: { enterpriseId: number; taxCode: string; activeFrom: string; activeTo: string | null }[] = [];
    for (const { rowNumber, values } of parsed.rows) {
      const taxCode = values.tax_code ?? '';
      const activeFrom = values.active_from ?? '';
      const activeTo = values.active_to || null;
      const rowErrors: { column: string; message: string }[] = [];
      const enterprise = enterprises.get(taxCode);
      if (!enterprise) rowErrors.push({ column: 'tax_code', message: `no enterprise with tax code "${taxCode}"` });
      if (!activeFrom) rowErrors.push({ column: 'active_from', message: 'the first month is required' });
      else rowErrors.push(...checkPeriodRange(activeFrom, activeTo, { from: 'active_from', to: 'active_to' }));
      const first = seen.get(taxCode);
      if (first !== undefined) rowErrors.push({ column: 'tax_code', message: `${taxCode} is repeated (first on row ${first})` });
      seen.set(taxCode, rowNumber);
      errors.push(...rowErrors.map((e) => ({ row: rowNumber, ...e })));
      if (!rowErrors.length && enterprise) valid.push({ enterpriseId: enterprise.id, taxCode, activeFrom, activeTo });
    }
    const inserted = valid.filter((v) => !members.has(v.enterpriseId));
    const updated = valid.filter((v) => {
      const m = members.get(v.enterpriseId);
      return m && (m.active_from !== v.activeFrom || m.active_to !== v.activeTo);
    });
    const result: TImportResult = { dryRun: input.dryRun, rows: parsed.rows.length, inserted: inserted.length, updated: updated.length, unchanged: valid.length - inserted.length - updated.length, errors, recomputeMs: null };
    const checked = finishChecked(result);
    if (checked) return checked;
    if (!inserted.length && !updated.length) return result;
    await db.transaction(async (tx) => {
      for (const v of inserted) await insertFrameMember(tx, { formCode: code, enterpriseId: v.enterpriseId, activeFrom: v.activeFrom, activeTo: v.activeTo });
      for (const v of updated) await updateFrameMember(tx, code, v.enterpriseId, { activeFrom: v.activeFrom, activeTo: v.activeTo });
      await recordAudit(tx, ctx, {
        entity: 'report_frame',
        entityId: code,
        action: 'basket.frame.import',
        before: { members: updated.map((v) => ({ taxCode: v.taxCode, activeFrom: members.get(v.enterpriseId)?.active_from, activeTo: members.get(v.enterpriseId)?.active_to })) },
        after: { file: input.fileName, added: inserted.map((v) => [v.taxCode, v.activeFrom, v.activeTo]), changed: updated.map((v) => [v.taxCode, v.activeFrom, v.activeTo]) },
      });
    });
    const months = [...inserted, ...updated].flatMap((v) => [v.activeFrom, v.activeTo, members.get(v.enterpriseId)?.active_from ?? null, members.get(v.enterpriseId)?.active_to ?? null]);
    const from = months.filter((p): p is string => typeof p === 'string').sort()[0];
    return { ...result, recomputeMs: await refreshFrame(form.kind, from, `frame ${code} imported from ${input.fileName}`) };
  };

  const getLockExceptions = async (code: string) => {
    await requireForm(code);
    const today = todayInVietnam();
    return {
      items: (await listLockExceptions(db, code)).map((x) => ({
        id: x.id,
        enterpriseId: x.enterprise_id,
        taxCode: x.tax_code,
        nameVi: x.name_vi,
        period: x.period,
        until: x.until,
        reason: x.reason,
        grantedBy: x.granted_by,
        grantedAt: new Date(x.granted_at).toISOString(),
        isActive: x.until >= today,
      })),
    };
  };

  return {
    listBasketProducts,
    createProduct,
    editProduct,
    importProducts,
    exportProductsCsv,
    listWeightVersions,
    getWeightTree,
    importWeights,
    exportWeightsCsv,
    activateVersion,
    listDeflatorTable,
    setDeflator,
    removeDeflator,
    importDeflators,
    listTet,
    setTet,
    removeTet,
    importTet,
    listFormSettings,
    updateFormSettings,
    getFrame,
    addToFrame,
    changeFrameMember,
    importFrame,
    getLockExceptions,
  };
};

export type TBasketService = ReturnType<typeof createBasketService>;
