import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computePetitionStats, monthsBetween, type TPetitionFact } from './petition-stats';

const fact = (over: Partial<TPetitionFact>): TPetitionFact => ({
  category: 'TAX',
  agencyId: 1,
  agencyName: 'Thuế thành phố Hà Nội',
  state: 'IN_PROGRESS',
  isAnswered: false,
  answeredOnTime: null,
  isOverdue: false,
  satisfaction: null,
  isRepeated: false,
  month: '2026-03',
  isTransferredOut: false,
  ...over,
});

describe('petition statistics and Decision 766 indicators 5.1–5.3', () => {
  it('computes the three indicators from the facts', () => {
    const facts = [
      fact({ state: 'RECEIVED', agencyId: null, agencyName: null }),
      fact({ state: 'CLOSED', isAnswered: true, answeredOnTime: true, satisfaction: 'SATISFIED' }),
      fact({ state: 'ANSWERED', isAnswered: true, answeredOnTime: false, category: 'LAND_PREMISES', agencyId: 2, agencyName: 'Sở Nông nghiệp và Môi trường Hà Nội' }),
      fact({ state: 'IN_PROGRESS', isAnswered: true, answeredOnTime: true, satisfaction: 'UNSATISFIED', isRepeated: true }),
      fact({ state: 'IN_PROGRESS', isOverdue: true }),
    ];
    const s = computePetitionStats(facts);
    assert.equal(s.total, 5);
    // 5.1: 4 of 5 classified (routed or rejected).
    assert.equal(s.indicators.classifiedPct, 80);
    // 5.2: 2 of 3 answered on time.
    assert.equal(s.indicators.onTimePct, 66.7);
    // 5.3: 5 − 1 dissatisfied − 2 late (one answered late, one overdue) − 1 repeated = 1 of 5.
    assert.equal(s.indicators.satisfactionPct, 20);
    const tax = s.byCategory.find((g) => g.key === 'TAX');
    assert.deepEqual(tax, { key: 'TAX', name: 'TAX', received: 4, answered: 2, onTime: 2, late: 0, overdue: 1, satisfied: 1, unsatisfied: 1, transferredOut: 0 });
    assert.equal(s.byAgency.find((g) => g.key === '2')?.late, 1);
    assert.equal(s.byAgency.find((g) => g.key === '-')?.received, 1);
  });

  it('counts a petition transferred out on its own (neither on time nor late) and gives one row per month', () => {
    const facts = [
      fact({ month: '2026-01', state: 'CLOSED', isAnswered: true, answeredOnTime: true, satisfaction: 'SATISFIED' }),
      fact({ month: '2026-01', state: 'TRANSFERRED_OUT', isTransferredOut: true }),
      fact({ month: '2026-03', state: 'ANSWERED', isAnswered: true, answeredOnTime: false }),
    ];
    const s = computePetitionStats(facts, monthsBetween('2026-01-15', '2026-03-02'));
    assert.equal(s.transferredOut, 1);
    assert.equal(s.indicators.onTimePct, 50, 'the transferred petition is not in the denominator of 5.2');
    assert.deepEqual(s.byMonth.map((m) => [m.key, m.received, m.onTime, m.late, m.transferredOut]), [['2026-01', 2, 1, 0, 1], ['2026-02', 0, 0, 0, 0], ['2026-03', 1, 0, 1, 0]]);
    assert.deepEqual(s.byMonth[0].indicators, { classifiedPct: 100, onTimePct: 100, satisfactionPct: 100 });
    assert.equal(s.byMonth[1].indicators.satisfactionPct, null, 'no petitions that month: N/A');
    assert.equal(s.byMonth[2].indicators.satisfactionPct, 0);
  });

  it('lists the months of a period across a year end', () => {
    assert.deepEqual(monthsBetween('2025-11-30', '2026-02-01'), ['2025-11', '2025-12', '2026-01', '2026-02']);
    assert.deepEqual(monthsBetween('2026-05-01', '2026-05-31'), ['2026-05']);
  });

  it('gives N/A (null) without petitions', () => {
    assert.deepEqual(computePetitionStats([]).indicators, { classifiedPct: null, onTimePct: null, satisfactionPct: null });
  });
});
