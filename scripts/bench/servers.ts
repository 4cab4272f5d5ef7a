// Starting the two processes the bench compares: the real API (compiled, as `npm start` runs it)
// and the ceiling that replays its answers.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { type Child, freePort, SERVER_JS, SERVER_NODE_FLAGS, serverEnv, start, stop, waitFor200 } from '../lib/processes.js';

const CEILING_JS = resolve(PROJECT_ROOT, 'scripts/bench/ceiling.mjs');

export function assertBuilt(): void {
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run \`npm run build\` first (npm run bench does).`);
}

export interface Started extends Child {
  /** Spawn to first 200 from /readyz, in ms. */
  readyAfterMs: number;
}

/**
 * Starts the API as shipped; `serverJs` another build of it (--baseline), with the same flags;
 * `nodeFlags` are added to them (the profiler's).
 */
export async function startApi(name: string, storePath: string, serverJs = SERVER_JS, nodeFlags: string[] = []): Promise<Started> {
  const port = await freePort();
  const since = performance.now();
  const child = start(name, [...SERVER_NODE_FLAGS, ...nodeFlags, serverJs], serverEnv(storePath, port), port);
  try {
    return { ...child, readyAfterMs: await waitFor200(child, '/readyz', since) };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

/** The ceiling answers /readyz too: it is one of the recorded answers. */
export async function startCeiling(recordedPath: string, nodeFlags: string[] = []): Promise<Started> {
  const port = await freePort();
  const since = performance.now();
  const child = start('ceiling', [...nodeFlags, CEILING_JS, recordedPath, String(port)], {}, port, true);
  try {
    return { ...child, readyAfterMs: await waitFor200(child, '/readyz', since) };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

/** Cold start: spawn to first 200 from /readyz with the store already built, `runs` times. */
export async function coldStarts(storePath: string, runs: number, serverJs?: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const api = await startApi(`cold start ${i + 1}`, storePath, serverJs);
    times.push(api.readyAfterMs);
    await stop(api);
  }
  return times;
}
