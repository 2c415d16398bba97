import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

/**
 * Debian's Chromium, installed when missing (CI runs as root on a fresh machine; playwright's
 * own browser download cannot reach its host from here), and the dashboard built if stale.
 */
export function prepareDashboardTests(): void {
  if (!existsSync(CHROMIUM)) {
    try {
      // Test files run in parallel and each may get here: flock lets one install while the
      // others wait and then find it there; the dpkg lock timeout waits out any other apt-get.
      const install = `test -x ${CHROMIUM} || (apt-get update -qq -o DPkg::Lock::Timeout=600 && apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium)`;
      execSync(`flock /tmp/tokenops-apt.lock sh -c '${install}'`, {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch (error) {
      throw new Error(
        `the browser tests need ${CHROMIUM}: run apt-get install -y chromium as root`,
        { cause: error },
      );
    }
  }
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-web-built.js'), '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
