import { ConfigError, loadConfig } from '../config/config';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { deleteExpiredSessions } from '../modules/auth/auth.repo';
import { seedDemo } from '../modules/demo/demo.seed';
import { startJobWorker } from '../modules/jobs/jobs.worker';
import { claimDailyTask } from '../modules/jobs/jobs.repo';
import { systemContext } from '../modules/audit/audit.service';
import { buildApp } from './app';

/**
 * Starts the whole system: validated config, database (PGlite or PostgreSQL), migrations,
 * demo data when enabled, the HTTP server and the job worker; stops cleanly on SIGTERM/SIGINT.
 */
const start = async (): Promise<void> => {
  const startedAt = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const database = await openDatabase(config.database);
  await runMigrations(database);
  if (config.demoData) await seedDemo({ db: database.db, password: config.demoPassword, print: (line) => process.stdout.write(line + '\n') });

  const { app, services } = await buildApp({ config, database });
  const worker = startJobWorker({
    db: database.db,
    pollMs: config.jobsPollMs,
    log: app.log,
    handlers: {
      'mail.send': async (payload) => services.mailService.sendQueued(Number(payload.mailId)),
    },
  });
  const runScheduled = async () => {
    await deleteExpiredSessions(database.db, new Date());
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    if (await claimDailyTask(database.db, 'reports.remind', today)) {
      const sent = await services.reportingService.runDueReminders(systemContext('scheduler'));
      if (sent.length) app.log.info({ sent }, 'report reminders queued');
    }
    if (await claimDailyTask(database.db, 'petitions.remind', today)) {
      const reminded = await services.petitionService.runDueReminders(systemContext('scheduler'));
      if (reminded.remindedSoon || reminded.escalated) app.log.info(reminded, 'petition reminders queued');
    }
    if (await claimDailyTask(database.db, 'support.remind', today)) {
      const reminded = await services.supportReminders.runDueReminders(systemContext('scheduler'));
      if (reminded.dueSoon || reminded.overdue) app.log.info(reminded, 'commitment and PCI action reminders queued');
    }
    if (await claimDailyTask(database.db, 'dossiers.due-alerts', today)) {
      const { alerted } = await services.dossierService.runDueAlerts(systemContext('scheduler'));
      if (alerted) app.log.info({ alerted }, 'dossier due-date alerts queued');
    }
  };
  const sessionSweep = setInterval(() => {
    runScheduled().catch((error: unknown) => app.log.warn({ err: error }, 'scheduled task failed'));
  }, 15 * 60_000);
  sessionSweep.unref();

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(sessionSweep);
    await app.close();
    await worker.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  process.stdout.write(
    `congthuong ready at ${address.replace('127.0.0.1', 'localhost')} (${database.kind}, started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)\n`,
  );
  // In the background: the registry's pages into the embedded database's buffers (first searches
  // as quick as the next ones), then the indicator engines' checkpoints (first acceptance as quick).
  void (async () => {
    if (database.kind === 'pglite') await services.enterpriseService.prewarm().catch((error: unknown) => app.log.warn({ err: error }, 'registry not prewarmed'));
    await services.statisticsService.prime().catch((error: unknown) => app.log.warn({ err: error }, 'indicator checkpoints not built'));
  })();
};

start().catch((error: unknown) => {
  process.stderr.write(`congthuong failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
