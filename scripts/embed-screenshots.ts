// Regenerates the README's screenshots of an embed and of the builder (docs/*.png) in Chromium.
// Usage: npx tsx scripts/embed-screenshots.ts   (needs /usr/bin/chromium)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { buildStore } from '../src/seed/build.js';

const dir = mkdtempSync(join(tmpdir(), 'screenshots-'));
const config = loadConfig({ STORE_PATH: join(dir, 'content.db'), LOG_LEVEL: 'silent' });
buildStore({ seedDir: config.SEED_DIR, migrationsDir: config.MIGRATIONS_DIR, storePath: config.STORE_PATH });
const app = await buildApp(config);
await app.listen({ port: 0, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

try {
  const shots: [file: string, path: string, width: number, height: number][] = [
    ['docs/embed-topic.png', '/embed/topics/emotional-withdrawal?sections=strategies,therapies', 600, 820],
    ['docs/embed-builder.png', '/embed', 1200, 900],
  ];
  for (const [file, path, width, height] of shots) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(origin + path);
    await page.waitForTimeout(500); // the builder's preview and code settle
    const target = resolve(PROJECT_ROOT, file);
    await page.screenshot({ path: target });
    console.log(`wrote ${file} (${Math.round(statSync(target).size / 1024)} KB)`);
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
