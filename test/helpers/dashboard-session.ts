import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, prepareDashboardTests } from './dashboard-browser.ts';
import { runCliJson, startServer } from './run-cli.ts';

const TOKEN_VARIABLE = 'TOKENOPS_DASHBOARD_TEST_TOKEN';
export const DASHBOARD_TOKEN = 'dashboard-test-token-0123456789';

/** 21 demo days to 31 March (the runaway loop is on the 25th), small enough to load in seconds. */
export const DEMO_RANGE = 'from=2026-03-11&to=2026-03-31';

export interface DashboardSession {
  url: string;
  browser: Browser;
  page: Page;
  /** The API's answer to `GET /api/v1/PATH`, with the admin token. */
  api: <T>(path: string) => Promise<T>;
  open: (path: string) => Promise<void>;
  text: (testId: string) => Promise<string>;
  /** The trimmed text of every body cell of a table, row by row. */
  tableCells: (testId: string) => Promise<string[][]>;
  close: () => Promise<void>;
}

/**
 * `tokenops start` on the demo workload with an admin token and the given extra config, and a
 * Chromium page on it; `tokenKnown` puts the token in the tab's storage before the first page.
 */
export async function startDashboardSession(options: {
  /** From tempDirectory() in the describe block: one made in a hook is removed with the hook. */
  cwd: string;
  config?: readonly string[];
  tokenKnown: boolean;
  /** Bills to import (`tokenops import FILE --format FORMAT`) before the server starts. */
  bills?: readonly { file: string; format: string }[];
}): Promise<DashboardSession> {
  prepareDashboardTests();
  const { cwd } = options;
  runCliJson(['demo', '--days', '21', '--events-per-day', '3000', '--end', '2026-03-31'], cwd);
  for (const bill of options.bills ?? []) {
    runCliJson(['import', bill.file, '--format', bill.format], cwd);
  }
  writeFileSync(
    join(cwd, 'tokenops.yaml'),
    ['auth:', `  adminTokenEnv: ${TOKEN_VARIABLE}`, ...(options.config ?? []), ''].join('\n'),
  );
  process.env[TOKEN_VARIABLE] = DASHBOARD_TOKEN;
  const server = await startServer([], cwd);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (options.tokenKnown) {
    await context.addInitScript({
      content: `sessionStorage.setItem('tokenops.adminToken', ${JSON.stringify(DASHBOARD_TOKEN)});`,
    });
  }
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return {
    url: server.url,
    browser,
    page,
    api: async <T>(path: string) => {
      const response = await fetch(`${server.url}/api/v1/${path}`, {
        headers: { authorization: `Bearer ${DASHBOARD_TOKEN}` },
      });
      assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
      return (await response.json()) as T;
    },
    open: async (path) => {
      await page.goto(`${server.url}${path}`);
    },
    text: async (testId) => (await page.getByTestId(testId).textContent()) ?? '',
    tableCells: async (testId) => {
      const rows = await page.getByTestId(testId).locator('tbody tr').all();
      return Promise.all(
        rows.map(async (row) =>
          (await row.locator('th, td').allTextContents()).map((cell) => cell.trim()),
        ),
      );
    },
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}
