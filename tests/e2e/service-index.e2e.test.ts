/**
 * The service-index dashboard in a real browser against the real server (demo data with its
 * dossier history): a leader opens it from the menu, the tiles agree with the statistics API,
 * the on-time tables switch dimension, the 766 table shows scores and the indicators the system
 * has no data for, the TT01 table rates the receiving agency, the period picker reloads, the
 * XLSX downloads; an enterprise account is refused. Screenshots in test-results/e2e.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_DIR, ensureWebBuilt, launchBrowser, startServer, type TTestServer } from './e2e-helper';
import { expectHeading, settled, signIn } from './e2e-page';

let server: TTestServer;
let browser: Browser;

const TITLE = 'Chỉ số phục vụ giải quyết thủ tục hành chính';

const screenshot = async (page: Page, name: string) => {
  await settled(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(RESULTS_DIR, `service-index-${name}.png`), fullPage: true });
};

/** The statistics API answer for a query, fetched with the page's session. */
const apiGet = <T>(page: Page, url: string): Promise<T> => page.evaluate(async (u) => (await fetch(u)).json() as Promise<T>, url);

/** Vietnamese thousands grouping (1234 → "1.234"). */
const vnNumber = (n: number) => n.toLocaleString('de-DE');

const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('service index dashboard (browser, real server)', () => {
  before(
    async () => {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      ensureWebBuilt();
      server = await startServer();
      browser = await launchBrowser();
    },
    { timeout: 300_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('leader: tiles agree with the API, tables switch, 766 and TT01 scored, period picker, XLSX', { timeout: 240_000 }, async () => {
    const { context, page, problems } = await signIn(browser, server.baseUrl, 'lanhdao');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chỉ số phục vụ TTHC' }).click();
    await expectHeading(page, TITLE);
    await settled(page);

    // Default period: this year to today.
    const today = vnToday();
    const from = `${today.slice(0, 4)}-01-01`;
    type TOnTime = { total: { received: number; finished: number; onTimeRate: number | null } };
    const year = await apiGet<TOnTime>(page, `/api/service-index/on-time?from=${from}&to=${today}&by=month`);
    assert.ok(year.total.received > 100, `demo dossiers this year: ${year.total.received}`);
    const receivedTile = page.getByTestId('si-kpi-received').locator('.si-kpi-value');
    await page.waitForFunction((n) => document.querySelector('[data-testid="si-kpi-received"] .si-kpi-value')?.textContent === n, vnNumber(year.total.received));
    assert.equal((await receivedTile.innerText()).trim(), vnNumber(year.total.received));
    const rate = (year.total.onTimeRate ?? 0) * 100;
    assert.equal((await page.getByTestId('si-kpi-legal').locator('.si-kpi-value').innerText()).trim(), `${rate.toFixed(1).replace('.', ',')}%`);
    await page.waitForFunction(() => document.querySelectorAll('.echart canvas').length >= 1);

    // On-time table by procedure, then by channel.
    await page.locator('.ant-table-row').filter({ hasText: '2.000620.H26' }).first().waitFor();
    await page.getByRole('tab', { name: 'Theo kênh' }).click();
    await page.locator('.ant-table-row').filter({ hasText: 'Trực tuyến' }).first().waitFor();
    await page.locator('.ant-table-row').filter({ hasText: 'Bưu chính công ích' }).first().waitFor();

    // 766: indicator 2.1 scored out of 20, 1.4 not supported by the Department's data.
    const i766 = page.getByTestId('si-766');
    const row21 = i766.locator('tr.ant-table-row').filter({ hasText: 'Hồ sơ giải quyết trước hạn, đúng hạn' });
    await row21.waitFor();
    assert.match(await row21.innerText(), /20,00/);
    await i766.locator('tr.ant-table-row').filter({ hasText: 'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia' }).getByText('Chưa có dữ liệu trong hệ thống').waitFor();
    await i766.getByText('Trọng số chưa kiểm chứng').first().waitFor();
    type T766 = { indicators: { id: string; score: number | null }[]; earned: number };
    const api766 = await apiGet<T766>(page, `/api/service-index/index-766?from=${from}&to=${today}`);
    const score21 = api766.indicators.find((i) => i.id === '2.1')?.score ?? 0;
    assert.match(await row21.innerText(), new RegExp(score21.toFixed(2).replace('.', ',')));

    // TT01: the receiving agency of the demo is rated.
    const tt01 = page.getByTestId('si-tt01');
    const agencyRow = tt01.locator('tr.ant-table-row[data-row-key="000.00.17.H26"]');
    await agencyRow.waitFor();
    assert.match(await agencyRow.innerText(), /Xuất sắc|Tốt|Khá|Trung bình|Yếu/);
    await tt01.getByText('Theo cán bộ').click();
    await settled(page);
    await tt01.locator('tr.ant-table-row').filter({ hasText: /Hoàn thành|Dưới 70%/ }).first().waitFor();
    await screenshot(page, 'dashboard-1280');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'service-index-top-1280.png') });
    await i766.screenshot({ path: path.join(RESULTS_DIR, 'service-index-766-1280.png') });
    await tt01.screenshot({ path: path.join(RESULTS_DIR, 'service-index-tt01-1280.png') });

    // Period picker: last year.
    const lastYear = String(Number(today.slice(0, 4)) - 1);
    const last = await apiGet<TOnTime>(page, `/api/service-index/on-time?from=${lastYear}-01-01&to=${lastYear}-12-31&by=month`);
    await page.getByText('Năm trước', { exact: true }).click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="si-kpi-received"] .si-kpi-value')?.textContent === n, vnNumber(last.total.received), { timeout: 20_000 });

    // XLSX of the chosen period.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('si-export').click()]);
    assert.equal(xlsx.suggestedFilename(), `chi-so-phuc-vu-${lastYear}-01-01-${lastYear}-12-31.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      ['Đúng hạn - thủ tục', 'Đúng hạn - đơn vị', 'Đúng hạn - kênh', 'Đúng hạn - tháng', 'Chỉ số 766', 'TT01 - cơ quan', 'TT01 - hồ sơ'],
    );
    const months = workbook.getWorksheet('Đúng hạn - tháng');
    let totalReceived = 0;
    months?.eachRow((row, n) => {
      if (n > 3 && row.getCell(1).value === 'Tổng') totalReceived = Number(row.getCell(3).value);
    });
    assert.equal(totalReceived, last.total.received);

    assert.deepEqual(problems, []);
    await context.close();
  });

  it('narrow screen and English', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await signIn(browser, server.baseUrl, 'canbo.tm', { width: 768 });
    await page.goto(`${server.baseUrl}/service-index`);
    await expectHeading(page, TITLE);
    await settled(page);
    await screenshot(page, 'dashboard-768');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'service-index-top-768.png') });
    await page.locator('.language-switch').getByText('EN', { exact: true }).click();
    await expectHeading(page, 'Administrative procedure service index');
    await settled(page);
    await page.getByText('Decision 766 indicators (766/QĐ-TTg)').waitFor();
    await screenshot(page, 'dashboard-768-en');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('an enterprise account cannot open it', { timeout: 60_000 }, async () => {
    const { context, page } = await signIn(browser, server.baseUrl, 'doanhnghiep');
    await page.goto(`${server.baseUrl}/service-index`);
    await page.getByText('Không có quyền truy cập').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Chỉ số phục vụ TTHC' }).count(), 0);
    await context.close();
  });
});
