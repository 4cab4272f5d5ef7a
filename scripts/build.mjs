// `npm run build`: bundles the server into one file, dist/server.mjs. One file loads much faster
// than hundreds of modules, which is most of a cold start. Type checking is `npm run typecheck`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
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
