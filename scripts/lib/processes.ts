// The processes the bench and the soak drive. Every child is tracked from the moment it is
// spawned so that it is killed whatever way the script ends: normal exit, a thrown error, SIGINT
// or a watchdog.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';

export const HOST = '127.0.0.1';
/** The compiled server, run as `npm start` and the Docker image run it (same Node flags). */
export const SERVER_JS = resolve(PROJECT_ROOT, 'dist/server.mjs');
/**
 * How the server is started (variables and Node's flags), read from `npm start` so that the bench
 * and the soak run exactly what ships (test/server/start-command.test.ts holds the Dockerfile to
 * the same).
 */
export const SERVER_START = startCommand(
  (JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start,
);
export const SERVER_NODE_FLAGS = SERVER_START.flags;

export interface StartCommand {
  /** Variables set before `node` (NAME=value). */
  env: Record<string, string>;
  /** The flags between `node` and the script. */
  flags: string[];
}

/** Reads a start command of the form `[NAME=value ...] node [flags] dist/server.mjs`. */
export function startCommand(command: string): StartCommand {
  const words = command.trim().split(/\s+/);
  const node = words.indexOf('node');
  const script = words.indexOf('dist/server.mjs');
  const assignments = words.slice(0, Math.max(node, 0));
  if (node < 0 || script < node || !assignments.every((w) => /^[A-Z_][A-Z0-9_]*=\S*$/.test(w))) {
    throw new Error(`the start command is not "[NAME=value ...] node [flags] dist/server.mjs": ${command}`);
  }
  const env = Object.fromEntries(assignments.map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
  return { env, flags: words.slice(node + 1, script) };
}

/** The environment the API runs with under load: its own store, loopback only, quiet, not throttled. */
export function serverEnv(storePath: string, port: number): Record<string, string> {
  return {
    ...SERVER_START.env,
    PORT: String(port),
    HOST,
    STORE_PATH: storePath,
    STORE_AUTO_BUILD: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    // As a deployment behind a proxy sets it (README); links are the same as the Host would give.
    PUBLIC_BASE_URL: `http://${HOST}:${port}`,
    // Rate limiting stays on, as shipped; one client on many connections would otherwise only
    // measure 429s, so its quota is set beyond what a run can send.
    RATE_LIMIT_MAX: '1000000',
  };
}
const running = new Set<ChildProcess>();

export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Last lines the child wrote, shown when it dies unexpectedly. */
  output: () => string;
}

/** A port the OS has just handed out; released again before the child binds it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, HOST, done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('could not get a free port');
  return address.port;
}

/** `ipc`: a channel the child can watch to exit when the bench dies without cleaning up. */
export function start(name: string, args: string[], env: Record<string, string>, port: number, ipc = false): Child {
  const stdio = ipc ? (['ignore', 'pipe', 'pipe', 'ipc'] as const) : (['ignore', 'pipe', 'pipe'] as const);
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: [...stdio] });
  if (child.pid === undefined) throw new Error(`${name}: could not spawn ${args.join(' ')}`);
  running.add(child);
  child.once('exit', () => running.delete(child));
  // Drained so a chatty child never blocks on a full pipe; only the tail is kept.
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  const { stdout, stderr } = child;
  if (!stdout || !stderr) throw new Error(`${name}: spawned without the piped output it was asked for`);
  stdout.on('data', keep);
  stderr.on('data', keep);
  return { name, process: child, pid: child.pid, baseUrl: `http://${HOST}:${port}`, output: () => tail };
}

function status(url: string, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    // agent: false: a fresh connection per poll, as a load balancer's first probe would make.
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.end();
  });
}

/**
 * Waits until the process is ready again (200 from /readyz), returning how long that took. A run
 * ends while the server may still be working through queued requests, or shedding load (503)
 * after them; the next run must not pay for either.
 */
export async function settle(child: Child, timeoutMs = 120_000): Promise<number> {
  const since = performance.now();
  for (;;) {
    const code = await status(`${child.baseUrl}/readyz`, timeoutMs).catch(() => 0);
    if (code === 200) return performance.now() - since;
    if (performance.now() - since > timeoutMs)
      throw new Error(`${child.name} was not ready again ${timeoutMs / 1000} s after a run:\n${child.output()}`);
    await sleep(25);
  }
}

/** Polls `path` every `everyMs` until it answers 200; resolves with the time since `since`. */
export async function waitFor200(child: Child, path: string, since: number, timeoutMs = 15_000, everyMs = 5): Promise<number> {
  const deadline = since + timeoutMs;
  for (;;) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(
        `${child.name} exited (${child.process.exitCode ?? child.process.signalCode}) before it was ready:\n${child.output()}`,
      );
    }
    const code = await status(child.baseUrl + path).catch(() => 0);
    if (code === 200) return performance.now() - since;
    if (performance.now() > deadline) throw new Error(`${child.name} was not ready within ${timeoutMs} ms:\n${child.output()}`);
    await sleep(everyMs);
  }
}

/** SIGTERM (the API closes gracefully), then SIGKILL if it is still there after `graceMs`. */
export async function stop(child: Child, graceMs = 3000): Promise<void> {
  const proc = child.process;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((done) => proc.once('exit', () => done()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Last resort from an exit handler, where nothing asynchronous can run any more. */
export function killAllNow(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Resident and peak resident memory in MB, from /proc (Linux only; null elsewhere). */
export function memoryOf(pid: number): { rssMB: number; peakMB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on Linux on every architecture. */
const USER_HZ = 100;

/**
 * CPU time the process has used so far (user + system), in microseconds, from /proc (Linux only;
 * null elsewhere). Read before and after a fixed number of requests, it gives the server's own cost
 * per request, whatever share of the cores the load generator takes meanwhile.
 */
export function cpuTimeOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1_000_000) / USER_HZ : null;
  } catch {
    return null;
  }
}
