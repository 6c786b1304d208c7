/**
 * Vietnamese lunar (âm lịch) calendar, UTC+7 (meridian 105°E).
 *
 * Rules (spec procedures-and-calendar §6.4):
 * - a month starts on the UTC+7 day that contains the astronomical new moon;
 * - month 11 is the month that contains the winter solstice (sun longitude 270°);
 * - in a year with 13 months between two months 11, the first month after month 11 that contains
 *   no principal term (sun longitude multiple of 30°) is the leap month and repeats the number of
 *   the month before it.
 *
 * Astronomy: new moons by Meeus "Astronomical Algorithms" ch. 49 (with the planetary corrections),
 * apparent solar longitude by Meeus ch. 25 (low accuracy), ΔT by the Espenak–Meeus polynomials.
 * These are the same rules as Hồ Ngọc Đức's "amlich" algorithm, with the more precise astronomy.
 *
 * Nothing is computed per request: the month table of the whole supported range is built once,
 * lazily, on first use (about 2,500 new moons, a few milliseconds).
 *
 * Dates are handled as Julian day numbers (JDN, integer, proleptic Gregorian) and ISO strings
 * `YYYY-MM-DD`; nothing depends on the machine's time zone.
 */

/** A date of the Vietnamese lunar calendar. `leap` is true in a leap (nhuận) month. */
export type TLunarDate = { day: number; month: number; year: number; leap: boolean };

/** A lunar month of the precomputed table. */
type TLunarMonth = { start: number; year: number; month: number; leap: boolean };

/** Time zone of the Vietnamese calendar in hours (UTC+7, meridian 105°E). */
export const VN_TIME_ZONE_HOURS = 7;
/** First supported solar date: lunar 1/1/1900. */
export const LUNAR_MIN_DATE = '1900-01-31';
/** Last supported solar date. */
export const LUNAR_MAX_DATE = '2100-12-31';
/** First lunar year whose Tết lies in the supported range. */
export const LUNAR_MIN_YEAR = 1900;
/** Last lunar year whose Tết lies in the supported range. */
export const LUNAR_MAX_YEAR = 2100;

const DEG = Math.PI / 180;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Error thrown for a malformed date or a date outside the supported range. */
export class CalendarRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarRangeError';
  }
}

// ---------------------------------------------------------------------------------------------
// Julian day numbers and ISO dates (proleptic Gregorian)
// ---------------------------------------------------------------------------------------------

/** Julian day number of a Gregorian date (JDN 2451545 = 2000-01-01). */
export const jdnFromYmd = (year: number, month: number, day: number): number => {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
};

/** Gregorian {year, month, day} of a Julian day number. */
export const ymdFromJdn = (jdn: number): { year: number; month: number; day: number } => {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
};

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** ISO `YYYY-MM-DD` of a Julian day number. */
export const isoFromJdn = (jdn: number): string => {
  const { year, month, day } = ymdFromJdn(jdn);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
};

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Number of days of a Gregorian month. */
const daysInMonth = (year: number, month: number): number =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1];

/**
 * Parses a strict ISO date `YYYY-MM-DD` (a real calendar date) into its Julian day number,
 * or returns undefined when the text is not such a date.
 */
export const parseIsoDate = (text: string): number | undefined => {
  const match = ISO_DATE_RE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return jdnFromYmd(year, month, day);
};

/** Julian day number of an ISO date; throws CalendarRangeError when it is not a valid date. */
export const jdnFromIso = (text: string): number => {
  const jdn = parseIsoDate(text);
  if (jdn === undefined) throw new CalendarRangeError(`"${text}" is not a valid date YYYY-MM-DD`);
  return jdn;
};

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type TIsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
const ISO_WEEKDAYS: readonly TIsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** ISO weekday of a Julian day number: 1 = Monday … 7 = Sunday. */
export const isoWeekdayOfJdn = (jdn: number): TIsoWeekday => ISO_WEEKDAYS[((jdn % 7) + 7) % 7];

// ---------------------------------------------------------------------------------------------
// Astronomy (Meeus)
// ---------------------------------------------------------------------------------------------

const sinDeg = (x: number): number => Math.sin(x * DEG);

/** ΔT = TT − UT in seconds, Espenak–Meeus polynomials (valid 1860–2150 here). */
export const deltaTSeconds = (decimalYear: number): number => {
  const y = decimalYear;
  if (y < 1900) {
    const t = y - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (y - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - y);
};

const decimalYearOfJd = (jd: number): number => 2000 + (jd - 2451545) / 365.2425;

/** Julian ephemeris day (TT) of the mean-phase-corrected new moon number k (Meeus ch. 49). */
const newMoonJde = (k: number): number => {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const om = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
  const corr =
    -0.4072 * sinDeg(mp) +
    0.17241 * e * sinDeg(m) +
    0.01608 * sinDeg(2 * mp) +
    0.01039 * sinDeg(2 * f) +
    0.00739 * e * sinDeg(mp - m) -
    0.00514 * e * sinDeg(mp + m) +
    0.00208 * e * e * sinDeg(2 * m) -
    0.00111 * sinDeg(mp - 2 * f) -
    0.00057 * sinDeg(mp + 2 * f) +
    0.00056 * e * sinDeg(2 * mp + m) -
    0.00042 * sinDeg(3 * mp) +
    0.00042 * e * sinDeg(m + 2 * f) +
    0.00038 * e * sinDeg(m - 2 * f) -
    0.00024 * e * sinDeg(2 * mp - m) -
    0.00017 * sinDeg(om) -
    0.00007 * sinDeg(mp + 2 * m) +
    0.00004 * sinDeg(2 * mp - 2 * f) +
    0.00004 * sinDeg(3 * m) +
    0.00003 * sinDeg(mp + m - 2 * f) +
    0.00003 * sinDeg(2 * mp + 2 * f) -
    0.00003 * sinDeg(mp + m + 2 * f) +
    0.00003 * sinDeg(mp - m + 2 * f) -
    0.00002 * sinDeg(mp - m - 2 * f) -
    0.00002 * sinDeg(3 * mp + m) +
    0.00002 * sinDeg(4 * mp);
  const planetary =
    0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * t2) +
    0.000165 * sinDeg(251.88 + 0.016321 * k) +
    0.000164 * sinDeg(251.83 + 26.651886 * k) +
    0.000126 * sinDeg(349.42 + 36.412478 * k) +
    0.00011 * sinDeg(84.66 + 18.206239 * k) +
    0.000062 * sinDeg(141.74 + 53.303771 * k) +
    0.00006 * sinDeg(207.14 + 2.453732 * k) +
    0.000056 * sinDeg(154.84 + 7.30686 * k) +
    0.000047 * sinDeg(34.52 + 27.261239 * k) +
    0.000042 * sinDeg(207.19 + 0.121824 * k) +
    0.00004 * sinDeg(291.34 + 1.844379 * k) +
    0.000037 * sinDeg(161.72 + 24.198154 * k) +
    0.000035 * sinDeg(239.56 + 25.513099 * k) +
    0.000023 * sinDeg(331.55 + 3.592518 * k);
  return jde + corr + planetary;
};

/** Julian day (UT) of new moon number k (k = 0: 2000-01-06). */
export const newMoonJdUt = (k: number): number => {
  const jde = newMoonJde(k);
  return jde - deltaTSeconds(decimalYearOfJd(jde)) / 86400;
};

/** Apparent geocentric longitude of the Sun in degrees [0, 360) at a Julian day in UT (Meeus ch. 25). */
export const sunLongitudeDeg = (jdUt: number): number => {
  const jde = jdUt + deltaTSeconds(decimalYearOfJd(jdUt)) / 86400;
  const t = (jde - 2451545) / 36525;
  const t2 = t * t;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t2;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t2;
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t2) * sinDeg(m) + (0.019993 - 0.000101 * t) * sinDeg(2 * m) + 0.000289 * sinDeg(3 * m);
  const omega = 125.04 - 1934.136 * t;
  const lambda = l0 + c - 0.00569 - 0.00478 * sinDeg(omega);
  return ((lambda % 360) + 360) % 360;
};

/** Local (UTC+7) Julian day number of the day containing new moon k. */
const newMoonDay = (k: number): number => Math.floor(newMoonJdUt(k) + 0.5 + VN_TIME_ZONE_HOURS / 24);

/** Principal-term sector 0..11 (floor(longitude / 30°)) at the local midnight that starts day `jdn`. */
const sunSectorAtDayStart = (jdn: number): number =>
  Math.floor(sunLongitudeDeg(jdn - 0.5 - VN_TIME_ZONE_HOURS / 24) / 30);

// ---------------------------------------------------------------------------------------------
// Month table
// ---------------------------------------------------------------------------------------------

/** New-moon numbers covering lunar month 11 of 1898 to lunar month 11 of 2101 with margin. */
const K_FIRST = -1270;
const K_LAST = 1275;

type TLunarTable = {
  months: TLunarMonth[];
  starts: Int32Array;
  byKey: Map<string, number>;
};

let tableCache: TLunarTable | undefined;

const monthKey = (year: number, month: number, leap: boolean): string => `${year}-${month}${leap ? 'L' : ''}`;

/** Builds the month table: every lunar month from month 11 of 1898 to month 10 of 2101. */
const buildLunarTable = (): TLunarTable => {
  const count = K_LAST - K_FIRST + 1;
  const starts = new Int32Array(count);
  const sectors = new Int8Array(count);
  for (let i = 0; i < count; i++) {
    starts[i] = newMoonDay(K_FIRST + i);
    sectors[i] = sunSectorAtDayStart(starts[i]);
  }
  // Month 11 of Gregorian year y = the month that contains the winter solstice (sector 8 -> 9 change).
  const month11: number[] = [];
  for (let i = 0; i + 1 < count; i++) {
    if (sectors[i] < 9 && sectors[i] >= 6 && sectors[i + 1] >= 9) month11.push(i);
  }
  const months: TLunarMonth[] = [];
  for (let n = 0; n + 1 < month11.length; n++) {
    const a = month11[n];
    const b = month11[n + 1];
    const yearOfA = ymdFromJdn(starts[a]).year; // month 11 starts in Nov/Dec of this Gregorian year
    const isLeapYear = b - a === 13;
    let leapOffset = -1;
    if (isLeapYear) {
      for (let d = 1; d < 13; d++) {
        if (sectors[a + d] === sectors[a + d + 1]) {
          leapOffset = d;
          break;
        }
      }
    }
    for (let d = 0; d < b - a; d++) {
      const shifted = leapOffset >= 0 && d >= leapOffset ? d - 1 : d;
      const month = ((10 + shifted) % 12) + 1;
      months.push({ start: starts[a + d], month, leap: d === leapOffset, year: month >= 11 ? yearOfA : yearOfA + 1 });
    }
  }
  const monthStarts = new Int32Array(months.length);
  const byKey = new Map<string, number>();
  months.forEach((m, i) => {
    monthStarts[i] = m.start;
    byKey.set(monthKey(m.year, m.month, m.leap), i);
  });
  return { months, starts: monthStarts, byKey };
};

const getLunarTable = (): TLunarTable => {
  tableCache ??= buildLunarTable();
  return tableCache;
};

const MIN_JDN = jdnFromYmd(1900, 1, 31);
const MAX_JDN = jdnFromYmd(2100, 12, 31);

const assertSolarInRange = (jdn: number): void => {
  if (jdn < MIN_JDN || jdn > MAX_JDN) {
    throw new CalendarRangeError(`date ${isoFromJdn(jdn)} is outside the supported range ${LUNAR_MIN_DATE}..${LUNAR_MAX_DATE}`);
  }
};

/** Index of the lunar month containing day `jdn` (binary search over month starts). */
const findMonthIndex = (starts: Int32Array, jdn: number): number => {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= jdn) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

/** Lunar date of a Julian day number (range 1900-01-31..2100-12-31). */
export const lunarFromJdn = (jdn: number): TLunarDate => {
  assertSolarInRange(jdn);
  const table = getLunarTable();
  const index = findMonthIndex(table.starts, jdn);
  const m = table.months[index];
  return { day: jdn - m.start + 1, month: m.month, year: m.year, leap: m.leap };
};

/**
 * Converts a solar (Gregorian) date `YYYY-MM-DD` to the Vietnamese lunar date.
 * Throws CalendarRangeError for an invalid date or one outside 1900-01-31..2100-12-31.
 */
export const convertSolarToLunar = (isoDate: string): TLunarDate => lunarFromJdn(jdnFromIso(isoDate));

/** Number of days (29 or 30) of a lunar month, or undefined when the month does not exist. */
export const getLunarMonthLength = (year: number, month: number, leap = false): number | undefined => {
  const table = getLunarTable();
  const index = table.byKey.get(monthKey(year, month, leap));
  if (index === undefined || index + 1 >= table.starts.length) return undefined;
  return table.starts[index + 1] - table.starts[index];
};

/** The leap month (1..12) of a lunar year, or 0 when the year has none. */
export const getLeapMonth = (year: number): number => {
  const table = getLunarTable();
  for (let month = 1; month <= 12; month++) if (table.byKey.has(monthKey(year, month, true))) return month;
  return 0;
};

/** Julian day number of a lunar date; throws CalendarRangeError when it does not exist or is out of range. */
export const jdnFromLunar = (lunar: TLunarDate): number => {
  const { day, month, year, leap } = lunar;
  const table = getLunarTable();
  const index = table.byKey.get(monthKey(year, month, leap));
  const length = getLunarMonthLength(year, month, leap);
  if (index === undefined || length === undefined || !Number.isInteger(day) || day < 1 || day > length) {
    throw new CalendarRangeError(`lunar date ${day}/${month}${leap ? ' (leap)' : ''}/${year} does not exist or is outside the supported range`);
  }
  const jdn = table.starts[index] + day - 1;
  assertSolarInRange(jdn);
  return jdn;
};

/** Converts a lunar date to the solar date `YYYY-MM-DD`. */
export const convertLunarToSolar = (lunar: TLunarDate): string => isoFromJdn(jdnFromLunar(lunar));

/** Solar date `YYYY-MM-DD` of Tết Nguyên Đán (lunar 1/1) of the given lunar year (1900..2100). */
export const tetDate = (year: number): string => convertLunarToSolar({ day: 1, month: 1, year, leap: false });

/** Solar date `YYYY-MM-DD` of Giỗ Tổ Hùng Vương: day 10 of the non-leap lunar month 3. */
export const hungKingsDate = (year: number): string => convertLunarToSolar({ day: 10, month: 3, year, leap: false });
