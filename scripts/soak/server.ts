// The process under soak: the compiled server, as `npm start` runs it, on its own freshly built
// store in a temp dir, bound to loopback. It is killed however the soak ends.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { buildStore } from '../../src/seed/build.js';

const HOST = '127.0.0.1';
const SERVER_JS = resolve(PROJECT_ROOT, 'dist/src/server.js');

export interface Server {
  pid: number;
  baseUrl: string;
  /** Resident and peak resident memory in MB, from /proc/<pid>/status. */
  memory(): { rssMB: number; peakMB: number };
  /** SIGTERM (graceful close), SIGKILL after `graceMs`; resolves with the exit code or signal. */
  stop(graceMs?: number): Promise<string>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, HOST, done));
  const address = probe.address();
  await new Promise<void>((done) => probe.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('could not get a free port');
  return address.port;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function waitReady(child: ChildProcess, baseUrl: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    const status = await fetch(`${baseUrl}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await sleep(50);
  }
  throw new Error(`the server was not ready within 20 s:\n${output()}`);
}

export async function startServer(): Promise<Server> {
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run \`npm run build\` first (npm run soak does).`);
  const dir = mkdtempSync(join(tmpdir(), 'soak-'));
  const storePath = join(dir, 'content.db');
  const { SEED_DIR, MIGRATIONS_DIR } = loadConfig({ STORE_PATH: storePath });
  buildStore({ seedDir: SEED_DIR, migrationsDir: MIGRATIONS_DIR, storePath });

  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST,
    STORE_PATH: storePath,
    STORE_AUTO_BUILD: 'false',
    LOG_LEVEL: 'warn',
    // A handful of connections from one address is exactly what the rate limiter stops; the soak
    // is about leaks and errors, not 429s.
    RATE_LIMIT_ENABLED: 'false',
  };
  const child = spawn(process.execPath, [SERVER_JS], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not spawn ${SERVER_JS}`);
  const pid = child.pid;
  // Drained so a chatty server never blocks on a full pipe; the tail is shown if it dies.
  let tail = '';
  const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString('utf8')).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  // Last resort, whatever way this process ends: nothing asynchronous can run in 'exit'.
  const cleanup = () => {
    if (!exited(child)) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanup);

  const baseUrl = `http://${HOST}:${port}`;
  try {
    await waitReady(child, baseUrl, () => tail);
  } catch (error) {
    cleanup();
    throw error;
  }

  return {
    pid,
    baseUrl,
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const mb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
      return { rssMB: mb('VmRSS'), peakMB: mb('VmHWM') };
    },
    async stop(graceMs = 12_000) {
      if (!exited(child)) {
        const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await done;
        clearTimeout(timer);
      }
      cleanup();
      process.removeListener('exit', cleanup);
      return child.signalCode ?? `exit ${child.exitCode}`;
    },
  };
}
