import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedTransitions, checkTransition, reviewFigures, type TTransitionFacts } from './review-status';
import { summariseReviews } from './review-summary';
import type { TCostModel } from './standard-cost';

const facts = (over: Partial<TTransitionFacts> = {}): TTransitionFacts => ({ hasBefore: true, planKind: 'SIMPLIFY', hasAfter: true, isAbolishedInCatalogue: false, note: null, ...over });
const m = (hours: number, subjectsPerYear: number): TCostModel => ({ steps: [{ name: 's', hours }], feesVnd: 0, consultancyVnd: 0, otherCosts: [], subjectsPerYear, timesPerYear: 1 });

describe('review status transitions', () => {
  it('refuses a transition that is not allowed, naming the allowed ones', () => {
    const p = checkTransition('NOT_REVIEWED', 'ADOPTED', facts());
    assert.equal(p?.kind, 'INVALID_TRANSITION');
    assert.deepEqual(p?.kind === 'INVALID_TRANSITION' && p.allowed, ['REVIEWED_NO_CHANGE', 'SIMPLIFICATION_PROPOSED', 'ABOLISHED']);
    assert.match(p?.message ?? '', /allowed: REVIEWED_NO_CHANGE, SIMPLIFICATION_PROPOSED, ABOLISHED/);
    assert.match(checkTransition('ABOLISHED', 'ADOPTED', facts())?.message ?? '', /none \(final status\)/);
    assert.deepEqual(allowedTransitions('ABOLISHED'), []);
  });

  it('requires a note to adopt, to reject a proposal and to reopen', () => {
    assert.equal(checkTransition('SIMPLIFICATION_PROPOSED', 'ADOPTED', facts({ note: ' ' }))?.kind, 'NOTE_REQUIRED');
    assert.equal(checkTransition('SIMPLIFICATION_PROPOSED', 'ADOPTED', facts({ note: 'QĐ 123/QĐ-UBND' })), null);
    assert.equal(checkTransition('SIMPLIFICATION_PROPOSED', 'REVIEWED_NO_CHANGE', facts())?.kind, 'NOTE_REQUIRED');
    assert.equal(checkTransition('ADOPTED', 'SIMPLIFICATION_PROPOSED', facts())?.kind, 'NOTE_REQUIRED');
    assert.equal(checkTransition('NOT_REVIEWED', 'REVIEWED_NO_CHANGE', facts()), null);
  });

  it('needs the cost model, the plan, and the catalogue abolition where they matter', () => {
    assert.equal(checkTransition('NOT_REVIEWED', 'REVIEWED_NO_CHANGE', facts({ hasBefore: false }))?.kind, 'PRECONDITION');
    assert.equal(checkTransition('NOT_REVIEWED', 'SIMPLIFICATION_PROPOSED', facts({ planKind: null, hasAfter: false }))?.kind, 'PRECONDITION');
    assert.equal(checkTransition('NOT_REVIEWED', 'SIMPLIFICATION_PROPOSED', facts({ planKind: 'ABOLISH', hasAfter: false })), null);
    const abolish = checkTransition('REVIEWED_NO_CHANGE', 'ABOLISHED', facts());
    assert.equal(abolish?.kind, 'PRECONDITION');
    assert.equal(checkTransition('REVIEWED_NO_CHANGE', 'ABOLISHED', facts({ isAbolishedInCatalogue: true })), null);
    assert.equal(checkTransition('NOT_REVIEWED', 'ABOLISHED', facts({ hasBefore: false, isAbolishedInCatalogue: true })), null);
  });

  it('counts the cost after as before (no change), the plan (proposed/adopted) or zero (abolished)', () => {
    const base = { before: m(2, 100), planKind: 'SIMPLIFY' as const, after: m(1, 100) };
    assert.equal(reviewFigures({ ...base, status: 'NOT_REVIEWED' }, 10_000).annualAfterVnd, null);
    assert.equal(reviewFigures({ ...base, status: 'REVIEWED_NO_CHANGE' }, 10_000).savingVnd, 0);
    const proposed = reviewFigures({ ...base, status: 'SIMPLIFICATION_PROPOSED' }, 10_000);
    assert.deepEqual([proposed.before?.annualCostVnd, proposed.annualAfterVnd, proposed.savingVnd, proposed.savingRatePct], [2_000_000, 1_000_000, 1_000_000, 50]);
    assert.equal(reviewFigures({ ...base, status: 'ABOLISHED' }, 10_000).savingRatePct, 100);
    assert.equal(reviewFigures({ ...base, planKind: 'ABOLISH', after: null, status: 'ADOPTED' }, 10_000).annualAfterVnd, 0);
    assert.equal(reviewFigures({ ...base, status: 'ADOPTED' }, null).before, null);
  });
});

describe('review summary', () => {
  it('gives coverage by field, totals before/after, achieved and proposed savings, and the top savings', () => {
    const fig = (status: 'NOT_REVIEWED' | 'REVIEWED_NO_CHANGE' | 'SIMPLIFICATION_PROPOSED' | 'ADOPTED' | 'ABOLISHED', hoursAfter: number | null) =>
      reviewFigures({ status, before: m(2, 100), planKind: hoursAfter === null ? null : 'SIMPLIFY', after: hoursAfter === null ? null : m(hoursAfter, 100) }, 10_000);
    const s = summariseReviews(
      [
        { code: 'A1', name: 'A1', fieldCode: 'ATTP', status: 'ABOLISHED', figures: fig('ABOLISHED', null) },
        { code: 'A2', name: 'A2', fieldCode: 'ATTP', status: 'NOT_REVIEWED', figures: fig('NOT_REVIEWED', null) },
        { code: 'D1', name: 'D1', fieldCode: 'DIEN', status: 'ADOPTED', figures: fig('ADOPTED', 1.5) },
        { code: 'D2', name: 'D2', fieldCode: 'DIEN', status: 'SIMPLIFICATION_PROPOSED', figures: fig('SIMPLIFICATION_PROPOSED', 1) },
        { code: 'D3', name: 'D3', fieldCode: 'DIEN', status: 'REVIEWED_NO_CHANGE', figures: fig('REVIEWED_NO_CHANGE', null) },
      ],
      2,
    );
    assert.equal(s.total, 5);
    assert.equal(s.reviewed, 4);
    assert.equal(s.coveragePct, 80);
    assert.deepEqual(s.byField.map((f) => [f.fieldCode, f.reviewed, f.total, f.coveragePct, f.savingVnd]), [
      ['ATTP', 1, 2, 50, 2_000_000],
      ['DIEN', 3, 3, 100, 1_500_000],
    ]);
    // Before: 4 × 2,000,000 = 8,000,000; after: 0 + 1,500,000 + 1,000,000 + 2,000,000 = 4,500,000
    assert.deepEqual(s.costs, { procedures: 4, annualBeforeVnd: 8_000_000, annualAfterVnd: 4_500_000, savingVnd: 3_500_000, savingRatePct: 43.75 });
    assert.deepEqual(s.achieved, { procedures: 2, annualBeforeVnd: 4_000_000, annualAfterVnd: 1_500_000, savingVnd: 2_500_000, savingRatePct: 62.5 });
    assert.equal(s.proposed.savingVnd, 1_000_000);
    assert.deepEqual(s.top.map((t) => t.code), ['A1', 'D2']);
    assert.equal(summariseReviews([]).coveragePct, null);
  });
});
