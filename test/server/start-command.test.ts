// The server is started three ways: `npm start`, the Docker image, and the bench (which reads the
// variables and flags from `npm start`). One added to one and not the others would make the bench
// measure a process nobody runs.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { SERVER_START, serverEnv, startCommand } from '../../scripts/lib/processes.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const dockerfile = readFileSync('Dockerfile', 'utf8');
const shipped = startCommand(pkg.scripts.start ?? '');

t.test('the Docker image starts the server with the same variables and Node flags as npm start', async (t) => {
  const cmd = /^CMD (\[.*\])\s*$/m.exec(dockerfile)?.[1];
  t.ok(cmd, 'the Dockerfile has an exec-form CMD');
  const words = JSON.parse(cmd ?? '[]') as string[];
  t.same(startCommand(words.join(' ')).flags, shipped.flags, 'flags');
  // The runtime stage's ENV lines (after the last FROM) carry the variables.
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  for (const [name, value] of Object.entries(shipped.env)) t.match(runtime, new RegExp(`\\b${name}=${value}\\b`), `ENV ${name}=${value}`);
});

t.test('the bench runs what npm start runs', async (t) => {
  t.same(SERVER_START, shipped);
  const env = serverEnv('/tmp/x.db', 1234);
  for (const [name, value] of Object.entries(shipped.env)) t.equal(env[name], value, name);
  t.same(startCommand('node --a --b=1 dist/server.mjs'), { env: {}, flags: ['--a', '--b=1'] });
  t.same(startCommand('A_B=1 C= node dist/server.mjs'), { env: { A_B: '1', C: '' }, flags: [] });
  t.throws(() => startCommand('tsx src/server.ts'), /not "\[NAME=value \.\.\.\] node/);
  t.throws(() => startCommand('rm -rf x; node dist/server.mjs'), /not "\[NAME=value/);
});

t.test('the image writes its compile cache as the user and with the flags it starts with', async (t) => {
  // Node keys the compile cache by both: a warm-up started otherwise would leave a cache that no
  // start of the image reads (and nothing would fail).
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const warmUp = /^RUN node (.*?) dist\/server\.mjs &/m.exec(runtime);
  t.ok(warmUp, 'the runtime stage starts the server once');
  t.same(warmUp?.[1]?.split(/\s+/), shipped.flags, 'flags');
  t.ok(runtime.lastIndexOf('\nUSER node') < (warmUp?.index ?? -1), 'as user node');
  t.equal(shipped.env.NODE_COMPILE_CACHE, 'node_modules/.cache/node-compile-cache');
});
