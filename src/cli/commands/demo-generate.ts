import fs from 'node:fs';
import path from 'node:path';
import { systemContext } from '../../modules/audit/audit.service';
import { generateDemoEnterprises, toEnterpriseCsv } from '../../modules/demo/demo-enterprises';
import { seedReference } from '../../modules/demo/demo.seed';
import { createEnterpriseImportService } from '../../modules/enterprises/enterprises-import.service';
import { withDatabase } from '../cli-database';
import { CliInputError } from '../cli-error';
import { createProgressBar } from '../cli-progress';

const readOption = (args: string[], name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

/**
 * `congthuong demo generate --enterprises N [--seed S] [--out file.csv]`: deterministic demo
 * enterprises (realistic Vietnamese names, VSIC/ownership mix, areas, figures). With --out the
 * rows are written as an import CSV; otherwise they are imported into the configured database.
 */
export const run = async (args: string[]): Promise<number> => {
  const known = new Set(['--enterprises', '--seed', '--out']);
  for (let i = 0; i < args.length; i += 2) if (!known.has(args[i])) throw new CliInputError(`unknown option ${args[i]} (expected --enterprises N [--seed S] [--out file.csv])`);
  const countText = readOption(args, '--enterprises');
  const count = Number(countText);
  if (!countText || !Number.isInteger(count) || count < 1 || count > 2_000_000) throw new CliInputError(`--enterprises: expected a whole number from 1 to 2000000 (got ${countText ?? 'nothing'})`);
  const seedText = readOption(args, '--seed') ?? '2026';
  const seed = Number(seedText);
  if (!Number.isInteger(seed)) throw new CliInputError(`--seed: expected a whole number (got ${seedText})`);
  const out = readOption(args, '--out');
  const year = new Date().getFullYear() - 1;
  if (out) {
    const rows = generateDemoEnterprises({ count, seed, year, zoneNames: [] });
    fs.writeFileSync(path.resolve(out), toEnterpriseCsv(rows));
    process.stdout.write(`wrote ${count} enterprises to ${path.resolve(out)}\n`);
    return 0;
  }
  await withDatabase(async (database) => {
    await seedReference(database.db);
    const { industrialZones } = await import('../../db/schema/enterprises');
    const zoneNames = (await database.db.select({ name: industrialZones.name }).from(industrialZones)).map((z) => z.name);
    const csv = toEnterpriseCsv(generateDemoEnterprises({ count, seed, year, zoneNames }));
    const bar = createProgressBar();
    const result = await createEnterpriseImportService({ db: database.db }).importEnterprises(systemContext('demo-generate'), {
      fileName: `demo-${count}.csv`,
      bytes: Buffer.from(csv),
      dryRun: false,
      onProgress: bar.update,
    });
    process.stdout.write(`demo enterprises: ${result.inserted} new, ${result.updated} changed, ${result.unchanged} unchanged\n`);
  });
  return 0;
};
