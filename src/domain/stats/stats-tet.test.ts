import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePeriod } from './stats-periods';
import { buildTetDaysByMonth, getDefaultTetWindow, isTetShift } from './stats-tet';

const daysOf = (year: number, overrides = [] as { year: number; start: string; end: string }[]): { jan: number; feb: number } => {
  const firstMonth = parsePeriod(`${year}-01`);
  const days = buildTetDaysByMonth({ firstMonth, lastMonth: firstMonth + 11, overrides });
  return { jan: days[0], feb: days[1] };
};

test('the default window is day 1 − 2 … day 1 + 4 of the Vietnamese lunar year', () => {
  assert.deepEqual(getDefaultTetWindow(2024), { year: 2024, start: '2024-02-08', end: '2024-02-14' });
  assert.deepEqual(daysOf(2024), { jan: 0, feb: 7 });
  assert.deepEqual(daysOf(2023), { jan: 7, feb: 0 }); // day 1 = 2023-01-22
  assert.deepEqual(daysOf(2028), { jan: 7, feb: 0 }); // day 1 = 2028-01-26: 24..30 January
});

test('2030 uses the Vietnamese day 1 (02-02), not the Chinese one (02-03)', () => {
  assert.deepEqual(getDefaultTetWindow(2030), { year: 2030, start: '2030-01-31', end: '2030-02-06' });
  assert.deepEqual(daysOf(2030), { jan: 1, feb: 6 });
});

test('tet_holidays.csv windows override the default of their year', () => {
  // 2025: the official holiday was 9 days, 25 January – 2 February.
  assert.deepEqual(daysOf(2025, [{ year: 2025, start: '2025-01-25', end: '2025-02-02' }]), { jan: 7, feb: 2 });
  assert.deepEqual(daysOf(2025), { jan: 5, feb: 2 }); // default: 27 January – 2 February
});

test('an injected day-1 function replaces the lunar calendar', () => {
  const firstMonth = parsePeriod('2024-01');
  const days = buildTetDaysByMonth({ firstMonth, lastMonth: firstMonth + 1, dayOne: (year) => `${year}-01-31` });
  assert.deepEqual([...days], [3, 4]);
});

test('a Tết shift note is due for MOM, YOY and QOY only', () => {
  assert.equal(isTetShift({ comparison: 'YOY', tetDaysCur: 7, tetDaysCmp: 0 }), true);
  assert.equal(isTetShift({ comparison: 'MOM', tetDaysCur: 7, tetDaysCmp: 7 }), false);
  assert.equal(isTetShift({ comparison: 'YTD', tetDaysCur: 7, tetDaysCmp: 0 }), false);
  assert.equal(isTetShift({ comparison: 'BASE', tetDaysCur: 7, tetDaysCmp: null }), false);
});
