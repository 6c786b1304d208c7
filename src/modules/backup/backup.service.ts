import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { queryRows, type TDatabase, type TDbOrTx } from '../../db/client';
import { countAppliedMigrations, countExpectedMigrations } from '../../db/migrate';
import { recordAudit, systemContext } from '../audit/audit.service';
import { APP_VERSION } from '../../server/version';

const FORMAT = 'congthuong-backup';
const BATCH = 2000;
/** Tables not worth restoring: sessions end with a restore; everyone signs in again. */
const SKIPPED_TABLES = new Set(['sessions']);

type THeader = { format: string; version: number; appVersion: string; migrations: number; createdAt: string; tables: string[] };

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** Application tables in an order that satisfies foreign keys (referenced tables first). */
const listTablesInDependencyOrder = async (db: TDbOrTx): Promise<string[]> => {
  const tables = (await queryRows<{ t: string }>(db, sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)).map((r) => r.t);
  const deps = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public'`,
  );
  const ordered: string[] = [];
  const visit = (t: string, stack: Set<string>) => {
    if (ordered.includes(t) || stack.has(t)) return;
    stack.add(t);
    for (const d of deps.filter((x) => x.child.replace(/"/g, '') === t)) visit(d.parent.replace(/"/g, ''), stack);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered.filter((t) => !SKIPPED_TABLES.has(t));
};

const primaryKeyOf = async (db: TDbOrTx, table: string): Promise<string | null> => {
  const rows = await queryRows<{ col: string }>(
    db,
    sql`select a.attname as col from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${table}::regclass and i.indisprimary`,
  );
  return rows.length === 1 ? rows[0].col : null;
};

/**
 * Writes a logical backup (gzip, one JSON line per row, produced by PostgreSQL's row_to_json)
 * that either database can restore. Rows are read in key order in batches, never all at once.
 */
export const backupDatabase = async (database: TDatabase, file: string): Promise<{ tables: number; rows: number }> => {
  const db = database.db;
  const tables = await listTablesInDependencyOrder(db);
  const tmp = `${file}.partial`;
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(tmp);
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  const header: THeader = { format: FORMAT, version: 1, appVersion: APP_VERSION, migrations: await countAppliedMigrations(database), createdAt: new Date().toISOString(), tables };
  await write(JSON.stringify(header));
  let total = 0;
  for (const table of tables) {
    await write(JSON.stringify({ table }));
    const pk = await primaryKeyOf(db, table);
    let last: string | null = null;
    let offset = 0;
    for (;;) {
      const rows: { j: string; k: string | null }[] = pk
        ? await queryRows<{ j: string; k: string | null }>(
            db,
            sql`select row_to_json(t)::text as j, ${ident(pk)}::text as k from ${ident(table)} t
                ${last === null ? sql`` : sql`where ${ident(pk)} > (${last})::${sql.raw(`${await columnType(db, table, pk)}`)}`}
                order by ${ident(pk)} limit ${BATCH}`,
          )
        : await queryRows<{ j: string; k: string | null }>(db, sql`select row_to_json(t)::text as j, null as k from ${ident(table)} t order by 1 limit ${BATCH} offset ${offset}`);
      for (const r of rows) await write(r.j);
      total += rows.length;
      offset += rows.length;
      if (rows.length < BATCH) break;
      last = rows[rows.length - 1].k;
    }
  }
  gzip.end();
  await once(out, 'finish');
  fs.renameSync(tmp, file);
  return { tables: tables.length, rows: total };
};

const columnTypes = new Map<string, string>();
const columnType = async (db: TDbOrTx, table: string, column: string): Promise<string> => {
  const key = `${table}.${column}`;
  const known = columnTypes.get(key);
  if (known) return known;
  const rows = await queryRows<{ t: string }>(db, sql`select format_type(atttypid, atttypmod) as t from pg_attribute where attrelid = ${table}::regclass and attname = ${column}`);
  columnTypes.set(key, rows[0].t);
  return rows[0].t;
};

/** Raised when a backup file cannot be restored (wrong format or version). */
export class BackupFormatError extends Error {}

/**
 * Replaces the whole content of the database with a backup, in one transaction: either the
 * backup is restored completely or the database is left as it was. The schema must be at the
 * same migration as the backup.
 */
export const restoreDatabase = async (database: TDatabase, file: string): Promise<{ tables: number; rows: number }> => {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next().catch(() => ({ done: true, value: '' }));
  let header: THeader;
  try {
    header = JSON.parse(String(first.value)) as THeader;
  } catch {
    throw new BackupFormatError(`${file} is not a congthuong backup (gzip of JSON lines expected)`);
  }
  if (header.format !== FORMAT) throw new BackupFormatError(`${file} is not a congthuong backup`);
  const expected = countExpectedMigrations();
  if (header.migrations !== expected) {
    throw new BackupFormatError(`the backup was made at migration ${header.migrations}; this version has ${expected}. Restore it with the matching version`);
  }
  let rows = 0;
  await database.db.transaction(async (tx) => {
    const tables = await listTablesInDependencyOrder(tx);
    await tx.execute(sql`truncate ${sql.join([...tables, ...SKIPPED_TABLES].map(ident), sql`, `)} restart identity cascade`);
    let table: string | null = null;
    let batch: string[] = [];
    const columnsOf = new Map<string, string[]>();
    for (const t of tables) {
      const cols = await queryRows<{ c: string }>(
        tx,
        sql`select column_name as c from information_schema.columns where table_schema = 'public' and table_name = ${t} and is_generated = 'NEVER' order by ordinal_position`,
      );
      columnsOf.set(t, cols.map((c) => c.c));
    }
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const cols = sql.raw((columnsOf.get(table) ?? []).map((c) => `"${c}"`).join(', '));
      await tx.execute(sql`insert into ${ident(table)} (${cols}) select ${cols} from json_populate_recordset(null::${ident(table)}, ${'[' + batch.join(',') + ']'}::json)`);
      rows += batch.length;
      batch = [];
    };
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const line = String(next.value);
      if (!line) continue;
      if (line.startsWith('{"table":')) {
        await flush();
        table = (JSON.parse(line) as { table: string }).table;
        if (!tables.includes(table)) throw new BackupFormatError(`the backup holds an unknown table "${table}"`);
        continue;
      }
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    for (const t of tables) {
      const pk = await primaryKeyOf(tx, t);
      if (!pk) continue;
      const seq = await queryRows<{ s: string | null }>(tx, sql`select pg_get_serial_sequence(${t}, ${pk}) as s`);
      if (seq[0]?.s) await tx.execute(sql`select setval(${seq[0].s}, coalesce((select max(${ident(pk)}) from ${ident(t)}), 0) + 1, false)`);
    }
    await recordAudit(tx, systemContext('cli'), { entity: 'system', entityId: null, action: 'system.restore', after: { file, backupCreatedAt: header.createdAt, rows } });
  });
  return { tables: header.tables.length, rows };
};
