import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLowestSubindices, methodologyOfYear, PCI_SUBINDICES, weighPetitionsOnSubindices } from './support-pci';

describe('PCI rules', () => {
  it('lists the ten sub-indices in the published order', () => {
    assert.equal(PCI_SUBINDICES.length, 10);
    assert.equal(PCI_SUBINDICES[0].code, 'ENTRY_COSTS');
    assert.equal(PCI_SUBINDICES[9].code, 'LEGAL_INSTITUTIONS');
  });

  it('finds the lowest sub-indices of Hà Nội 2019 (equal competition 5.39, informal charges 5.94, proactivity 5.96)', () => {
    const scores = [7.98, 6.63, 6.6, 7.18, 5.94, 5.39, 5.96, 7.06, 7.91, 6.3].map((score, i) => ({ code: PCI_SUBINDICES[i].code, score }));
    assert.deepEqual(findLowestSubindices(scores, 3), ['EQUAL_COMPETITION', 'INFORMAL_CHARGES', 'PROACTIVITY']);
    assert.deepEqual(findLowestSubindices(scores, 1), ['EQUAL_COMPETITION']);
  });

  it('keeps ties together and ignores missing scores', () => {
    assert.deepEqual(findLowestSubindices([{ code: 'A', score: 5 }, { code: 'B', score: 5 }, { code: 'C', score: null }, { code: 'D', score: 7 }], 1), ['A', 'B']);
    assert.deepEqual(findLowestSubindices([{ code: 'A', score: null }]), []);
    assert.deepEqual(findLowestSubindices([{ code: 'A', score: 6 }], 3), ['A']);
  });

  it('weighs petitions on the sub-indices their categories map to', () => {
    const mapping = [
      { categoryCode: 'TAX', subindexCode: 'TIME_COSTS' },
      { categoryCode: 'TAX', subindexCode: 'INFORMAL_CHARGES' },
      { categoryCode: 'LAND_PREMISES', subindexCode: 'LAND_ACCESS' },
      { categoryCode: 'ADMIN_PROCEDURES', subindexCode: 'TIME_COSTS' },
    ];
    const result = weighPetitionsOnSubindices([{ category: 'TAX', petitions: 3 }, { category: 'ADMIN_PROCEDURES', petitions: 2 }, { category: 'LAND_PREMISES', petitions: 1 }, { category: 'OTHER', petitions: 9 }], mapping);
    assert.deepEqual(result, [
      { subindex: 'TIME_COSTS', petitions: 5, categories: ['TAX', 'ADMIN_PROCEDURES'] },
      { subindex: 'INFORMAL_CHARGES', petitions: 3, categories: ['TAX'] },
      { subindex: 'LAND_ACCESS', petitions: 1, categories: ['LAND_PREMISES'] },
    ]);
    assert.deepEqual(weighPetitionsOnSubindices([], mapping), []);
  });

  it('tags the 2021 methodology revision', () => {
    assert.equal(methodologyOfYear(2020), '2006');
    assert.equal(methodologyOfYear(2021), '2021');
  });
});
