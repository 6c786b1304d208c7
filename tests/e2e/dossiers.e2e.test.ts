/**
 * One-stop dossiers in a real browser against the real server (demo data): the enterprise
 * submits a dossier online (procedure, request, one component file), the one-stop desk finds it
 * in its queue, receives it (code issued) and downloads the receipt slip (Mẫu 01, DOCX), the control
 * sheet (Mẫu 05) and the register of the month (Mẫu 06), and the
 * anonymous public lookup shows its status without personal data. Screenshots in test-results/e2e.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_DIR, ensureWebBuilt, launchBrowser, startServer, type TTestServer } from './e2e-helper';
import { heading, openPage, settled, signIn, type TWatchOptions } from './e2e-page';

let server: TTestServer;
let browser: Browser;
const CODE_RE = /\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z]\d{2}-\d{6}-\d{4}/;
const PROCEDURE = 'Cấp Giấy phép bán lẻ sản phẩm rượu';
/** What these tests count as a browser error: uncaught exceptions and server errors (5xx). */
const SERVER_ERRORS_ONLY: TWatchOptions = { httpFrom: 500, consoleErrors: false };
const REQUEST = 'Cấp giấy phép bán lẻ rượu cho cửa hàng số 12 Cao Lỗ (kiểm thử trình duyệt)';

/** The text of a DOCX body (word/document.xml). */
const documentXml = async (bytes: Buffer): Promise<string> => {
  const { default: JSZip } = await import('jszip');
  return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
};

const screenshot = async (page: Page, name: string) => {
  await settled(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(RESULTS_DIR, `dossiers-${name}.png`), fullPage: true });
};

describe('one-stop dossiers in the browser', { timeout: 300_000 }, () => {
  before(async () => {
    ensureWebBuilt();
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  let code = '';

  it('the enterprise submits a dossier online with a component file', async () => {
    const { context, page, problems } = await signIn(browser, server.baseUrl, 'doanhnghiep', { watch: SERVER_ERRORS_ONLY });
    await page.getByRole('menuitem', { name: 'Hồ sơ của tôi' }).click();
    await heading(page).filter({ hasText: 'Hồ sơ của tôi' }).waitFor();
    await settled(page);
    await screenshot(page, 'mine');
    await page.getByRole('button', { name: 'Nộp hồ sơ mới' }).click();
    await heading(page).filter({ hasText: 'Nộp hồ sơ trực tuyến' }).waitFor();
    await settled(page);
    await page.getByLabel('Thủ tục hành chính').click();
    await page.getByLabel('Thủ tục hành chính').fill('bán lẻ sản phẩm rượu');
    await page.locator('.ant-select-item-option').filter({ hasText: PROCEDURE }).first().click();
    await page.getByLabel('Nội dung yêu cầu giải quyết').fill(REQUEST);
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page.getByText('Thành phần hồ sơ', { exact: true }).first().waitFor();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 0x20), Buffer.from('\n%%EOF\n')]);
    await page.locator('input[type=file]').setInputFiles({ name: 'don-de-nghi.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('don-de-nghi.pdf').waitFor();
    await screenshot(page, 'submit');
    await page.getByRole('button', { name: /Nộp hồ sơ$/ }).click();
    await heading(page).filter({ hasText: 'Hồ sơ Chưa cấp mã' }).waitFor({ timeout: 20_000 });
    await page.locator('.ant-tag').filter({ hasText: 'Mới đăng ký' }).first().waitFor();
    await screenshot(page, 'submitted');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the one-stop desk receives it from its queue and downloads the receipt slip (Mẫu 01)', async () => {
    const { context, page, problems } = await signIn(browser, server.baseUrl, 'motcua', { watch: SERVER_ERRORS_ONLY });
    await page.getByRole('menuitem', { name: 'Xử lý hồ sơ một cửa' }).click();
    await heading(page).filter({ hasText: 'Xử lý hồ sơ một cửa' }).waitFor();
    await settled(page);
    await page.getByLabel('Trạng thái').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Mới đăng ký' }).click();
    await settled(page);
    await screenshot(page, 'queue');
    const row = page.locator('tr').filter({ hasText: 'Chưa cấp mã' }).filter({ hasText: 'Công ty TNHH Cơ khí Đông Anh' }).first();
    await row.getByRole('link').click();
    await page.getByText(REQUEST).waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await heading(page).filter({ hasText: CODE_RE }).waitFor({ timeout: 20_000 });
    code = (await heading(page).innerText()).match(CODE_RE)?.[0] ?? '';
    assert.match(code, CODE_RE);
    await screenshot(page, 'received');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Mẫu 01/ }).click()]);
    assert.match(download.suggestedFilename(), /^mau-01-.*\.docx$/);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a DOCX (zip) file');
    assert.ok(bytes.includes(Buffer.from('word/media/')), 'with the QR code image');
    // Mẫu 05: the control sheet of the process, from the journal (staff).
    const [control] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Mẫu 05/ }).click()]);
    assert.match(control.suggestedFilename(), /^mau-05-.*\.docx$/);
    const controlXml = await documentXml(fs.readFileSync(await control.path()));
    for (const text of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', code, 'Tiếp nhận hồ sơ', 'Bộ phận Một cửa']) assert.ok(controlXml.includes(text), `${text} in Mẫu 05`);
    // Mẫu 06: the register of this month from the queue page.
    await page.getByRole('menuitem', { name: 'Xử lý hồ sơ một cửa' }).click();
    await heading(page).filter({ hasText: 'Xử lý hồ sơ một cửa' }).waitFor();
    await settled(page);
    const register = page.locator('.dossier-register');
    await register.scrollIntoViewIfNeeded();
    await screenshot(page, 'register');
    const [book] = await Promise.all([page.waitForEvent('download'), register.getByRole('link', { name: /Tải sổ/ }).click()]);
    assert.match(book.suggestedFilename(), /^mau-06-so-theo-doi-.*\.docx$/);
    const bookXml = await documentXml(fs.readFileSync(await book.path()));
    for (const text of ['SỔ THEO DÕI HỒ SƠ', code, 'Công ty TNHH Cơ khí Đông Anh', 'w:orient="landscape"']) assert.ok(bookXml.includes(text), `${text} in Mẫu 06`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the public lookup shows the status without personal data', async () => {
    const { context, page, problems } = await openPage(browser, { watch: SERVER_ERRORS_ONLY });
    await page.goto(`${server.baseUrl}/procedures/lookup`);
    await heading(page).filter({ hasText: 'Tra cứu tình trạng hồ sơ' }).waitFor();
    await page.getByLabel('Mã hồ sơ').fill('ABC');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText('Mã hồ sơ không đúng định dạng.').waitFor();
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.locator('.ant-tag').filter({ hasText: 'Được tiếp nhận' }).first().waitFor({ timeout: 15_000 });
    await page.getByText(PROCEDURE).first().waitFor();
    const text = await page.locator('main').innerText();
    assert.ok(!text.includes('Cơ khí Đông Anh'), 'no applicant name on the public page');
    assert.ok(text.includes('Tiếp nhận'), 'history shows the receipt');
    await screenshot(page, 'lookup');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
