/**
 * Petition statistics (pure): counts by category and by agency, on time or late, satisfaction, and
 * the Decision 766 indicators on feedback (procedures-and-calendar spec §4): 5.1 classified ÷ all,
 * 5.2 handled on time ÷ handled, 5.3 (petitions − dissatisfied − late − repeated) ÷ petitions.
 * Ratios are percentages; a zero denominator gives null (N/A). A petition transferred out to a
 * ministry or central agency (outside the city's competence) is counted on its own: neither on
 * time nor late. The monthly series groups by the Vietnam month the petition was received (the
 * same cohort as the tables of the period).
 */
export type TPetitionFact = {
  category: string;
  agencyId: number | null;
  agencyName: string | null;
  state: string;
  /** The answer was approved (at least once). */
  isAnswered: boolean;
  /** On time against the deadline in force when approved (null when not answered or no deadline). */
  answeredOnTime: boolean | null;
  /** Open work past its deadline now. */
  isOverdue: boolean;
  satisfaction: 'SATISFIED' | 'UNSATISFIED' | null;
  /** Reopened at least once (a repeated petition). */
  isRepeated: boolean;
  /** Vietnam month it was received, YYYY-MM. */
  month: string;
  /** Transferred out of the city's competence (state TRANSFERRED_OUT). */
  isTransferredOut: boolean;
};

export type TGroupStats = {
  key: string;
  name: string;
  received: number;
  answered: number;
  onTime: number;
  late: number;
  overdue: number;
  satisfied: number;
  unsatisfied: number;
  transferredOut: number;
};

const pct = (num: number, den: number): number | null => (den === 0 ? null : Math.round((1000 * num) / den) / 10);

const emptyGroup = (key: string, name: string): TGroupStats => ({ key, name, received: 0, answered: 0, onTime: 0, late: 0, overdue: 0, satisfied: 0, unsatisfied: 0, transferredOut: 0 });

const group = (facts: TPetitionFact[], keyOf: (f: TPetitionFact) => { key: string; name: string }): TGroupStats[] => {
  const out = new Map<string, TGroupStats>();
  for (const f of facts) {
    const { key, name } = keyOf(f);
    const g = out.get(key) ?? emptyGroup(key, name);
    g.received += 1;
    if (f.isAnswered) g.answered += 1;
    if (f.answeredOnTime === true) g.onTime += 1;
    if (f.answeredOnTime === false) g.late += 1;
    if (f.isOverdue) g.overdue += 1;
    if (f.satisfaction === 'SATISFIED') g.satisfied += 1;
    if (f.satisfaction === 'UNSATISFIED') g.unsatisfied += 1;
    if (f.isTransferredOut) g.transferredOut += 1;
    out.set(key, g);
  }
  return [...out.values()].sort((a, b) => b.received - a.received || a.key.localeCompare(b.key));
};

const indicatorsOf = (facts: TPetitionFact[]) => {
  const total = facts.length;
  const classified = facts.filter((f) => f.state !== 'RECEIVED').length;
  const handled = facts.filter((f) => f.answeredOnTime !== null).length;
  const onTime = facts.filter((f) => f.answeredOnTime === true).length;
  const late = facts.filter((f) => f.answeredOnTime === false || f.isOverdue).length;
  const dissatisfied = facts.filter((f) => f.satisfaction === 'UNSATISFIED').length;
  const repeated = facts.filter((f) => f.isRepeated).length;
  return {
    classifiedPct: pct(classified, total),
    onTimePct: pct(onTime, handled),
    satisfactionPct: total === 0 ? null : pct(Math.max(0, total - dissatisfied - late - repeated), total),
  };
};

/** The months YYYY-MM from the month of `from` to the month of `to` (dates YYYY-MM-DD), in order. */
export const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = to.slice(0, 7);
  for (let key = from.slice(0, 7); key <= endKey && out.length < 1200; ) {
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    key = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
};

/**
 * Statistics of a set of petitions (one period): totals, indicators, by category and agency, and
 * (when `months` is given) one row per month with the indicators of that month's petitions.
 */
export const computePetitionStats = (facts: TPetitionFact[], months: string[] = []) => {
  const total = facts.length;
  return {
    total,
    transferredOut: facts.filter((f) => f.isTransferredOut).length,
    indicators: indicatorsOf(facts),
    byMonth: months.map((month) => {
      const own = facts.filter((f) => f.month === month);
      return { ...(group(own, () => ({ key: month, name: month }))[0] ?? emptyGroup(month, month)), indicators: indicatorsOf(own) };
    }),
    byCategory: group(facts, (f) => ({ key: f.category, name: f.category })),
    byAgency: group(facts, (f) => (f.agencyId === null ? { key: '-', name: '' } : { key: String(f.agencyId), name: f.agencyName ?? '' })),
  };
};
export type TPetitionStats = ReturnType<typeof computePetitionStats>;
