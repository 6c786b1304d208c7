/**
 * The working calendar and the procedure catalogue in a real browser against the real server
 * (demo data): the public catalogue without signing in (search without diacritics, filters in the
 * URL, abolished procedures, a detail with its version history and an older version), English
 * once, the administrator's calendar (2025 grid with swapped days, due-date calculator, a notice
 * for 2031 entered then reverted), the one-stop desk recording a decision that abolishes a
 * procedure, and screenshots (test-results/e2e) at 1280 and 768 pixels wide.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, RESULTS_DIR, ensureWebBuilt, launchBrowser, startServer, type TTestServer } from './e2e-helper';
import { expectHeading, expectNoError, openPage, settled, signIn } from './e2e-page';

let server: TTestServer;
let browser: Browser;

const ALCOHOL_RETAIL = 'Cấp Giấy phép bán lẻ sản phẩm rượu';
/** The food-safety certificate: published in 2023 (20 working days), amended in 2025 (15 working days). */
const AMENDED_CODE = '2.000591.H26';
const ABOLISH_CODE = '2.000001.H26';
const DECISION_NUMBER = '321/QĐ-UBND-E2E';

/** Today in Vietnam (UTC+7), as the server and the pages count it. */
const vietnamToday = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A full-page screenshot from the top (sticky headers are drawn where the page is scrolled to). */
const screenshot = async (page: Page, name: string) => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-spin-blur, .ant-skeleton-active').length === 0, undefined, { timeout: 20_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300); // CSS transitions (loading masks, menu collapse) end before the picture.
  await page.screenshot({ path: path.join(RESULTS_DIR, `calendar-procedures-${name}.png`), fullPage: true });
};

/** Picks an option of an Ant Design Select (opened by clicking `select`) by its exact title. */
const choose = async (page: Page, select: Locator, option: string) => {
  await select.click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
};

/** Types a date into an Ant Design date picker and leaves it (Enter would also submit the form). */
const typeDate = async (input: Locator, text: string) => {
  await input.click();
  await input.fill(text);
  await input.press('Tab');
};

const catalogueAnswer = (page: Page, check: (query: URLSearchParams) => boolean) =>
  page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/procedures' && check(url.searchParams);
  });

/** Resizes the window and, in the signed-in shell, waits for the side navigation to finish collapsing. */
const resize = async (page: Page, width: number) => {
  await page.setViewportSize({ width, height: 900 });
  if (width < 992 && (await page.locator('.app-sider').count()) > 0) {
    await page.waitForFunction(() => (document.querySelector('.app-sider') as HTMLElement | null)?.offsetWidth === 64, undefined, { timeout: 5_000 });
  }
};

const rows = (page: Page) => page.locator('.procedure-table tbody tr.ant-table-row');

describe('working calendar and procedure catalogue (browser, real server)', () => {
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

  it('anonymous: searches without diacritics, filters abolished food-safety procedures, reads a detail with two versions, English once', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.baseUrl}/procedures`);
    await expectHeading(page, 'Thủ tục hành chính');
    // The public shell: the Department's name, the language switch and a sign-in link; no app navigation.
    await page.locator('.public-header').getByText('Sở Công Thương Hà Nội').waitFor();
    await page.getByRole('link', { name: 'Đăng nhập' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count(), 0);
    await expectNoError(page, 'catalogue');
    assert.ok((await rows(page).count()) >= 10);
    await screenshot(page, 'catalogue-anonymous-1280');

    // Search without diacritics; the filter goes into the URL.
    const searched = catalogueAnswer(page, (query) => query.get('q') === 'ban le ruou');
    await page.getByLabel('Tìm thủ tục').fill('ban le ruou');
    await page.getByLabel('Tìm thủ tục').press('Enter');
    await searched;
    await page.waitForURL((url) => url.searchParams.get('q') === 'ban le ruou');
    await rows(page).filter({ hasText: ALCOHOL_RETAIL }).waitFor();
    assert.match(await rows(page).filter({ hasText: ALCOHOL_RETAIL }).innerText(), /ngày làm việc/);

    // Field "An toàn thực phẩm" + status "Đã bãi bỏ": only abolished food-safety procedures.
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await page.waitForURL((url) => url.search === '');
    const filters = page.locator('.procedure-filters');
    await choose(page, filters.getByLabel('Lĩnh vực', { exact: true }), 'An toàn thực phẩm');
    const abolished = catalogueAnswer(page, (query) => query.get('status') === 'ABOLISHED' && query.get('field') === 'ATTP');
    await choose(page, filters.getByLabel('Tình trạng', { exact: true }), 'Đã bãi bỏ');
    await abolished;
    await page.waitForURL((url) => url.searchParams.get('field') === 'ATTP' && url.searchParams.get('status') === 'ABOLISHED');
    await settled(page);
    const abolishedRows = await rows(page).allInnerTexts();
    assert.ok(abolishedRows.length >= 2, `abolished food-safety procedures: ${abolishedRows.join(' | ')}`);
    for (const row of abolishedRows) {
      assert.match(row, /Đã bãi bỏ/);
      assert.match(row, /An toàn thực phẩm/);
    }
    await screenshot(page, 'catalogue-abolished-1280');

    // The amended procedure: two versions, each with its decision; the older one opens with ?at=.
    await page.goto(`${server.baseUrl}/procedures?field=ATTP`);
    await page.locator('a.procedure-name-link', { hasText: 'đối với cơ sở sản xuất, kinh doanh thực phẩm' }).click();
    await page.waitForURL(`**/procedures/${AMENDED_CODE}`);
    await expectHeading(page, 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm do Sở Công Thương thực hiện');
    await expectNoError(page, 'detail');
    for (const section of ['Thông tin chung', 'Trình tự thực hiện', 'Cách thức thực hiện', 'Thành phần, số lượng hồ sơ', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Kết quả thực hiện', 'Căn cứ pháp lý', 'Lịch sử phiên bản']) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    const versions = page.locator('.version-list > li');
    assert.equal(await versions.count(), 2);
    assert.match(await versions.nth(0).innerText(), /Sửa đổi, bổ sung[\s\S]*1145\/QĐ-UBND/);
    assert.match(await versions.nth(1).innerText(), /Công bố mới[\s\S]*2870\/QĐ-UBND/);
    await page.locator('#procedure-time-title').locator('..').getByText('15 ngày làm việc').waitFor();
    await screenshot(page, 'detail-current-1280');
    await versions.nth(1).getByRole('link', { name: 'Xem phiên bản có hiệu lực từ 02/06/2023' }).click();
    await page.waitForURL((url) => url.searchParams.get('at') === '2023-06-02');
    await page.getByText('Đang xem phiên bản có hiệu lực tại ngày 02/06/2023.').waitFor();
    await page.locator('#procedure-time-title').locator('..').getByText('20 ngày làm việc').waitFor();
    await screenshot(page, 'detail-older-1280');

    // 768 px: catalogue and detail stay usable.
    await page.setViewportSize({ width: 768, height: 900 });
    await page.goto(`${server.baseUrl}/procedures/${AMENDED_CODE}`);
    await page.locator('.version-list').waitFor();
    await screenshot(page, 'detail-768');
    await page.goto(`${server.baseUrl}/procedures?status=ABOLISHED`);
    await settled(page);
    await screenshot(page, 'catalogue-768');

    // English once (kept in the browser for an anonymous visitor), then back.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('.language-switch').getByText('EN', { exact: true }).click();
    await expectHeading(page, 'Administrative procedures');
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await rows(page).first().getByText('Abolished').waitFor();
    await screenshot(page, 'catalogue-en-1280');
    await page.locator('.language-switch').getByText('VI', { exact: true }).click();
    await expectHeading(page, 'Thủ tục hành chính');

    // The sign-in link comes back to the catalogue.
    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Tên đăng nhập').fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expectHeading(page, 'Thủ tục hành chính');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/procedures"]').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('status'), 'ABOLISHED');

    assert.deepEqual(problems, []);
    await context.close();
  });

  it('admin: 2025 grid with swapped days, due date, a notice for 2031 entered then reverted', { timeout: 150_000 }, async () => {
    const { context, page, problems } = await signIn(browser, server.baseUrl, 'admin');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).locator('a[href="/admin/calendar"]').click();
    await expectHeading(page, 'Lịch làm việc');
    await expectNoError(page, 'calendar');

    const year = page.getByLabel('Năm', { exact: true });
    await year.fill('2025');
    await page.waitForURL((url) => url.searchParams.get('year') === '2025');
    await page.getByRole('heading', { level: 2, name: 'Lịch năm 2025', exact: true }).waitFor();
    const day = (date: string) => page.locator(`td[data-date="${date}"]`);
    await day('2025-04-26').waitFor();
    assert.equal(await day('2025-04-26').getAttribute('data-status'), 'SWAP_WORKDAY');
    assert.match((await day('2025-04-26').getAttribute('aria-label')) ?? '', /^Thứ Bảy, 26\/04\/2025: Làm bù – /);
    assert.equal(await day('2025-05-02').getAttribute('data-status'), 'SWAP_DAY_OFF');
    assert.match((await day('2025-05-02').getAttribute('aria-label')) ?? '', /^Thứ Sáu, 02\/05\/2025: Nghỉ hoán đổi – /);
    await day('2025-05-02').hover();
    await page.locator('.ant-tooltip').getByText('Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)', { exact: false }).waitFor();
    assert.equal(await page.locator('.source-tag').innerText(), 'Lịch công bố kèm hệ thống');
    await page.locator('.calendar-entries').getByText('Làm bù cho ngày nghỉ hoán đổi 02/05/2025').waitFor();

    // Due date: received on 24/04/2025 + 5 working days (26/04 worked, 30/04–02/05 off) = 05/05/2025.
    await typeDate(page.getByLabel('Ngày tiếp nhận'), '24/04/2025');
    await page.getByLabel('Số ngày làm việc').fill('5');
    await page.getByRole('button', { name: 'Tính hạn' }).click();
    await page.locator('.due-result').getByText('Hạn trả kết quả: 05/05/2025 (Thứ Hai)').waitFor();
    await screenshot(page, 'calendar-2025-1280');

    // 2031 has no official notice: computed by the rule. Enter one with a swapped Saturday.
    await year.fill('2031');
    await page.waitForURL((url) => url.searchParams.get('year') === '2031');
    await page.getByRole('heading', { level: 2, name: 'Lịch năm 2031', exact: true }).waitFor();
    await page.locator('.source-tag', { hasText: 'Tính theo quy định' }).waitFor();
    assert.equal(await day('2031-05-10').getAttribute('data-status'), 'WEEKEND');
    const editor = page.locator('.notice-editor');
    await editor.getByLabel('Số thông báo').fill('TB-E2E/2031');
    await typeDate(editor.getByLabel('Ngày thông báo'), '15/11/2030');
    await editor.getByRole('button', { name: 'Điền sẵn theo quy định' }).click();
    const entryRows = editor.locator('li.entry-row');
    const ruleRows = await entryRows.count();
    assert.ok(ruleRows >= 10, `rule rows: ${ruleRows}`);
    const addRow = async (date: string, kind: string, name: string) => {
      await editor.getByRole('button', { name: 'Thêm dòng' }).click();
      const row = entryRows.last();
      await typeDate(row.getByLabel('Ngày', { exact: true }), date);
      await choose(page, row.getByLabel('Loại ngày', { exact: true }), kind);
      await row.getByLabel('Tên ngày nghỉ', { exact: true }).fill(name);
    };
    // A swapped working day on a weekday is refused before anything is sent.
    await addRow('14/05/2031', 'Làm bù', 'Sai ngày');
    await editor.getByRole('button', { name: 'Lưu thông báo' }).click();
    await editor.getByText('Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.').waitFor();
    await entryRows.last().getByRole('button', { name: `Xóa dòng ${ruleRows + 1}` }).click();
    await addRow('02/05/2031', 'Nghỉ hoán đổi', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/05/2031)');
    await addRow('10/05/2031', 'Làm bù', 'Làm bù cho ngày nghỉ hoán đổi 02/05/2031');
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/admin/calendar/years/2031') && response.request().method() === 'PUT');
    await editor.getByRole('button', { name: 'Lưu thông báo' }).click();
    assert.equal((await saved).status(), 200);
    await page.locator('.source-tag', { hasText: 'Thông báo chính thức đã nhập' }).waitFor();
    await page.locator('.calendar-source').getByText('TB-E2E/2031').waitFor();
    await day('2031-05-10').and(page.locator('[data-status="SWAP_WORKDAY"]')).waitFor();
    assert.equal(await day('2031-05-02').getAttribute('data-status'), 'SWAP_DAY_OFF');
    await screenshot(page, 'calendar-2031-notice-1280');

    // English once on the calendar, then back.
    const savedEn = page.waitForResponse((response) => response.url().endsWith('/api/me/locale'));
    await page.locator('.language-switch').getByText('EN', { exact: true }).click();
    await savedEn;
    await expectHeading(page, 'Working calendar');
    await page.locator('.source-tag', { hasText: 'Official notice entered' }).waitFor();
    assert.match((await day('2031-05-10').getAttribute('aria-label')) ?? '', /^Saturday, 2031-05-10: Swapped working day – /);
    await screenshot(page, 'calendar-2031-en-1280');
    const savedVi = page.waitForResponse((response) => response.url().endsWith('/api/me/locale'));
    await page.locator('.language-switch').getByText('VI', { exact: true }).click();
    await savedVi;
    await expectHeading(page, 'Lịch làm việc');

    // Revert: the year is computed by the rule again.
    await editor.getByRole('button', { name: 'Khôi phục' }).click();
    const reverted = page.waitForResponse((response) => response.url().endsWith('/api/admin/calendar/years/2031') && response.request().method() === 'DELETE');
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Khôi phục' }).click();
    assert.equal((await reverted).status(), 200);
    await page.locator('.source-tag', { hasText: 'Tính theo quy định' }).waitFor();
    await day('2031-05-10').and(page.locator('[data-status="WEEKEND"]')).waitFor();
    assert.equal(await editor.getByRole('button', { name: 'Khôi phục' }).count(), 0);

    await resize(page, 768);
    await year.fill('2025');
    await page.getByRole('heading', { level: 2, name: 'Lịch năm 2025', exact: true }).waitFor();
    await settled(page);
    await screenshot(page, 'calendar-2025-768');

    assert.deepEqual(problems, []);
    await context.close();
  });

  it('motcua: records a decision abolishing a procedure today; the catalogue shows it abolished', { timeout: 150_000 }, async () => {
    const { context, page, problems } = await signIn(browser, server.baseUrl, 'motcua');
    const navigation = page.getByRole('navigation', { name: 'Điều hướng chính' });
    assert.equal(await navigation.locator('a[href="/admin/calendar"]').count(), 0);
    await navigation.locator('a[href="/procedures/decisions"]').click();
    await expectHeading(page, 'Quyết định công bố thủ tục hành chính');
    await expectNoError(page, 'decisions');
    await page.getByRole('cell', { name: '1145/QĐ-UBND' }).waitFor();
    await page.getByRole('button', { name: 'Ghi nhận quyết định công bố' }).click();
    await expectHeading(page, 'Ghi nhận quyết định công bố');

    // An amended procedure is prefilled from its latest version (looked at, then removed).
    await page.getByRole('button', { name: 'Thêm thủ tục' }).click();
    const second = page.locator('.decision-item').nth(1);
    await choose(page, second.getByLabel('Hình thức công bố'), 'Sửa đổi, bổ sung');
    await second.getByLabel('Mã thủ tục').click();
    await page.keyboard.type('ban le ruou');
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="2.000620.H26 – ${ALCOHOL_RETAIL}"]`).click();
    await second.getByText('Đã điền sẵn nội dung phiên bản có hiệu lực từ 02/06/2023').waitFor();
    assert.equal(await second.getByLabel('Tên thủ tục').inputValue(), ALCOHOL_RETAIL);
    await screenshot(page, 'publish-prefilled-1280');
    await resize(page, 768);
    await screenshot(page, 'publish-prefilled-768');
    await resize(page, 1280);
    await second.getByRole('button', { name: 'Bỏ thủ tục 2' }).click();
    assert.equal(await page.locator('.decision-item').count(), 1);

    // Abolish 2.000001.H26 from today; a number already recorded is refused next to the field.
    const today = vietnamToday();
    const first = page.locator('.decision-item').first();
    await page.getByLabel('Số quyết định').fill('2870/QĐ-UBND');
    await choose(page, first.getByLabel('Hình thức công bố'), 'Bãi bỏ');
    await first.getByLabel('Mã thủ tục').click();
    await page.keyboard.type(ABOLISH_CODE);
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title^="${ABOLISH_CODE} – "]`).click();
    await typeDate(first.getByLabel('Ngày có hiệu lực'), viDate(today));
    await typeDate(page.getByLabel('Ngày ký'), viDate(today));
    const refused = page.waitForResponse((response) => response.url().endsWith('/api/admin/procedure-decisions'));
    await page.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    assert.equal((await refused).status(), 400);
    await page.locator('#decision_number_help').getByText('Quyết định số này đã được ghi nhận.').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Số quyết định: Quyết định số này đã được ghi nhận.' }).waitFor();
    await screenshot(page, 'publish-error-1280');

    await page.getByLabel('Số quyết định').fill(DECISION_NUMBER);
    const published = page.waitForResponse((response) => response.url().endsWith('/api/admin/procedure-decisions'));
    await page.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    assert.equal((await published).status(), 201);
    await expectHeading(page, 'Quyết định công bố thủ tục hành chính');
    await page.getByRole('cell', { name: DECISION_NUMBER }).waitFor();
    await screenshot(page, 'decisions-1280');

    // The catalogue (in force today) shows the procedure abolished, and its detail says by which decision.
    await page.goto(`${server.baseUrl}/procedures?q=${ABOLISH_CODE}`);
    await settled(page);
    const row = rows(page).filter({ hasText: ABOLISH_CODE });
    await row.getByText('Đã bãi bỏ').waitFor();
    await row.getByRole('link').click();
    await page.locator('.procedure-abolished').getByText(`Thủ tục đã bị bãi bỏ từ ngày ${viDate(today)} theo Quyết định số ${DECISION_NUMBER}.`).waitFor();
    assert.match(await page.locator('.version-list > li').first().innerText(), new RegExp(`Bãi bỏ[\\s\\S]*${DECISION_NUMBER.replaceAll('/', '\\/')}`));
    await screenshot(page, 'detail-abolished-1280');

    // The only failed request is the refused decision number.
    const refusedOnce = [`http 400: POST ${server.baseUrl}/api/admin/procedure-decisions`, 'console.error: Failed to load resource: the server responded with a status of 400 (Bad Request)'];
    assert.deepEqual([...problems].sort(), refusedOnce.sort());
    await context.close();
  });

  it('motcua: records a decision from a CSV file after fixing the row the check names', { timeout: 150_000 }, async () => {
    const { context, page, problems } = await signIn(browser, server.baseUrl, 'motcua');
    await page.goto(`${server.baseUrl}/procedures/decisions`);
    await expectHeading(page, 'Quyết định công bố thủ tục hành chính');
    await page.getByRole('button', { name: 'Nhập từ tệp CSV/XLSX' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận quyết định công bố từ tệp' });
    await dialog.getByLabel('Số quyết định').fill('77/QĐ-UBND-TEP');
    await typeDate(dialog.getByLabel('Ngày ký'), viDate(vietnamToday()));
    const header = 'Loại thay đổi,Mã thủ tục,Lĩnh vực,Hiệu lực từ,Tên thủ tục,Cơ quan có thẩm quyền,Cơ quan thực hiện,Đối tượng thực hiện,Cách thức thực hiện,Thành phần hồ sơ,Thời hạn giải quyết,Kết quả,Căn cứ pháp lý,Mức độ dịch vụ công';
    const row = (time: string) =>
      `NEW,2.006543.H26,XTTM,${vietnamToday()},Đăng ký hội chợ thương mại trực tuyến (từ tệp),Sở Công Thương Hà Nội,Sở Công Thương Hà Nội,ENTERPRISE,"ONLINE|5 ngày làm việc","Đơn đăng ký|1|0",${time},Văn bản xác nhận,"81/2018/NĐ-CP|Nghị định về xúc tiến thương mại|2018-05-22",FULL`;
    const upload = async (time: string) => {
      await dialog.locator('input[type="file"]').setInputFiles({ name: 'quyet-dinh.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row(time)}\n`) });
      await dialog.getByRole('button', { name: 'Kiểm tra' }).click();
    };
    await upload('năm ngày');
    const error = dialog.locator('.ant-table-row').first();
    await error.getByText('processing_time').waitFor();
    assert.equal((await error.locator('td').first().innerText()).trim(), '2');
    assert.equal(await dialog.getByRole('button', { name: 'Ghi nhận quyết định' }).isDisabled(), true);
    await screenshot(page, 'decision-import-error-1280');
    await upload('5 ngày làm việc');
    await dialog.getByText('Tệp hợp lệ: 1 dòng — công bố mới 1').waitFor();
    await dialog.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    await dialog.getByText('Đã ghi nhận quyết định: 1 thủ tục').waitFor();
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await page.locator('.ant-table-row').filter({ hasText: '77/QĐ-UBND-TEP' }).waitFor();
    const detail = (await (await page.request.get(`${server.baseUrl}/api/procedures/2.006543.H26`)).json()) as { current: { content: { name: string } } };
    assert.equal(detail.current.content.name, 'Đăng ký hội chợ thương mại trực tuyến (từ tệp)');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
