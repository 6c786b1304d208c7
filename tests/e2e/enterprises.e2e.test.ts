/**
 * The enterprise registry in a real browser against the real server (demo data): search without
 * diacritics, filters kept in the URL, profile with yearly figures and SME class, structure with
 * charts and downloads, CSV import (dry run with errors, then a clean import), the change proposal
 * of an enterprise user accepted by an officer, the area officer's scope, English, and screenshots
 * (test-results/e2e) at 1280 and 768 pixels wide.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_DIR, ensureWebBuilt, launchBrowser, startServer, type TTestServer } from './e2e-helper';
import { expectHeading, expectNoError, settled, signIn, type TOpenOptions } from './e2e-page';

let server: TTestServer;
let browser: Browser;

const OWN_ENTERPRISE = 'Công ty TNHH Cơ khí Đông Anh';
const NEW_WEBSITE = 'https://cokhidonganh.vn';

/** Browser errors are uncaught exceptions and console errors. */
const PAGE: TOpenOptions = { watch: { httpFrom: false } };

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS_DIR, `enterprises-${name}.png`), fullPage: true });

const clickLanguage = async (page: Page, label: 'VI' | 'EN') => {
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/me/locale') && response.request().method() === 'PUT');
  await page.locator('.language-switch').first().getByText(label, { exact: true }).click();
  assert.equal((await saved).status(), 204);
};

/** Waits for the answer of GET /api/enterprises (the list) whose query satisfies `check`. */
const listAnswer = (page: Page, check: (query: URLSearchParams) => boolean) =>
  page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/enterprises' && check(url.searchParams);
  });

/** Picks an option of an Ant Design Select reached through its label. */
const choose = async (page: Page, label: string, option: string) => {
  await page.locator('.enterprise-filters').getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
};

const navigation = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });
const tableRows = (page: Page, scope = page.locator('main')) => scope.locator('.ant-table-tbody tr.ant-table-row');

/** The texts of one column (0-based) of the data rows of the first table of the page. */
const columnTexts = (page: Page, index: number) =>
  tableRows(page).evaluateAll((rows, column) => rows.map((row) => (row.children[column] as HTMLElement | undefined)?.innerText ?? ''), index);

describe('enterprise registry (browser, real server)', () => {
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

  it('officer: search without diacritics, filters in the URL survive a reload, profile with figures and class', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await signIn(browser, server.baseUrl, 'canbo.cn', PAGE);
    await navigation(page).locator('a[href="/enterprises"]').click();
    await expectHeading(page, 'Doanh nghiệp');
    await expectNoError(page, 'list');
    assert.match(await page.locator('.list-total').innerText(), /^Tìm thấy [\d.]+ doanh nghiệp$/);
    await screenshot(page, 'list-1280');

    // A typo: approximate results, said so, with the corrected words offered.
    const search = page.getByLabel('Tìm doanh nghiệp');
    await search.fill('xi mnag');
    const approximate = listAnswer(page, (query) => query.get('q') === 'xi mnag');
    await search.press('Enter');
    await approximate;
    await settled(page);
    const notice = page.locator('.fuzzy-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Không có doanh nghiệp nào khớp chính xác với “xi mnag”/);
    for (const name of await tableRows(page).locator('.enterprise-name-link').allInnerTexts()) assert.match(name, /xi măng/i);
    await screenshot(page, 'list-fuzzy-1280');

    // Words without diacritics find the Vietnamese names.
    await search.fill('xi mang');
    const searched = listAnswer(page, (query) => query.get('q') === 'xi mang');
    await search.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'xi mang');
    await searched;
    await settled(page);
    const names = await tableRows(page).locator('.enterprise-name-link').allInnerTexts();
    assert.ok(names.length > 0, 'no result for "xi mang"');
    for (const name of names) assert.match(name, /xi măng/i);

    // Filters go into the URL and survive a reload.
    await choose(page, 'Trạng thái', 'Đang hoạt động');
    await page.waitForURL((url) => url.searchParams.get('status') === 'ACTIVE');
    const narrowed = listAnswer(page, (query) => query.get('sizeClass') === 'SMALL' && query.get('status') === 'ACTIVE' && query.get('q') === 'xi mang');
    await choose(page, 'Quy mô (DNNVV)', 'Nhỏ');
    await page.waitForURL((url) => url.searchParams.get('sizeClass') === 'SMALL' && url.searchParams.get('q') === 'xi mang');
    await narrowed;
    await settled(page);
    const filtered = await tableRows(page).count();
    assert.ok(filtered > 0, 'no small, active cement enterprise');
    const csvHref = await page.getByRole('link', { name: 'Xuất CSV' }).getAttribute('href');
    assert.ok(csvHref?.includes('sizeClass=SMALL') && csvHref.includes('status=ACTIVE') && csvHref.includes('format=csv'), `export link: ${csvHref}`);
    const csv = await page.request.get(`${server.baseUrl}${csvHref}`);
    assert.equal(csv.status(), 200);
    assert.match(await csv.text(), /Xi măng/);

    await page.reload();
    await expectHeading(page, 'Doanh nghiệp');
    await settled(page);
    assert.equal(await page.getByLabel('Tìm doanh nghiệp').inputValue(), 'xi mang');
    assert.match(await page.locator('.enterprise-filters .ant-form-item').filter({ hasText: 'Quy mô (DNNVV)' }).innerText(), /Nhỏ/);
    assert.match(await page.locator('.enterprise-filters .ant-form-item').filter({ hasText: 'Trạng thái' }).innerText(), /Đang hoạt động/);
    assert.equal(await tableRows(page).count(), filtered);
    for (const size of await columnTexts(page, 4)) assert.match(size, /^Nhỏ/);
    for (const status of await columnTexts(page, 6)) assert.equal(status.trim(), 'Đang hoạt động');
    await screenshot(page, 'list-filtered-1280');

    // The profile: details, yearly figures with the SME class and its reason.
    const first = tableRows(page).first().locator('.enterprise-name-link');
    const name = (await first.innerText()).trim();
    await first.click();
    await expectHeading(page, name);
    await expectNoError(page, 'profile');
    const figures = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'Số liệu theo năm và phân loại DNNVV' }) });
    const figureRows = tableRows(page, figures);
    assert.ok((await figureRows.count()) > 0, 'no yearly figures');
    const firstFigures = await figureRows.first().innerText();
    assert.match(firstFigures, /Nhỏ/);
    assert.match(firstFigures, /ND80\/2021/);
    assert.match(await figures.locator('.figures-reason').first().innerText(), /Doanh nghiệp nhỏ \(lĩnh vực .+\): lao động BHXH bình quân không quá 100 người/);
    await page.getByRole('heading', { name: 'Lịch sử thay đổi' }).waitFor();

    // A writer records a year of figures and sees the class returned.
    await page.getByRole('button', { name: 'Cập nhật số liệu năm' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cập nhật số liệu năm' });
    await dialog.getByLabel('Năm').fill('2022');
    await dialog.getByLabel('Lao động BHXH bình quân').fill('250');
    await dialog.getByLabel('Tổng doanh thu (đồng)').fill('250.000.000.000');
    await dialog.getByLabel('Tổng nguồn vốn (đồng)').fill('150000000000');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const result = page.locator('.figures-result');
    await result.waitFor();
    assert.match(await result.innerText(), /Kết quả phân loại năm 2022: Không phải DNNVV/);
    assert.match(await result.innerText(), /vượt 200 người/);
    await page.getByRole('cell', { name: '2022', exact: true }).waitFor();
    await page.locator('.ant-card').filter({ hasText: 'Lịch sử thay đổi' }).getByText('Cập nhật số liệu năm').first().waitFor();
    await screenshot(page, 'profile-1280');

    // 768 px: the filters and the table stay usable.
    await page.setViewportSize({ width: 768, height: 900 });
    const back = listAnswer(page, (query) => query.get('sizeClass') === 'SMALL');
    await page.goBack();
    await expectHeading(page, 'Doanh nghiệp');
    await back;
    await settled(page);
    await page.waitForTimeout(400); // the table's loading fade
    await screenshot(page, 'list-filtered-768');
    await page.goForward();
    await expectHeading(page, name);
    await settled(page);
    await screenshot(page, 'profile-768');

    assert.deepEqual(problems, [], 'browser errors');
    await context.close();
  });

  it('officer: structure with the SME share, charts and downloads; English on one click', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await signIn(browser, server.baseUrl, 'canbo.cn', PAGE);
    await navigation(page).locator('a[href="/enterprises/structure"]').click();
    await expectHeading(page, 'Cơ cấu doanh nghiệp');
    await expectNoError(page, 'structure');
    const share = await page.locator('.kpi-sme .ant-statistic-content').innerText();
    assert.match(share.replace(/\s+/g, ' '), /^\d{1,3},\d% là DNNVV$/);
    await page.waitForFunction(() => document.querySelectorAll('.echart canvas').length >= 4);
    assert.ok((await page.locator('.echart canvas').count()) >= 4);

    const sizeCard = page.locator('.structure-card').filter({ has: page.getByRole('heading', { name: 'Theo quy mô' }) });
    const [xlsx] = await Promise.all([page.waitForEvent('download'), sizeCard.getByRole('button', { name: 'Tải bảng (Excel)' }).click()]);
    assert.match(xlsx.suggestedFilename(), /^co-cau-doanh-nghiep-theo-quy-mo\.xlsx$/);
    const xlsxPath = await xlsx.path();
    assert.equal(fs.readFileSync(xlsxPath).subarray(0, 2).toString(), 'PK');
    const [png] = await Promise.all([page.waitForEvent('download'), sizeCard.getByRole('button', { name: 'Tải biểu đồ (PNG)' }).click()]);
    assert.match(png.suggestedFilename(), /\.png$/);
    assert.deepEqual([...fs.readFileSync(await png.path()).subarray(1, 4)], [...Buffer.from('PNG')]);

    // The same filters as the list, from the URL.
    const fdi = page.waitForResponse((response) => response.url().includes('/api/enterprises/structure?ownership=FDI'));
    await choose(page, 'Khu vực sở hữu', 'Có vốn đầu tư nước ngoài');
    await page.waitForURL((url) => url.searchParams.get('ownership') === 'FDI');
    await fdi;
    await settled(page);
    const ownership = page.locator('.structure-card').filter({ has: page.getByRole('heading', { name: 'Theo khu vực sở hữu' }) });
    assert.equal(await tableRows(page, ownership).count(), 1);
    await screenshot(page, 'structure-1280');

    await clickLanguage(page, 'EN');
    await expectHeading(page, 'Enterprise structure');
    await page.getByRole('heading', { name: 'By size', exact: true }).waitFor();
    assert.match((await page.locator('.kpi-sme .ant-statistic-content').innerText()).replace(/\s+/g, ' '), /^\d{1,3}\.\d% are SMEs$/);
    await screenshot(page, 'structure-en-1280');
    await clickLanguage(page, 'VI');
    await expectHeading(page, 'Cơ cấu doanh nghiệp');

    await page.setViewportSize({ width: 768, height: 900 });
    await settled(page);
    await page.waitForTimeout(300);
    await screenshot(page, 'structure-768');
    assert.deepEqual(problems, [], 'browser errors');
    await context.close();
  });

  it('officer: import shows the row and column of an error in a dry run, then imports a clean file', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await signIn(browser, server.baseUrl, 'canbo.cn', PAGE);
    await navigation(page).locator('a[href="/enterprises/import"]').click();
    await expectHeading(page, 'Nhập dữ liệu doanh nghiệp');
    await expectNoError(page, 'import');
    const template = await page.getByRole('link', { name: 'Tải tệp mẫu (tiếng Việt)' }).getAttribute('href');
    assert.equal((await page.request.get(`${server.baseUrl}${template}`)).status(), 200);

    const header = 'Mã số thuế,Tên doanh nghiệp,Loại hình doanh nghiệp,Khu vực sở hữu,Ngành kinh doanh chính (VSIC),Mã quận/huyện cũ,Năm số liệu,Lao động đóng BHXH bình quân,Tổng doanh thu (đồng),Tổng nguồn vốn (đồng)';
    const good1 = '0109990001,Công ty TNHH Thử nghiệm Nhập Một,TNHH_1TV,NON_STATE,2592,017,2024,12,5000000000,2000000000';
    const good2 = '0109990002,Công ty Cổ phần Thử nghiệm Nhập Hai,CO_PHAN,NON_STATE,4719,017,2024,4,900000000,500000000';
    const bad = '12345,Công ty TNHH Sai Mã Số Thuế,TNHH_1TV,NON_STATE,2592,017,,,,';
    const fileInput = page.locator('input[type="file"]');
    const dryRun = page.getByRole('button', { name: 'Kiểm tra (chạy thử)' });
    const commit = page.getByRole('button', { name: 'Nhập dữ liệu' });

    await fileInput.setInputFiles({ name: 'co-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good1}\n${bad}\n`) });
    const streamed = page.waitForResponse((response) => response.url().includes('/api/enterprises/import?') && response.request().method() === 'POST');
    await dryRun.click();
    const answer = await streamed;
    assert.match(answer.url(), /dryRun=true/);
    assert.match(answer.url(), /stream=true/);
    assert.match(answer.headers()['content-type'] ?? '', /ndjson/);
    const errors = page.locator('.import-errors');
    await errors.waitFor();
    const errorRow = tableRows(page, errors).first();
    const cells = await errorRow.locator('td').allInnerTexts();
    assert.equal(cells[0].trim(), '3');
    assert.match(cells[1], /Mã số thuế/);
    assert.match(cells[1], /tax_code/);
    assert.match(cells[2], /12345/);
    await page.getByRole('alert').filter({ hasText: 'Tệp có 1 lỗi' }).waitFor();
    assert.equal(await commit.isDisabled(), true);
    await screenshot(page, 'import-errors-1280');

    await fileInput.setInputFiles({ name: 'hop-le.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good1}\n${good2}\n`) });
    assert.equal(await commit.isDisabled(), true);
    await dryRun.click();
    await page.getByText('Tệp hợp lệ. Nhấn “Nhập dữ liệu” để ghi vào hệ thống.').waitFor();
    const statistic = (title: string) => page.locator('.import-result .ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content');
    assert.equal((await statistic('Thêm mới').innerText()).trim(), '2');
    await commit.click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Có' }).click();
    await page.getByText('Đã nhập dữ liệu: 2 doanh nghiệp mới, 0 doanh nghiệp được cập nhật.').waitFor();
    assert.equal(await commit.isDisabled(), true);
    const history = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'Lịch sử nhập dữ liệu' }) });
    await tableRows(page, history).filter({ hasText: 'hop-le.csv' }).filter({ hasText: 'Đã nhập' }).first().waitFor();
    const original = await history.getByRole('link', { name: 'Tải tệp gốc hop-le.csv' }).first().getAttribute('href');
    assert.match(await (await page.request.get(`${server.baseUrl}${original}`)).text(), /0109990002/);
    await screenshot(page, 'import-done-1280');

    // The imported enterprise is found by its tax code prefix.
    await page.goto(`${server.baseUrl}/enterprises?q=010999000`);
    await settled(page);
    assert.deepEqual((await tableRows(page).locator('.enterprise-name-link').allInnerTexts()).sort(), ['Công ty Cổ phần Thử nghiệm Nhập Hai', 'Công ty TNHH Thử nghiệm Nhập Một']);

    await page.setViewportSize({ width: 768, height: 900 });
    await page.goto(`${server.baseUrl}/enterprises/import`);
    await expectHeading(page, 'Nhập dữ liệu doanh nghiệp');
    await settled(page);
    await screenshot(page, 'import-768');
    assert.deepEqual(problems, [], 'browser errors');
    await context.close();
  });

  it('enterprise user proposes changes from "Doanh nghiệp của tôi"; the officer accepts one and rejects one', { timeout: 150_000 }, async () => {
    const enterprise = await signIn(browser, server.baseUrl, 'doanhnghiep', PAGE);
    const own = enterprise.page;
    const hrefs = await navigation(own).getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    // Their own enterprise, and none of the Department's registry pages.
    assert.ok(hrefs.includes('/my-enterprise'), `enterprise navigation: ${hrefs.join(', ')}`);
    assert.deepEqual(hrefs.filter((href) => href.startsWith('/enterprises') || href.startsWith('/admin')), []);
    await navigation(own).getByRole('link', { name: 'Doanh nghiệp của tôi' }).click();
    await expectHeading(own, OWN_ENTERPRISE);
    await expectNoError(own, 'my enterprise');
    assert.equal(await own.getByRole('heading', { name: 'Lịch sử thay đổi' }).count(), 0);
    assert.equal(await own.getByRole('button', { name: 'Sửa thông tin' }).count(), 0);

    const propose = async (field: string, value: string, note: string) => {
      await own.getByRole('button', { name: 'Đề nghị điều chỉnh thông tin' }).click();
      const dialog = own.getByRole('dialog', { name: 'Đề nghị điều chỉnh thông tin' });
      await dialog.getByLabel(field, { exact: true }).fill(value);
      await dialog.getByLabel('Ghi chú gửi Sở').fill(note);
      await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
      await own.getByText('Đã gửi đề nghị điều chỉnh. Sở Công Thương sẽ xem xét và phản hồi.').last().waitFor();
      await dialog.waitFor({ state: 'hidden' });
    };
    await propose('Website', NEW_WEBSITE, 'Doanh nghiệp có website mới.');
    await propose('Tên viết tắt', 'CK Đông Anh', 'Đổi tên viết tắt.');
    const ownProposals = own.locator('.ant-card').filter({ has: own.getByRole('heading', { name: 'Đề nghị của doanh nghiệp' }) });
    await tableRows(own, ownProposals).nth(1).waitFor();
    assert.equal(await tableRows(own, ownProposals).filter({ hasText: 'Chờ xử lý' }).count(), 2);
    await screenshot(own, 'my-enterprise-1280');

    // English on one click: the section headings are translated.
    await clickLanguage(own, 'EN');
    await own.getByRole('heading', { name: 'Yearly figures and SME class' }).waitFor();
    await own.getByRole('button', { name: 'Propose a change' }).waitFor();
    await screenshot(own, 'my-enterprise-en-1280');
    await clickLanguage(own, 'VI');
    await own.getByRole('heading', { name: 'Số liệu theo năm và phân loại DNNVV' }).waitFor();

    // The officer decides.
    const officer = await signIn(browser, server.baseUrl, 'canbo.cn', PAGE);
    const page = officer.page;
    await navigation(page).locator('a[href="/enterprises/proposals"]').click();
    await expectHeading(page, 'Đề nghị điều chỉnh thông tin doanh nghiệp');
    await expectNoError(page, 'proposals');
    const websiteRow = tableRows(page).filter({ hasText: NEW_WEBSITE });
    await websiteRow.waitFor();
    assert.match(await websiteRow.innerText(), new RegExp(OWN_ENTERPRISE));
    await screenshot(page, 'proposals-1280');
    await websiteRow.getByRole('button', { name: 'Chấp nhận' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Có' }).click();
    await page.getByText('Đã chấp nhận đề nghị; hồ sơ doanh nghiệp đã được cập nhật.').waitFor();
    await websiteRow.waitFor({ state: 'detached' });

    const shortNameRow = tableRows(page).filter({ hasText: 'CK Đông Anh' });
    await shortNameRow.getByRole('button', { name: 'Từ chối' }).click();
    const reject = page.getByRole('dialog', { name: `Từ chối đề nghị của ${OWN_ENTERPRISE}` });
    await reject.getByRole('button', { name: 'Từ chối' }).click();
    await reject.getByText('Vui lòng nhập lý do từ chối.').waitFor();
    await reject.getByLabel('Lý do từ chối').fill('Tên viết tắt trùng với doanh nghiệp khác.');
    await reject.getByRole('button', { name: 'Từ chối' }).click();
    await page.getByText('Đã từ chối đề nghị.').waitFor();
    await shortNameRow.waitFor({ state: 'detached' });

    // The accepted change is on the profile and in its history.
    await page.goto(`${server.baseUrl}/enterprises/1`);
    await expectHeading(page, OWN_ENTERPRISE);
    await settled(page);
    await page.locator('.ant-descriptions-bordered').first().getByRole('link', { name: NEW_WEBSITE }).waitFor();
    assert.doesNotMatch(await page.locator('.ant-descriptions-bordered').first().innerText(), /CK Đông Anh/);
    const historyCard = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'Lịch sử thay đổi' }) });
    const accepted = tableRows(page, historyCard).filter({ hasText: 'Sửa thông tin' }).first();
    assert.match(await accepted.innerText(), new RegExp(`Website:\\s*${NEW_WEBSITE.replaceAll('/', '\\/')}`));
    await screenshot(page, 'profile-after-proposal-1280');

    // The enterprise sees both decisions.
    await own.reload();
    await expectHeading(own, OWN_ENTERPRISE);
    await settled(own);
    assert.equal(await tableRows(own, ownProposals).filter({ hasText: 'Đã chấp nhận' }).count(), 1);
    assert.match(await tableRows(own, ownProposals).filter({ hasText: 'Đã từ chối' }).innerText(), /Lý do từ chối: Tên viết tắt trùng với doanh nghiệp khác\./);
    await own.setViewportSize({ width: 768, height: 900 });
    await settled(own);
    await screenshot(own, 'my-enterprise-768');

    assert.deepEqual(enterprise.problems, [], 'enterprise user: browser errors');
    assert.deepEqual(officer.problems, [], 'officer: browser errors');
    await enterprise.context.close();
    await officer.context.close();
  });

  it('leader reads without write controls; area officer sees only former district 017', { timeout: 90_000 }, async () => {
    const leader = await signIn(browser, server.baseUrl, 'lanhdao', PAGE);
    await navigation(leader.page).locator('a[href="/enterprises"]').click();
    await expectHeading(leader.page, 'Doanh nghiệp');
    await expectNoError(leader.page, 'leader list');
    assert.equal(await leader.page.getByRole('button', { name: 'Thêm doanh nghiệp' }).count(), 0);
    assert.equal(await navigation(leader.page).locator('a[href="/enterprises/import"]').count(), 0);
    await leader.page.goto(`${server.baseUrl}/enterprises/1`);
    await expectHeading(leader.page, OWN_ENTERPRISE);
    await settled(leader.page);
    assert.equal(await leader.page.getByRole('button', { name: 'Cập nhật số liệu năm' }).count(), 0);
    assert.equal(await leader.page.getByRole('button', { name: 'Sửa thông tin' }).count(), 0);
    const elsewhere = (await (await leader.page.request.get(`${server.baseUrl}/api/enterprises?formerDistrict=001&pageSize=1`)).json()) as { items: { id: number }[] };
    const outsideId = elsewhere.items[0].id;
    assert.deepEqual(leader.problems, []);
    await leader.context.close();

    const area = await signIn(browser, server.baseUrl, 'canbo.khuvuc', PAGE);
    const page = area.page;
    await navigation(page).locator('a[href="/enterprises"]').click();
    await expectHeading(page, 'Doanh nghiệp');
    await expectNoError(page, 'area officer list');
    const areas = await columnTexts(page, 5);
    assert.ok(areas.length > 0, 'the area officer sees no enterprise');
    for (const text of areas) assert.match(text, /Huyện Đông Anh/);
    await page.goto(`${server.baseUrl}/enterprises/${outsideId}`);
    await expectHeading(page, 'Không có quyền truy cập');
    await page.getByText('Bạn không có quyền xem doanh nghiệp này.').waitFor();
    await screenshot(page, 'area-denied-1280');
    assert.deepEqual(area.problems.filter((problem) => !problem.includes('status of 403')), []);
    await area.context.close();
  });
});
