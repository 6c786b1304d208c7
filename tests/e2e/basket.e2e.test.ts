/**
 * The basket and weights page in a real browser against the real server (demo data), as the
 * statistics officer canbo.kh: the menu entry, the products, a weight version as a tree, a weight
 * CSV import whose bad row is shown with its row and column (nothing stored), the same file fixed
 * and imported, the official Tết window of 2025 edited, deflators and forms; screenshots in
 * test-results/e2e. An industry officer does not see the entry and is refused the page.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { RESULTS_DIR, ensureWebBuilt, launchBrowser, startServer, type TTestServer } from './e2e-helper';
import { expectNoError, heading, openPage, signInOn } from './e2e-page';

let server: TTestServer;
let browser: Browser;

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS_DIR, `basket-${name}.png`), fullPage: true });
/** The import button of the dialog (its accessible name also holds the icon's label). */
const importButton = (dialog: Locator) => dialog.locator('button').filter({ hasText: /^\s*Nhập\s*$/ });

const shiftPeriod = (period: string, months: number) => {
  const [y, m] = period.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

describe('basket and weights page (browser, real server)', () => {
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

  it('canbo.kh: products, weight tree, weight CSV with a bad row then a good one, Tết window 2025, deflators, forms', { timeout: 300_000 }, async () => {
    const { context, page, problems } = await openPage(browser, { watch: { httpFrom: false, consoleErrors: false } });
    await signInOn(page, server.baseUrl, 'canbo.kh');

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/basket"]').click();
    await heading(page).filter({ hasText: 'Rổ sản phẩm và quyền số' }).waitFor();
    await expectNoError(page, 'products');
    await page.getByRole('cell', { name: 'Bia các loại' }).waitFor();
    await page.getByPlaceholder('Tìm theo mã, tên, mã ngành').fill('xi mang');
    await page.getByPlaceholder('Tìm theo mã, tên, mã ngành').press('Enter');
    await page.getByRole('cell', { name: 'Xi măng' }).waitFor();
    assert.equal(await page.getByRole('cell', { name: 'Bia các loại' }).count(), 0, 'search without diacritics narrows the list');
    await screenshot(page, 'products');
    await page.getByRole('button', { name: 'Sửa sản phẩm P2394_CEMENT' }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('Mã ngành VSIC cấp 4').fill('4100');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.locator('.ant-form-item-explain-error').filter({ hasText: /"4100" không phải ngành cấp 4 của công nghiệp/ }).waitFor();
    await screenshot(page, 'product-edit-error');
    await edit.getByRole('button', { name: 'Hủy' }).click();

    // Weights: versions and the tree of the version in force.
    await page.getByRole('tab', { name: 'Quyền số' }).click();
    await expectNoError(page, 'weights');
    await page.getByRole('heading', { level: 2, name: 'Cây tổng hợp của bộ quyền số 2020' }).waitFor();
    await page.getByRole('cell', { name: /Sản xuất đồ uống/ }).waitFor();
    await screenshot(page, 'weights');

    // A weight file built from the version in force, as a new base year starting in the future.
    const tree = (await (await page.request.get(`${server.baseUrl}/api/basket/weights/2020`)).json()) as { nodes: { level: string; code: string; weight: number | null; baseAnnualQty: number | null }[] };
    const latest = ((await (await page.request.get(`${server.baseUrl}/api/indicators/dashboard`)).json()) as { period: string }).period;
    const validFrom = shiftPeriod(latest, 3);
    const lines = tree.nodes.filter((n) => n.level !== 'TOTAL' && n.weight !== null).map((n) => `2026,${validFrom},ALL,${n.level},${n.code},${n.weight},${n.baseAnnualQty ?? ''}`);
    const header = 'version,valid_from,scope,level,code,weight,base_annual_qty';
    const badLine = lines.findIndex((l) => l.includes(',SECTION,C,'));
    const bad = [header, ...lines.map((l, i) => (i === badLine ? l.replace(/,SECTION,C,[^,]+,/, ',SECTION,C,-5,') : l))].join('\n');
    const good = [header, ...lines].join('\n');

    await page.getByRole('button', { name: 'Nhập quyền số (CSV)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'quyen-so-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await dialog.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    await dialog.getByText('Tệp có 1 lỗi; chưa lưu gì.', { exact: false }).waitFor();
    const errorRow = dialog.locator('.ant-table-row').first();
    assert.equal((await errorRow.locator('td').nth(0).innerText()).trim(), String(badLine + 2), 'the row of the file (header = row 1)');
    assert.equal((await errorRow.locator('td').nth(1).innerText()).trim(), 'weight');
    assert.match(await errorRow.locator('td').nth(2).innerText(), /là số âm/);
    assert.ok(await importButton(dialog).isDisabled(), 'a file with errors cannot be imported');
    await screenshot(page, 'weights-import-error');

    await dialog.locator('input[type=file]').setInputFiles({ name: 'quyen-so-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await dialog.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    await dialog.getByText(/Tệp hợp lệ/).waitFor();
    await importButton(dialog).click();
    await page.getByText(/Đã nhập \d+ dòng/).waitFor({ timeout: 60_000 });
    await page.getByRole('cell', { name: '2026', exact: true }).waitFor();
    await page.getByText('Sắp áp dụng').waitFor();

    // Tết 2025: the official nine-day holiday instead of the default window.
    await page.getByRole('tab', { name: 'Nghỉ Tết' }).click();
    await expectNoError(page, 'tet');
    await page.getByRole('button', { name: 'Kỳ nghỉ Tết năm 2025' }).click();
    const tet = page.getByRole('dialog');
    await tet.getByText('Mùng 1 Tết: 29/01/2025').waitFor();
    await tet.getByLabel('Từ ngày').fill('2025-03-01');
    await tet.getByLabel('Đến ngày').fill('2025-03-05');
    await tet.getByRole('button', { name: 'Lưu' }).click();
    await tet.getByText(/2025-03-01 cách mùng 1 Tết 2025 \(2025-01-29\) quá 20 ngày/).waitFor();
    await tet.getByLabel('Từ ngày').fill('2025-01-25');
    await tet.getByLabel('Đến ngày').fill('2025-02-02');
    await tet.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu.', { exact: false }).first().waitFor({ timeout: 60_000 });
    const row2025 = page.locator('.ant-table-row').filter({ has: page.getByRole('cell', { name: '2025', exact: true }) });
    await row2025.getByText('25/01/2025 – 02/02/2025').waitFor();
    await row2025.getByText('9 ngày').waitFor();
    await screenshot(page, 'tet');

    await page.getByRole('tab', { name: 'Chỉ số giá' }).click();
    await expectNoError(page, 'deflators');
    await page.getByRole('columnheader', { name: 'Bán lẻ hàng hóa' }).waitFor();
    await screenshot(page, 'deflators');

    await page.getByRole('tab', { name: 'Biểu mẫu và dàn mẫu' }).click();
    await expectNoError(page, 'forms');
    await page.getByRole('heading', { level: 2, name: /^Dàn mẫu: / }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Ngoại lệ khóa sổ' }).waitFor();
    await screenshot(page, 'forms');

    // English: the same page, one click away.
    await page.locator('.language-switch').first().getByText('EN', { exact: true }).click();
    await heading(page).filter({ hasText: 'Basket and weights' }).waitFor();
    await page.getByRole('tab', { name: 'Weights' }).click();
    await expectNoError(page, 'weights (English)');
    await page.getByRole('heading', { level: 2, name: 'Aggregation tree of weight version 2020' }).waitFor();
    await page.getByRole('cell', { name: 'Scheduled' }).waitFor();
    await screenshot(page, 'weights-en');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('canbo.cn (industry officer): no menu entry, the page is refused', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser);
    await signInOn(page, server.baseUrl, 'canbo.cn');
    assert.equal(await page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/basket"]').count(), 0);
    await page.goto(`${server.baseUrl}/basket`);
    await heading(page).filter({ hasText: 'Không có quyền truy cập' }).waitFor();
    await context.close();
  });
});
