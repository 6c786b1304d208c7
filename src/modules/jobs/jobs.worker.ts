import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { TDb } from '../../db/client';
import { claimNextJob, completeJob, failJob, requeueStaleJobs } from './jobs.repo';

export type TJobHandler = (payload: Record<string, unknown>) => Promise<void>;

/**
 * Polls the database queue and runs handlers by job kind. Each app process runs one worker;
 * the queue itself is in the database, so any process may take any job.
 */
export const startJobWorker = ({
  db,
  handlers,
  pollMs,
  log,
}: {
  db: TDb;
  handlers: Record<string, TJobHandler>;
  pollMs: number;
  log: FastifyBaseLogger;
}) => {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const drain = async () => {
    await requeueStaleJobs(db, new Date(Date.now() - 10 * 60_000));
    for (let i = 0; i < 50 && !stopped; i++) {
      const job = await claimNextJob(db, workerId);
      if (!job) return;
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job.payload);
        await completeJob(db, job.id);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const retryAt = job.attempts < job.max_attempts ? new Date(Date.now() + 2 ** job.attempts * 1000) : null;
        await failJob(db, job.id, { error: message, retryAt });
        log.warn({ jobId: job.id, kind: job.kind, error: message }, 'job failed');
      }
    }
  };

  const tick = () => {
    if (stopped) return;
    running = drain()
      .catch((error: unknown) => log.error({ err: error }, 'job worker error'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  timer = setTimeout(tick, pollMs);

  return {
    /** Stops polling and waits for the job in progress. */
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
};
