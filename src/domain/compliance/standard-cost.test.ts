import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCostModel, computeCost, computeSaving, incomeRateAt, totalHours, type TCostModel } from './standard-cost';

const model = (over: Partial<TCostModel>): TCostModel => ({ steps: [], feesVnd: 0, consultancyVnd: 0, otherCosts: [], subjectsPerYear: 0, timesPerYear: 1, ...over });

describe('standard-cost model (spec §5.3)', () => {
  it("reproduces the spec's worked example: tax reporting 12 → 4 times a year × 250,000 VND × 325,000 firms = 975 → 325 bn, saving 650 bn", () => {
    // 250,000 VND per compliance, written as 5 hours at 50,000 VND/h.
    const before = computeCost(model({ steps: [{ name: 'Lập và nộp tờ khai', hours: 5 }], subjectsPerYear: 325_000, timesPerYear: 12 }), 50_000);
    const after = computeCost(model({ steps: [{ name: 'Lập và nộp tờ khai', hours: 5 }], subjectsPerYear: 325_000, timesPerYear: 4 }), 50_000);
    assert.equal(before.costOnceVnd, 250_000);
    assert.equal(before.compliancesPerYear, 3_900_000);
    assert.equal(before.annualCostVnd, 975_000_000_000);
    assert.equal(after.annualCostVnd, 325_000_000_000);
    const saving = computeSaving(before.annualCostVnd, after.annualCostVnd);
    assert.equal(saving.savingVnd, 650_000_000_000);
    assert.equal(saving.savingRatePct?.toFixed(4), '66.6667');
  });

  it('adds time × income, consultancy, fees and other costs, then multiplies by subjects and frequency (hand-computed)', () => {
    const before = model({
      steps: [
        { name: 'Chuẩn bị hồ sơ', hours: 2.5 },
        { name: 'Đi lại, nộp hồ sơ tại Bộ phận Một cửa', hours: 1.25 },
        { name: 'Nhận kết quả', hours: 0.75 },
      ],
      feesVnd: 1_200_000,
      consultancyVnd: 500_000,
      otherCosts: [
        { name: 'Đi lại', amountVnd: 60_000 },
        { name: 'Sao y, chứng thực', amountVnd: 15_000 },
      ],
      subjectsPerYear: 1_200,
      timesPerYear: 1,
    });
    const b = computeCost(before, 37_500);
    // 4.5 h × 37,500 = 168,750; + 500,000 + 1,200,000 + 75,000 = 1,943,750; × 1,200 = 2,332,500,000
    assert.deepEqual(b, {
      hours: 4.5,
      incomePerHourVnd: 37_500,
      timeCostVnd: 168_750,
      feesVnd: 1_200_000,
      consultancyVnd: 500_000,
      otherCostsVnd: 75_000,
      costOnceVnd: 1_943_750,
      compliancesPerYear: 1_200,
      annualCostVnd: 2_332_500_000,
    });
    const a = computeCost(model({ steps: [{ name: 'Nộp trực tuyến', hours: 1 }, { name: 'Nhận kết quả điện tử', hours: 0.5 }], feesVnd: 1_200_000, subjectsPerYear: 1_200, timesPerYear: 1 }), 37_500);
    // 1.5 h × 37,500 = 56,250; + 1,200,000 = 1,256,250; × 1,200 = 1,507,500,000
    assert.equal(a.costOnceVnd, 1_256_250);
    assert.equal(a.annualCostVnd, 1_507_500_000);
    const s = computeSaving(b.annualCostVnd, a.annualCostVnd);
    assert.equal(s.savingVnd, 825_000_000);
    // 825,000,000 / 2,332,500,000 = 35.369774919…%
    assert.equal(s.savingRatePct?.toFixed(6), '35.369775');
  });

  it('rounds only the time cost and the annual cost, half up, to whole đồng', () => {
    // 0.33 h × 31,250 = 10,312.5 → 10,313; × 7 subjects × 0.2 a year = 14,438.2 → 14,438
    const c = computeCost(model({ steps: [{ name: 'Khai', hours: 0.33 }], subjectsPerYear: 7, timesPerYear: 0.2 }), 31_250);
    assert.equal(c.timeCostVnd, 10_313);
    assert.equal(c.compliancesPerYear, 1.4);
    assert.equal(c.annualCostVnd, 14_438);
    assert.equal(totalHours([{ name: 'a', hours: 0.1 }, { name: 'b', hours: 0.2 }]), 0.3);
  });

  it('has no saving rate when nothing was spent before; a negative saving when the plan costs more', () => {
    assert.deepEqual(computeSaving(0, 0), { savingVnd: 0, savingRatePct: null });
    assert.deepEqual(computeSaving(1_000, 1_250), { savingVnd: -250, savingRatePct: -25 });
  });

  it('names each bad field of a model', () => {
    const errors = checkCostModel(
      model({ steps: [{ name: 'x', hours: -1 }, { name: '', hours: 1.234 }], feesVnd: -5, consultancyVnd: 1.5, otherCosts: [{ name: 'copies', amountVnd: -1 }], subjectsPerYear: 2.5, timesPerYear: 0 }),
    );
    assert.deepEqual(
      errors.map((e) => e.path),
      ['steps.0.hours', 'steps.1.name', 'steps.1.hours', 'feesVnd', 'consultancyVnd', 'otherCosts.0.amountVnd', 'subjectsPerYear', 'timesPerYear'],
    );
    assert.deepEqual(checkCostModel(model({ steps: [] })).map((e) => e.path), ['steps']);
    assert.deepEqual(checkCostModel(model({ steps: [{ name: 'ok', hours: 0 }], subjectsPerYear: 10, timesPerYear: 0.25 })), []);
  });

  it('takes the income per hour in force at the review date', () => {
    const rates = [
      { effectiveFrom: '2025-01-01', vndPerHour: 40_000 },
      { effectiveFrom: '2023-01-01', vndPerHour: 34_000 },
    ];
    assert.equal(incomeRateAt(rates, '2024-12-31')?.vndPerHour, 34_000);
    assert.equal(incomeRateAt(rates, '2025-01-01')?.vndPerHour, 40_000);
    assert.equal(incomeRateAt(rates, '2022-12-31'), null);
  });
});
