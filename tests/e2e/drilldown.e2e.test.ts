/**
 * IIP drill-down to enterprises and labour productivity in a real browser (demo data): an officer
 * drills from the total to a product and opens the enterprises that reported it (links to their
 * profiles, XLSX download); the productivity section of the indicators page; an enterprise user
 * sees its own productivity card and neither the enterprise lists nor the sector section.
 * Screenshots in test-results/e2e/drilldown-*.png.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_DIR, ensureWebBuilt, launchBrowser, startServer, type TTestServer } from './e2e-helper';
import { expectNoError, openPage, signInOn, watchErrors, type TWatchOptions } from './e2e-page';

let server: TTestServer;
let browser: Browser;

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS_DIR, `drilldown-${name}.png`), fullPage: true });

/** What these tests count as a browser error: uncaught exceptions and console errors. */
const WATCH: TWatchOptions = { httpFrom: false };

const card = (page: Page, title: string) => page.locator('.ind-card').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

const expectChartDrawn = async (scope: ReturnType<Page['locator']>, what: string) => {
  const canvas = scope.locator('.echart canvas').first();
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  assert.ok(box && box.width > 200 && box.height > 150, `${what}: the chart is drawn`);
};

describe('IIP drill-down to enterprises and labour productivity (browser, real server)', () => {
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

  it('officer: total → section → division → class → product → its enterprises; productivity section', { timeout: 240_000 }, async () => {
    const { context, page, problems } = await openPage(browser, { watch: WATCH });
    await signInOn(page, server.baseUrl, 'canbo.kh');
    await page.goto(`${server.baseUrl}/indicators`);
    await page.getByRole('heading', { level: 1, name: 'Chỉ số kinh tế' }).waitFor();
    await expectNoError(page, 'indicators');

    const iip = card(page, 'Chỉ số sản xuất công nghiệp theo ngành');
    await iip.getByRole('link', { name: 'Công nghiệp chế biến, chế tạo', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('node') === 'C');
    await iip.getByRole('link', { name: 'Sản xuất sản phẩm từ khoáng phi kim loại khác' }).click();
    await page.waitForURL((url) => url.searchParams.get('node') === '23');
    await iip.getByRole('link', { name: 'Ngành cấp 4 mã 2394' }).click();
    await page.waitForURL((url) => url.searchParams.get('node') === '2394');
    const productRow = iip.locator('tr.ant-table-row').filter({ hasText: 'P2394_CEMENT' });
    await productRow.waitFor();
    // Only product rows carry the enterprise drill-down.
    assert.equal(await iip.getByRole('button', { name: /^Xem các doanh nghiệp sản xuất sản phẩm/ }).count(), await iip.locator('tr.ant-table-row').filter({ hasText: /P\d{4}_/ }).count());
    await productRow.getByRole('button', { name: 'Xem các doanh nghiệp sản xuất sản phẩm P2394_CEMENT' }).click();

    const drawer = page.getByRole('dialog').filter({ hasText: 'Doanh nghiệp sản xuất P2394_CEMENT' });
    await drawer.waitFor();
    await drawer.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await expectNoError(page, 'drawer');
    const rows = drawer.locator('.ant-table-tbody tr.ant-table-row');
    assert.ok((await rows.count()) > 0);
    const first = await rows.first().innerText();
    assert.match(first, /^1\s+\d{10}/, `rank and tax code: ${first}`);
    const link = rows.first().getByRole('link');
    assert.match((await link.getAttribute('href')) ?? '', /^\/enterprises\/\d+$/);
    const drawerText = await drawer.innerText();
    assert.match(drawerText, /Kỳ báo cáo/);
    assert.match(drawerText, /Tỷ trọng \(%\)/);
    assert.match(drawerText, /Số doanh nghiệp/);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'drilldown-enterprises-vi-1280.png') });

    // XLSX of the list.
    const [file] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('button', { name: /^Tải bảng \(Excel\)/ }).click()]);
    assert.match(file.suggestedFilename(), /^chi-so-kinh-te-\d{4}-\d{2}-P2394_CEMENT-doanh-nghiep\.xlsx$/);
    const saved = path.join(RESULTS_DIR, `drilldown-${file.suggestedFilename()}`);
    await file.saveAs(saved);
    assert.equal(fs.readFileSync(saved).subarray(0, 2).toString('latin1'), 'PK');

    // The enterprise profile, with its productivity card for the officer.
    const name = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const own = card(page, 'Năng suất lao động của doanh nghiệp');
    await own.waitFor();
    await expectNoError(page, 'profile');
    await expectChartDrawn(own, 'profile productivity');

    // The productivity section of the indicators page.
    await page.goto(`${server.baseUrl}/indicators`);
    await expectNoError(page, 'indicators again');
    const productivity = card(page, 'Năng suất lao động ngành công nghiệp');
    await productivity.waitFor();
    await productivity.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await expectChartDrawn(productivity, 'productivity');
    const divisions = await productivity.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
    assert.ok(divisions.length >= 3, `divisions: ${divisions.length}`);
    assert.ok(divisions.some((row) => /^10 – /.test(row)), 'division 10 listed');
    assert.match(await productivity.locator('.ant-table-summary').innerText(), /Toàn ngành công nghiệp/);
    await productivity.scrollIntoViewIfNeeded();
    await productivity.screenshot({ path: path.join(RESULTS_DIR, 'drilldown-productivity-vi-1280.png') });
    const [sheet] = await Promise.all([page.waitForEvent('download'), productivity.getByRole('button', { name: /^Tải bảng \(Excel\)/ }).click()]);
    assert.match(sheet.suggestedFilename(), /nang-suat-lao-dong\.xlsx$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a complete month: many enterprises, largest first; an area officer sees only the enterprises of their area', { timeout: 180_000 }, async () => {
    const { context, page, problems } = await openPage(browser, { watch: WATCH });
    await signInOn(page, server.baseUrl, 'canbo.cn');
    const latest = ((await (await page.request.get(`${server.baseUrl}/api/indicators/dashboard`)).json()) as { period: string }).period;
    const [year, month] = latest.split('-').map(Number);
    const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const open = async () => {
      await page.goto(`${server.baseUrl}/indicators?period=${previous}&node=1010`);
      const row = page.locator('.ind-card tr.ant-table-row').filter({ hasText: 'P1010_MEAT' });
      await row.waitFor({ timeout: 20_000 });
      await row.getByRole('button', { name: 'Xem các doanh nghiệp sản xuất sản phẩm P1010_MEAT' }).click();
      const drawer = page.getByRole('dialog').filter({ hasText: 'Doanh nghiệp sản xuất P1010_MEAT' });
      await drawer.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      await expectNoError(page, 'drawer P1010_MEAT');
      return drawer;
    };
    const quantities = async (drawer: ReturnType<Page['locator']>) =>
      (await drawer.locator('.ant-table-tbody tr.ant-table-row td:nth-child(6)').allInnerTexts()).map((text) => Number(text.replace(/\./g, '').replace(',', '.')));
    const drawer = await open();
    const all = await quantities(drawer);
    assert.ok(all.length >= 3, `enterprises: ${all.length}`);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1] >= all[i], `largest first: ${all.join(' ')}`);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'drilldown-complete-month-vi-1280.png') });

    const areaContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const areaPage = await areaContext.newPage();
    const areaProblems = watchErrors(areaPage, WATCH);
    await signInOn(areaPage, server.baseUrl, 'canbo.khuvuc');
    // Enterprise 1 (Đông Anh) machines parts: the area officer of Đông Anh sees it, not the rest of the city.
    await areaPage.goto(`${server.baseUrl}/indicators?period=${previous}&node=2592`);
    const row = areaPage.locator('.ind-card tr.ant-table-row').filter({ hasText: 'P2592_MECHPART' });
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('button', { name: 'Xem các doanh nghiệp sản xuất sản phẩm P2592_MECHPART' }).click();
    const areaDrawer = areaPage.getByRole('dialog').filter({ hasText: 'Doanh nghiệp sản xuất P2592_MECHPART' });
    await areaDrawer.getByText('Chỉ gồm các doanh nghiệp thuộc địa bàn được phân công.', { exact: false }).waitFor();
    await areaDrawer.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await expectNoError(areaPage, 'area drawer');
    const names = await areaDrawer.locator('.ant-table-tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
    assert.ok(names.includes('Công ty TNHH Cơ khí Đông Anh'), `names: ${names.join(' | ')}`);
    for (const area of await areaDrawer.locator('.ant-table-tbody tr.ant-table-row td:nth-child(4)').allInnerTexts()) assert.match(area, /Đông Anh/);
    const city = ((await (await page.request.get(`${server.baseUrl}/api/indicators/iip/enterprises?period=${previous}&product=P2592_MECHPART`)).json()) as { rows: unknown[] }).rows.length;
    assert.ok(names.length < city, `${names.length} of ${city} enterprises`);
    await areaPage.screenshot({ path: path.join(RESULTS_DIR, 'drilldown-area-officer-vi-1280.png') });
    assert.deepEqual(problems, []);
    assert.deepEqual(areaProblems, [], 'the area officer page');
    await areaContext.close();
    await context.close();
  });

  it('enterprise user: its own productivity card, and no enterprise lists or sector figures', { timeout: 180_000 }, async () => {
    const { context, page, problems } = await openPage(browser, { watch: WATCH });
    await signInOn(page, server.baseUrl, 'doanhnghiep');
    await page.goto(`${server.baseUrl}/my-enterprise`);
    const own = card(page, 'Năng suất lao động của doanh nghiệp');
    await own.waitFor({ timeout: 20_000 });
    await expectNoError(page, 'my enterprise');
    await expectChartDrawn(own, 'own productivity');
    const text = await own.innerText();
    assert.match(text, /Ngành cấp 2/);
    assert.match(text, /Nhóm [1-4]\/4|Không so sánh được|Chưa có đủ báo cáo/);
    await own.scrollIntoViewIfNeeded();
    await own.screenshot({ path: path.join(RESULTS_DIR, 'drilldown-own-productivity-vi-1280.png') });
    await screenshot(page, 'my-enterprise-vi-1280');

    // English, one click away.
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/me/locale') && response.request().method() === 'PUT');
    await page.locator('.language-switch').first().getByText('EN', { exact: true }).click();
    assert.equal((await saved).status(), 204);
    const ownEn = card(page, 'Labour productivity of the enterprise');
    await ownEn.waitFor();
    assert.match(await ownEn.innerText(), /Quartile [1-4] of 4|No comparison|no accepted production/);
    await ownEn.screenshot({ path: path.join(RESULTS_DIR, 'drilldown-own-productivity-en-1280.png') });
    const back = page.waitForResponse((response) => response.url().endsWith('/api/me/locale') && response.request().method() === 'PUT');
    await page.locator('.language-switch').first().getByText('VI', { exact: true }).click();
    await back;
    await own.waitFor();

    await page.goto(`${server.baseUrl}/indicators?node=2394`);
    await page.locator('.ind-card tr.ant-table-row').filter({ hasText: 'P2394_CEMENT' }).waitFor();
    await expectNoError(page, 'indicators as enterprise');
    assert.equal(await page.getByRole('button', { name: /^Xem các doanh nghiệp sản xuất sản phẩm/ }).count(), 0);
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Năng suất lao động ngành công nghiệp' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
