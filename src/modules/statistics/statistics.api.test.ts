import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, createTestApp, login, type TTestApp } from '../../../tests/helpers/test-app';

describe('published indicators from the demo reports', () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp({}, { statistics: true });
  });
  after(async () => t.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  it('shows the KPI tiles of the latest month with coverage and data-as-of', async () => {
    const d = await get('/api/indicators/dashboard');
    assert.match(d.period, /^\d{4}-\d{2}$/);
    for (const v of [d.iip.yoy, d.iip.ytd, d.retail.yoy, d.retail.ytd, d.exports.yoy]) assert.ok(v > 50 && v < 200, `index ${v}`);
    assert.ok(d.dataAsOf);
    const iip = d.completeness.find((c: { formCode: string }) => c.formCode === 'IIP_MONTHLY');
    assert.ok(iip.expected > 0 && iip.received <= iip.expected && iip.accepted <= iip.received);
  });

  it('keeps YTD equal to YOY in January and contributions adding up to the total', async () => {
    const year = Number((await get('/api/indicators/dashboard')).period.slice(0, 4)) - 1;
    const yoy = await get(`/api/indicators/iip?period=${year}-01&comparison=YOY`);
    const ytd = await get(`/api/indicators/iip?period=${year}-01&comparison=YTD`);
    const total = (rows: { level: string; index: number }[]) => rows.find((r) => r.level === 'TOTAL')?.index;
    assert.ok(Math.abs((total(yoy.rows) ?? 0) - (total(ytd.rows) ?? 1)) < 1e-9);
    const sections = yoy.rows.filter((r: { level: string }) => r.level === 'SECTION');
    const sum = sections.reduce((s: number, r: { contribTotalPp: number }) => s + r.contribTotalPp, 0);
    assert.ok(Math.abs(sum - ((total(yoy.rows) ?? 0) - 100)) < 1e-8);
  });

  it('flags the Tết shift in the month Tết moved and points to the two-month figure', async () => {
    const d = await get('/api/indicators/dashboard?period=2025-01');
    assert.ok(d.tetShift, 'Tết was in February 2024 and January 2025');
    assert.equal(d.tetShift.twoMonthPeriod, '2025-02');
  });

  it('serves 24-month trends, the value table and breakdowns by area and ownership', async () => {
    const trend = await get('/api/indicators/trend?indicator=IIP&months=24');
    assert.equal(trend.points.length, 24);
    const retail = await get('/api/indicators/trend?indicator=RETAIL_TOTAL&months=12');
    assert.ok(retail.points.every((p: { level: number }) => p.level > 0));
    const values = await get('/api/indicators/values');
    assert.ok(values.rows.some((r: { indicator: string; grp: string }) => r.indicator === 'EXPORT' && r.grp === 'FDI'));
    const breakdown = await get('/api/indicators/breakdown?comparison=YTD');
    assert.ok(breakdown.iip.some((r: { scope: string }) => r.scope.startsWith('OWN:')));
    assert.ok(breakdown.iip.some((r: { scope: string }) => /^\d{3}$/.test(r.scope)));
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/indicators/dashboard?period=2025-13' })).statusCode, 400);
  });

  it('recomputes on request for statistics staff, quickly for the latest month', async () => {
    const staff = await login(t, 'canbo.kh');
    const latest = (await get('/api/indicators/dashboard')).period;
    const res = await as(t, staff).send('POST', '/api/admin/indicators/recompute', { from: latest });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().fromPeriod, latest);
    assert.ok(res.json().iipRows > 0);
    const other = await login(t, 'canbo.tm');
    assert.equal((await as(t, other).send('POST', '/api/admin/indicators/recompute', {})).statusCode, 403);
  });
});

describe('monthly briefing', () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp({}, { statistics: true });
  });
  after(async () => t.close());

  it('drafts the Department-style narrative, exports the official DOCX and the XLSX annex', async () => {
    const { default: JSZip } = await import('jszip');
    const ExcelJS = (await import('exceljs')).default;
    const leader = await login(t, 'lanhdao');
    const draft = (await as(t, leader).get('/api/briefings/draft')).json();
    assert.match(draft.paragraphs[0], /chỉ số sản xuất công nghiệp \(IIP\) tháng \d+\/\d{4} (tăng|giảm) \d+,\d%/);
    assert.ok(draft.paragraphs.some((p: string) => /tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng/.test(p)));
    assert.ok(draft.paragraphs.some((p: string) => /khu vực có vốn đầu tư nước ngoài/.test(p)));
    const tet = (await as(t, leader).get('/api/briefings/draft?period=2025-01')).json();
    assert.ok(tet.paragraphs.some((p: string) => /Tết Nguyên đán/.test(p)));
    const edited = [...draft.paragraphs, 'Đoạn bổ sung do cán bộ soạn <b>thử</b> & kiểm tra.'];
    const docx = await as(t, leader).send('POST', '/api/briefings/docx', { period: draft.period, number: '05/BC-SCT', paragraphs: edited, signerName: 'Nguyễn Văn Lãnh' });
    assert.equal(docx.statusCode, 200, docx.body.slice(0, 300));
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 05/BC-SCT', 'BÁO CÁO', 'Nơi nhận:', 'KT. GIÁM ĐỐC', 'Nguyễn Văn Lãnh', 'kiểm tra./.', 'Times New Roman']) assert.ok(xml.includes(text) || (text === 'Times New Roman' && ((await zip.file('word/styles.xml')?.async('string')) ?? '').includes(text)), `DOCX lacks ${text}`);
    assert.ok(xml.includes('&lt;b&gt;thử&lt;/b&gt; &amp; kiểm tra'), 'text is stored verbatim, escaped');
    assert.match(xml, /w:left="1985"/);
    assert.match(xml, /<w:titlePg/);
    const bad = await as(t, leader).send('POST', '/api/briefings/docx', { period: draft.period, number: 'năm', paragraphs: [], signerName: 'X' });
    assert.equal(bad.statusCode, 400);
    const annex = await as(t, leader).get(`/api/briefings/annex?period=${draft.period}`);
    assert.equal(annex.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(annex.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Bieu 1 - IIP', 'Bieu 2 - Ban le', 'Bieu 3 - Xuat khau']);
    const enterprise = await login(t, 'doanhnghiep');
    assert.equal((await as(t, enterprise).get('/api/briefings/draft')).statusCode, 403);
  });
});
