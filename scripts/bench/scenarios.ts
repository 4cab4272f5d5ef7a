// The requests the issue asks about. Each is recorded from the API once before any load, which
// both feeds the ceiling and decides whether the scenario can run at all.
import type { Recorded } from './fixtures.js';
import { record } from './fixtures.js';
import { FLOOD_HEADERS, floodPath, floodSplit } from './flood.js';
import type { Request } from './load.js';
import { CYCLING_SEARCH_PREFIX, cyclingSearchPaths, DISTINCT_SEARCH_PREFIX, distinctSearchPath } from './distinct-queries.js';

export type Kind = 'detail' | 'list' | 'search' | 'search-distinct' | 'embed' | 'revalidation' | 'flood';

export interface Scenario {
  id: string;
  kind: Kind;
  label: string;
  path: string;
  expectStatus: 200 | 304;
  /**
   * Each request's path, when they vary (`path` is then their common prefix): every one new, so
   * no per-URL cache can answer, or hundreds in turn. The ceiling answers them all with the first.
   */
  paths?: () => () => string;
}

/** The issue asks for search latency "over hundreds of distinct queries". */
const CYCLED_QUERIES = 300;

const DETAIL = '/v1/topics/emotional-withdrawal?include=signs,strategies,faqs';

export const SCENARIOS: Scenario[] = [
  { id: 'topic-detail', kind: 'detail', label: 'topic detail + includes', path: DETAIL, expectStatus: 200 },
  {
    id: 'filtered-list',
    kind: 'list',
    label: 'filtered list',
    path: '/v1/strategies?topic=emotional-withdrawal&category=coping,connection',
    expectStatus: 200,
  },
  {
    id: 'search',
    kind: 'search',
    label: `search, ${CYCLED_QUERIES} queries in turn`,
    path: CYCLING_SEARCH_PREFIX,
    expectStatus: 200,
    paths: () => cyclingSearchPaths(CYCLED_QUERIES),
  },
  {
    id: 'embed',
    kind: 'embed',
    label: 'embed page',
    path: '/embed/topics/emotional-withdrawal?sections=strategies,therapies',
    expectStatus: 200,
  },
  // Same URL as the detail, sent with the detail's own ETag: what a partner's cache does.
  { id: 'revalidation', kind: 'revalidation', label: 'detail, If-None-Match (304)', path: DETAIL, expectStatus: 304 },
  // Last, after memory is read: the two that send a new URL with every request, so that nothing
  // kept can answer them. Memory is read again after them.
  {
    id: 'search-distinct',
    kind: 'search-distinct',
    label: 'search, every query distinct',
    path: DISTINCT_SEARCH_PREFIX,
    expectStatus: 200,
    paths: () => distinctSearchPath,
  },
  { id: 'flood', kind: 'flood', label: 'distinct list URLs, br/gzip', path: floodPath(0), expectStatus: 200 },
];

/** The ceiling replays this many recorded flood answers in turn; its cost does not depend on how many. */
const FLOOD_SAMPLE = 400;

/** What sends a new URL with every request: run after the cached scenarios' memory reading. */
export const DISTINCT_KINDS: ReadonlySet<Kind> = new Set<Kind>(['search-distinct', 'flood']);

/** The kinds measured against the synthetic store too. */
export const SCALED_KINDS: Kind[] = ['detail', 'list', 'search'];

export interface Prepared {
  scenario: Scenario;
  request: Request;
  /** What the ceiling is sent, when not `request` (the flood's recorded sample). */
  ceilingRequests?: Request[];
  recorded: Recorded;
  /** Further answers the ceiling must hold (the flood's sample). */
  extra?: Recorded[];
  /** Why it is not run; set when the API cannot answer it as the scenario expects. */
  skipped?: string;
}

/** `floodSpan`: how many flood requests the API will be sent in all (its rounds together). */
export async function prepare(baseUrl: string, scenarios: Scenario[], floodSpan = FLOOD_SAMPLE): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const scenario of scenarios) {
    if (scenario.kind === 'flood') {
      const flood = floodSplit(floodSpan + FLOOD_SAMPLE, FLOOD_SAMPLE);
      const sample = await Promise.all(flood.sample.map((path) => record(baseUrl, path, undefined, FLOOD_HEADERS)));
      const bad = sample.find((r) => r.status !== 200);
      const [recorded, ...extra] = sample;
      if (!recorded) throw new Error('the flood sample is empty');
      prepared.push({
        scenario,
        // The API never sees a URL twice: its paths are the span's others.
        request: { path: scenario.path, headers: FLOOD_HEADERS, next: flood.next },
        ceilingRequests: sample.map((r) => ({ path: r.path, headers: FLOOD_HEADERS })),
        recorded,
        extra,
        skipped: bad ? `skipped: ${bad.path} answered ${bad.status}` : undefined,
      });
      continue;
    }
    let ifNoneMatch: string | undefined;
    if (scenario.kind === 'revalidation') {
      ifNoneMatch = (await record(baseUrl, scenario.path)).headers.etag;
      if (!ifNoneMatch) {
        prepared.push({
          scenario,
          request: { path: scenario.path },
          recorded: await record(baseUrl, scenario.path),
          skipped: 'skipped: no ETag on the full response',
        });
        continue;
      }
    }
    if (scenario.paths) {
      // One query is recorded for the ceiling, which answers every other with the same bytes.
      const next = scenario.paths();
      const path = next();
      const recorded = { ...(await record(baseUrl, path)), prefix: scenario.path };
      const skipped =
        recorded.status === scenario.expectStatus ? undefined : `skipped: answered ${recorded.status}, expected ${scenario.expectStatus}`;
      prepared.push({ scenario: { ...scenario, path }, request: { path, next }, recorded, skipped });
      continue;
    }
    const recorded = await record(baseUrl, scenario.path, ifNoneMatch);
    const request: Request = ifNoneMatch ? { path: scenario.path, headers: { 'if-none-match': ifNoneMatch } } : { path: scenario.path };
    let skipped: string | undefined;
    // /embed is being built alongside this bench: absent is expected, anything else is a finding.
    if (scenario.kind === 'embed' && recorded.status === 404) skipped = 'skipped: not available';
    else if (recorded.status !== scenario.expectStatus) skipped = `skipped: answered ${recorded.status}, expected ${scenario.expectStatus}`;
    prepared.push({ scenario, request, recorded, skipped });
  }
  return prepared;
}
