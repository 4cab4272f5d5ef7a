import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from './app.js';
import { scratchDir } from './store.js';

export const CHROMIUM = '/usr/bin/chromium';

interface Teardown {
  teardown(fn: () => unknown): void;
}

/**
 * Debian's Chromium in a fresh profile, closed when the test ends. A missing browser fails the
 * test rather than skipping it: CI installs Chromium (see .ci/run), so absence is a broken setup.
 */
export async function openBrowser(
  t: Teardown,
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM}; run: apt-get install -y chromium (.ci/run does this)`);
  const context = await chromium.launchPersistentContext(scratchDir(t, 'chromium-profile-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    ...options,
  });
  t.teardown(() => context.close());
  return context;
}

/** The real app listening on a loopback port, as a browser needs; closed when the test ends. */
export async function serve(t: Teardown, env: Record<string, string> = {}): Promise<string> {
  const app = await build(t, env);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// WCAG 2.1 A and AA, plus axe's best practices, which hold the landmark and heading-order rules.
const RULESETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe in the page and lists its violations. Code for the page is written as a string: the
 * tests are type-checked without the DOM library, which the server code must not see.
 */
export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate<string[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(RULESETS)} } }).then((r) =>
      r.violations.map((v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')'))`,
  );
}
