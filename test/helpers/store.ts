import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { buildStore } from '../../src/seed/build.js';

export const SEED_DIR = resolve(PROJECT_ROOT, 'seed');
export const MIGRATIONS_DIR = resolve(PROJECT_ROOT, 'migrations');

interface Teardown {
  teardown(fn: () => unknown): void;
}

/** A scratch folder removed when the test ends. */
export function scratchDir(t: Teardown, prefix = 'content-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Builds a store from the real seed into a scratch folder owned by this test. */
export function buildScratchStore(t: Teardown): string {
  const storePath = join(scratchDir(t), 'content.db');
  buildStore({ seedDir: SEED_DIR, migrationsDir: MIGRATIONS_DIR, storePath });
  return storePath;
}

/** A writable copy of the real seed, for tests that break it on purpose. */
export function copySeed(t: Teardown): string {
  const dir = join(scratchDir(t, 'seed-copy-'), 'seed');
  cpSync(SEED_DIR, dir, { recursive: true });
  return dir;
}
