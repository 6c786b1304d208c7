/**
 * `bin/congthuong stats compute <inputDir> <outputDir>` (cli-contract.md, spec statistics.md):
 * reads the CSV files of §3 and params.csv, runs the modules asked for, writes the CSV files of §9.
 * Everything is computed before anything is written, and files are written to temporary names
 * and renamed, so bad input leaves no partial output behind.
 */
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { CliInputError } from '../cli-error';
import { StatsInputError, formatStatsErrorLocation } from '../../domain/stats/stats-errors';
import { computeIip } from '../../domain/stats/stats-iip';
import { parseStatsInput, parseStatsParams, STATS_INPUT_FILES, type TStatsFileSet } from '../../domain/stats/stats-input';
import {
  generateIipFlagsCsv,
  generateIipIndexCsv,
  generateImputationCsv,
  generateValuesIndexCsv,
  STATS_OUTPUT_FILES,
} from '../../domain/stats/stats-output';
import { computeValues } from '../../domain/stats/stats-values';

const USAGE = 'usage: stats compute <inputDir> <outputDir>';

const readInputFiles = async (inputDir: string): Promise<TStatsFileSet> => {
  const files: TStatsFileSet = {};
  for (const name of STATS_INPUT_FILES) {
    try {
      files[name] = await readFile(path.join(inputDir, name), 'utf8');
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') continue;
      throw error;
    }
  }
  return files;
};

/** Output files: name → CSV text in chunks (formatted lazily while writing). */
type TOutputs = Map<string, () => Iterable<string>>;

/** Computes everything from the input files; returns the output files to write. */
const computeOutputs = (files: TStatsFileSet, inputDir: string): TOutputs => {
  const params = parseStatsParams(requireParams(files, inputDir));
  const input = parseStatsInput(files, params.modules);
  const outputs: TOutputs = new Map();
  const range = { from: params.from, to: params.to };
  if (params.modules.includes('iip')) {
    const iip = computeIip(input, range);
    outputs.set(STATS_OUTPUT_FILES.iipIndex, () => generateIipIndexCsv(iip.index));
    outputs.set(STATS_OUTPUT_FILES.iipImputation, () => generateImputationCsv(iip.imputation));
    outputs.set(STATS_OUTPUT_FILES.iipFlags, () => generateIipFlagsCsv(iip.flags));
  }
  if (params.modules.includes('values')) {
    const values = computeValues(input, range);
    outputs.set(STATS_OUTPUT_FILES.valuesIndex, () => generateValuesIndexCsv(values.index));
    outputs.set(STATS_OUTPUT_FILES.valuesImputation, () => generateImputationCsv(values.imputation));
  }
  return outputs;
};

const requireParams = (files: TStatsFileSet, inputDir: string): string => {
  const params = files['params.csv'];
  if (params === undefined) throw new CliInputError(`${path.join(inputDir, 'params.csv')}: file not found (expected keys modules, from, to)`);
  return params;
};

/** Writes all files under temporary names, then renames them; removes what it wrote on failure. */
const writeOutputs = async (outputDir: string, outputs: TOutputs): Promise<void> => {
  await mkdir(outputDir, { recursive: true });
  const suffix = `.tmp-${process.pid}-${Date.now()}`;
  const written: string[] = [];
  try {
    for (const [name, chunks] of outputs) {
      const temporary = path.join(outputDir, name + suffix);
      written.push(temporary);
      const file = await open(temporary, 'w');
      try {
        for (const chunk of chunks()) await file.write(chunk, null, 'utf8');
      } finally {
        await file.close();
      }
    }
    for (const [name] of outputs) await rename(path.join(outputDir, name + suffix), path.join(outputDir, name));
  } catch (error) {
    await Promise.all(written.map((file) => rm(file, { force: true })));
    throw error;
  }
};

/** Runs the command; returns the exit code. Bad input throws {@link CliInputError} (exit 2). */
export const run = async (args: string[]): Promise<number> => {
  if (args.length !== 2) throw new CliInputError(`expected 2 arguments <inputDir> <outputDir>, got ${args.length}; ${USAGE}`);
  const [inputDir, outputDir] = args;
  const inputStat = await stat(inputDir).catch(() => null);
  if (!inputStat?.isDirectory()) throw new CliInputError(`argument <inputDir>: "${inputDir}" is not a directory; ${USAGE}`);
  const files = await readInputFiles(inputDir);
  let outputs: TOutputs;
  try {
    outputs = computeOutputs(files, inputDir);
  } catch (error) {
    if (error instanceof StatsInputError) {
      const location = { ...error.location, file: path.join(inputDir, error.location.file) };
      throw new CliInputError(`${formatStatsErrorLocation(location)}: ${error.expected}`);
    }
    throw error;
  }
  await writeOutputs(outputDir, outputs);
  return 0;
};
