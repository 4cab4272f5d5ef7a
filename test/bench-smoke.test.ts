import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { PROJECT_ROOT } from '../src/config.js';
import { scratchDir } from './helpers/store.js';

// The benchmark is not a test, but CI runs its smoke mode (build, then about a dozen seconds of
// load) so that `npm run bench` cannot rot unnoticed. Nothing here judges the figures.

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  // Coverage off for the whole bench tree: it would slow the load several times over, and a
  // benchmark's coverage would hide code that no test checks.
  const env: Record<string, string> = { _TAPJS_PROCESSINFO_COVERAGE_: '0' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'npm_config_nodedir']) {
    if (process.env[name]) env[name] = process.env[name]!;
  }
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGINT'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

t.test('npm run bench:smoke measures every scenario and writes the figures as JSON', async (t) => {
  const dir = scratchDir(t, 'bench-results-');
  const { code, output } = await run('npm', ['run', '--silent', 'bench:smoke', '--', '--results-dir', dir], 100_000);
  t.equal(code, 0, `exits 0\n${output}`);
  t.match(output, /API µs\/req\s+ceiling µs\/req\s+cpu ratio/, 'prints the table, CPU per request first');

  const results = JSON.parse(readFileSync(join(dir, 'smoke-latest.json'), 'utf8'));
  t.same(Object.keys(results).sort(), [
    'baseline',
    'ceilingMemory',
    'coldStart',
    'finishedAt',
    'git',
    'longFlood',
    'machine',
    'memory',
    'memoryAfterFlood',
    'mode',
    'options',
    'scaling',
    'scenarios',
    'schemaVersion',
    'startedAt',
    'store',
    'targets',
  ]);
  t.equal(results.mode, 'smoke');
  t.equal(results.scaling, null, 'no scaling in smoke mode');
  t.same(
    results.scenarios.map((s: { id: string }) => s.id),
    ['topic-detail', 'filtered-list', 'search', 'embed', 'revalidation', 'search-distinct', 'flood'],
  );
  for (const s of results.scenarios) {
    if (s.skipped) continue;
    t.ok(s.api.requestsPerSecond > 0 && s.ceiling.requestsPerSecond > 0, `${s.id}: both sides answered`);
    t.ok(
      s.api.cpuMicrosPerRequest > 0 && s.ceiling.cpuMicrosPerRequest > 0 && s.cpuRatio > 0,
      `${s.id}: CPU per request read for both sides`,
    );
    t.equal(s.api.errors, 0, `${s.id}: no connection errors`);
  }
  t.ok(results.scenarios.find((s: { id: string }) => s.id === 'topic-detail').api, 'the topic detail is never skipped');
  t.ok(results.coldStart.medianMs > 0);
  t.ok(results.memory.afterLoadMB > 0);
  t.ok(results.memoryAfterFlood.afterLoadMB > 0);
  t.match(results.longFlood, { urls: 1000, origins: 100, failed: 0, answering: true }, 'the counted flood is answered in full');
  t.equal(results.longFlood.ok, 1100);
  t.ok(results.longFlood.memory.afterLoadMB > 0);
  t.ok(
    results.targets.every((target: { pass: boolean | null }) => target.pass === null),
    'smoke mode judges no target',
  );
});
