// The layers of src/, lowest first. A file may import from its own layer and from the layers it
// names in `uses`, never from one above: content → text → store → API shapes → repositories →
// snapshot → HTTP → pages, OpenAPI → plugins → routes → the entry points. Imports are resolved
// to the file they name, so every spelling of a path (`./../http/x.js`, `../db/../http/x.js`)
// meets the same rule; `npm run lint` fails on any import that runs back up.
import { dirname, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, 'src');

/** Each layer: the files it holds (under src/; a folder ends with /), the layers it may use, and why. */
export const LAYERS = [
  {
    name: 'content',
    files: ['content/'],
    uses: [],
    why: 'content definitions (the registry, vocabularies, the help directory’s shape) depend on nothing of ours',
  },
  {
    name: 'text',
    files: ['render/', 'search/', 'safety/'],
    uses: ['content'],
    why: 'rendering, search and crisis detection are libraries over plain text',
  },
  { name: 'store', files: ['db/'], uses: ['content'], why: 'the store’s tables know only the content definitions' },
  { name: 'seed', files: ['seed/'], uses: ['content', 'text', 'store'], why: 'the seed builds the store; it serves nothing' },
  { name: 'shapes', files: ['schemas/'], uses: ['content', 'text'], why: 'API shapes do not reach into the store or the server' },
  {
    name: 'repositories',
    files: ['repositories/'],
    uses: ['content', 'text', 'store'],
    why: 'repositories own data access and know nothing of the API or HTTP',
  },
  {
    name: 'snapshot',
    files: ['snapshot/', 'clinical/'],
    uses: ['content', 'text', 'store', 'shapes', 'repositories'],
    why: 'the snapshot and the clinical answers present what the repositories hold; they know nothing of HTTP',
  },
  {
    name: 'http',
    files: ['http/'],
    uses: ['content', 'text', 'store', 'shapes', 'repositories', 'snapshot'],
    why: 'HTTP rules are used by plugins and routes, never the reverse',
  },
  {
    name: 'documents',
    files: ['embed/', 'pages/', 'openapi/'],
    uses: ['content', 'text', 'store', 'shapes', 'repositories', 'snapshot', 'http'],
    why: 'pages, embeds and the OpenAPI description are built by routes and the app, never the reverse',
  },
  {
    name: 'external plugins',
    files: ['plugins/external/'],
    uses: ['config', 'http'],
    why: 'an external plugin wraps one third-party plugin with what the app passes it: config and HTTP helpers only',
  },
  {
    name: 'config',
    files: ['config.ts'],
    uses: ['content'],
    why: 'configuration is parsed once and handed down; it knows only the content definitions',
  },
  {
    name: 'app plugins',
    files: ['plugins/app/'],
    uses: ['content', 'text', 'store', 'shapes', 'repositories', 'snapshot', 'http', 'documents', 'external plugins', 'config'],
    why: 'app plugins serve routes; they do not import them',
  },
  {
    name: 'routes',
    files: ['routes/'],
    uses: [
      'content',
      'text',
      'store',
      'shapes',
      'repositories',
      'snapshot',
      'http',
      'documents',
      'external plugins',
      'app plugins',
      'config',
    ],
    why: 'routes translate HTTP and are registered by the app',
  },
  {
    name: 'entry points',
    files: ['app.ts', 'server.ts', 'seed/cli.ts', 'seed/changes-cli.ts'],
    uses: [
      'content',
      'text',
      'store',
      'seed',
      'shapes',
      'repositories',
      'snapshot',
      'http',
      'documents',
      'external plugins',
      'config',
      'app plugins',
      'routes',
    ],
    why: 'only the entry points start things',
  },
];

/** The layer of a path under src/ (longest matching entry wins), or undefined outside src/. */
export function layerOf(path) {
  // Imports name the compiled file (`../config.js`); the layers list the source (`config.ts`).
  const inSrc = relative(SRC, path).replace(/\.js$/, '.ts');
  if (inSrc.startsWith('..') || inSrc === '') return undefined;
  let best;
  let length = -1;
  for (const layer of LAYERS) {
    for (const entry of layer.files) {
      const matches = entry.endsWith('/') ? inSrc.startsWith(entry) : inSrc === entry;
      if (matches && entry.length > length) {
        best = layer;
        length = entry.length;
      }
    }
  }
  return best;
}

const downward = {
  meta: { type: 'problem', schema: [], messages: { upward: 'Layer rule ({{from}} → {{to}}): {{why}}.' } },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const specifier = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
      if (!specifier || !specifier.startsWith('.')) return;
      const to = layerOf(resolve(dirname(context.filename), specifier));
      if (!to || to === from || from.uses.includes(to.name)) return;
      context.report({ node, messageId: 'upward', data: { from: from.name, to: to.name, why: from.why } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

/** The rule as a flat-config block for every file under src/. */
export const layerRules = [
  {
    files: ['src/**/*.ts'],
    plugins: { layers: { rules: { downward } } },
    rules: { 'layers/downward': 'error' },
  },
];
