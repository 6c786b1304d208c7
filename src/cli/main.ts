import { CliInputError } from './cli-error';

/** A CLI command: receives the arguments after its name, returns the exit code. */
export type TCliCommand = { run: (args: string[]) => Promise<number> };

/**
 * The command table. Each entry is loaded lazily so that a quick command (calendar, sme)
 * does not pay for loading the server or the database driver.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<TCliCommand> }> = {
  'stats compute': { summary: 'stats compute <inputDir> <outputDir>  compute IIP and value indicators from CSV files', load: () => import('./commands/stats-compute') },
  'calendar lunar': { summary: 'calendar lunar <YYYY-MM-DD>... | --file <dates.csv>  Vietnamese lunar dates', load: () => import('./commands/calendar-lunar') },
  'calendar add-workdays': { summary: 'calendar add-workdays <YYYY-MM-DD> <n> | --file <rows.csv>  due date after n working days', load: () => import('./commands/calendar-add-workdays') },
  'db migrate': { summary: 'db migrate  apply pending database migrations', load: () => import('./commands/db-migrate') },
  backup: { summary: 'backup <file>  write a backup of the database (PGlite or PostgreSQL)', load: () => import('./commands/backup') },
  restore: { summary: 'restore <file>  replace the database content with a backup', load: () => import('./commands/restore') },
  import: { summary: 'import enterprises <file.csv|file.xlsx> [--dry-run] | import reports <file.csv> [--dry-run]  all or nothing', load: () => import('./commands/import') },
  'demo generate': { summary: 'demo generate --enterprises N [--seed S] [--out file.csv]  deterministic demo enterprises', load: () => import('./commands/demo-generate') },
  'sme classify': { summary: 'sme classify <file.csv>  SME class under Decree 80/2021', load: () => import('./commands/sme-classify') },
};

const usage = (): string =>
  ['Usage: bin/congthuong <command> [arguments]', '', 'Commands:', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join('\n');

/** Runs the CLI with the given arguments and returns the process exit code. */
export const main = async (argv: string[]): Promise<number> => {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(usage() + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  const two = argv.slice(0, 2).join(' ');
  const one = argv[0];
  const name = COMMANDS[two] ? two : COMMANDS[one] ? one : undefined;
  if (!name) {
    process.stderr.write(`congthuong: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${usage()}\n`);
    return 2;
  }
  const rest = argv.slice(name.split(' ').length);
  try {
    const command = await COMMANDS[name].load();
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CliInputError) {
      process.stderr.write(`congthuong ${name}: ${error.message}\n`);
      return 2;
    }
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    const message = error instanceof Error ? error.message.split('\n')[0].slice(0, 300) : String(error);
    process.stderr.write(`congthuong ${name}: failed: ${message}${cause}\n`);
    return 1;
  }
};
