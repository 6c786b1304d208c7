/**
 * The economic indicators page in a real browser against the real server (demo data): KPI tiles
 * with Vietnamese percentages (decimal comma), trend charts drawn on canvases, downloads, the IIP
 * drill-down from the total to a section, a division and a class, the comparison switch, the Tết
 * note of January 2025 and its link to the two-month figure, English, and screenshots
 * (test-results/e2e) at 1280 and 768 pixels wide.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_DIR, ensureWebBuilt, launchBrowser, startServer, type TTestServer } from './e2e-helper';
import { expectHeading, expectNoError, signIn } from './e2e-page';

let server: TTestServer;
let browser: Browser;

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS_DIR, `indicators-${name}.png`), fullPage: true });

const clickLanguage = async (page: Page, label: 'VI' | 'EN') => {
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/me/locale') && response.request().method() === 'PUT');
  await page.locator('.language-switch').first().getByText(label, { exact: true }).click();
  assert.equal((await saved).status(), 204);
};

const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** The growth figures of the KPI tiles ("tăng 6,5%", "giảm 2,7%", "không đổi"). */
const tileChanges = (page: Page) => page.locator('.ind-kpi .ind-change-large').allInnerTexts();

/** The IIP table (the card whose heading is `title`). */
const iipCard = (page: Page, title: string) => page.locator('.ind-card').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

/** Clicks a download button and returns the file name and first bytes of the file. */
const download = async (page: Page, buttonName: string): Promise<{ name: string; head: Buffer; size: number }> => {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const saved = path.join(RESULTS_DIR, `indicators-download-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  const content = fs.readFileSync(saved);
  return { name: file.suggestedFilename(), head: content.subarray(0, 8), size: content.length };
};

describe('economic indicators page (browser, real server)', () => {
  before(
    async () => {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      ensureWebBuilt();
      server = await startServer();
      browser = await launchBrowser();
    },
    { timeout: 240_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lanhdao: tiles, charts, downloads, drill-down, Tết note and two-month figure, English, 768 px', { timeout: 240_000 }, async () => {
    const { context, page, problems } = await signIn(browser, server.baseUrl, 'lanhdao', { watch: { httpFrom: false } });
    // The overview lists the page with its description.
    await page.locator('.function-list').getByRole('link', { name: 'Chỉ số kinh tế' }).waitFor();

    // Open the page from the navigation: latest month, comparison with the same month last year.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/indicators"]').click();
    await expectHeading(page, 'Chỉ số kinh tế');
    await expectNoError(page, 'indicators');
    assert.equal(await page.locator('.ind-kpi').count(), 3);
    const changes = await tileChanges(page);
    assert.equal(changes.length, 6, `two figures per tile: ${changes.join(' | ')}`);
    for (const text of changes) assert.match(text.trim(), /^(tăng|giảm) \d+,\d%$|^không đổi$/, `tile figure "${text}"`);
    assert.ok(changes.some((text) => /\d,\d%/.test(text)), 'a Vietnamese percentage with a decimal comma');
    const tilesText = await page.locator('.ind-kpi-row').innerText();
    assert.match(tilesText, /\d+,\d tỷ đồng/);
    assert.match(tilesText, /\d+,\d triệu USD/);
    assert.match(tilesText, /Loại trừ yếu tố giá: (tăng|giảm) \d+,\d%/);
    assert.match(tilesText, /Đã nhận \d+\/\d+ báo cáo/);
    assert.doesNotMatch(tilesText, /\d\.\d%/, 'no decimal point in Vietnamese');
    assert.match(await page.locator('.ind-asof').innerText(), /Số liệu đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const summary = await page.locator('.ind-summary-text').innerText();
    assert.match(summary, /^Tháng \d{1,2}\/\d{4}, chỉ số sản xuất công nghiệp \(IIP\) .*(tăng|giảm) \d+,\d% so với cùng kỳ/);
    assert.match(summary, /Kim ngạch xuất khẩu tháng \d{1,2} đạt [\d.]+,\d triệu USD/);

    // Trend charts: three ECharts canvases with a size.
    const trendCharts = page.locator('section[aria-labelledby="ind-trend-title"] .echart');
    assert.equal(await trendCharts.count(), 3);
    for (let index = 0; index < 3; index += 1) {
      const canvas = trendCharts.nth(index).locator('canvas').first();
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      assert.ok(box && box.width > 200 && box.height > 200, `trend chart ${index} is drawn`);
    }
    await screenshot(page, 'vi-1280');

    // Downloads: the IIP table as XLSX (a zip), a trend chart as PNG.
    const xlsx = await download(page, 'Tải bảng (Excel) – Chỉ số sản xuất công nghiệp theo ngành');
    assert.match(xlsx.name, /^chi-so-kinh-te-\d{4}-\d{2}-iip\.xlsx$/);
    assert.equal(xlsx.head.subarray(0, 2).toString('latin1'), 'PK');
    const png = await download(page, 'Tải biểu đồ (PNG) – IIP: tăng/giảm so với cùng kỳ');
    assert.match(png.name, /^chi-so-kinh-te-\d{4}-\d{2}-trend-iip\.png$/);
    assert.equal(png.head.subarray(1, 4).toString('latin1'), 'PNG');

    // IIP drill-down: total → section C → division 23 → class 2394 (its product).
    const iip = iipCard(page, 'Chỉ số sản xuất công nghiệp theo ngành');
    const iipRows = () => iip.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
    assert.ok((await iipRows())[0].includes('Toàn ngành công nghiệp'));
    await iip.getByRole('link', { name: 'Công nghiệp chế biến, chế tạo', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('node') === 'C');
    await iip.locator('tr.ind-self-row').filter({ hasText: 'Công nghiệp chế biến, chế tạo' }).waitFor();
    const divisions = await iipRows();
    assert.ok(divisions.some((row) => row.startsWith('23')), `division 23 listed: ${divisions.join(' | ')}`);
    assert.ok(!divisions.some((row) => row.startsWith('35')), 'no division of section D under C');
    await iip.getByRole('navigation', { name: 'Cấp ngành đang xem' }).getByRole('link', { name: 'Toàn ngành công nghiệp' }).waitFor();
    await iip.getByRole('link', { name: 'Sản xuất sản phẩm từ khoáng phi kim loại khác' }).click();
    await page.waitForURL((url) => url.searchParams.get('node') === '23');
    await iip.getByRole('link', { name: 'Ngành cấp 4 mã 2394' }).waitFor();
    await iip.getByRole('link', { name: 'Ngành cấp 4 mã 2394' }).click();
    await page.waitForURL((url) => url.searchParams.get('node') === '2394');
    await iip.locator('tr.ant-table-row').filter({ hasText: 'P2394_CEMENT' }).waitFor();
    await screenshot(page, 'drill-vi-1280');

    // Comparison switch: previous month (the drill-down stays open).
    await page.locator('#ind-comparison').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="Tháng trước"]').click();
    await page.waitForURL((url) => url.searchParams.get('comparison') === 'MOM');
    await iip.locator('.ind-note').filter({ hasText: 'So sánh: Tháng trước.' }).waitFor();
    await expectNoError(page, 'comparison MOM');
    assert.equal(searchParam(page, 'node'), '2394');

    // January 2025: Tết fell in January (in February a year earlier) → the note, then the two-month figure.
    const picker = page.locator('#ind-period');
    await picker.click();
    await picker.fill('01/2025');
    await picker.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('period') === '2025-01');
    await expectNoError(page, 'period 2025-01');
    const tet = page.locator('.ind-tet');
    await tet.waitFor();
    assert.match(await tet.innerText(), /Tết Nguyên đán/);
    assert.match(await tet.innerText(), /Tháng 1\/2025 có \d+ ngày nghỉ Tết/);
    assert.match(await page.locator('.ind-summary-text').innerText(), /Tết Nguyên đán/);
    await screenshot(page, 'tet-vi-1280');
    await tet.getByRole('link', { name: 'Xem số liệu tính chung 2 tháng đầu năm 2025' }).click();
    await page.waitForURL((url) => url.searchParams.get('period') === '2025-02' && url.searchParams.get('comparison') === 'YTD');
    // The navigation renders in a transition: wait for the new month on the page before reading it.
    await page.locator('.ind-kpi-row').filter({ hasText: 'Tính chung 2 tháng năm 2025' }).waitFor();
    await expectNoError(page, 'two-month figure');
    assert.equal(await picker.inputValue(), '02/2025');
    assert.match(await page.locator('.ind-tet').innerText(), /tính chung 2 tháng đầu năm/);
    assert.match(await iip.locator('.ind-note').first().innerText(), /So sánh: Lũy kế từ đầu năm so với cùng kỳ\./);
    assert.match(await page.locator('.ind-summary-text').innerText(), /tính chung 2 tháng năm 2025/);
    await screenshot(page, 'two-months-vi-1280');

    // English, one click away.
    await clickLanguage(page, 'EN');
    await expectHeading(page, 'Economic indicators');
    await page.getByRole('heading', { level: 2, name: 'Index of industrial production by industry' }).waitFor();
    for (const text of await tileChanges(page)) assert.match(text.trim(), /^(up|down) \d+\.\d%$|^unchanged$/, `English tile figure "${text}"`);
    assert.match(await page.locator('.ind-kpi-row').innerText(), /January–February 2025/);
    await screenshot(page, 'en-1280');
    await clickLanguage(page, 'VI');
    await expectHeading(page, 'Chỉ số kinh tế');

    // 768 px: the latest month, tiles and charts still there.
    await page.setViewportSize({ width: 768, height: 900 });
    await page.goto(`${server.baseUrl}/indicators`);
    await expectHeading(page, 'Chỉ số kinh tế');
    await expectNoError(page, 'indicators 768');
    assert.equal(await page.locator('.ind-kpi').count(), 3);
    await trendCharts.first().locator('canvas').first().waitFor();
    await page.getByLabel('Kỳ báo cáo').waitFor();
    await page.getByLabel('So sánh', { exact: true }).waitFor();
    await screenshot(page, 'vi-768');

    assert.deepEqual(problems, [], 'browser errors');
    await context.close();
  });
});
