// `npm run build`: bundles the server into one file, dist/server.mjs. One file loads much faster
// than hundreds of modules, which is most of a cold start. Type checking is `npm run typecheck`.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // V8 keeps a module's whole source in the heap: minified, it is a quarter of the size and parses
  // faster. Names are kept for stack traces; the source map beside it maps them back to src/.
  sourcemap: true,
  minify: true,
  keepNames: true,
  legalComments: 'external',
  logLevel: 'warning',
  // Native code, and a plugin that serves its own static files from beside its source.
  external: ['better-sqlite3', '@fastify/swagger-ui'],
  // Bundled CommonJS dependencies call require(); give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// One non-ASCII character anywhere (esbuild escapes them in strings, not in regular expression
// literals) makes V8 hold the whole source as a two-byte string: 2.3 MB more, for good.
const source = readFileSync('dist/server.mjs', 'latin1');
const wide = /[\u0080-\u00ff]/.exec(source);
if (wide) {
  console.error(`dist/server.mjs is not ASCII at ${wide.index}: ${JSON.stringify(source.slice(wide.index - 60, wide.index + 20))}`);
  process.exit(1);
}
