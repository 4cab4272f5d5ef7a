import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import t from 'tap';
import { PROJECT_ROOT } from '../../src/config.js';
import { build } from '../helpers/app.js';

// Every content answer under /v1, whichever operation gives it, carries the licence of our text
// and the credit to show: the operations are read from the committed document, so a new one is
// covered as soon as it is documented.
const doc = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'openapi/openapi.json'), 'utf8')) as {
  paths: Record<string, { get?: { parameters?: { name: string; in: string; required?: boolean }[] } }>;
};
// Values for required query parameters (search's `q`); none other is required today.
const REQUIRED: Record<string, string> = { q: 'journaling' };

const app = await build(t);
const get = (url: string) => app.inject({ method: 'GET', url });

/** A URL that answers 200 for this documented path: a real slug, the required parameters. */
async function urlFor(path: string): Promise<string> {
  const op = doc.paths[path]!.get!;
  let url = path;
  if (path.includes('{slug}')) {
    const list = await get(path.replace('/{slug}', '?limit=1'));
    url = path.replace('{slug}', list.json().data[0].slug);
  }
  const required = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${REQUIRED[p.name]}`);
  return required.length ? `${url}?${required.join('&')}` : url;
}

t.test('every /v1 GET operation answers meta.license and meta.attribution', async (t) => {
  // The infobutton answers an Atom feed: its licence and credit are the feed's and each entry's
  // `rights` (test/routes/infobutton.test.ts).
  const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/v1/') && p !== '/v1/infobutton' && doc.paths[p]!.get);
  t.ok(paths.length >= 22, 'all content operations are covered');
  for (const path of paths) {
    const url = await urlFor(path);
    const res = await get(url);
    t.equal(res.statusCode, 200, url);
    const { meta } = res.json();
    t.same(meta.license, { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }, `${url}: license`);
    t.match(
      meta.attribution,
      /^Content from the Emotional Connection Content API, licensed under CC BY 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)\.$/,
      `${url}: attribution`,
    );
    t.ok(meta.disclaimer, `${url}: beside the disclaimer`);
  }
});

t.test('the document and the README say the same', async (t) => {
  const info = (
    JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'openapi/openapi.json'), 'utf8')) as {
      info: { description: string; license: { url: string } };
    }
  ).info;
  t.equal(info.license.url, 'https://creativecommons.org/licenses/by/4.0/');
  t.match(info.description, /CC BY 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)/);
  t.match(info.description, /cited in `sources` are not ours/);
  const readme = readFileSync(resolve(PROJECT_ROOT, 'README.md'), 'utf8');
  t.match(readme, /## Licence and attribution/);
  t.match(readme, /https:\/\/creativecommons\.org\/licenses\/by\/4\.0\//);
});
