// The server is started three ways: `npm start`, the Docker image, and the bench (which reads the
// flags from `npm start`). A flag added to one and not the others would make the bench measure a
// process nobody runs.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { SERVER_NODE_FLAGS, startFlags } from '../../scripts/lib/processes.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const dockerfile = readFileSync('Dockerfile', 'utf8');

t.test('the Docker image starts the server with the same Node flags as npm start', async (t) => {
  const cmd = /^CMD (\[.*\])\s*$/m.exec(dockerfile)?.[1];
  t.ok(cmd, 'the Dockerfile has an exec-form CMD');
  const words = JSON.parse(cmd ?? '[]') as string[];
  t.same(startFlags(words.join(' ')), startFlags(pkg.scripts.start ?? ''));
});

t.test('the bench runs the flags of npm start', async (t) => {
  t.same(SERVER_NODE_FLAGS, startFlags(pkg.scripts.start ?? ''));
  t.same(startFlags('node --a --b=1 dist/server.mjs'), ['--a', '--b=1']);
  t.throws(() => startFlags('tsx src/server.ts'), /not "node \[flags\] dist\/server\.mjs"/);
});
