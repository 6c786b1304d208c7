/** Where a bad value was found: a file (or input collection), and optionally its line and column. */
export type TStatsErrorLocation = { file: string; line?: number; column?: string };

/**
 * Bad statistics input (unknown enterprise or product, negative quantity, missing weight, …).
 * The message names the place and what was expected; the CLI reports it with exit code 2.
 */
export class StatsInputError extends Error {
  readonly location: TStatsErrorLocation;
  /** What was expected (the message without the location). */
  readonly expected: string;

  constructor(location: TStatsErrorLocation, expected: string) {
    super(`${formatStatsErrorLocation(location)}: ${expected}`);
    this.name = 'StatsInputError';
    this.location = location;
    this.expected = expected;
  }
}

/** `file, line N, column C` (the parts that are known). */
export const formatStatsErrorLocation = ({ file, line, column }: TStatsErrorLocation): string =>
  [file, line === undefined ? undefined : `line ${line}`, column === undefined ? undefined : `column ${column}`]
    .filter((part) => part !== undefined)
    .join(', ');
