import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { PROJECT_ROOT } from '../../src/config.js';
import { build, buildFromSeed } from '../helpers/app.js';
import { listen } from '../helpers/http.js';
import { seedWithRename } from '../helpers/renamed-seed.js';
import { scratchDir } from '../helpers/store.js';
import type { Observations } from './flows/observations.js';

// Partners point their own generators at /openapi.json. Two independent generators from npm make
// clients from the committed document, here, once per run: @hey-api/openapi-ts (SDK and fetch
// client) and openapi-typescript (types, with the openapi-fetch runtime). The everyday flows in
// ./flows are written against each as a partner would write them (no casts, no workarounds),
// compiled with tsc --strict, and run against the app on 127.0.0.1: a list with `fields` in both
// spellings, paging by links.next, one item, a search with a region and crisis lines, a typed
// 404 problem, a 304 revalidation, and a renamed record's old slug.

const FLOWS = resolve(PROJECT_ROOT, 'test/client/flows');
const DOCUMENT = resolve(PROJECT_ROOT, 'openapi/openapi.json');
const TSC = resolve(PROJECT_ROOT, 'node_modules/typescript/bin/tsc');

type Generators = { heyApi: typeof import('@hey-api/openapi-ts'); openapiTs: typeof import('openapi-typescript') };
async function generators(): Promise<Generators | string> {
  try {
    return { heyApi: await import('@hey-api/openapi-ts'), openapiTs: await import('openapi-typescript') };
  } catch (error) {
    return `a generator is not installed (${(error as Error).message}): run npm install`;
  }
}

const loaded = await generators();
if (typeof loaded === 'string') t.test('generated clients', { skip: loaded }, () => {});
else {
  const { heyApi, openapiTs } = loaded;
  const dir = scratchDir(t, 'generated-clients-');
  const document = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as Record<string, unknown>;

  t.test('the generators make clients from the committed document, and tsc --strict compiles the flows against them', async (t) => {
    const tscVersion = spawnSync(process.execPath, [TSC, '--version'], { encoding: 'utf8' }).stdout;
    t.match(tscVersion, /^Version 5\./, 'TypeScript 5');
    await heyApi.createClient({
      input: document,
      output: { path: join(dir, 'hey'), importFileExtension: '.js', tsConfigPath: null },
      plugins: ['@hey-api/client-fetch'],
      logs: { level: 'silent', file: false },
    });
    mkdirSync(join(dir, 'openapi-typescript'));
    writeFileSync(join(dir, 'openapi-typescript/schema.ts'), openapiTs.astToString(await openapiTs.default(document as never)));
    for (const name of readdirSync(FLOWS)) copyFileSync(join(FLOWS, name), join(dir, name));
    // The flows resolve openapi-fetch where a partner's project would: its node_modules.
    symlinkSync(resolve(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: [],
          strict: true,
          skipLibCheck: true,
          outDir: 'out',
          rootDir: '.',
        },
        include: ['*.ts', 'hey', 'openapi-typescript'],
      }),
    );
    const tsc = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
    t.equal(tsc.status, 0, `tsc --strict: ${tsc.stdout}${tsc.stderr}`);
    for (const name of readdirSync(FLOWS).filter((n) => n !== 'observations.ts')) {
      t.notMatch(
        readFileSync(join(FLOWS, name), 'utf8'),
        /\bas\s+(const|unknown|any|never|[A-Z])|@ts-|\w!\./,
        `${name}: no casts or suppressions`,
      );
    }
  });

  t.test('the flows run against the app', async (t) => {
    const baseUrl = await listen(await build(t));
    const renamedBaseUrl = await listen(await buildFromSeed(t, seedWithRename(t, 'signs', 'emotional-numbness', 'feeling-numb')));
    const total = ((await (await fetch(`${baseUrl}/v1/signs?limit=1`)).json()) as { meta: { total: number } }).meta.total;

    for (const generator of ['hey-api', 'openapi-fetch']) {
      t.test(generator, async (t) => {
        const flows = (await import(pathToFileURL(join(dir, 'out', `${generator}.js`)).href)) as {
          run: (baseUrl: string, renamedBaseUrl: string) => Promise<Observations>;
        };
        const seen = await flows.run(baseUrl, renamedBaseUrl);

        const { fieldsComma: comma, fieldsRepeated: repeated } = seen;
        t.match(comma.url, /fields=title(,|%2C)summary/, 'fields sent comma-separated');
        t.match(repeated.url, /fields=title&fields=summary/, 'and with the key repeated');
        t.equal(comma.status, 200);
        t.equal(repeated.status, 200, 'a repeated list key is not a 400');
        t.equal(repeated.etag, comma.etag, 'one ETag for both spellings');
        t.equal(repeated.body, comma.body, 'the same answer');
        t.ok(
          comma.keys.length === 5 && comma.keys.every((k) => k.join() === 'href,slug,summary,title,type'),
          'items trimmed to the fields',
        );

        t.equal(seen.paging.total, total);
        t.equal(seen.paging.slugs.length, total, 'paged to the end by links.next');
        t.equal(new Set(seen.paging.slugs).size, total, 'each record once');
        t.equal(seen.paging.pages, Math.ceil(total / 4));

        t.same(
          seen.item,
          { slug: 'emotional-numbness', title: 'Emotional numbness', kind: 'emotional', bodyFormat: 'text' },
          'one item, typed',
        );

        t.equal(seen.search.crisisDetected, true, 'crisis detected');
        t.equal(seen.search.region, 'GB');
        t.ok(seen.search.lines.length > 0, 'the region’s crisis lines');
        t.match(seen.search.lines[0], /^Samaritans: 116 123$/, 'the priority line first');

        t.same(
          seen.notFound,
          { status: 404, type: '/problems/not-found', title: 'Not found', crisisLines: 0 },
          'a typed 404 problem, with crisis help',
        );

        t.equal(seen.revalidated.status, 304, 'revalidated with If-None-Match');

        t.match(seen.renamed, { status: 200, slug: 'feeling-numb', redirected: true }, 'a renamed slug: the 301 is followed');
        t.match(seen.renamed.url, /\/v1\/signs\/feeling-numb$/);
      });
    }
  });
}
