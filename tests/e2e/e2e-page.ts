/**
 * Page helpers shared by the browser tests: the h1 heading, waiting for data to load, checking that
 * no error is shown, collecting browser errors, opening a fresh page and signing in with a demo
 * account. One version of each, the most tolerant of the copies the test files used to carry
 * (longest timeouts, the union of the error selectors), so no test asserts less than before.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './e2e-helper';

/** Timeouts in milliseconds, generous: the test machine is often busy (other suites, a web build). */
const TIMEOUT_MS = { heading: 40_000, settled: 60_000, loginPage: 60_000, loginForm: 30_000 } as const;
/** How many times the login page is loaded before signing in gives up. */
const LOGIN_PAGE_ATTEMPTS = 3;

/** Still loading: a spinning spinner or an active skeleton. */
const LOADING_SELECTOR = '.ant-spin-spinning, .ant-skeleton-active';
/** An error shown on the page: an error alert, an error result, access denied, not found. */
const ERROR_SELECTOR = '.ant-alert-error, .ant-result-error, .ant-result-403, .ant-result-404';

/** The page's h1. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Waits until the h1 contains `text`, then checks that it is exactly `text`. */
export const expectHeading = async (page: Page, text: string): Promise<void> => {
  await heading(page).filter({ hasText: text }).waitFor({ timeout: TIMEOUT_MS.heading });
  assert.equal((await heading(page).innerText()).trim(), text);
};

/** Waits until no spinner or skeleton is left (data loaded). */
export const settled = async (page: Page): Promise<void> => {
  await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, LOADING_SELECTOR, { timeout: TIMEOUT_MS.settled });
};

/** Waits until the data is loaded, then checks that no error (alert, error result, 403, 404) is shown; `where` names the step. */
export const expectNoError = async (page: Page, where: string): Promise<void> => {
  await settled(page);
  const errors = await page.locator(ERROR_SELECTOR).allInnerTexts();
  assert.deepEqual(errors, [], `${where}: an error is shown`);
};

export type TWatchOptions = {
  /** Record HTTP answers with at least this status; false: none (default 400). */
  httpFrom?: number | false;
  /** Record console errors (default true). */
  consoleErrors?: boolean;
  /** Console errors matching this are expected (e.g. the resource error of a refused request). */
  ignoreConsole?: RegExp;
};

/**
 * Collects what went wrong in the page while a test runs: uncaught exceptions always, HTTP answers
 * from `httpFrom` on and console errors unless the options leave them out. The test asserts at its
 * end that the returned list is empty (or holds exactly the expected refusals).
 */
export const watchErrors = (page: Page, options: TWatchOptions = {}): string[] => {
  const { httpFrom = 400, consoleErrors = true, ignoreConsole } = options;
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  if (httpFrom !== false) {
    page.on('response', (response) => {
      if (response.status() >= httpFrom) problems.push(`http ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
  }
  if (consoleErrors) {
    page.on('console', (message) => {
      if (message.type() === 'error' && !ignoreConsole?.test(message.text())) problems.push(`console.error: ${message.text()}`);
    });
  }
  return problems;
};

export type TOpenOptions = {
  /** Viewport width (default 1280). */
  width?: number;
  /** Viewport height (default 900). */
  height?: number;
  /** Accept downloads (default true, as Playwright's own default). */
  acceptDownloads?: boolean;
  /** What `problems` collects (see watchErrors). */
  watch?: TWatchOptions;
};

export type TOpenedPage = { context: BrowserContext; page: Page; problems: string[] };

/** A page of a fresh browser context, its errors collected in `problems`; close `context` at the end. */
export const openPage = async (browser: Browser, options: TOpenOptions = {}): Promise<TOpenedPage> => {
  const { width = 1280, height = 900, acceptDownloads = true, watch } = options;
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads });
  const page = await context.newPage();
  return { context, page, problems: watchErrors(page, watch) };
};

/**
 * Signs `username` in (demo password) on an existing page and waits for the overview ("Tổng quan").
 * The login page is loaded up to three times: the first page of a fresh server can be slow on a busy
 * machine, and other work may rebuild web/dist while a test runs.
 */
export const signInOn = async (page: Page, baseUrl: string, username: string): Promise<void> => {
  for (let attempt = 1; ; attempt += 1) {
    await page.goto(`${baseUrl}/login`, { timeout: TIMEOUT_MS.loginPage });
    try {
      await page.getByLabel('Tên đăng nhập').waitFor({ timeout: TIMEOUT_MS.loginForm });
      break;
    } catch (error) {
      if (attempt === LOGIN_PAGE_ATTEMPTS) throw error;
    }
  }
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expectHeading(page, 'Tổng quan');
};

/** A signed-in page (Vietnamese) of a fresh browser context (see openPage and signInOn). */
export const signIn = async (browser: Browser, baseUrl: string, username: string, options: TOpenOptions = {}): Promise<TOpenedPage> => {
  const opened = await openPage(browser, options);
  await signInOn(opened.page, baseUrl, username);
  return opened;
};
