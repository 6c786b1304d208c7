/**
 * An error the CLI reports as bad input: printed on stderr, exit code 2.
 * The message must name the file, line and column (or the argument) and what was expected.
 */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}
