import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blank, bodyParagraph, formatOfficialDate, officialDocument, officialHeader, officialTitle, run, signer, toDocxBuffer, twoColumns } from './official-docx';

/** The text of a DOCX body (word/document.xml) and its styles. */
const parts = async (bytes: Buffer) => {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  assert.ok(xml, 'word/document.xml');
  return { xml, styles: (await zip.file('word/styles.xml')?.async('string')) ?? '' };
};

/** Asserts that `texts` occur in `xml` in this order. */
const inOrder = (xml: string, texts: string[]) => {
  let from = 0;
  for (const text of texts) {
    const at = xml.indexOf(text, from);
    assert.ok(at >= 0, `"${text}" after position ${from}`);
    from = at + text.length;
  }
};

describe('official DOCX layout (Decree 30/2020)', () => {
  it('formats the date line with leading zeros for days below 10 and months 1–2, in Vietnam time', () => {
    assert.equal(formatOfficialDate('Hà Nội', new Date('2026-02-04T18:00:00Z')), 'Hà Nội, ngày 05 tháng 02 năm 2026');
    assert.equal(formatOfficialDate('Hà Nội', new Date('2026-11-19T03:00:00Z')), 'Hà Nội, ngày 19 tháng 11 năm 2026');
    assert.equal(formatOfficialDate('Hà Nội', new Date('2026-03-10T03:00:00Z')), 'Hà Nội, ngày 10 tháng 3 năm 2026');
  });

  it('builds a document with the header, the date line, the title, the body and the signature in order', async () => {
    const bytes = await toDocxBuffer(
      officialDocument({
        title: 'Thông báo thử',
        fontSize: 14,
        pageNumbers: true,
        children: [
          officialHeader({ parentAuthority: 'UBND Thành phố Hà Nội', authority: 'Sở Công Thương', number: '07/TB-SCT', place: 'Hà Nội', date: new Date('2026-01-08T03:00:00Z') }),
          ...officialTitle('Thông báo', 'Về lịch tiếp công dân'),
          bodyParagraph([run('Nội dung thông báo./.', { size: 14 })]),
          blank(240),
          twoColumns([], signer({ titles: ['KT. Giám đốc', 'Phó Giám đốc'], name: 'Nguyễn Văn An', size: 14, space: { after: 1400 } }), [3600, 5900]),
        ],
      }),
    );
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const { xml, styles } = await parts(bytes);
    inOrder(xml, [
      'UBND THÀNH PHỐ HÀ NỘI',
      'SỞ CÔNG THƯƠNG',
      'Số: 07/TB-SCT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 08 tháng 01 năm 2026',
      'THÔNG BÁO',
      'Về lịch tiếp công dân',
      'Nội dung thông báo./.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn An',
    ]);
    assert.match(xml, /<w:u w:val="single"\/>/, 'the motto is underlined');
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/, 'A4 portrait');
    assert.ok(styles.includes('Times New Roman'));
  });

  it('can draw the motto rule as a line of underscores and lay a page out in landscape', async () => {
    const bytes = await toDocxBuffer(
      officialDocument({
        fontSize: 13,
        landscape: true,
        children: [officialHeader({ parentAuthority: 'UBND Thành phố Hà Nội', authority: 'Sở Công Thương', number: '01', place: 'Hà Nội', date: new Date('2026-06-15T03:00:00Z'), motto: 'rule' })],
      }),
    );
    const { xml } = await parts(bytes);
    inOrder(xml, ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '________________________', 'Hà Nội, ngày 15 tháng 6 năm 2026']);
    assert.doesNotMatch(xml, /<w:u /);
    assert.match(xml, /w:orient="landscape"/);
  });
});
