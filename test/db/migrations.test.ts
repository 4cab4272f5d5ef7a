import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import t from 'tap';
import { PROJECT_ROOT } from '../../src/config.js';
import { MIGRATIONS_DIR, scratchDir } from '../helpers/store.js';

// drizzle-kit compares src/db/schema.ts with the latest migration snapshot. Run against a copy,
// so a drifted schema shows up as a new migration file here instead of in the repository.
t.test('the committed migrations match the drizzle schema', async (t) => {
  const out = join(scratchDir(t), 'migrations');
  cpSync(MIGRATIONS_DIR, out, { recursive: true });
  const before = readdirSync(out).sort();
  const log = execFileSync(resolve(PROJECT_ROOT, 'node_modules/.bin/drizzle-kit'), ['generate'], {
    cwd: PROJECT_ROOT,
    // drizzle-kit resolves `out` relative to the project (it prefixes ./).
    env: { ...process.env, DRIZZLE_OUT: relative(PROJECT_ROOT, out) },
    encoding: 'utf8',
  });
  t.match(log, /No schema changes/);
  t.same(readdirSync(out).sort(), before, 'no new migration was needed');
});
