/**
 * Monthly reports in a real browser against the real server (demo data): the enterprise fills in
 * its industrial production report (automatic draft save, visible after a reload), an unusual value
 * needs a comment, it submits; an officer returns it with a reason; the enterprise sees the reason
 * and resubmits; the officer accepts. The completeness page shows the counts of the API, the CSV
 * feed dry run lists per-row errors, and the briefing page downloads a DOCX. Screenshots of every
 * page in test-results/e2e.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_DIR, ensureWebBuilt, launchBrowser, startServer, type TTestServer } from './e2e-helper';
import { heading, settled, signIn, type TOpenOptions } from './e2e-page';

let server: TTestServer;
let browser: Browser;

/** The last ended month (Vietnam time): the month whose reports are due. */
const lastMonth = (() => {
  const vn = new Date(Date.now() + 7 * 3600_000);
  const index = vn.getUTCFullYear() * 12 + vn.getUTCMonth() - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
})();
const periodVi = `${lastMonth.slice(5, 7)}/${lastMonth.slice(0, 4)}`;
const ITEM = 'P2592_MECHPART';
const REPORT_PATH = `/reports/IIP_MONTHLY/1/${lastMonth}`;
const API_REPORT = `/api/reports/IIP_MONTHLY/1/${lastMonth}`;

/** Wide enough for the report form; refused requests (4xx) are expected resource errors in the console. */
const PAGE: TOpenOptions = { width: 1366, watch: { httpFrom: false, ignoreConsole: /status of 4\d\d/ } };

/** Long lists are captured at the viewport size (the fixed header would repeat in a full-page capture). */
const screenshot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: path.join(RESULTS_DIR, `reports-${name}.png`), fullPage });

const statusTag = (page: Page) => page.locator('.ant-card .report-status').first();
const valueInput = (page: Page) => page.getByLabel(`Số liệu kỳ này: ${ITEM}`);
const commentInput = (page: Page) => page.getByLabel(`Ghi chú, giải trình: ${ITEM}`);
const saveState = (page: Page) => page.locator('.report-save-state');
const confirmPopover = (page: Page) => page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();

/** Types a value and waits for the automatic save to finish. */
const typeAndWaitSaved = async (page: Page, target: ReturnType<typeof valueInput>, text: string) => {
  const saved = page.waitForResponse((r) => r.url().endsWith(API_REPORT) && r.request().method() === 'PUT', { timeout: 15_000 });
  await target.fill(text);
  const response = await saved;
  assert.equal(response.status(), 200, await response.text());
  await saveState(page).filter({ hasText: /Đã lưu nháp lúc/ }).waitFor({ timeout: 10_000 });
};

describe('monthly reports (browser, real server)', () => {
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

  it('enterprise fills and submits; officer returns with a reason; enterprise resubmits; officer accepts', { timeout: 300_000 }, async () => {
    const ent = await signIn(browser, server.baseUrl, 'doanhnghiep', PAGE);
    const officer = await signIn(browser, server.baseUrl, 'canbo.cn', PAGE);

    // The enterprise's list of forms and months, from the menu.
    await ent.page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/reports"]').click();
    await heading(ent.page).filter({ hasText: 'Báo cáo thống kê của doanh nghiệp' }).waitFor();
    await settled(ent.page);
    const link = ent.page.locator(`.my-reports-table a[href="${REPORT_PATH}"]`).first();
    await link.waitFor();
    await screenshot(ent.page, 'my-list');
    await link.click();
    await heading(ent.page).filter({ hasText: `kỳ ${periodVi}` }).waitFor();
    await settled(ent.page);
    assert.equal(await officer.page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/reports"]').count(), 0, 'officers have no enterprise list');

    // An unusual value (4 × last month) warns; submitting needs a comment.
    const report = (await (await ent.context.request.get(`${server.baseUrl}${API_REPORT}`)).json()) as { items: { item: string; previousMonth: number | null }[] };
    const previous = report.items.find((i) => i.item === ITEM)?.previousMonth ?? 100;
    const big = Math.round(previous * 4) + 7;
    await typeAndWaitSaved(ent.page, valueInput(ent.page), String(big));
    await ent.page.locator('.report-cell-warning').first().waitFor();
    assert.match(await ent.page.locator('.report-cell-warning').first().innerText(), /cần giải trình/);
    const submit = ent.page.getByRole('button', { name: 'Nộp báo cáo' });
    assert.equal(await submit.isDisabled(), true, 'an unexplained warning blocks submission');
    // A negative value is an error on the cell and is not saved.
    await valueInput(ent.page).fill('-3');
    await ent.page.locator('.report-cell-error').filter({ hasText: 'Không được là số âm.' }).waitFor();
    await typeAndWaitSaved(ent.page, valueInput(ent.page), String(big));
    await typeAndWaitSaved(ent.page, commentInput(ent.page), 'Đơn hàng xuất khẩu lớn trong tháng');
    assert.equal(await submit.isDisabled(), false);

    // The draft is kept: visible after a reload.
    await ent.page.reload();
    await settled(ent.page);
    await valueInput(ent.page).waitFor();
    assert.equal((await valueInput(ent.page).inputValue()).replace(/\D/g, ''), String(big));
    assert.equal(await commentInput(ent.page).inputValue(), 'Đơn hàng xuất khẩu lớn trong tháng');
    assert.equal((await statusTag(ent.page).innerText()).trim(), 'Đang nhập (nháp)');
    await screenshot(ent.page, 'entry-draft');

    await ent.page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await confirmPopover(ent.page);
    await statusTag(ent.page).filter({ hasText: 'Đã nộp, chờ duyệt' }).waitFor({ timeout: 15_000 });

    // The officer finds it in the review queue (submitted, last month) and returns it with a reason.
    await officer.page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/reports/review"]').click();
    await heading(officer.page).filter({ hasText: 'Duyệt báo cáo thống kê' }).waitFor();
    await settled(officer.page);
    await screenshot(officer.page, 'review-queue', false);
    const search = officer.page.getByLabel('Mã số thuế hoặc tên doanh nghiệp');
    await search.fill('co khi dong anh');
    await search.press('Enter');
    const row = officer.page.locator(`.report-review-table a[href="${REPORT_PATH}"]`).first();
    await row.waitFor();
    await row.click();
    await heading(officer.page).filter({ hasText: `kỳ ${periodVi}` }).waitFor();
    await settled(officer.page);
    assert.match(await officer.page.locator('.report-entry-table').innerText(), /cần giải trình/, 'the officer sees the warning');
    assert.equal(await commentInput(officer.page).inputValue(), 'Đơn hàng xuất khẩu lớn trong tháng');
    await screenshot(officer.page, 'review-report');
    await officer.page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = officer.page.getByRole('dialog');
    // The reason field first: a click on "Trả lại" before the dialog's form has mounted its field
    // validates an empty form (CI saw the message never appear).
    await dialog.getByLabel('Lý do trả lại').waitFor();
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Nhập lý do trả lại (ít nhất 3 ký tự).').waitFor();
    await dialog.getByLabel('Lý do trả lại').fill('Sản lượng tăng gấp bốn lần, đề nghị kiểm tra lại đơn vị tính');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await statusTag(officer.page).filter({ hasText: 'Bị trả lại' }).waitFor({ timeout: 15_000 });

    // The enterprise sees the reason, corrects and resubmits.
    await ent.page.reload();
    await settled(ent.page);
    assert.match(await ent.page.locator('.report-return-reason').innerText(), /đề nghị kiểm tra lại đơn vị tính/);
    await screenshot(ent.page, 'entry-returned');
    await typeAndWaitSaved(ent.page, valueInput(ent.page), String(big + 1));
    await ent.page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await confirmPopover(ent.page);
    await statusTag(ent.page).filter({ hasText: 'Đã nộp, chờ duyệt' }).waitFor({ timeout: 15_000 });

    // The officer accepts: the published values are the resubmitted ones.
    await officer.page.reload();
    await settled(officer.page);
    await officer.page.getByRole('button', { name: 'Chấp nhận' }).click();
    await confirmPopover(officer.page);
    await statusTag(officer.page).filter({ hasText: 'Đã chấp nhận' }).waitFor({ timeout: 30_000 });
    const accepted = (await (await officer.context.request.get(`${server.baseUrl}${API_REPORT}`)).json()) as { items: { item: string; acceptedValue: number | null }[] };
    assert.equal(accepted.items.find((i) => i.item === ITEM)?.acceptedValue, big + 1);

    // The cell history lists the changes with their authors.
    await officer.page.getByRole('button', { name: 'Lịch sử thay đổi' }).click();
    const history = officer.page.locator('.report-history');
    await history.getByText('doanhnghiep').first().waitFor();
    await screenshot(officer.page, 'history');

    // The prefilled XLSX template: a negative value is refused with its row and column, nothing is
    // saved; a valid file becomes the draft.
    const template = await ent.context.request.get(`${server.baseUrl}${API_REPORT}/template.xlsx`);
    assert.equal(template.status(), 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('BaoCao');
    assert.ok(sheet);
    let itemRow = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === ITEM) itemRow = n;
    });
    assert.equal(sheet.getRow(itemRow).getCell(7).value, big + 1, 'the template holds the accepted value');
    const uploadTemplate = async (value: number) => {
      sheet.getRow(itemRow).getCell(7).value = value;
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const answered = ent.page.waitForResponse((r) => new URL(r.url()).pathname === `${API_REPORT}/template` && r.request().method() === 'POST');
      await ent.page.locator('input[type="file"]').setInputFiles({ name: 'bao-cao.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
      return answered;
    };
    await ent.page.reload();
    await settled(ent.page);
    assert.equal((await uploadTemplate(-1)).status(), 400);
    const fileErrors = ent.page.locator('.report-file-errors');
    await fileErrors.waitFor();
    assert.match(await fileErrors.innerText(), new RegExp(`${itemRow}\\s+G \\(Giá trị\\)\\s+không được là số âm`));
    assert.equal((await statusTag(ent.page).innerText()).trim(), 'Đã chấp nhận', 'nothing saved');
    await screenshot(ent.page, 'template-errors');
    assert.equal((await uploadTemplate(big + 2)).status(), 200);
    await statusTag(ent.page).filter({ hasText: 'Đang nhập (nháp)' }).waitFor({ timeout: 15_000 });
    assert.equal((await valueInput(ent.page).inputValue()).replace(/\D/g, ''), String(big + 2));

    // In English: the same page with the English texts and the draft state.
    await ent.page.reload();
    await ent.page.locator('.language-switch').first().getByText('EN', { exact: true }).click();
    await heading(ent.page).filter({ hasText: `Monthly industrial production report – ${lastMonth}` }).waitFor();
    await statusTag(ent.page).filter({ hasText: 'Draft' }).waitFor();
    assert.match(await ent.page.locator('.report-entry-table thead').innerText(), /This month/);
    await screenshot(ent.page, 'entry-english');

    assert.deepEqual(ent.problems, []);
    assert.deepEqual(officer.problems, []);
    await ent.context.close();
    await officer.context.close();
  });

  it('completeness page shows the counts of the API; the CSV feed dry run lists per-row errors', { timeout: 180_000 }, async () => {
    const officer = await signIn(browser, server.baseUrl, 'canbo.kh', PAGE);
    await officer.page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/reports/completeness"]').click();
    await heading(officer.page).filter({ hasText: 'Tình hình nộp báo cáo' }).waitFor();
    await officer.page.getByLabel('Biểu mẫu').click();
    await officer.page.locator('.ant-select-item-option').filter({ hasText: 'Báo cáo sản xuất công nghiệp tháng' }).click();
    await officer.page.locator('[data-stat="expected"]').waitFor();
    await settled(officer.page);
    const api = (await (await officer.context.request.get(`${server.baseUrl}/api/reports/completeness?formCode=IIP_MONTHLY&period=${lastMonth}`)).json()) as {
      counts: Record<string, number>;
      nonReporters: unknown[];
    };
    const shown = async (stat: string) => Number((await officer.page.locator(`[data-stat="${stat}"] .ant-statistic-content-value`).innerText()).replace(/\D/g, ''));
    for (const stat of ['expected', 'submitted', 'onTime', 'accepted']) assert.equal(await shown(stat), api.counts[stat], stat);
    assert.ok(api.counts.accepted >= 1, 'the report accepted in the first test counts');
    assert.match(await officer.page.locator('.ant-card-head-title').filter({ hasText: 'Doanh nghiệp chưa nộp' }).innerText(), new RegExp(`\\(${api.nonReporters.length}\\)`));
    await screenshot(officer.page, 'completeness', false);

    await officer.page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/reports/import"]').click();
    await heading(officer.page).filter({ hasText: 'Nhập số liệu báo cáo từ tệp CSV' }).waitFor();
    const csv = ['form_code,tax_code,period,item,value', `IIP_MONTHLY,0101234567,${lastMonth},${ITEM},-4`, `IIP_MONTHLY,0101234567,${lastMonth},P9999_KHONG_CO,5`].join('\n');
    await officer.page.locator('input[type="file"]').setInputFiles({ name: 'cuc-thong-ke.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await officer.page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    const errors = officer.page.locator('.report-import-errors');
    await errors.waitFor();
    const text = await errors.innerText();
    assert.match(text, /2\s+value\s+không được là số âm/);
    assert.match(text, /3\s+item/);
    assert.equal(await officer.page.getByRole('button', { name: 'Ghi vào hệ thống' }).isDisabled(), true, 'no import after a failed dry run');
    await screenshot(officer.page, 'import');
    assert.deepEqual(officer.problems, []);
    await officer.context.close();
  });

  it('briefing page: drafted text, edited, downloaded as DOCX', { timeout: 180_000 }, async () => {
    const leader = await signIn(browser, server.baseUrl, 'lanhdao', PAGE);
    await leader.page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/briefing"]').click();
    await heading(leader.page).filter({ hasText: 'Báo cáo tình hình kinh tế tháng' }).waitFor();
    const area = leader.page.locator('#briefing-text');
    await leader.page.waitForFunction(() => ((document.querySelector('#briefing-text') as HTMLTextAreaElement | null)?.value.length ?? 0) > 100, undefined, { timeout: 30_000 });
    assert.match(await area.inputValue(), /chỉ số sản xuất công nghiệp/i);
    await area.fill(`${await area.inputValue()}\n\nĐoạn bổ sung do lãnh đạo Sở viết thêm.`);
    await leader.page.getByLabel('Họ tên người ký').fill('Nguyễn Văn An');
    await screenshot(leader.page, 'briefing');
    const [file] = await Promise.all([leader.page.waitForEvent('download'), leader.page.getByRole('button', { name: 'Xuất văn bản DOCX' }).click()]);
    const saved = path.join(RESULTS_DIR, `reports-${file.suggestedFilename()}`);
    await file.saveAs(saved);
    const bytes = fs.readFileSync(saved);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a DOCX (zip) file');
    assert.match(file.suggestedFilename(), /^bao-cao-\d{4}-\d{2}\.docx$/);
    const documentXml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
    assert.ok(documentXml?.includes('Đoạn bổ sung do lãnh đạo Sở viết thêm.'), 'the edited text is in the document');
    assert.ok(documentXml?.includes('Nguyễn Văn An'), 'the signer is in the document');
    const [annex] = await Promise.all([leader.page.waitForEvent('download'), leader.page.getByRole('button', { name: 'Tải phụ lục số liệu (Excel)' }).click()]);
    assert.match(annex.suggestedFilename(), /^phu-luc-\d{4}-\d{2}\.xlsx$/);
    assert.deepEqual(leader.problems, []);
    await leader.context.close();
  });
});
