import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, toSearchWords } from './enterprises.repo';
import { neutraliseFormula } from './enterprises-export';

describe('search helpers', () => {
  it('turns Vietnamese text into unaccented lower-case words (đ → d)', () => {
    assert.deepEqual(toSearchWords('Công ty TNHH Xi măng Đông Anh'), ['cong', 'ty', 'tnhh', 'xi', 'mang', 'dong', 'anh']);
    assert.deepEqual(toSearchWords('  HÀ  NỘI, số 1 '), ['ha', 'noi', 'so', '1']);
    assert.deepEqual(toSearchWords("'; drop table --"), ['drop', 'table']);
  });

  it('measures edit distance with adjacent swaps', () => {
    assert.equal(editDistance('mang', 'mang'), 0);
    assert.equal(editDistance('mamg', 'mang'), 1);
    assert.equal(editDistance('ngje', 'nghe'), 1);
    assert.equal(editDistance('mnag', 'mang'), 1);
    assert.equal(editDistance('xa', 'xi mang'), 5);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    assert.equal(neutraliseFormula('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(neutraliseFormula('+84 24'), "'+84 24");
    assert.equal(neutraliseFormula('-5'), "'-5");
    assert.equal(neutraliseFormula('@cmd'), "'@cmd");
    assert.equal(neutraliseFormula('Công ty = tốt'), 'Công ty = tốt');
  });
});
