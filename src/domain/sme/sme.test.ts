import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import {
  classifySme,
  getSectorGroupForVsic,
  getVsicSection,
  isSmeSectorGroup,
  parseExactDecimal,
  parseVndAmount,
  selectSmeRuleVersion,
  SmeInputError,
  type TSmeInput,
} from './sme';

const EXAMPLES: Record<string, string>[] = parse(readFileSync(new URL('../../../reference/sme-examples.csv', import.meta.url), 'utf8'), {
  columns: true,
  bom: true,
});

const BN = 1_000_000_000;
const classOf = (input: Omit<TSmeInput, 'sectorGroup'> & { sectorGroup?: TSmeInput['sectorGroup'] }): string =>
  classifySme({ sectorGroup: 'AGRI_IND_CONS', ...input }).class;

describe('classifySme: reference examples', () => {
  it('gives expected_class for every row of reference/sme-examples.csv', () => {
    assert.equal(EXAMPLES.length, 19);
    for (const row of EXAMPLES) {
      assert.ok(isSmeSectorGroup(row.sector_group));
      const result = classifySme({
        sectorGroup: row.sector_group,
        avgInsuredEmployees: row.avg_insured_employees,
        revenueVnd: parseVndAmount(row.revenue_vnd),
        capitalVnd: parseVndAmount(row.capital_vnd),
      });
      assert.equal(result.class, row.expected_class, `${row.case_id}: ${row.note}`);
      assert.equal(result.ruleVersion, 'ND80/2021');
    }
  });
});

describe('classifySme: rules of domain.md §1.2', () => {
  it('treats every threshold as inclusive and +1 as over, per sector group', () => {
    assert.equal(classOf({ avgInsuredEmployees: 10, revenueVnd: 3 * BN, capitalVnd: 3 * BN + 1 }), 'MICRO');
    assert.equal(classOf({ avgInsuredEmployees: 10, revenueVnd: 3 * BN + 1, capitalVnd: 3 * BN + 1 }), 'SMALL');
    assert.equal(classOf({ sectorGroup: 'TRADE_SERVICES', avgInsuredEmployees: 10, revenueVnd: 10 * BN, capitalVnd: 100 * BN }), 'MICRO');
    assert.equal(classOf({ avgInsuredEmployees: 10, revenueVnd: 10 * BN, capitalVnd: 100 * BN }), 'SMALL');
    assert.equal(classOf({ avgInsuredEmployees: 10, revenueVnd: 50 * BN + 1, capitalVnd: 100 * BN }), 'MEDIUM');
    assert.equal(classOf({ avgInsuredEmployees: 200, revenueVnd: 200 * BN, capitalVnd: 500 * BN }), 'MEDIUM');
    assert.equal(classOf({ avgInsuredEmployees: 201, revenueVnd: 1, capitalVnd: 1 }), 'NOT_SME');
    assert.equal(classOf({ sectorGroup: 'TRADE_SERVICES', avgInsuredEmployees: 51, revenueVnd: 1, capitalVnd: 1 }), 'MEDIUM');
    assert.equal(classOf({ sectorGroup: 'TRADE_SERVICES', avgInsuredEmployees: 100, revenueVnd: 300 * BN + 1, capitalVnd: 100 * BN + 1 }), 'NOT_SME');
  });

  it('classifies on capital only when there is no revenue figure (absent or zero)', () => {
    assert.equal(classOf({ avgInsuredEmployees: 5, revenueVnd: null, capitalVnd: 3 * BN }), 'MICRO');
    assert.equal(classOf({ avgInsuredEmployees: 5, revenueVnd: null, capitalVnd: 20 * BN }), 'SMALL');
    assert.equal(classOf({ avgInsuredEmployees: 5, revenueVnd: '', capitalVnd: 100 * BN + 1 }), 'NOT_SME');
    assert.equal(classOf({ avgInsuredEmployees: 5, revenueVnd: 0, capitalVnd: 5 * BN }), 'SMALL');
    const zero = classifySme({ sectorGroup: 'AGRI_IND_CONS', avgInsuredEmployees: 0, revenueVnd: 0, capitalVnd: 0 });
    assert.equal(zero.class, 'MICRO');
    assert.equal(zero.reason.decidedBy, 'capital');
    assert.equal(zero.reason.revenueConsidered, false);
  });

  it('compares fractional employee averages exactly, without rounding', () => {
    assert.equal(classOf({ avgInsuredEmployees: '10.0833', revenueVnd: BN, capitalVnd: BN }), 'SMALL');
    assert.equal(classOf({ avgInsuredEmployees: '10.0000', revenueVnd: BN, capitalVnd: BN }), 'MICRO');
    assert.equal(classOf({ avgInsuredEmployees: '9.9999', revenueVnd: BN, capitalVnd: BN }), 'MICRO');
    assert.equal(classOf({ avgInsuredEmployees: '10.00000000000000000001', revenueVnd: BN, capitalVnd: BN }), 'SMALL');
    assert.equal(classOf({ avgInsuredEmployees: 100.5, revenueVnd: BN, capitalVnd: BN }), 'MEDIUM');
  });

  it('returns INVALID_INPUT when employees or capital is missing or negative', () => {
    assert.equal(classOf({ avgInsuredEmployees: null, revenueVnd: BN, capitalVnd: BN }), 'INVALID_INPUT');
    assert.equal(classOf({ avgInsuredEmployees: 5, revenueVnd: BN, capitalVnd: null }), 'INVALID_INPUT');
    assert.equal(classOf({ avgInsuredEmployees: -1, revenueVnd: BN, capitalVnd: BN }), 'INVALID_INPUT');
    assert.equal(classOf({ avgInsuredEmployees: 5, revenueVnd: BN, capitalVnd: -1 }), 'INVALID_INPUT');
    assert.equal(classOf({ avgInsuredEmployees: 5, revenueVnd: -1, capitalVnd: BN }), 'INVALID_INPUT');
    const result = classifySme({ sectorGroup: 'TRADE_SERVICES', avgInsuredEmployees: '', revenueVnd: null, capitalVnd: undefined });
    assert.deepEqual(result.reason.invalidFields, ['avgInsuredEmployees', 'capitalVnd']);
    assert.match(result.messageEn, /missing or negative average insured employees, total capital/);
  });

  it('rejects malformed money and numbers', () => {
    assert.throws(() => classOf({ avgInsuredEmployees: 5, revenueVnd: 1.5, capitalVnd: BN }), SmeInputError);
    assert.throws(() => classOf({ avgInsuredEmployees: 5, revenueVnd: '1.5', capitalVnd: BN }), SmeInputError);
    assert.throws(() => classOf({ avgInsuredEmployees: 'ten', revenueVnd: 1, capitalVnd: BN }), SmeInputError);
    assert.throws(() => parseVndAmount('1,000'), SmeInputError);
    assert.throws(() => parseVndAmount('1e9'), SmeInputError);
    assert.equal(parseVndAmount(' 1000000000000000 '), 1_000_000_000_000_000n);
    assert.equal(parseVndAmount(''), null);
    assert.equal(parseVndAmount('-5'), -5n);
    assert.deepEqual(parseExactDecimal('10.0833'), { units: 100833n, scale: 4 });
  });

  it('explains the decision (machine-readable reason and sentences)', () => {
    const small = classifySme({ sectorGroup: 'AGRI_IND_CONS', avgInsuredEmployees: 100, revenueVnd: 50 * BN + 1, capitalVnd: 20 * BN });
    assert.equal(small.class, 'SMALL');
    assert.equal(small.legalBasis, 'Nghị định 80/2021/NĐ-CP Điều 5');
    assert.deepEqual(small.reason, {
      class: 'SMALL',
      sectorGroup: 'AGRI_IND_CONS',
      decidedBy: 'capital',
      employeesLimit: 100,
      revenueLimitVnd: '50000000000',
      capitalLimitVnd: '20000000000',
      revenueConsidered: true,
      rejectedClasses: [{ class: 'MICRO', failedOn: 'employees' }],
    });
    assert.equal(
      small.messageVi,
      'Doanh nghiệp nhỏ (lĩnh vực nông, lâm nghiệp, thủy sản; công nghiệp và xây dựng): số lao động BHXH bình quân không quá 100 người và tổng nguồn vốn không quá 20 tỷ đồng (ND80/2021).',
    );
    assert.match(small.messageEn, /^Small enterprise .*at most 100 average insured employees and total capital at most VND 20 bn/);
    const notSme = classifySme({ sectorGroup: 'TRADE_SERVICES', avgInsuredEmployees: 101, revenueVnd: 1, capitalVnd: 1 });
    assert.equal(notSme.reason.decidedBy, 'employees');
    assert.equal(notSme.reason.employeesLimit, 100);
  });
});

describe('rule versions and VSIC sector groups', () => {
  it('selects the threshold table by date', () => {
    assert.equal(selectSmeRuleVersion().version, 'ND80/2021');
    assert.equal(selectSmeRuleVersion('2021-08-26').version, 'ND80/2021');
    assert.equal(selectSmeRuleVersion('2021-08-25').version, 'ND39/2018');
    assert.equal(selectSmeRuleVersion('2018-03-11').version, 'ND39/2018');
    assert.throws(() => selectSmeRuleVersion('2018-03-10'), SmeInputError);
    assert.equal(classifySme({ sectorGroup: 'AGRI_IND_CONS', avgInsuredEmployees: 5, revenueVnd: 1, capitalVnd: 1, onDate: '2019-06-30' }).ruleVersion, 'ND39/2018');
  });

  it('maps VSIC 2018 codes to sections and sector groups', () => {
    const cases: [string, string][] = [
      ['01', 'A'], ['03', 'A'], ['05', 'B'], ['09', 'B'], ['10', 'C'], ['33', 'C'], ['35', 'D'], ['36', 'E'], ['39', 'E'],
      ['41', 'F'], ['43', 'F'], ['45', 'G'], ['47', 'G'], ['49', 'H'], ['53', 'H'], ['55', 'I'], ['56', 'I'], ['58', 'J'],
      ['63', 'J'], ['64', 'K'], ['66', 'K'], ['68', 'L'], ['69', 'M'], ['75', 'M'], ['77', 'N'], ['82', 'N'], ['84', 'O'],
      ['85', 'P'], ['86', 'Q'], ['88', 'Q'], ['90', 'R'], ['93', 'R'], ['94', 'S'], ['96', 'S'], ['97', 'T'], ['98', 'T'], ['99', 'U'],
    ];
    for (const [code, section] of cases) assert.equal(getVsicSection(code), section, code);
    assert.equal(getVsicSection('10101'), 'C');
    assert.equal(getVsicSection('C1010'), 'C');
    assert.equal(getVsicSection('g'), 'G');
    for (const code of ['A', 'B', 'C', 'D', 'E', 'F', '0111', '4100']) assert.equal(getSectorGroupForVsic(code), 'AGRI_IND_CONS', code);
    for (const code of ['G', 'H', 'N', 'U', '4711', '6201', '99000']) assert.equal(getSectorGroupForVsic(code), 'TRADE_SERVICES', code);
    for (const code of ['04', '34', '44', '54', '57', '67', '76', '83', '89', 'V', 'D10', '1', 'XX']) assert.throws(() => getVsicSection(code), SmeInputError, code);
  });
});
