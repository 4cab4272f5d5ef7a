// The layers of src/, lowest first. A file may import from its own layer and from those below
// it, never from one above: routes → services and repositories → the store. Each entry names the
// folders (under src/) that a layer may NOT import; eslint.config.js turns them into
// no-restricted-imports rules, so an import that runs back up fails `npm run lint`.
const ENTRY = ['app', 'server'];
const PLUGINS = ['plugins', 'routes', ...ENTRY];
const SERVING = ['http', 'answers', 'clinical', 'embed', 'openapi', 'safety', ...PLUGINS];

/** [files, forbidden folders, why] */
export const LAYERS = [
  [
    ['src/content/**'],
    ['db', 'repositories', 'schemas', 'search', 'render', ...SERVING],
    'content definitions depend on nothing that serves them',
  ],
  [
    ['src/render/**', 'src/search/**'],
    ['db', 'repositories', 'schemas', 'seed', ...SERVING],
    'render and search are libraries over plain text',
  ],
  [['src/db/**'], ['repositories', 'schemas', 'search', 'render', ...SERVING], 'the store knows only the content definitions'],
  [['src/seed/**'], ['repositories', 'schemas', ...SERVING], 'the seed builds the store; it does not serve it'],
  [['src/schemas/**'], ['db', 'repositories', ...SERVING], 'API shapes do not reach into the store or the server'],
  [['src/repositories/**'], SERVING, 'repositories own data access and know nothing of HTTP'],
  [['src/answers/**', 'src/safety/**'], ['http', 'clinical', 'embed', 'openapi', ...PLUGINS], 'answers and safety sit below HTTP'],
  [['src/clinical/**'], ['http', 'embed', 'openapi', 'pages', ...PLUGINS], 'clinical answers are built from repositories, below HTTP'],
  [['src/http/**', 'src/openapi/**'], ['embed', ...PLUGINS], 'HTTP helpers are used by plugins and routes, never the reverse'],
  [['src/embed/**', 'src/pages/**'], ['openapi', ...PLUGINS], 'embed and page rendering is called by routes'],
  [['src/plugins/external/**'], ['plugins/app', 'routes', ...ENTRY], 'external plugins wrap third-party plugins only'],
  [['src/plugins/app/**'], ['routes', ...ENTRY], 'app plugins serve routes; they do not import them'],
  [['src/routes/**'], ENTRY, 'routes are registered by the app'],
];

const escape = (s) => s.replace(/[/.]/g, (c) => `\\${c}`);

/** One no-restricted-imports block per layer: a relative import whose target folder is forbidden. */
export const layerRules = LAYERS.map(([files, forbidden, why]) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            // `../../http/x.js`, `../app.js`: a relative path climbing to src/ and into a forbidden folder or file.
            regex: `^(\\.\\./)+(${forbidden.map(escape).join('|')})(/|\\.js$)`,
            message: `Layer rule: ${why}.`,
          },
        ],
      },
    ],
  },
}));
