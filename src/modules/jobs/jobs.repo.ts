import { eq, sql } from 'drizzle-orm';
import { queryRows, type TDbOrTx } from '../../db/client';
import { jobs } from '../../db/schema/platform';

export type TJobRow = typeof jobs.$inferSelect;

/** Adds a job; call it inside the transaction that makes the job necessary. */
export const enqueueJob = async (db: TDbOrTx, job: { kind: string; payload: Record<string, unknown>; runAt?: Date; maxAttempts?: number }) => {
  await db.insert(jobs).values({ kind: job.kind, payload: job.payload, runAt: job.runAt ?? new Date(), maxAttempts: job.maxAttempts ?? 5 });
};

/**
 * Claims the next due job for this worker. FOR UPDATE SKIP LOCKED lets several app processes
 * share one PostgreSQL queue without taking the same job twice.
 */
export const claimNextJob = async (db: TDbOrTx, workerId: string): Promise<{ id: number; kind: string; payload: Record<string, unknown>; attempts: number; max_attempts: number } | undefined> => {
  const rows = await queryRows<{ id: number | string; kind: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>(
    db,
    sql`update jobs set status = 'RUNNING', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
        where id = (select id from jobs where status = 'QUEUED' and run_at <= now()
                    order by run_at, id limit 1 for update skip locked)
        returning id, kind, payload, attempts, max_attempts`,
  );
  const row = rows[0];
  return row ? { ...row, id: Number(row.id) } : undefined;
};

export const completeJob = async (db: TDbOrTx, id: number) => {
  await db.update(jobs).set({ status: 'DONE', finishedAt: new Date(), lockedAt: null, lockedBy: null }).where(eq(jobs.id, id));
};

/** Records a failure: retried later with exponential back-off, or marked FAILED after the last attempt. */
export const failJob = async (db: TDbOrTx, id: number, { error, retryAt }: { error: string; retryAt: Date | null }) => {
  await db
    .update(jobs)
    .set(retryAt ? { status: 'QUEUED', runAt: retryAt, lastError: error, lockedAt: null, lockedBy: null } : { status: 'FAILED', lastError: error, finishedAt: new Date(), lockedAt: null, lockedBy: null })
    .where(eq(jobs.id, id));
};

/** Jobs left RUNNING by a process that died are put back in the queue after a while. */
export const requeueStaleJobs = async (db: TDbOrTx, olderThan: Date) => {
  await db.execute(sql`update jobs set status = 'QUEUED', locked_at = null, locked_by = null where status = 'RUNNING' and locked_at < ${olderThan}`);
};

/**
 * Claims a daily task for this process: true for the first process that asks on a given day
 * (the claim is a row in app_settings, so several app processes run it once between them).
 */
export const claimDailyTask = async (db: TDbOrTx, name: string, day: string): Promise<boolean> => {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`insert into app_settings (key, value, updated_at) values (${`daily:${name}`}, ${JSON.stringify(day)}::jsonb, now())
        on conflict (key) do update set value = excluded.value, updated_at = now() where app_settings.value <> excluded.value
        returning key`,
  );
  return rows.length > 0;
};
