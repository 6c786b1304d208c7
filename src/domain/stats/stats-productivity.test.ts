import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildEnterpriseMonths, enterprisePosition, quartiles, sectorSeries, type TProductivityInput } from './stats-productivity';

const sectors = new Map([
  [1, { division: '10', section: 'C' }],
  [2, { division: '10', section: 'C' }],
  [3, { division: '25', section: 'C' }],
]);
// Product A: 1,000 (value) / 100 (qty) = 10 per unit; B: 600 / 200 = 3 per unit; C: no base quantity.
const weights: TProductivityInput['weights'] = [
  { version: 2020, validFrom: '2020-01', code: 'A', weight: 1000, baseAnnualQty: 100 },
  { version: 2020, validFrom: '2020-01', code: 'B', weight: 600, baseAnnualQty: 200 },
  { version: 2020, validFrom: '2020-01', code: 'C', weight: 50, baseAnnualQty: null },
];

describe('labour productivity', () => {
  it('values output at base-year unit values and divides by workers', () => {
    const { rows, unvalued } = buildEnterpriseMonths({
      quantities: [
        { enterpriseId: 1, period: '2024-03', productCode: 'A', quantity: 5 },
        { enterpriseId: 1, period: '2024-03', productCode: 'B', quantity: 10 },
        { enterpriseId: 1, period: '2024-03', productCode: 'C', quantity: 7 },
        { enterpriseId: 2, period: '2024-03', productCode: 'A', quantity: 1 },
      ],
      workers: [
        { enterpriseId: 1, period: '2024-03', workers: 20 },
        { enterpriseId: 2, period: '2024-03', workers: 0 },
      ],
      weights,
      sectors,
    });
    assert.equal(unvalued, 1);
    // Enterprise 1: 5 × 10 + 10 × 3 = 80 → 4 per worker; enterprise 2 has no workers → left out.
    assert.deepEqual(rows, [{ enterpriseId: 1, period: '2024-03', division: '10', section: 'C', output: 80, workers: 20, perWorker: 4 }]);
  });

  it('uses the weight version in force in the month', () => {
    const { rows } = buildEnterpriseMonths({
      quantities: [
        { enterpriseId: 1, period: '2024-12', productCode: 'A', quantity: 1 },
        { enterpriseId: 1, period: '2025-01', productCode: 'A', quantity: 1 },
      ],
      workers: [
        { enterpriseId: 1, period: '2024-12', workers: 1 },
        { enterpriseId: 1, period: '2025-01', workers: 1 },
      ],
      weights: [...weights, { version: 2025, validFrom: '2025-01', code: 'A', weight: 3000, baseAnnualQty: 100 }],
      sectors,
    });
    assert.deepEqual(
      rows.map((r) => r.output),
      [10, 30],
    );
  });

  it('quartiles by linear interpolation, withheld under five enterprises', () => {
    assert.deepEqual(quartiles([1, 2, 3, 4]), { count: 4, q1: null, median: null, q3: null });
    assert.deepEqual(quartiles([5, 1, 4, 2, 3]), { count: 5, q1: 2, median: 3, q3: 4 });
    // R: quantile(c(1,2,3,4,10,20), type = 7) → 2.25, 3.5, 8.5
    assert.deepEqual(quartiles([10, 1, 20, 2, 3, 4]), { count: 6, q1: 2.25, median: 3.5, q3: 8.5 });
  });

  it('indexes sector productivity on the matched sample of the same month last year', () => {
    const rows = [
      { enterpriseId: 1, period: '2023-03', division: '10', section: 'C', output: 100, workers: 10, perWorker: 10 },
      { enterpriseId: 1, period: '2024-03', division: '10', section: 'C', output: 121, workers: 11, perWorker: 11 },
      // Enterprise 2 reports only in 2024: counted in the level, not in the index.
      { enterpriseId: 2, period: '2024-03', division: '10', section: 'C', output: 500, workers: 10, perWorker: 50 },
      { enterpriseId: 3, period: '2023-03', division: '25', section: 'C', output: 100, workers: 10, perWorker: 10 },
      { enterpriseId: 3, period: '2024-03', division: '25', section: 'C', output: 90, workers: 10, perWorker: 9 },
    ];
    const points = sectorSeries(rows, ['2024-03']);
    const get = (level: string, code: string) => points.find((p) => p.level === level && p.code === code);
    assert.equal(get('DIVISION', '10')?.enterprises, 2);
    assert.equal(get('DIVISION', '10')?.perWorker, 621 / 21);
    assert.ok(Math.abs((get('DIVISION', '10')?.yoy ?? 0) - 110) < 1e-9);
    assert.ok(Math.abs((get('DIVISION', '25')?.yoy ?? 0) - 90) < 1e-9);
    // Total, matched: (121 + 90) / 21 versus (100 + 100) / 20.
    assert.ok(Math.abs((get('TOTAL', 'TOTAL')?.yoy ?? 0) - ((211 / 21 / 10) * 100)) < 1e-9);
    assert.deepEqual(
      points.map((p) => `${p.level}:${p.code}`),
      ['TOTAL:TOTAL', 'SECTION:C', 'DIVISION:10', 'DIVISION:25'],
    );
  });

  it("places an enterprise in its division's quartile without naming the others", () => {
    const rows = [1, 2, 3, 4, 5, 6].map((id) => ({ enterpriseId: id, period: '2024-03', division: '10', section: 'C', output: id * 10, workers: 1, perWorker: id * 10 }));
    const position = enterprisePosition(rows, 6, '2024-03');
    assert.equal(position.quartile, 4);
    assert.equal(position.quartiles?.count, 6);
    assert.equal(enterprisePosition(rows, 1, '2024-03').quartile, 1);
    assert.equal(enterprisePosition(rows, 99, '2024-03').own, null);
    const few = rows.slice(0, 3);
    assert.equal(enterprisePosition(few, 1, '2024-03').quartile, null);
  });
});
