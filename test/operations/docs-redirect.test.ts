import t from 'tap';
import { build } from '../helpers/app.js';

t.test('/docs/static/index.html leads to the docs, with or without a query, and never to itself', async (t) => {
  const app = await build(t);
  for (const url of ['/docs/static/index.html', '/docs/static/index.html?x', '/docs/static/index.html?url=/x&y=1']) {
    let current = url;
    const seen: string[] = [];
    for (let hop = 0; hop < 5; hop++) {
      const res = await app.inject({ url: current });
      if (res.statusCode < 300 || res.statusCode >= 400) {
        t.equal(res.statusCode, 200, `${url} ends in a page`);
        t.match(res.body, /swagger-ui/i);
        break;
      }
      seen.push(current);
      current =
        new URL(res.headers.location as string, 'http://localhost').pathname +
        (new URL(res.headers.location as string, 'http://localhost').search ?? '');
      t.notOk(seen.includes(current), `${url}: no redirect back to ${current}`);
    }
    t.ok(seen.length <= 1, `${url}: at most one redirect`);
  }
});

t.test('the docs serve the UI files under /docs/static only; other names under /docs are unknown URLs', async (t) => {
  const app = await build(t);
  for (const [url, type] of [
    ['/docs/static/swagger-ui.css', 'text/css'],
    ['/docs/static/swagger-ui-bundle.js', 'javascript'],
    ['/docs/static/logo.svg', 'image/svg+xml'],
  ] as const) {
    const res = await app.inject({ url });
    t.equal(res.statusCode, 200, url);
    t.match(res.headers['content-type'], type, url);
  }
  // The plugin, given the folder of its files, would also serve each of them at /docs/<name>.
  for (const url of ['/docs/swagger-ui.css', '/docs/csp.json', '/docs/logo.svg', '/docs/..%2fpackage.json']) {
    const res = await app.inject({ url });
    t.equal(res.statusCode, 404, url);
    t.match(res.headers['content-type'], 'application/problem+json', url);
  }
});
