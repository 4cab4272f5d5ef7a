// Who spends a server's CPU: a V8 CPU profile (node --cpu-prof) read sample by sample, each sample
// charged to the innermost frame on its stack that belongs to a module, through the bundle's
// source map (a file of src/, or a package). Node's own code and native calls (zlib, writev, the
// HTTP parser) below that frame are charged to it: compression called by our code is ours, the
// socket write Fastify's reply makes is Fastify's.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a sample's time goes when no module frame is on its stack. */
export const GARBAGE_COLLECTION = 'garbage collection (V8)';
export const NODE_ONLY = 'Node (no module on the stack: HTTP parsing, socket events)';
export const V8_PROGRAM = 'V8 and native code (unattributed)';

/** The owner of a file: `src/…` for the service's own files, the package name for a dependency. */
export function ownerOfPath(path: string): string | undefined {
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = path.slice(modules + 'node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const src = path.lastIndexOf('src/');
  return src >= 0 ? path.slice(src) : undefined;
}

/** Maps call frames to owners: through `bundle`'s source map for frames in the bundle, by path for others. */
export function frameOwners(bundle: { url: string; map: SourceMap } | undefined) {
  const cache = new Map<string, string | undefined>();
  return (frame: CallFrame): string | undefined => {
    if (!frame.url || frame.url.startsWith('node:')) return undefined;
    const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
    if (cache.has(key)) return cache.get(key);
    let owner: string | undefined;
    if (bundle && frame.url.endsWith(bundle.url)) {
      const entry = bundle.map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
      owner = entry.originalSource ? ownerOfPath(entry.originalSource) : undefined;
    } else owner = ownerOfPath(frame.url);
    cache.set(key, owner);
    return owner;
  };
}

export interface Attribution {
  /** Microseconds of samples per owner within the window (idle excluded). */
  byOwner: Map<string, number>;
  busyMicros: number;
  idleMicros: number;
}

/**
 * Charges each sample taken between `fromMs` and `toMs` after the profile started to its owner.
 * A window leaves out start-up (module loading, the prepared answers' background compression).
 */
export function attribute(profile: CpuProfile, owner: (frame: CallFrame) => string | undefined, fromMs = 0, toMs = Infinity): Attribution {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  const ownerOfNode = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = ownerOfNode.get(id);
    if (known) return known;
    let found: string | undefined;
    for (let cur: number | undefined = id; cur !== undefined && !found; cur = parents.get(cur)) {
      const node = nodes.get(cur);
      if (node) found = owner(node.callFrame);
    }
    const leaf = nodes.get(id)?.callFrame.functionName;
    const result = leaf === '(garbage collector)' ? GARBAGE_COLLECTION : (found ?? (leaf === '(program)' ? V8_PROGRAM : NODE_ONLY));
    ownerOfNode.set(id, result);
    return result;
  };
  const byOwner = new Map<string, number>();
  let busyMicros = 0;
  let idleMicros = 0;
  let at = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < fromMs * 1000 || at > toMs * 1000) return;
    if (nodes.get(id)?.callFrame.functionName === '(idle)') {
      idleMicros += delta;
      return;
    }
    busyMicros += delta;
    const who = ownerOf(id);
    byOwner.set(who, (byOwner.get(who) ?? 0) + delta);
  });
  return { byOwner, busyMicros, idleMicros };
}

/** Reads a bundle's source map (written beside it by `npm run build`). */
export function bundleMap(bundlePath: string): { url: string; map: SourceMap } {
  const map = new SourceMap(JSON.parse(readFileSync(`${bundlePath}.map`, 'utf8')) as never);
  return { url: bundlePath.slice(bundlePath.lastIndexOf('/') + 1), map };
}
