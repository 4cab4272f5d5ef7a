// The bench's tools (scripts/bench/): how a CPU profile's samples are charged to modules, and how
// the flood's replayed sample is drawn from the paths the API is sent.
import t from 'tap';
import { FLOOD_SIZE, floodPath, floodSplit } from '../../scripts/bench/flood.js';
import { attribute, type CpuProfile, GARBAGE_COLLECTION, NODE_ONLY, ownerOfPath, V8_PROGRAM } from '../../scripts/bench/profile-owners.js';

t.test('a file belongs to its package, or to the service when it is under src/', async (t) => {
  t.equal(ownerOfPath('../node_modules/fastify/lib/reply.js'), 'fastify');
  t.equal(ownerOfPath('file:///app/node_modules/@fastify/cors/index.js'), '@fastify/cors');
  t.equal(ownerOfPath('/app/node_modules/a/node_modules/b/x.js'), 'b', 'the innermost package');
  t.equal(ownerOfPath('../src/http/vary.ts'), 'src/http/vary.ts');
  t.equal(ownerOfPath('node:zlib'), undefined);
});

// A call tree: root → handler (ours) → reply (Fastify) → writev (native); root → gc; root → idle.
const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
const profile: CpuProfile = {
  startTime: 0,
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5, 6, 7, 8] },
    { id: 2, callFrame: frame('handler', '/app/src/routes/a.ts'), children: [3] },
    { id: 3, callFrame: frame('send', '/app/node_modules/fastify/lib/reply.js'), children: [4] },
    { id: 4, callFrame: frame('writev') },
    { id: 5, callFrame: frame('(garbage collector)') },
    { id: 6, callFrame: frame('(idle)') },
    { id: 7, callFrame: frame('(program)') },
    { id: 8, callFrame: frame('parserOnHeadersComplete', 'node:_http_common') },
  ],
  // Each sample's delta is the time since the previous one, in microseconds.
  samples: [2, 4, 4, 5, 6, 7, 8, 4],
  timeDeltas: [100, 100, 100, 100, 100, 100, 100, 5000],
};
const owners = (f: { url: string }) => ownerOfPath(f.url);

t.test('each sample is charged to the innermost frame of a module on its stack', async (t) => {
  const { byOwner, busyMicros, idleMicros } = attribute(profile, owners);
  t.same(Object.fromEntries(byOwner), {
    'src/routes/a.ts': 100,
    // The native write below Fastify's reply is Fastify's.
    fastify: 5200,
    [GARBAGE_COLLECTION]: 100,
    [V8_PROGRAM]: 100,
    [NODE_ONLY]: 100,
  });
  t.equal(busyMicros, 5600);
  t.equal(idleMicros, 100, 'idle time is counted apart, never charged');
});

t.test('only the samples of the window are counted', async (t) => {
  // Samples fall at 0.1, 0.2, … 0.7 ms, then 5.7 ms after the start.
  const { byOwner, busyMicros } = attribute(profile, owners, 0.15, 0.45);
  t.same(Object.fromEntries(byOwner), { fastify: 200, [GARBAGE_COLLECTION]: 100 });
  t.equal(busyMicros, 300);
  t.equal(attribute(profile, owners, 1, 6).busyMicros, 5000, 'the last sample alone');
});

t.test("the flood's sample is spread over the span the API is sent, and the API never gets one of it", async (t) => {
  const { sample, next } = floodSplit(4000, 400);
  t.equal(sample.length, 400);
  t.equal(sample[1], floodPath(10), 'every tenth path');
  t.equal(sample[399], floodPath(3990), 'up to the end of the span');
  const sent = Array.from({ length: 3600 }, next);
  t.equal(new Set([...sent, ...sample]).size, 4000, 'the sample and the flood together cover the span, each path once');
  t.equal(sent[0], floodPath(1));
  t.equal(next(), floodPath(4000), 'after the span, the paths go on');
  const short = floodSplit(100, 400);
  t.equal(short.sample[399], floodPath(399), 'a span shorter than the sample: its first paths');
  t.equal(short.next(), floodPath(400), 'and the flood after them');
  t.ok(FLOOD_SIZE > 4000);
});
