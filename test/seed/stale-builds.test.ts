import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { buildStore } from '../../src/seed/build.js';
import { MIGRATIONS_DIR, SEED_DIR, scratchDir } from '../helpers/store.js';

t.test("a killed build's temporary store and journal are removed by the next build; a running build's are kept", async (t) => {
  const dir = scratchDir(t);
  const storePath = join(dir, 'content.db');
  // A pid that has certainly exited: a process that ran and was reaped.
  const dead = spawnSync(process.execPath, ['-e', '']).pid;
  // A build that is still running elsewhere (a live process).
  const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  t.teardown(() => alive.kill('SIGKILL'));
  const leftovers = [`content.db.building-${dead}`, `content.db.building-${dead}-journal`];
  const running = [`content.db.building-${alive.pid}`, `content.db.building-${alive.pid}-journal`];
  const unrelated = ['content.db.building-notes.txt', 'other.db.building-1'];
  for (const name of [...leftovers, ...running, ...unrelated]) writeFileSync(join(dir, name), 'partial');

  buildStore({ seedDir: SEED_DIR, migrationsDir: MIGRATIONS_DIR, storePath });
  for (const name of leftovers) t.notOk(existsSync(join(dir, name)), `${name} is removed`);
  for (const name of running) t.ok(existsSync(join(dir, name)), `${name} of a running build is kept`);
  for (const name of unrelated) t.ok(existsSync(join(dir, name)), `${name} is not ours and is kept`);
  t.same(
    readdirSync(dir).filter((n) => n.includes(String(process.pid))),
    [],
    'the build leaves nothing of its own',
  );
});
