import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  createHolidayCalendar,
  DEFAULT_HOLIDAY_RULE_CONFIG,
  HolidayDataError,
  parseHolidayCsv,
  projectStatutoryHolidays,
  type THolidayEntry,
  type THolidayRuleConfig,
} from './holidays';

const CSV_TEXT = readFileSync(new URL('../../../reference/holidays-2019-2030.csv', import.meta.url), 'utf8');
const OFFICIAL = parseHolidayCsv(CSV_TEXT);
const SWAP_KINDS = new Set(['swap_day_off', 'swap_workday']);

const keyOf = (e: THolidayEntry): string => `${e.date} ${e.kind} ${e.name}`;
const daysOff = (entries: THolidayEntry[], kind?: THolidayEntry['kind']): string[] =>
  entries.filter((e) => (kind ? e.kind === kind : e.kind !== 'swap_workday')).map((e) => e.date);

describe('parseHolidayCsv', () => {
  it('reads every row of the shipped CSV with its optional columns', () => {
    assert.equal(OFFICIAL.length, 174);
    assert.deepEqual(OFFICIAL[0], {
      date: '2019-01-01',
      kind: 'statutory',
      name: 'Tết Dương lịch',
      verified: 'notice',
      source: 'H2019',
      basis: 'BLLĐ 2012 Đ.115(1)',
    });
    assert.equal(OFFICIAL.filter((e) => e.kind === 'swap_workday').length, 5);
  });

  it('reports the line and column of a malformed row', () => {
    const text = 'date,name,kind\n2025-01-01,Tết Dương lịch,statutory\n2025-13-01,X,statutory\n';
    assert.throws(() => parseHolidayCsv(text, 'h.csv'), (error: unknown) => {
      assert.ok(error instanceof HolidayDataError);
      assert.match(error.message, /h\.csv: line 3, column 1 \(date\): expected a date YYYY-MM-DD, got "2025-13-01"/);
      return true;
    });
    assert.throws(() => parseHolidayCsv('date,name,kind\n2025-01-01,X,holiday\n', 'h.csv'), /line 2, column 3 \(kind\)/);
    assert.throws(() => parseHolidayCsv('date,kind\n2025-01-01,statutory\n', 'h.csv'), /missing required column "name"/);
  });
});

describe('projectStatutoryHolidays', () => {
  it('reproduces every projected (rule) year of the CSV exactly: 2027–2030', () => {
    for (const year of [2027, 2028, 2029, 2030]) {
      const csv = OFFICIAL.filter((e) => e.date.startsWith(`${year}-`)).map(keyOf);
      assert.deepEqual(projectStatutoryHolidays(year).map(keyOf), csv, `year ${year}`);
    }
  });

  it('reproduces the days off of every official notice 2019–2026 except the swaps', () => {
    for (let year = 2019; year <= 2026; year++) {
      const csv = OFFICIAL.filter((e) => e.date.startsWith(`${year}-`) && !SWAP_KINDS.has(e.kind)).map(keyOf);
      assert.deepEqual(projectStatutoryHolidays(year).map(keyOf), csv, `year ${year}`);
    }
  });

  it('takes 2 days before mùng 1 + mùng 1–3, or 1 before + mùng 1–4 when mùng 1 is a Tuesday', () => {
    // 2031: mùng 1 = Thu 2031-01-23
    assert.deepEqual(
      projectStatutoryHolidays(2031).filter((e) => e.name.startsWith('Tết Âm lịch')).map((e) => e.date),
      ['2031-01-21', '2031-01-22', '2031-01-23', '2031-01-24', '2031-01-25'],
    );
    // 2035: mùng 1 = Thu 2035-02-08; 2040: mùng 1 = Sun 2040-02-12 (compensation Mon–Tue after mùng 3)
    const tet2040 = projectStatutoryHolidays(2040).filter((e) => e.name.includes('Tết Âm lịch'));
    assert.deepEqual(
      tet2040.map((e) => `${e.date} ${e.kind}`),
      ['2040-02-10 statutory', '2040-02-11 statutory', '2040-02-12 statutory', '2040-02-13 statutory', '2040-02-14 statutory', '2040-02-15 compensatory', '2040-02-16 compensatory'],
    );
    // 2026: mùng 1 = Tue 2026-02-17
    assert.deepEqual(daysOff(projectStatutoryHolidays(2026)).slice(1, 6), ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  });

  it('names Tết days by their lunar date (month 12 may have 29 or 30 days)', () => {
    const names2025 = projectStatutoryHolidays(2025).filter((e) => e.name.startsWith('Tết Âm')).map((e) => e.name);
    assert.deepEqual(names2025, [
      'Tết Âm lịch (28 tháng Chạp)',
      'Tết Âm lịch (29 tháng Chạp)',
      'Tết Âm lịch (mùng 1 tháng Giêng)',
      'Tết Âm lịch (mùng 2 tháng Giêng)',
      'Tết Âm lịch (mùng 3 tháng Giêng)',
    ]);
  });

  it('adds the second National Day day by weekday from 2021 and only 2/9 before', () => {
    const secondDay = (year: number): string | undefined => projectStatutoryHolidays(year).find((e) => e.name === 'Quốc khánh (ngày liền kề)')?.date;
    assert.equal(secondDay(2020), undefined);
    assert.equal(secondDay(2019), undefined);
    assert.equal(secondDay(2021), '2021-09-03'); // Thu → Fri
    assert.equal(secondDay(2022), '2022-09-01'); // Fri → Thu
    assert.equal(secondDay(2023), '2023-09-01'); // Sat → Fri
    assert.equal(secondDay(2024), '2024-09-03'); // Mon → Tue
    assert.equal(secondDay(2025), '2025-09-01'); // Tue → Mon
    assert.equal(secondDay(2026), '2026-09-01'); // Wed → Tue
    assert.equal(secondDay(2029), '2029-09-03'); // Sun → Mon
  });

  it('adds Hùng Kings only from 2007 and 24/11 only from 2026-07-01', () => {
    assert.ok(!projectStatutoryHolidays(2006).some((e) => e.name.startsWith('Giỗ Tổ')));
    assert.ok(projectStatutoryHolidays(2007).some((e) => e.date === '2007-04-26' && e.name.startsWith('Giỗ Tổ')));
    assert.ok(!projectStatutoryHolidays(2025).some((e) => e.date === '2025-11-24'));
    assert.ok(projectStatutoryHolidays(2026).some((e) => e.date === '2026-11-24' && e.kind === 'statutory'));
  });

  it('makes up weekend holidays on the next free working day without stacking', () => {
    // 2023: Hùng Kings Sat 29/4, 30/4 Sun, 1/5 Mon → make-up Tue 2/5 and Wed 3/5
    const y2023 = projectStatutoryHolidays(2023);
    assert.deepEqual(daysOff(y2023, 'compensatory'), ['2023-01-02', '2023-01-25', '2023-01-26', '2023-05-02', '2023-05-03', '2023-09-04']);
    // 2033: 1/1 is a Saturday → Monday 3/1
    assert.ok(projectStatutoryHolidays(2033).some((e) => e.date === '2033-01-03' && e.kind === 'compensatory'));
  });

  it('keeps the unverified parameters configurable', () => {
    const config: THolidayRuleConfig = {
      ...DEFAULT_HOLIDAY_RULE_CONFIG,
      cultureDay: { ...DEFAULT_HOLIDAY_RULE_CONFIG.cultureDay, enabled: false },
      nationalDaySecondDay: { ...DEFAULT_HOLIDAY_RULE_CONFIG.nationalDaySecondDay, fromYear: 2100 },
    };
    const y2029 = projectStatutoryHolidays(2029, config);
    assert.ok(!y2029.some((e) => e.date.startsWith('2029-11-')));
    assert.ok(!y2029.some((e) => e.name === 'Quốc khánh (ngày liền kề)'));
    // 2/9/2029 is a Sunday: compensated on Monday 3/9 when there is no second day
    assert.ok(y2029.some((e) => e.date === '2029-09-03' && e.kind === 'compensatory'));
    const noCultureMakeUp = projectStatutoryHolidays(2029, { ...DEFAULT_HOLIDAY_RULE_CONFIG, cultureDay: { ...DEFAULT_HOLIDAY_RULE_CONFIG.cultureDay, compensate: false } });
    assert.ok(!noCultureMakeUp.some((e) => e.date === '2029-11-26'));
  });

  it('works over the whole rule range and rejects other years', () => {
    assert.deepEqual(daysOff(projectStatutoryHolidays(1900)).slice(0, 4), ['1900-01-01', '1900-01-29', '1900-01-30', '1900-01-31']);
    assert.ok(projectStatutoryHolidays(2100).length > 8);
    assert.throws(() => projectStatutoryHolidays(1899), RangeError);
    assert.throws(() => projectStatutoryHolidays(2101), RangeError);
  });
});

describe('createHolidayCalendar precedence', () => {
  it('uses admin override > official rows > rule for each year', () => {
    const calendar = createHolidayCalendar({
      officialEntries: OFFICIAL,
      adminOverrides: [{ year: 2026, entries: [{ date: '2026-01-01', kind: 'statutory', name: 'Tết Dương lịch' }] }],
    });
    assert.equal(calendar.getYearSchedule(2026).source, 'ADMIN');
    assert.equal(calendar.getYearSchedule(2026).entries.length, 1);
    assert.equal(calendar.getYearSchedule(2025).source, 'OFFICIAL');
    assert.ok(calendar.getYearSchedule(2025).entries.some((e) => e.kind === 'swap_workday' && e.date === '2025-04-26'));
    assert.equal(calendar.getYearSchedule(2031).source, 'RULE');
    assert.equal(calendar.getYearSchedule(2018).source, 'RULE');
  });

  it('validates DB rows and overrides', () => {
    assert.throws(
      () => createHolidayCalendar({ adminOverrides: [{ year: 2031, entries: [{ date: '2032-01-01', kind: 'statutory', name: 'X' }] }] }),
      /not in year 2031/,
    );
    assert.throws(() => createHolidayCalendar({ officialEntries: [{ date: '2031-02-30', kind: 'statutory', name: 'X' }] }), HolidayDataError);
  });
});
