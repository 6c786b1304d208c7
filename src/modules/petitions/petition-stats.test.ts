import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computePetitionStats, type TPetitionFact } from './petition-stats';

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
    assert.deepEqual(tax, { key: 'TAX', name: 'TAX', received: 4, answered: 2, onTime: 2, late: 0, overdue: 1, satisfied: 1, unsatisfied: 1 });
    assert.equal(s.byAgency.find((g) => g.key === '2')?.late, 1);
    assert.equal(s.byAgency.find((g) => g.key === '-')?.received, 1);
  });

  it('gives N/A (null) without petitions', () => {
    assert.deepEqual(computePetitionStats([]).indicators, { classifiedPct: null, onTimePct: null, satisfactionPct: null });
  });
});
