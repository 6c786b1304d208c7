import { sql } from 'drizzle-orm';
import { queryRows, type TDbOrTx } from '../../db/client';

/** One accepted cell as the engine input needs it. */
export type TAcceptedCell = { enterpriseId: number; period: string; kind: string; item: string; value: number; revision: number };

type TEntry = { cells: TAcceptedCell[] };

const parseLines = (text: string | null): { key: string; cell: TAcceptedCell }[] =>
  (text ? text.split('\n') : []).map((line) => {
    const [reportId, enterpriseId, period, kind, item, value, revision] = line.split('\t');
    return { key: reportId, cell: { enterpriseId: Number(enterpriseId), period, kind, item, value: Number(value), revision: Number(revision) } };
  });

const selectCells = (db: TDbOrTx, since: string | null) =>
  queryRows<{ t: string | null; as_of: string | null; n: number | string }>(
    db,
    sql`select string_agg(r.id || E'\\t' || r.enterprise_id || E'\\t' || r.period || E'\\t' || rf.kind || E'\\t' || c.item || E'\\t' || c.accepted_value::text || E'\\t' || r.accepted_revision, E'\\n') as t,
               max(r.decided_at)::text as as_of, count(distinct r.id) as n
        from reports r join report_forms rf on rf.code = r.form_code join report_cells c on c.report_id = r.id
        where r.accepted_revision is not null and c.accepted_value is not null and rf.kind in ('IIP', 'VALUES')
          ${since === null ? sql`` : sql`and r.decided_at >= ${since}::timestamptz`}`,
  );

const sameCells = (a: readonly TAcceptedCell[] | undefined, b: readonly TAcceptedCell[]): boolean =>
  a !== undefined &&
  a.length === b.length &&
  a.every((x) => b.some((y) => y.item === x.item && y.value === x.value && y.revision === x.revision && y.period === x.period && y.kind === x.kind && y.enterpriseId === x.enterpriseId));

/**
 * The accepted cells held in memory between recomputations, refreshed by difference: only the
 * reports accepted since the last load are read again (a report's cells are replaced whole). The
 * database stays the source of truth: when the number of accepted reports no longer matches
 * (a restore, a deletion, another process's change we cannot see by time) everything is reloaded;
 * that count is checked at most every five minutes (it scans the reports) and at every full load.
 */
export const createAcceptedCellCache = ({ checkEveryMs = 5 * 60_000 }: { checkEveryMs?: number } = {}) => {
  let checkedAt = Date.now();
  let byReport = new Map<string, TEntry>();
  let asOf: string | null = null;
  let flat: TAcceptedCell[] = [];
  let isFlatStale = true;
  /**
   * Versions of the cells: each load that changes something adds one, with the earliest period
   * it changed ('ALL' for a full load), so that a caller can ask what changed since the version
   * its computation used (see {@link changedSince}).
   */
  let version = 0;
  let changes: { version: number; earliest: string }[] = [];
  const recordChange = (earliest: string) => {
    version += 1;
    changes.push({ version, earliest });
    if (changes.length > 1000) changes = changes.slice(-500);
  };

  const fullLoad = async (db: TDbOrTx) => {
    checkedAt = Date.now();
    const row = (await selectCells(db, null))[0];
    byReport = new Map();
    for (const { key, cell } of parseLines(row?.t ?? null)) {
      const entry = byReport.get(key) ?? { cells: [] };
      entry.cells.push(cell);
      byReport.set(key, entry);
    }
    asOf = row?.as_of ?? null;
    isFlatStale = true;
    recordChange('ALL');
  };

  /** The accepted cells, current as of this call. */
  const getCells = async (db: TDbOrTx): Promise<TAcceptedCell[]> => {
    if (asOf === null) await fullLoad(db);
    else {
      const delta = await selectCells(db, asOf);
      const changed = new Map<string, TAcceptedCell[]>();
      for (const { key, cell } of parseLines(delta[0]?.t ?? null)) changed.set(key, [...(changed.get(key) ?? []), cell]);
      let earliest: string | null = null;
      for (const [key, cells] of changed) {
        // The delta starts at the latest acceptance already held (>=): unchanged reports come back.
        const before = byReport.get(key)?.cells;
        if (sameCells(before, cells)) continue;
        for (const cell of [...(before ?? []), ...cells]) if (earliest === null || cell.period < earliest) earliest = cell.period;
        byReport.set(key, { cells });
        isFlatStale = true;
      }
      if (earliest !== null) recordChange(earliest);
      if (delta[0]?.as_of) asOf = delta[0].as_of;
      // The count of accepted reports (a scan of the reports) is compared at most every
      // `checkEveryMs`: it catches what the acceptance times cannot show (a restore).
      if (Date.now() - checkedAt >= checkEveryMs) {
        const total = await queryRows<{ n: number | string }>(
          db,
          sql`select count(*) as n from reports r where r.accepted_revision is not null and r.form_code in (select code from report_forms where kind in ('IIP', 'VALUES'))`,
        );
        checkedAt = Date.now();
        if (Number(total[0]?.n ?? 0) !== byReport.size) await fullLoad(db);
      }
    }
    if (isFlatStale) {
      flat = [];
      for (const entry of byReport.values()) for (const cell of entry.cells) flat.push(cell);
      isFlatStale = false;
    }
    return flat;
  };

  /** The accepted cells with their version (read together, so no change can slip between them). */
  const getVersionedCells = async (db: TDbOrTx): Promise<{ cells: TAcceptedCell[]; version: number }> => {
    const cells = await getCells(db);
    return { cells, version };
  };

  /**
   * The earliest period changed after version `since`: null when nothing changed, 'ALL' when the
   * cells were loaded again in full (or the history of versions no longer reaches that far).
   */
  const changedSince = (since: number): string | null => {
    if (since < version && (changes.length === 0 || changes[0].version > since + 1)) return 'ALL';
    let earliest: string | null = null;
    for (const change of changes) {
      if (change.version <= since) continue;
      if (change.earliest === 'ALL') return 'ALL';
      if (earliest === null || change.earliest < earliest) earliest = change.earliest;
    }
    return earliest;
  };

  /** Forgets everything (after a restore, or in tests). */
  const clear = () => {
    asOf = null;
    byReport = new Map();
    isFlatStale = true;
    recordChange('ALL');
  };

  return { getCells, getVersionedCells, changedSince, clear };
};

/**
 * Answers of the read APIs (dashboard, trend, tables), kept until the published data changes.
 * The key of the data (the latest computation run and the latest change of any report: two index
 * lookups) is read from the database at most every `versionTtlMs`, so a recomputation or a report
 * written by another process is seen within that time; a recomputation in this process clears the
 * cache at once. Concurrent callers of the same answer share one computation.
 */
export const createAnswerCache = ({ maxEntries = 500, versionTtlMs = 200 }: { maxEntries?: number; versionTtlMs?: number } = {}) => {
  const answers = new Map<string, { version: string; value: Promise<unknown> }>();
  let versionRead: { at: number; value: Promise<string> } | null = null;

  const currentVersion = (db: TDbOrTx): Promise<string> => {
    const now = Date.now();
    if (versionRead && now - versionRead.at < versionTtlMs) return versionRead.value;
    const value = readVersion(db);
    versionRead = { at: now, value };
    value.catch(() => (versionRead = null));
    return value;
  };

  const readVersion = async (db: TDbOrTx): Promise<string> => {
    const row = (
      await queryRows<{ run: number | string | null; reports: string | null }>(
        db,
        sql`select (select max(id) from indicator_runs) as run, (select max(updated_at) from reports)::text as reports`,
      )
    )[0];
    return `${row?.run ?? 0}|${row?.reports ?? ''}`;
  };

  const get = async <T>(db: TDbOrTx, key: string, compute: () => Promise<T>): Promise<T> => {
    const version = await currentVersion(db);
    const hit = answers.get(key);
    if (hit && hit.version === version) return hit.value as Promise<T>;
    const value = compute();
    answers.delete(key);
    answers.set(key, { version, value });
    // A failed computation is not kept.
    value.catch(() => {
      if (answers.get(key)?.value === value) answers.delete(key);
    });
    while (answers.size > maxEntries) answers.delete(answers.keys().next().value as string);
    return value;
  };

  const clear = () => {
    answers.clear();
    versionRead = null;
  };
  return { get, clear };
};
