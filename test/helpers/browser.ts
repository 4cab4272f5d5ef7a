import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type BrowserContext, chromium } from 'playwright-core';
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
export async function openBrowser(t: Teardown, options: Parameters<typeof chromium.launchPersistentContext>[1] = {}): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}; run: apt-get install -y chromium (.ci/run does this)`);
  const context = await chromium.launchPersistentContext(scratchDir(t, 'chromium-profile-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
