import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkHardRules, checkSoftRules, modifiedZScore } from './reporting-rules';

describe('report validation rules', () => {
  it('blocks non-numbers, negatives, unknown, duplicate and missing items', () => {
    const issues = checkHardRules(
      [
        { item: 'A', value: 'x' },
        { item: 'B', value: -1 },
        { item: 'Z', value: 1 },
        { item: 'A', value: 2 },
      ],
      { allowedItems: new Set(['A', 'B', 'C']), requiredItems: ['C'] },
    );
    const rules = issues.map((i) => `${i.item}:${i.rule}`).sort();
    assert.deepEqual(rules, ['A:DUPLICATE', 'A:NOT_A_NUMBER', 'B:NEGATIVE', 'C:REQUIRED', 'Z:UNKNOWN_ITEM']);
  });

  it('computes the modified z-score with the median absolute deviation', () => {
    assert.equal(modifiedZScore(10, [10, 10, 10]), null);
    const z = modifiedZScore(30, [10, 11, 9, 10, 12, 8]);
    assert.ok(z !== null && z > 3.5);
  });

  it('warns on a jump against the same month and last month, and on outliers', () => {
    const history = new Map([['P', new Map([['2024-06', 100], ['2025-05', 100], ['2025-04', 98], ['2025-03', 101], ['2025-02', 99], ['2025-01', 102], ['2024-12', 100], ['2024-11', 100]])]]);
    const issues = checkSoftRules({ period: '2025-06', cells: [{ item: 'P', value: 250 }], history });
    assert.deepEqual(issues.map((i) => i.rule).sort(), ['OUTLIER', 'RATIO_MOM', 'RATIO_YOY']);
    assert.deepEqual(checkSoftRules({ period: '2025-06', cells: [{ item: 'P', value: 103 }], history }), []);
  });

  it('expects Tết shifts: no ratio warning when Tết moved between the two months', () => {
    // Tết 2024 was on 10 February, Tết 2025 on 29 January: January 2025 vs January 2024 differ in Tết days.
    const history = new Map([['P', new Map([['2024-01', 100], ['2024-12', 100]])]]);
    const issues = checkSoftRules({ period: '2025-01', cells: [{ item: 'P', value: 40 }], history });
    assert.deepEqual(issues.map((i) => i.rule), []);
    const noShift = checkSoftRules({ period: '2025-03', cells: [{ item: 'P', value: 40 }], history: new Map([['P', new Map([['2024-03', 100]])]]) });
    assert.deepEqual(noShift.map((i) => i.rule), ['RATIO_YOY']);
  });
});
