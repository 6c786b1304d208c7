import { z } from 'zod';
import type { TDatabase } from '../../db/client';
import { pingDatabase } from '../../db/client';
import { countAppliedMigrations, countExpectedMigrations } from '../../db/migrate';
import type { TApp } from '../../server/app-types';
import { APP_VERSION } from '../../server/version';

/** Liveness and readiness: database reachable, migrations current, version. */
export const registerHealthRoutes = (app: TApp, { database }: { database: TDatabase }): void => {
  const ZHealth = z.object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
    migrations: z.object({ current: z.boolean(), applied: z.number().int(), expected: z.number().int() }),
  });
  app.route({
    method: 'GET',
    url: '/api/health',
    config: { access: 'public' },
    schema: { tags: ['operations'], summary: 'Health: database reachable, migrations current, version', response: { 200: ZHealth, 503: ZHealth } },
    handler: async (_request, reply) => {
      const reachable = await pingDatabase(database.db);
      const applied = reachable ? await countAppliedMigrations(database) : 0;
      const expected = countExpectedMigrations();
      const isOk = reachable && applied === expected;
      return reply.status(isOk ? 200 : 503).send({
        status: isOk ? 'ok' : 'degraded',
        version: APP_VERSION,
        database: { kind: database.kind, reachable },
        migrations: { current: applied === expected, applied, expected },
      });
    },
  });
};
