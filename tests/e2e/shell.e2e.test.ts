/**
 * The web shell in a real browser against the real server (demo data): sign-in, vi/en switch,
 * every navigation entry of an administrator and of a leader, access denial, sign-out, and
 * screenshots (test-results/e2e) at 1280 and 768 pixels wide.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_DIR, ensureWebBuilt, launchBrowser, startServer, type TTestServer } from './e2e-helper';
import { expectHeading, expectNoError, openPage, signIn, type TOpenOptions } from './e2e-page';

/** h1 of each page, Vietnamese and English. */
const HEADINGS: Record<string, { vi: string; en: string }> = {
  '/': { vi: 'Tổng quan', en: 'Overview' },
  '/account': { vi: 'Tài khoản của tôi', en: 'My account' },
  '/indicators': { vi: 'Chỉ số kinh tế', en: 'Economic indicators' },
  '/admin/users': { vi: 'Người dùng', en: 'Users' },
  '/admin/audit': { vi: 'Nhật ký hệ thống', en: 'Audit log' },
  '/admin/units': { vi: 'Đơn vị hành chính', en: 'Administrative units' },
  '/admin/outbox': { vi: 'Hộp thư đi', en: 'Mail outbox' },
  '/enterprises': { vi: 'Doanh nghiệp', en: 'Enterprises' },
  '/enterprises/structure': { vi: 'Cơ cấu doanh nghiệp', en: 'Enterprise structure' },
  '/enterprises/proposals': { vi: 'Đề nghị điều chỉnh thông tin doanh nghiệp', en: 'Enterprise change proposals' },
  '/enterprises/import': { vi: 'Nhập dữ liệu doanh nghiệp', en: 'Import enterprises' },
  '/procedures': { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
  '/procedures/decisions': { vi: 'Quyết định công bố thủ tục hành chính', en: 'Procedure publication decisions' },
  '/admin/calendar': { vi: 'Lịch làm việc', en: 'Working calendar' },
  '/reports/review': { vi: 'Duyệt báo cáo thống kê', en: 'Review statistical reports' },
  '/reports/completeness': { vi: 'Tình hình nộp báo cáo', en: 'Report completeness' },
  '/reports/import': { vi: 'Nhập số liệu báo cáo từ tệp CSV', en: 'Import report data from CSV' },
  '/briefing': { vi: 'Báo cáo tình hình kinh tế tháng', en: 'Monthly economic briefing' },
  '/basket': { vi: 'Rổ sản phẩm và quyền số', en: 'Product basket and weights' },
  '/compliance': { vi: 'Rà soát, đánh giá chi phí tuân thủ thủ tục hành chính', en: 'Compliance cost review of administrative procedures' },
  '/service-index': { vi: 'Chỉ số phục vụ giải quyết thủ tục hành chính', en: 'Service index of administrative procedures' },
  '/dossiers': { vi: 'Xử lý hồ sơ một cửa', en: 'One-stop dossiers' },
  '/petitions': { vi: 'Kiến nghị, phản ánh của doanh nghiệp', en: 'Enterprise petitions' },
  '/support/pci': { vi: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', en: 'Provincial Competitiveness Index (PCI)' },
  '/support/conferences': { vi: 'Hội nghị đối thoại doanh nghiệp', en: 'Business dialogue conferences' },
  '/support/agencies': { vi: 'Cơ quan và lĩnh vực kiến nghị', en: 'Agencies and petition categories' },
};
const ADMIN_PATHS = ['/admin/users', '/admin/audit', '/admin/units', '/admin/outbox', '/admin/calendar'];
/** Enterprise registry pages of the Department's staff (reading), and of writers. */
const ENTERPRISE_READ_PATHS = ['/enterprises', '/enterprises/structure', '/enterprises/proposals'];
const ENTERPRISE_WRITE_PATHS = [...ENTERPRISE_READ_PATHS, '/enterprises/import'];
/** Statistical report pages of the Department's staff (reading), and of the statistics managers. */
const REPORT_READ_PATHS = ['/reports/review', '/reports/completeness', '/briefing'];
const REPORT_MANAGE_PATHS = [...REPORT_READ_PATHS, '/reports/import'];
/** Procedures, one-stop dossiers, compliance cost, service index, petitions, PCI and dialogue pages of the Department's staff. */
const SERVICE_PATHS = ['/compliance', '/service-index', '/dossiers', '/petitions', '/support/pci', '/support/conferences', '/support/agencies'];

type TRoleCase = { username: string; roleLabel: string; navigation: string[] };
const ROLE_CASES: TRoleCase[] = [
  { username: 'admin', roleLabel: 'Quản trị hệ thống', navigation: ['/', '/indicators', '/basket', '/account', '/procedures', '/procedures/decisions', ...SERVICE_PATHS, ...ENTERPRISE_WRITE_PATHS, ...REPORT_MANAGE_PATHS, ...ADMIN_PATHS, '/docs'] },
  { username: 'lanhdao', roleLabel: 'Lãnh đạo Sở', navigation: ['/', '/indicators', '/account', '/procedures', ...SERVICE_PATHS, ...ENTERPRISE_READ_PATHS, ...REPORT_READ_PATHS] },
];

/** Browser errors are uncaught exceptions and console errors; failed sign-ins (401) are expected resource errors. */
const PAGE: TOpenOptions = { height: 860, watch: { httpFrom: false, ignoreConsole: /status of 401/ } };

let server: TTestServer;
let browser: Browser;

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });

const clickLanguage = async (page: Page, label: 'VI' | 'EN') => {
  await page.locator('.language-switch').first().getByText(label, { exact: true }).click();
};

describe('web shell (browser, real server)', () => {
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

  it('login page: Vietnamese by default, switches to English and back, explains a wrong password', { timeout: 60_000 }, async () => {
    const { context, page, problems } = await openPage(browser, PAGE);
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL('**/login');
    await expectHeading(page, 'Đăng nhập hệ thống');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.getByLabel('Mật khẩu').waitFor();
    await page.getByText('Sở Công Thương Hà Nội').waitFor();
    await screenshot(page, 'login-vi-1280');

    await clickLanguage(page, 'EN');
    await expectHeading(page, 'Sign in to the system');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByLabel('Username').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'login-en-1280');
    await clickLanguage(page, 'VI');
    await expectHeading(page, 'Đăng nhập hệ thống');

    await page.getByLabel('Tên đăng nhập').fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
    await screenshot(page, 'login-error-vi-1280');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const role of ROLE_CASES) {
    it(`${role.username}: language, every navigation entry, 768 px layout, sign-out`, { timeout: 180_000 }, async () => {
      const { context, page, problems } = await signIn(browser, server.baseUrl, role.username, PAGE);
      assert.equal((await page.locator('.app-header .header-role').innerText()).trim(), role.roleLabel);
      await expectNoError(page, `${role.username} home`);

      // Language: vi → en (saved for the user) → vi.
      const savedEn = page.waitForResponse((response) => response.url().endsWith('/api/me/locale') && response.request().method() === 'PUT');
      await clickLanguage(page, 'EN');
      assert.equal((await savedEn).status(), 204);
      await expectHeading(page, 'Overview');
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      const session = (await (await page.request.get(`${server.baseUrl}/api/auth/session`)).json()) as { user: { locale: string } };
      assert.equal(session.user.locale, 'en');
      await screenshot(page, `${role.username}-home-en-1280`);
      const savedVi = page.waitForResponse((response) => response.url().endsWith('/api/me/locale') && response.request().method() === 'PUT');
      await clickLanguage(page, 'VI');
      assert.equal((await savedVi).status(), 204);
      await expectHeading(page, 'Tổng quan');
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();

      // Navigation entries: exactly the expected ones, each page renders its heading without error.
      const navigation = page.getByRole('navigation', { name: 'Điều hướng chính' });
      const hrefs = await navigation.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      assert.deepEqual([...hrefs].sort(), [...role.navigation].sort(), `${role.username} navigation`);
      for (const href of role.navigation) {
        if (href === '/docs') {
          const docs = navigation.locator('a[href="/docs"]');
          assert.equal(await docs.getAttribute('target'), '_blank');
          assert.equal((await page.request.get(`${server.baseUrl}/docs`)).status(), 200);
          continue;
        }
        await navigation.locator(`a[href="${href}"]`).click();
        await page.waitForURL((url) => url.pathname === href);
        await expectHeading(page, HEADINGS[href].vi);
        await expectNoError(page, `${role.username} ${href}`);
        await screenshot(page, `${role.username}${href === '/' ? '-home' : href.replaceAll('/', '-')}-1280`);
      }
      if (role.navigation.includes('/admin/units')) {
        await navigation.locator('a[href="/admin/units"]').click();
        for (const tab of ['Lịch sử sáp nhập', 'Nhập từ tệp CSV']) {
          await page.getByRole('tab', { name: tab }).click();
          await expectNoError(page, `${role.username} units tab ${tab}`);
        }
      }

      // No admin entry for non-administrators, and the admin pages refuse them.
      if (!role.navigation.includes('/admin/users')) {
        assert.equal(await page.locator('a[href^="/admin"]').count(), 0);
        await page.goto(`${server.baseUrl}/admin/users`);
        await expectHeading(page, 'Không có quyền truy cập');
        await screenshot(page, `${role.username}-admin-denied-1280`);
      }

      // 768 px: the side navigation collapses to icons and stays usable.
      await page.setViewportSize({ width: 768, height: 900 });
      await page.goto(`${server.baseUrl}/`);
      await expectHeading(page, 'Tổng quan');
      await page.locator('.ant-layout-sider-collapsed').waitFor();
      await navigation.locator('a[href="/account"]').click();
      await expectHeading(page, HEADINGS['/account'].vi);
      await screenshot(page, `${role.username}-account-768`);
      await page.goto(`${server.baseUrl}/`);
      await expectHeading(page, 'Tổng quan');
      await screenshot(page, `${role.username}-home-768`);

      // Sign out.
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await expectHeading(page, 'Đăng nhập hệ thống');
      const after = (await (await page.request.get(`${server.baseUrl}/api/auth/session`)).json()) as { user: unknown };
      assert.equal(after.user, null);
      await page.goto(`${server.baseUrl}/account`);
      await page.waitForURL('**/login');

      assert.deepEqual(problems, [], `${role.username}: browser errors`);
      await context.close();
    });
  }
});
