// `npm run build`: bundles the server into one file, dist/server.mjs. One file loads much faster
// than hundreds of modules, which is most of a cold start. Type checking is `npm run typecheck`.
import { copyFileSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // V8 keeps a module's whole source in the heap: without whitespace and comments it is 3.0 MB
  // instead of 4.8 MB and parses faster. Identifiers are not shortened, so stack traces keep
  // their function names without esbuild's keepNames, which renames every function again each
  // time it is created (a closure per request): 10 to 15 % of a small answer's cost. The source
  // map beside it maps lines back to src/.
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'external',
  logLevel: 'warning',
  // Native code. (The docs UI is bundled too and told where its files are installed: loading it
  // and its dependencies from node_modules took about 35 ms of every cold start.)
  external: ['better-sqlite3'],
  // Bundled CommonJS dependencies call require(); give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// Data the server reads beside itself (src/safety/crisis-model-stored.ts reads it next to its module).
copyFileSync('src/safety/crisis-model.json', 'dist/crisis-model.json');

// One non-ASCII character anywhere (esbuild escapes them in strings, not in regular expression
// literals) makes V8 hold the whole source as a two-byte string: 2.3 MB more, for good.
const source = readFileSync('dist/server.mjs', 'latin1');
const wide = /[\u0080-\u00ff]/.exec(source);
if (wide) {
  console.error(`dist/server.mjs is not ASCII at ${wide.index}: ${JSON.stringify(source.slice(wide.index - 60, wide.index + 20))}`);
  process.exit(1);
}
