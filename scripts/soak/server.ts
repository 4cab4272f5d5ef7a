// The process under soak: the compiled server, as `npm start` runs it, on its own freshly built
// store in a temp dir, bound to loopback. It is killed however the soak ends.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { buildStore } from '../../src/seed/build.js';
import { freePort, killAllNow, memoryOf, SERVER_JS, SERVER_NODE_FLAGS, serverEnv, start, stop, waitFor200 } from '../lib/processes.js';

export interface Server {
  pid: number;
  baseUrl: string;
  /** Resident and peak resident memory in MB, from /proc/<pid>/status. */
  memory(): { rssMB: number; peakMB: number };
  /** SIGTERM (graceful close), SIGKILL after `graceMs`; resolves with the exit code or signal. */
  stop(graceMs?: number): Promise<string>;
}

export async function startServer(): Promise<Server> {
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run \`npm run build\` first (npm run soak does).`);
  const dir = mkdtempSync(join(tmpdir(), 'soak-'));
  const storePath = join(dir, 'content.db');
  const { SEED_DIR, MIGRATIONS_DIR } = loadConfig({ STORE_PATH: storePath });
  buildStore({ seedDir: SEED_DIR, migrationsDir: MIGRATIONS_DIR, storePath });

  // Last resort, whatever way this process ends: nothing asynchronous can run in 'exit'.
  const cleanup = () => {
    killAllNow();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanup);

  const port = await freePort();
  const since = performance.now();
  const child = start('server', [...SERVER_NODE_FLAGS, SERVER_JS], serverEnv(storePath, port), port);
  try {
    await waitFor200(child, '/readyz', since, 20_000, 50);
  } catch (error) {
    cleanup();
    throw error;
  }

  return {
    pid: child.pid,
    baseUrl: child.baseUrl,
    memory() {
      const memory = memoryOf(child.pid);
      if (!memory) throw new Error('memory figures need /proc (Linux)');
      return memory;
    },
    async stop(graceMs = 12_000) {
      await stop(child, graceMs);
      cleanup();
      process.removeListener('exit', cleanup);
      return child.process.signalCode ?? `exit ${child.process.exitCode}`;
    },
  };
}
