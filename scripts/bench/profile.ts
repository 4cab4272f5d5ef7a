// `npm run bench:profile`: where the API's CPU goes per request, by module. For each scenario
// (the repeated filtered list, a distinct list URL every request, a search never sent before) it
// starts the API as shipped with V8's sampling profiler, warms it up, drives a fixed number of
// requests, reads the process's CPU time from /proc around them, and charges the samples of that
// window to the modules on their stacks (profile-owners.ts). Flags: --requests n, --scenario id
// (repeatable), --keep dir (keep the .cpuprofile files there).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Child, cpuTimeOf, killAllNow, SERVER_JS, settle, stop } from '../lib/processes.js';
import { distinctSearchPath } from './distinct-queries.js';
import { record } from './fixtures.js';
import { FLOOD_HEADERS, floodSplit } from './flood.js';
import { drive, type Request } from './load.js';
import { log } from './measure.js';
import { attribute, bundleMap, type CpuProfile, frameOwners, GARBAGE_COLLECTION, NODE_ONLY, V8_PROGRAM } from './profile-owners.js';
import { assertBuilt, startApi, startCeiling } from './servers.js';
import { buildRealStore } from './stores.js';

interface Scenario {
  label: string;
  request: () => Request;
  /** The `i`th path the ceiling replays (one for a scenario of one path, 400 for the others). */
  sample: (i: number) => string;
  /** A new answer every request: a quarter of `--requests` is sent. */
  distinct: boolean;
}

const LIST_PATH = '/v1/strategies?topic=emotional-withdrawal&category=coping,connection';

const SCENARIOS: Record<string, Scenario> = {
  list: { label: 'filtered list, repeated', request: () => ({ path: LIST_PATH }), sample: () => LIST_PATH, distinct: false },
  flood: {
    label: 'distinct list URLs, br/gzip',
    // As in the bench: the ceiling replays 400 answers spread over the paths the API is sent.
    request: () => ({ path: '/v1/topics', headers: FLOOD_HEADERS, next: flood().next }),
    sample: (i) => flood().sample[i] ?? '/v1/topics',
    distinct: true,
  },
  'search-distinct': {
    label: 'search, every query distinct',
    request: () => ({ path: '/v1/search', next: distinctSearchPath }),
    // The ceiling replays 400 recorded searches; the API is sent new ones.
    sample: () => distinctSearchPath(),
    distinct: true,
  },
};

const FASTIFY =
  /^(?:fastify|@fastify\/.*|find-my-way|avvio|pino|fast-.*|light-my-request|toad-cache|fastify-plugin|proxy-addr|content-type|secure-json-parse)$/;
const NODE_AND_V8 = new Set([GARBAGE_COLLECTION, NODE_ONLY, V8_PROGRAM]);
const groupOf = (owner: string) =>
  owner.startsWith('src/')
    ? 'the service (src/)'
    : NODE_AND_V8.has(owner)
      ? 'Node and V8'
      : FASTIFY.test(owner)
        ? 'Fastify and its plugins'
        : 'other libraries';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '20000' }, scenario: { type: 'string', multiple: true }, keep: { type: 'string' } },
});
const requests = Number(values.requests);
const distinctAmount = Math.round(requests / 4);
const amountOf = (scenario: Scenario) => (scenario.distinct ? distinctAmount : requests);
// The flood's warm-up and its measured run each send `distinctAmount` paths.
let floodOnce: ReturnType<typeof floodSplit> | undefined;
const flood = () => (floodOnce ??= floodSplit(2 * distinctAmount + 400, 400));
const chosen = values.scenario ?? Object.keys(SCENARIOS);
const scratch = mkdtempSync(join(tmpdir(), 'content-profile-'));
process.on('exit', () => {
  killAllNow();
  rmSync(scratch, { recursive: true, force: true });
});

interface Profiled {
  cpuPerRequest: number;
  responses: number;
  notOk: number;
  byOwner: Map<string, number>;
  busyMicros: number;
}

/** Warms `target` up, then profiles `amount` requests; `end` makes it exit so V8 writes the profile. */
async function profiled(
  target: Child,
  spawnedAt: number,
  dir: string,
  load: Request[],
  amount: number,
  end: () => Promise<void>,
  bundle?: string,
): Promise<Profiled> {
  await drive(target.baseUrl, load, { amount }, 50);
  await settle(target);
  const fromMs = performance.now() - spawnedAt;
  const cpuBefore = cpuTimeOf(target.pid) ?? NaN;
  const result = await drive(target.baseUrl, load, { amount }, 50);
  const cpuPerRequest = ((cpuTimeOf(target.pid) ?? NaN) - cpuBefore) / result.responses;
  const toMs = performance.now() - spawnedAt;
  await end();
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`${target.name}: no profile written`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const { byOwner, busyMicros } = attribute(profile, frameOwners(bundle ? bundleMap(bundle) : undefined), fromMs, toMs);
  return { cpuPerRequest, responses: result.responses, notOk: result.non2xx3xx, byOwner, busyMicros };
}

const profileFlags = (dir: string) => ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200'];

async function profileScenario(id: string, scenario: Scenario, storePath: string): Promise<void> {
  const amount = amountOf(scenario);
  const dirOf = (who: string) => {
    const dir = join(values.keep ?? scratch, id, who);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const apiDir = dirOf('api');
  let spawnedAt = performance.now();
  const api = await startApi(id, storePath, SERVER_JS, profileFlags(apiDir));
  // What the ceiling replays: the API's own answers, recorded before the API's runs.
  const request = scenario.request();
  const sample = request.next
    ? await Promise.all(Array.from({ length: 400 }, (_, i) => record(api.baseUrl, scenario.sample(i), undefined, request.headers)))
    : [await record(api.baseUrl, request.path, undefined, request.headers)];
  const ofApi = await profiled(api, spawnedAt, apiDir, [request], amount, () => stop(api, 10_000), SERVER_JS);

  const recordedPath = join(scratch, `${id}-recorded.json`);
  writeFileSync(recordedPath, JSON.stringify([...sample, { ...sample[0], path: '/readyz' }]));
  const ceilingDir = dirOf('ceiling');
  spawnedAt = performance.now();
  const ceiling = await startCeiling(recordedPath, profileFlags(ceilingDir));
  const replay = sample.map((r) => ({ path: r.path, headers: request.headers }));
  const ofCeiling = await profiled(ceiling, spawnedAt, ceilingDir, replay, amount, async () => {
    const exited = new Promise((done) => ceiling.process.once('exit', done));
    ceiling.process.disconnect();
    await exited;
  });

  const share = (p: Profiled, micros = 0) => (micros / p.busyMicros) * p.cpuPerRequest;
  const grouped = (p: Profiled) => {
    const groups = new Map<string, number>();
    for (const [owner, micros] of p.byOwner) groups.set(groupOf(owner), (groups.get(groupOf(owner)) ?? 0) + micros);
    return groups;
  };
  const apiGroups = grouped(ofApi);
  const ceilingGroups = grouped(ofCeiling);
  const cell = (v: number) => v.toFixed(1).padStart(8);
  const line = (name: string, a: number, c: number) => `| ${name.padEnd(60)} | ${cell(a)} | ${cell(c)} |`;
  console.log(`\n${scenario.label}: ${ofApi.responses} requests each (${ofApi.notOk} not 2xx/3xx), µs of server CPU per request`);
  console.log(`| ${'who spends it'.padEnd(60)} |      API |  ceiling |`);
  console.log(line('all', ofApi.cpuPerRequest, ofCeiling.cpuPerRequest));
  for (const [group, micros] of [...apiGroups].sort((a, b) => b[1] - a[1])) {
    console.log(line(group, share(ofApi, micros), share(ofCeiling, ceilingGroups.get(group))));
  }
  console.log("by module (over 0.5 % of the API's CPU):");
  for (const [owner, micros] of [...ofApi.byOwner].sort((a, b) => b[1] - a[1])) {
    if (micros / ofApi.busyMicros > 0.005)
      console.log(line(`  ${owner}`, share(ofApi, micros), share(ofCeiling, ofCeiling.byOwner.get(owner))));
  }
}

assertBuilt();
log('building the store from seed/');
const store = buildRealStore(scratch);
for (const id of chosen) {
  const scenario = SCENARIOS[id];
  if (!scenario) throw new Error(`unknown scenario ${id}: one of ${Object.keys(SCENARIOS).join(', ')}`);
  log(`${id}: profiling ${amountOf(scenario)} requests after as many to warm up`);
  await profileScenario(id, scenario, store.path);
}
