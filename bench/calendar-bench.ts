/**
 * Throughput of addWorkingDays (additions per second) with the shipped holiday schedule.
 * Run: node --import tsx bench/calendar-bench.ts
 */
import { readFileSync } from 'node:fs';
import { createHolidayCalendar, parseHolidayCsv } from '../src/domain/calendar/holidays';
import { isoFromJdn, jdnFromIso } from '../src/domain/calendar/lunar';
import { addWorkingDays, addWorkingDaysJdn, createWorkCalendar } from '../src/domain/calendar/workdays';

const ITERATIONS = 2_000_000;
const SAMPLES = 4096;

const text = readFileSync(new URL('../reference/holidays-2019-2030.csv', import.meta.url), 'utf8');
const calendar = createWorkCalendar(createHolidayCalendar({ officialEntries: parseHolidayCsv(text) }));

let seed = 12345;
const nextRandom = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const first = jdnFromIso('2019-01-01');
const span = jdnFromIso('2030-06-30') - first;
const starts = Array.from({ length: SAMPLES }, () => first + Math.floor(nextRandom() * span));
const counts = Array.from({ length: SAMPLES }, () => 1 + Math.floor(nextRandom() * 60));
const isoStarts = starts.map(isoFromJdn);

/** Times `iterations` calls of `body` and prints the rate. */
const measure = (label: string, body: (i: number) => unknown): void => {
  for (let i = 0; i < 100_000; i++) body(i & (SAMPLES - 1)); // warm-up (also compiles every year)
  const t0 = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < ITERATIONS; i++) sink += body(i & (SAMPLES - 1)) ? 1 : 0;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rate = Math.round(ITERATIONS / seconds);
  console.log(`${label}: ${rate.toLocaleString('en-US')} additions/s (${ITERATIONS.toLocaleString('en-US')} in ${seconds.toFixed(3)} s, checksum ${sink})`);
};

measure('addWorkingDays (ISO strings)', (i) => addWorkingDays(calendar, isoStarts[i], counts[i]));
measure('addWorkingDaysJdn (day numbers)', (i) => addWorkingDaysJdn(calendar, starts[i], counts[i]));
