import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { TDbOrTx } from './client';

/** Quotes one value for PostgreSQL's CSV COPY format: null → empty (NULL), text → "…" with doubled quotes. */
export const toCopyCsvValue = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  // Numbers need no quotes; text is always quoted (an empty string is then not NULL).
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.includes('"') ? `"${text.replace(/"/g, '""')}"` : `"${text}"`;
};

/** Builds the CSV body for COPY from rows of values in column order. */
export const toCopyCsv = (rows: unknown[][]): string => rows.map((r) => r.map(toCopyCsvValue).join(',')).join('\n') + (rows.length ? '\n' : '');

/**
 * Bulk-loads CSV text into a table with `COPY … FROM` on the connection of the given transaction:
 * PGlite reads it from a blob, node-postgres streams it (pg-copy-streams). The SQL is the same.
 * Must be called with a transaction (the pool itself cannot COPY).
 */
export const copyCsvInto = async (tx: TDbOrTx, { table, columns, csv }: { table: string; columns: string[]; csv: string }): Promise<void> => {
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  const kind = typeof (client as { release?: unknown }).release === 'function' ? 'postgres' : 'pglite';
  const statement = `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM ${kind === 'pglite' ? "'/dev/blob'" : 'STDIN'} WITH (FORMAT csv)`;
  if (kind === 'pglite') {
    await (client as { query: (q: string, p: unknown[], o: { blob: Blob }) => Promise<unknown> }).query(statement, [], { blob: new Blob([csv]) });
    return;
  }
  const stream = (client as PoolClient).query(copyFrom(statement));
  await pipeline(Readable.from([csv]), stream);
};
