import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import t from 'tap';
import { PROJECT_ROOT } from '../../src/config.js';
import { CONTENT_REGISTRY } from '../../src/content/registry.js';
import { buildScratchStore, scratchDir } from '../helpers/store.js';

// These tests start the real server process, as an orchestrator would.
const SERVER = resolve(PROJECT_ROOT, 'src/server.ts');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    cwd: PROJECT_ROOT,
    // The child's coverage would be merged into the suite's report; it is not what is tested here.
    env: { PATH: process.env.PATH, _TAPJS_PROCESSINFO_COVERAGE_: '0', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function listeningPort(server: Running): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(server.output());
    if (match) return Number(match[1]);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start:\n${server.output()}`);
}

const open = (port: number) =>
  new Promise<Socket>((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => done(socket));
    socket.on('error', fail);
  });

/** Polls `check` every 20 ms for up to 10 s (the machine may be busy); true once it holds. */
async function until(check: () => boolean | Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

const readAll = (socket: Socket) =>
  new Promise<string>((done) => {
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => done(data));
    socket.on('close', () => done(data));
  });

t.test('SIGTERM lets in-flight requests finish, refuses new connections, then exits 0', async (t) => {
  const server = start({ STORE_PATH: buildScratchStore(t), STORE_AUTO_BUILD: 'false', RATE_LIMIT_ENABLED: 'false' });
  t.teardown(() => server.child.kill('SIGKILL'));
  const port = await listeningPort(server);

  // Slow clients: they ask for a large response and do not read it until after the signal.
  const slow = await Promise.all([1, 2, 3].map(() => open(port)));
  const url = `/v1/topics?include=${CONTENT_REGISTRY.map((c) => c.collection).join(',')}&format=html`;
  for (const s of slow) {
    s.pause();
    s.write(`GET ${url} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  }
  // A client that has connected but not finished sending its request when the signal arrives.
  const late = await open(port);
  late.write('GET /v1/signs HTTP/1.1\r\nHost: localhost\r\n');
  // Signal only once the server has taken all three slow requests in (it logs each one).
  const taken = () =>
    server
      .output()
      .split('\n')
      .filter((line) => line.includes('"incoming request"') && line.includes('/v1/topics?include=')).length;
  t.ok(await until(() => taken() >= 3), 'the slow requests are in flight');

  server.child.kill('SIGTERM');
  t.ok(
    await until(
      async () =>
        await open(port).then(
          (s) => (s.destroy(), false),
          () => true,
        ),
    ),
    'new connections are refused',
  );

  const lateResponse = readAll(late);
  late.write('Connection: keep-alive\r\n\r\n');
  const refused = await lateResponse;
  t.match(refused, /^HTTP\/1\.1 200 OK/, 'a request completed after the signal on an open connection is still answered');
  t.match(refused, /connection: close/i, 'and told to close its connection');

  const bodies = await Promise.all(
    slow.map((s) => {
      const all = readAll(s);
      s.resume();
      return all;
    }),
  );
  for (const raw of bodies) {
    t.match(raw, /^HTTP\/1\.1 200 OK/, 'the in-flight request completed');
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    t.equal(body.data.length, 3, 'the whole response arrived');
  }
  t.equal(await server.exited, 0, 'exits 0');
  t.match(server.output(), /"msg":"shutting down gracefully"/);
  t.match(server.output(), /"reqId":"[0-9a-f-]{36}".*"msg":"request completed"/, 'structured request logs carry the request id');
});

t.test('start-up refuses a missing, empty or corrupt store with a clear message', async (t) => {
  const dir = scratchDir(t);
  const empty = join(dir, 'empty.db');
  writeFileSync(empty, '');
  const corrupt = join(dir, 'corrupt.db');
  writeFileSync(corrupt, 'SQLite format 3\u0000'.padEnd(4096, 'x'));
  const cases: [string, RegExp][] = [
    [join(dir, 'missing.db'), /Content store not found at .*missing\.db\. Build it with "npm run db:build"/],
    [empty, /Content store at .*empty\.db is empty/],
    [corrupt, /Content store at .*corrupt\.db is unreadable or incomplete/],
  ];
  for (const [storePath, message] of cases) {
    const server = start({ STORE_PATH: storePath, STORE_AUTO_BUILD: 'false' });
    t.equal(await server.exited, 1, `${storePath}: exits 1`);
    t.match(server.output(), message);
    t.notMatch(server.output(), /Server listening/, 'never serves');
  }
});

t.test('a bad configuration value stops start-up naming the variable', async (t) => {
  const server = start({ PORT: 'eighty', RATE_LIMIT_MAX: '-3' });
  t.equal(await server.exited, 1);
  t.match(server.output(), /Cannot start: Invalid configuration:/);
  t.match(server.output(), /PORT: must be a whole number from 0 to 65535 \(got "eighty"\)/);
  t.match(server.output(), /RATE_LIMIT_MAX: must be at least 1 \(got "-3"\)/);
});

interface Outcome {
  sentAt: number;
  status?: number;
  connection?: string;
  error?: string;
}

/** One GET through a keep-alive agent: its status and Connection header, or the socket error. */
const get = (agent: Agent, port: number, path: string) =>
  new Promise<Outcome>((done) => {
    const sentAt = Date.now();
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => done({ sentAt, status: res.statusCode, connection: res.headers.connection }));
      res.on('error', (error: NodeJS.ErrnoException) => done({ sentAt, error: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => done({ sentAt, error: error.code ?? error.message }));
    req.end();
  });

t.test('SIGTERM under keep-alive load: readiness fails at once, the drain keeps serving, no reset, no 5xx, exit 0', async (t) => {
  const drainMs = 1500;
  const server = start({
    STORE_PATH: buildScratchStore(t),
    STORE_AUTO_BUILD: 'false',
    RATE_LIMIT_ENABLED: 'false',
    SHUTDOWN_DRAIN_MS: String(drainMs),
    SHUTDOWN_GRACE_MS: '5000',
  });
  t.teardown(() => server.child.kill('SIGKILL'));
  const port = await listeningPort(server);
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  t.teardown(() => agent.destroy());
  const probe = new Agent({ keepAlive: false });
  // A load balancer sends traffic once the instance is ready (the search index built), not before.
  t.ok(await until(async () => (await get(probe, port, '/readyz')).status === 200), 'ready before the load starts');

  // An idle keep-alive connection: it must be closed cleanly, not reset.
  const idle = await open(port);
  let idleData = '';
  let idleError = '';
  idle.on('data', (d) => (idleData += d.toString()));
  idle.on('error', (error: NodeJS.ErrnoException) => (idleError = error.code ?? error.message));
  const idleClosed = new Promise<void>((done) => idle.on('close', () => done()));
  idle.write('GET /v1/topics HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
  t.ok(await until(() => idleData.includes('\r\n\r\n')), 'the idle connection was used once');

  // Load: 8 clients in a loop until the load balancer "notices" (the drain's first half).
  const outcomes: Outcome[] = [];
  let sending = true;
  const clients = Array.from({ length: 8 }, async (_, i) => {
    const paths = ['/v1/topics', '/v1/signs?limit=5', `/v1/search?q=support&limit=${i + 1}`, '/v1/strategies/journaling'];
    for (let n = 0; sending; n++) outcomes.push(await get(agent, port, paths[n % paths.length]!));
  });
  await new Promise((r) => setTimeout(r, 500));

  const signalled = Date.now();
  server.child.kill('SIGTERM');
  // The signal and a request racing it may be handled in either order; the probe repeats until 503.
  const notReady = await until(async () => (await get(probe, port, '/readyz')).status === 503);
  const probedAfter = Date.now() - signalled;
  t.ok(notReady, 'readiness answers 503 at once');
  t.ok(probedAfter < drainMs, `before the drain ends (${probedAfter} ms)`);
  const draining = Date.now();
  await new Promise((r) => setTimeout(r, drainMs / 2));
  sending = false;
  await Promise.all(clients);
  // Requests sent once the server was seen draining (earlier ones may have been answered before the signal).
  const afterSignal = outcomes.filter((o) => o.sentAt > draining);

  t.equal(await server.exited, 0, 'exits 0');
  const took = Date.now() - signalled;
  t.ok(took >= drainMs && took < drainMs + 5000, `within the drain plus the grace period (${took} ms)`);
  await idleClosed;
  t.equal(idleError, '', 'the idle connection was closed, not reset');
  const errors = outcomes.filter((o) => o.error);
  const fivexx = outcomes.filter((o) => (o.status ?? 0) >= 500);
  t.same(errors, [], `no socket errors in ${outcomes.length} requests`);
  t.same(fivexx, [], 'no 5xx');
  t.ok(afterSignal.length > 0, `requests kept being answered during the drain (${afterSignal.length})`);
  t.ok(
    afterSignal.every((o) => o.status === 200 && o.connection === 'close'),
    'each with Connection: close',
  );
  t.comment(`${outcomes.length} requests, ${afterSignal.length} after SIGTERM, 0 errors, 0 5xx; exit after ${took} ms`);
});
