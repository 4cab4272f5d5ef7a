import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { buildStore } from '../src/seed/build.js';

/** The OpenAPI document as committed under openapi/: built from the routes on a scratch store. */
export async function generateOpenApi(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  const config = loadConfig({ STORE_PATH: join(dir, 'content.db'), LOG_LEVEL: 'silent' });
  buildStore({ seedDir: config.SEED_DIR, migrationsDir: config.MIGRATIONS_DIR, storePath: config.STORE_PATH });
  const app = await buildApp(config);
  try {
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
