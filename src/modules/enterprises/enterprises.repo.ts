import { gunzipSync, gzipSync } from 'node:zlib';
import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type TDb, type TDbOrTx } from '../../db/client';
import { enterpriseChangeRequests, enterpriseFigures, enterprises, importRuns, industrialZones } from '../../db/schema/enterprises';
import type { TEnterpriseFilter } from './enterprises.schemas';

/** The stored columns read back (not the search lexemes, which only the WHERE clause uses). */
const { searchTsv: _searchTsv, ...ENTERPRISE_COLUMNS } = getTableColumns(enterprises);
export type TEnterpriseRow = Omit<typeof enterprises.$inferSelect, 'searchTsv'>;
export type TFiguresRow = typeof enterpriseFigures.$inferSelect;

/** The stored fields compared by imports to tell changed from unchanged rows. */
export const COMPARABLE_COLUMNS = [
  'taxCode', 'nameVi', 'nameIntl', 'shortName', 'legalForm', 'ownership', 'vsicMain', 'vsicOther', 'address', 'unitCode',
  'formerDistrict', 'zoneId', 'establishedOn', 'status', 'statusSince', 'legalRep', 'phone', 'email', 'website',
] as const;

const SORTS = {
  name: sql`${enterprises.nameVi}`,
  taxCode: sql`${enterprises.taxCode}`,
  established: sql`${enterprises.establishedOn}`,
  updated: sql`${enterprises.updatedAt}`,
} as const;
export type TEnterpriseSort = keyof typeof SORTS | 'relevance';

/** unaccented, lower-case words of a search text (đ → d), as the index holds them. */
export const toSearchWords = (q: string): string[] =>
  q
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * WHERE clause of the enterprise list: diacritics-free, typo-tolerant search (every word must
 * appear, or else be similar to a word of the name: pg_trgm word similarity), tax-code prefix,
 * and the filters.
 */
export const buildEnterpriseWhere = (
  f: TEnterpriseFilter & { sectionDivisions?: readonly string[] },
  { fuzzy, lastWordForms }: { fuzzy: boolean; lastWordForms?: readonly string[] },
): SQL | undefined => {
  const where: SQL[] = [];
  const q = f.q?.trim();
  if (q) {
    const digits = q.replace(/\s+/g, '');
    if (/^\d[\d-]*$/.test(digits)) {
      where.push(sql`${enterprises.taxCode} like ${digits.replace(/[%_]/g, '') + '%'}`);
    } else {
      const words = toSearchWords(q);
      // Fuzzy pass: the whole phrase is similar to a part of the name (pg_trgm word similarity,
      // served by the GIN trigram index).
      // Exact pass: every word is a word of the name (full-text index).
      if (fuzzy) where.push(sql`${words.join(' ')} <% ${enterprises.searchText}`);
      // Whole words, except the last one, which may still be being typed (prefix). When the
      // vocabulary's words with that prefix are known (lastWordForms), they are listed instead:
      // the same matches, and the index intersects them with the other words' postings rather
      // than first collecting every posting of the prefix into a bitmap.
      else if (words.length) {
        const last = lastWordForms?.length ? `(${lastWordForms.join(' | ')})` : `${words[words.length - 1]}:*`;
        where.push(sql`${enterprises.searchTsv} @@ to_tsquery('simple'::regconfig, ${[...words.slice(0, -1), last].join(' & ')})`);
      }
    }
  }
  if (f.sizeClass) where.push(eq(enterprises.sizeClass, f.sizeClass));
  // With the section's divisions read beforehand (withSectionDivisions), the planner sees a list
  // of constants and combines the division index with the other filters in one scan.
  if (f.section && f.sectionDivisions?.length) where.push(sql`substr(${enterprises.vsicMain}, 1, 2) in (${sql.join(f.sectionDivisions.map((d) => sql`${d}`), sql`, `)})`);
  else if (f.section) where.push(sql`substr(${enterprises.vsicMain}, 1, 2) in (select code from vsic_division_section where section = ${f.section})`);
  if (f.division) where.push(sql`substr(${enterprises.vsicMain}, 1, 2) = ${f.division}`);
  if (f.ownership) where.push(eq(enterprises.ownership, f.ownership));
  if (f.unit) where.push(eq(enterprises.unitCode, f.unit));
  if (f.formerDistrict) where.push(eq(enterprises.formerDistrict, f.formerDistrict));
  if (f.zone) where.push(eq(enterprises.zoneId, f.zone));
  if (f.status) where.push(eq(enterprises.status, f.status));
  if (f.ids) where.push(inArray(enterprises.id, f.ids));
  if (f.scopeUnits) {
    const units = JSON.stringify(f.scopeUnits);
    where.push(sql`(${enterprises.unitCode} in (select jsonb_array_elements_text(${units}::jsonb)) or ${enterprises.formerDistrict} in (select jsonb_array_elements_text(${units}::jsonb)))`);
  }
  return where.length ? and(...where) : undefined;
};

/** Counts stop here: lists say "more than 10,000" rather than scanning every match. */
export const COUNT_CAP = 10_000;
/**
 * A word search counts at most this many matches ("more than 1,000 found": a cue to add a word or
 * a filter); counting further would read a heap page per match. Below it, results are ranked by
 * relevance; beyond, they come in name order.
 */
export const SEARCH_COUNT_CAP = 1_000;

/** Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps). */
export const editDistance = (a: string, b: string): number => {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
};

/**
 * Adds the words of the given enterprises' names to the search vocabulary: the lexemes of their
 * full-text vectors, i.e. the keys of the full-text index (the import adds its names' with ts_stat).
 */
export const addSearchWords = async (db: TDbOrTx, enterpriseIds: number[] | 'all') => {
  const scope = enterpriseIds === 'all' ? sql`` : sql`where e.id in (select (jsonb_array_elements_text(${JSON.stringify(enterpriseIds)}::jsonb))::int)`;
  await db.execute(sql`insert into search_words (word)
    select distinct w from enterprises e, unnest(tsvector_to_array(e.search_tsv)) w ${scope}
    on conflict do nothing`);
};

/**
 * Replaces each query word that is not a known word (or word prefix) of any name by the most
 * similar known word (pg_trgm similarity over the small vocabulary table). Returns null when
 * nothing could be corrected.
 */
export const correctSearchWords = async (db: TDbOrTx, words: string[]): Promise<string[] | null> => {
  let isChanged = false;
  const out: string[] = [];
  for (const w of words) {
    const known = await queryRows<{ word: string }>(db, sql`select word from search_words where word like ${w + '%'} limit 1`);
    if (known.length) {
      out.push(w);
      continue;
    }
    const candidates = await queryRows<{ word: string }>(
      db,
      sql`select word from search_words where length(word) between ${w.length - 2} and ${w.length + 2} order by similarity(word, ${w}) desc, word limit 10`,
    );
    const allowed = w.length <= 4 ? 1 : 2;
    const best = candidates.map((c) => ({ word: c.word, distance: editDistance(w, c.word) })).filter((c) => c.distance <= allowed).sort((a, b) => a.distance - b.distance)[0];
    if (!best) return null;
    out.push(best.word);
    isChanged = true;
  }
  return isChanged ? out : null;
};

/** The filter with the divisions of its VSIC section read from the reference table. */
export const withSectionDivisions = async <T extends TEnterpriseFilter>(db: TDbOrTx, f: T): Promise<T & { sectionDivisions?: string[] }> => {
  if (!f.section) return f;
  const rows = await queryRows<{ code: string }>(db, sql`select code from vsic_division_section where section = ${f.section} order by code`);
  return { ...f, sectionDivisions: rows.map((r) => r.code) };
};

/**
 * Relevance of a word-search match, highest first. Fuzzy matches: pg_trgm word similarity of the
 * phrase. Exact matches (every word present): the words as one phrase first, in the order typed
 * (the last word may be a prefix), then shorter names (the words make up more of the name). Two
 * string functions per row: ranking 1,000 matches by trigram similarity cost more than finding
 * them.
 */
const relevanceKeys = (words: string, fuzzy: boolean) =>
  fuzzy
    ? { rank: sql`word_similarity(${words}, ${enterprises.searchText})::float8`, length: sql`0` }
    : { rank: sql`(strpos(' ' || ${enterprises.searchText}, ${' ' + words}) > 0)::int::float8`, length: sql`length(${enterprises.searchText})` };

type TFindQuery = TEnterpriseFilter & { page: number; pageSize: number; sort?: TEnterpriseSort; order: 'asc' | 'desc' };
type TFound = { items: TEnterpriseRow[]; total: number; isCapped: boolean; isFuzzy: boolean };

/**
 * One page of a word search, counted and sorted in one statement: the first SEARCH_COUNT_CAP + 1
 * matches are read once (full-text or trigram index, then their rows) into a small materialised
 * set of (id, sort keys); the count and the page come from it, then the page's rows by primary
 * key. Beyond the cap, the page is the first SEARCH_COUNT_CAP matches found (table order: bitmap
 * scan, no parallel workers, so every page sees the same set) sorted by the chosen key, by name
 * when none was chosen.
 */
const findWordSearchPage = async (db: TDbOrTx, f: TFindQuery, where: SQL | undefined, words: string, fuzzy: boolean): Promise<TFound> => {
  const cap = SEARCH_COUNT_CAP;
  const { rank, length } = relevanceKeys(words, fuzzy);
  const key = f.sort && f.sort !== 'relevance' ? SORTS[f.sort] : sql`null::int`;
  const dir = f.order === 'desc' ? sql`desc` : sql`asc`;
  // m1 columns: k (chosen key), r (relevance), len, name_vi, id; c.n = matches counted (≤ cap + 1).
  const order =
    f.sort === 'relevance'
      ? sql`m1.r desc, m1.len, m1.name_vi, m1.id`
      : f.sort
        ? sql`m1.k ${dir}, m1.id`
        : sql`case when c.n > ${cap} then 0 else m1.r end desc, case when c.n > ${cap} then 0 else m1.len end, m1.name_vi, m1.id`;
  const offset = (f.page - 1) * f.pageSize;
  const found = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return queryRows<{ n: number | string; id: number | null; pos: number | string | null }>(
      tx,
      sql`with m as materialized (
            select ${enterprises.id} as id, ${enterprises.nameVi} as name_vi, ${key} as k, ${rank} as r, ${length} as len
            from ${enterprises} ${where ? sql`where ${where}` : sql``} limit ${cap + 1}
          ), c as (select count(*) as n from m)
          select c.n, z.id, z.pos from c left join lateral (
            select id, pos from (
              select m1.id, row_number() over (order by ${order}) as pos from (select * from m limit ${cap}) m1
            ) ranked where pos > ${offset} and pos <= ${offset + f.pageSize}
          ) z on true`,
    );
  });
  const n = Number(found[0]?.n ?? 0);
  const ids = found.filter((r) => r.id !== null).sort((a, b) => Number(a.pos) - Number(b.pos)).map((r) => Number(r.id));
  const rows = ids.length ? await db.select(ENTERPRISE_COLUMNS).from(enterprises).where(inArray(enterprises.id, ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.flatMap((id) => byId.get(id) ?? []), total: Math.min(n, cap), isCapped: n > cap, isFuzzy: fuzzy };
};

/** The most words a typed prefix is expanded to (beyond, the index reads the prefix itself). */
const PREFIX_FORMS_MAX = 8;

/**
 * The vocabulary's words that begin with the given (last, possibly unfinished) word, when there
 * are at most PREFIX_FORMS_MAX of them; otherwise, or when none is known, undefined (the query
 * keeps the prefix). The vocabulary holds every lexeme of every name's full-text vector (the
 * enterprise writes and the import add them), so the listed words match exactly what the prefix
 * matches.
 */
export const prefixForms = async (db: TDbOrTx, word: string): Promise<string[] | undefined> => {
  // LIKE, not a range up to word + U+FFFF: whether that range holds every word with the prefix
  // depends on where the database's collation sorts U+FFFF, while LIKE tests the prefix itself.
  // The words are [a-z0-9] (toSearchWords), so they hold no LIKE wildcard.
  const rows = await queryRows<{ word: string }>(db, sql`select word from search_words where word like ${word + '%'} order by word limit ${PREFIX_FORMS_MAX + 1}`);
  // Only plain words are listed in the query (a lexeme such as "abc-tech" would be parsed again).
  const isListable = rows.length > 0 && rows.length <= PREFIX_FORMS_MAX && rows.every((r) => /^[a-z0-9]+$/.test(r.word));
  return isListable ? rows.map((r) => r.word) : undefined;
};

export const findEnterprises = async (db: TDbOrTx, query: TFindQuery) => {
  const f = await withSectionDivisions(db, query);
  const isWordSearch = toSearchWords(f.q ?? '').length > 0 && !/^\d[\d-\s]*$/.test(f.q?.trim() ?? '');
  const run = async (fuzzy: boolean, filter: TEnterpriseFilter = f): Promise<TFound> => {
    const words = toSearchWords(filter.q ?? '');
    const lastWordForms = isWordSearch && !fuzzy ? await prefixForms(db, words[words.length - 1]) : undefined;
    const where = buildEnterpriseWhere(filter, { fuzzy, lastWordForms });
    if (isWordSearch) return findWordSearchPage(db, f, where, words.join(' '), fuzzy);
    const counted = await queryRows<{ n: number | string }>(
      db,
      sql`select count(*) as n from (select 1 from enterprises ${where ? sql`where ${where}` : sql``} limit ${COUNT_CAP + 1}) x`,
    );
    const total = Math.min(Number(counted[0]?.n ?? 0), COUNT_CAP);
    const key = SORTS[f.sort && f.sort !== 'relevance' ? f.sort : 'name'];
    const items =
      total === 0
        ? []
        : await db
            .select(ENTERPRISE_COLUMNS)
            .from(enterprises)
            .where(where)
            .orderBy(f.order === 'desc' ? desc(key) : asc(key), asc(enterprises.id))
            .limit(f.pageSize)
            .offset((f.page - 1) * f.pageSize);
    return { items, total, isCapped: Number(counted[0]?.n ?? 0) > COUNT_CAP, isFuzzy: fuzzy };
  };
  const exact = await run(false);
  if (exact.total > 0 || !isWordSearch) return { ...exact, correctedQuery: null };
  // Typo tolerance: correct the words against the vocabulary of names, then search exactly;
  // if that finds nothing, fall back to phrase similarity.
  const corrected = await correctSearchWords(db, toSearchWords(f.q ?? ''));
  if (corrected) {
    const byCorrection = await run(false, { ...f, q: corrected.join(' ') });
    if (byCorrection.total > 0) return { ...byCorrection, isFuzzy: true, correctedQuery: corrected.join(' ') };
  }
  return { ...(await run(true)), correctedQuery: null };
};

/**
 * Reads the registry table and the indexes that the list and the search use into the database's
 * shared buffers, as pg_prewarm would (the embedded database has none, and it reads each page
 * through its file layer the first time it is needed: a fresh process's first searches were
 * 3–10× slower than the next ones). Run in the background after the server starts; a bitmap or
 * index scan keeps its pages in the buffers (a sequential scan of a large table would not).
 */
export const prewarmEnterprises = async (db: TDb): Promise<void> => {
  const everyWord = 'abcdefghijklmnopqrstuvwxyz0123456789'
    .split('')
    .map((c) => `${c}:*`)
    .join(' | ');
  // One statement per transaction, so that requests arriving meanwhile are served in between.
  const scan = (query: SQL, { bitmap = true } = {}) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      if (!bitmap) await tx.execute(sql`set local enable_bitmapscan = off`);
      await tx.execute(query);
    });
  // The full-text index and, through the bitmap heap scan, every page of the table.
  await scan(sql`select count(*) from enterprises where search_tsv @@ to_tsquery('simple'::regconfig, ${everyWord})`);
  // The b-tree indexes of the sorts, the tax-code prefix search and the filters.
  await scan(sql`select count(*) from (select 1 from enterprises order by name_vi, id) x`, { bitmap: false });
  await scan(sql`select count(*) from (select 1 from enterprises order by established_on, id) x`, { bitmap: false });
  await scan(sql`select count(*) from enterprises where tax_code ~>=~ ''`, { bitmap: false });
  await scan(sql`select count(*) from enterprises where substr(vsic_main, 1, 2) >= ''`, { bitmap: false });
  await scan(sql`select count(*) from enterprises where status >= ''`, { bitmap: false });
  for (const column of ['vsic_main', 'unit_code', 'former_district', 'zone_id']) {
    await scan(sql`select count(*) from enterprises where ${sql.identifier(column)} is not null`, { bitmap: false });
  }
  // The query paths themselves. The embedded database is WebAssembly, which the JavaScript engine
  // first runs from a quick baseline compilation and optimises function by function once it is
  // hot: a fresh process's searches and lists took about twice as long for their first few
  // rounds. A few searches of each kind (words, a typo, a tax code, filters and sorts) make them hot.
  for (let round = 0; round < 3; round++) {
    for (const q of ['cong ty thuong mai', 'xay dung ha noi', 'san xuat', 'dich vu van tai', 'thuong maj dich vu', '01']) {
      await findEnterprises(db, { q, page: 1, pageSize: 20, order: 'asc' });
    }
    for (const sort of ['name', 'established', 'taxCode'] as const) {
      await findEnterprises(db, { status: 'ACTIVE', page: 2, pageSize: 20, sort, order: 'asc' });
    }
  }
};

export const findEnterpriseById = async (db: TDbOrTx, id: number, { forUpdate = false } = {}) => {
  const q = db.select(ENTERPRISE_COLUMNS).from(enterprises).where(eq(enterprises.id, id)).limit(1);
  return (forUpdate ? await q.for('update') : await q)[0];
};

export const findEnterpriseByTaxCode = async (db: TDbOrTx, taxCode: string) =>
  (await db.select(ENTERPRISE_COLUMNS).from(enterprises).where(eq(enterprises.taxCode, taxCode)).limit(1))[0];

/** Existing rows for a list of tax codes (imports compare against them), in chunks. */
export const findEnterprisesByTaxCodes = async (db: TDbOrTx, taxCodes: string[]): Promise<TEnterpriseRow[]> => {
  const out: TEnterpriseRow[] = [];
  for (let i = 0; i < taxCodes.length; i += 20_000) {
    const chunk = taxCodes.slice(i, i + 20_000);
    out.push(...(await db.select(ENTERPRISE_COLUMNS).from(enterprises).where(sql`${enterprises.taxCode} in (select jsonb_array_elements_text(${JSON.stringify(chunk)}::jsonb))`)));
  }
  return out;
};

export const insertEnterprise = async (db: TDbOrTx, row: typeof enterprises.$inferInsert) => (await db.insert(enterprises).values(row).returning())[0];

export const updateEnterprise = async (db: TDbOrTx, id: number, patch: Partial<typeof enterprises.$inferInsert>) =>
  (await db.update(enterprises).set({ ...patch, updatedAt: new Date() }).where(eq(enterprises.id, id)).returning())[0];

export const findFigures = (db: TDbOrTx, enterpriseId: number) =>
  db.select().from(enterpriseFigures).where(eq(enterpriseFigures.enterpriseId, enterpriseId)).orderBy(desc(enterpriseFigures.year));

export const upsertFigures = async (db: TDbOrTx, row: typeof enterpriseFigures.$inferInsert) => {
  await db
    .insert(enterpriseFigures)
    .values(row)
    .onConflictDoUpdate({
      target: [enterpriseFigures.enterpriseId, enterpriseFigures.year],
      set: {
        avgInsuredEmployees: row.avgInsuredEmployees,
        revenueVnd: row.revenueVnd,
        capitalVnd: row.capitalVnd,
        exportUsd: row.exportUsd,
        sizeClass: row.sizeClass,
        sectorGroup: row.sectorGroup,
        ruleVersion: row.ruleVersion,
        reason: row.reason,
      },
    });
};

/** Sets each enterprise's current size class from its latest year of figures. */
export const refreshSizeClass = async (db: TDbOrTx, enterpriseIds: number[] | 'all') => {
  const scope = enterpriseIds === 'all' ? sql`true` : sql`e.id in (select (jsonb_array_elements_text(${JSON.stringify(enterpriseIds)}::jsonb))::int)`;
  await db.execute(sql`
    update enterprises e set size_class = f.size_class, size_class_year = f.year
    from (select distinct on (enterprise_id) enterprise_id, year, size_class from enterprise_figures order by enterprise_id, year desc) f
    where e.id = f.enterprise_id and ${scope}
      and (e.size_class is distinct from f.size_class or e.size_class_year is distinct from f.year)`);
};

export const listZones = (db: TDbOrTx) => db.select().from(industrialZones).orderBy(asc(industrialZones.kind), asc(industrialZones.name));

/**
 * Records an import run with its original file, kept gzip-compressed (passed as base64 text:
 * much faster than a binary parameter on PGlite).
 */
export const insertImportRun = async (db: TDbOrTx, row: Omit<typeof importRuns.$inferInsert, 'fileBytes'> & { file: Uint8Array }): Promise<number> => {
  const gz = gzipSync(row.file, { level: 1 }).toString('base64');
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into import_runs (kind, file_name, file_bytes, dry_run, status, counts, error_count, actor_id, actor_name, finished_at)
        values (${row.kind}, ${row.fileName}, decode(${gz}, 'base64'), ${row.dryRun}, ${row.status}, ${JSON.stringify(row.counts)}::jsonb,
                ${row.errorCount ?? 0}, ${row.actorId ?? null}, ${row.actorName}, ${row.finishedAt ?? null})
        returning id`,
  );
  return Number(rows[0].id);
};

export const findImportRuns = (db: TDbOrTx, kind: string) =>
  db
    .select({
      id: importRuns.id,
      fileName: importRuns.fileName,
      dryRun: importRuns.dryRun,
      status: importRuns.status,
      counts: importRuns.counts,
      errorCount: importRuns.errorCount,
      actorName: importRuns.actorName,
      startedAt: importRuns.startedAt,
      finishedAt: importRuns.finishedAt,
      size: sql<number>`octet_length(${importRuns.fileBytes})`.as('size'),
    })
    .from(importRuns)
    .where(eq(importRuns.kind, kind))
    .orderBy(desc(importRuns.id))
    .limit(100);

/** The original file of an import run (decompressed). */
export const findImportFile = async (db: TDbOrTx, id: number) => {
  const row = (await db.select({ fileName: importRuns.fileName, fileBytes: importRuns.fileBytes, kind: importRuns.kind }).from(importRuns).where(eq(importRuns.id, id)).limit(1))[0];
  return row ? { ...row, fileBytes: gunzipSync(row.fileBytes) } : undefined;
};

/** Counts of enterprises grouped by one dimension (structure page). */
const STRUCTURE_DIMENSIONS = ['size_class', 'section', 'ownership', 'former_district', 'unit_code', 'status'] as const;
export type TStructureDimension = (typeof STRUCTURE_DIMENSIONS)[number];

/**
 * Counts by size class, section, ownership, former district, unit and status in one scan of the
 * registry (grouping sets), largest first within each dimension.
 */
export const countByDimensions = async (db: TDbOrTx, where: SQL | undefined): Promise<Record<TStructureDimension, { key: string | null; n: number }[]>> => {
  const rows = await queryRows<{ size_class: string | null; section: string | null; ownership: string | null; former_district: string | null; unit_code: string | null; status: string | null; n: number | string; g: number | string }>(
    db,
    sql`select enterprises.size_class, s.section, enterprises.ownership, enterprises.former_district, enterprises.unit_code, enterprises.status, count(*) as n,
               grouping(enterprises.size_class, s.section, enterprises.ownership, enterprises.former_district, enterprises.unit_code, enterprises.status) as g
        from enterprises left join vsic_division_section s on s.code = substr(enterprises.vsic_main, 1, 2)
        ${where ? sql`where ${where}` : sql``}
        group by grouping sets ((enterprises.size_class), (s.section), (enterprises.ownership), (enterprises.former_district), (enterprises.unit_code), (enterprises.status))`,
  );
  const out = Object.fromEntries(STRUCTURE_DIMENSIONS.map((d) => [d, [] as { key: string | null; n: number }[]])) as Record<TStructureDimension, { key: string | null; n: number }[]>;
  STRUCTURE_DIMENSIONS.forEach((dimension, i) => {
    // grouping() sets the bit of every column not grouped; the dimension's own bit is clear.
    const mask = (1 << STRUCTURE_DIMENSIONS.length) - 1 - (1 << (STRUCTURE_DIMENSIONS.length - 1 - i));
    out[dimension] = rows
      .filter((r) => Number(r.g) === mask)
      .map((r) => ({ key: r[dimension], n: Number(r.n) }))
      .sort((a, b) => b.n - a.n);
  });
  return out;
};

export const insertChangeRequest = async (db: TDbOrTx, row: typeof enterpriseChangeRequests.$inferInsert) =>
  (await db.insert(enterpriseChangeRequests).values(row).returning())[0];

export const findChangeRequests = (db: TDbOrTx, filter: { enterpriseId?: number; status?: string }) => {
  const where: SQL[] = [];
  if (filter.enterpriseId) where.push(eq(enterpriseChangeRequests.enterpriseId, filter.enterpriseId));
  if (filter.status) where.push(eq(enterpriseChangeRequests.status, filter.status));
  return db
    .select({ request: enterpriseChangeRequests, enterpriseName: enterprises.nameVi, taxCode: enterprises.taxCode })
    .from(enterpriseChangeRequests)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseChangeRequests.enterpriseId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(enterpriseChangeRequests.id))
    .limit(200);
};

export const findChangeRequestById = async (db: TDbOrTx, id: number) =>
  (await db.select().from(enterpriseChangeRequests).where(eq(enterpriseChangeRequests.id, id)).limit(1).for('update'))[0];

export const updateChangeRequest = async (db: TDbOrTx, id: number, patch: Partial<typeof enterpriseChangeRequests.$inferInsert>) =>
  (await db.update(enterpriseChangeRequests).set(patch).where(eq(enterpriseChangeRequests.id, id)).returning())[0];
