// The builder as a clinician uses it, in Chromium under the page's real CSP: choose, preview, copy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import t from 'tap';
import { CHROMIUM, openBrowser, serve } from '../helpers/browser.js';
import { unlessInstalled } from '../helpers/services.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Polls a condition from the test side (no code is injected into the page under test). */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

t.test('the embed builder in Chromium', { skip: unlessInstalled(CHROMIUM, 'chromium') }, async (t) => {
  const origin = await serve(t);
  const context = await openBrowser(t, { permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });

  const snippet = page.getByLabel("Embed code (paste into your page's HTML)");
  const link = page.getByLabel('Link (for oEmbed sites such as WordPress, or to share)');
  const preview = page.frameLocator('#preview');
  const previewSrc = () => page.locator('#preview').getAttribute('src');
  // The iframe's src changes at once, its document a little later: checks on the preview wait for
  // the document of that very URL (an earlier page, with the same heading, may still be shown).
  const previewLoaded = async (url: string) => {
    const frame = await until(
      async () => page.frames().find((f) => f.url() === url),
      (f) => f !== undefined,
      `the preview of ${url} to load`,
    );
    await frame!.waitForLoadState('load');
  };
  // Page code as a string: the tests are type-checked without the DOM library.
  const clipboard = () => page.evaluate<string>('navigator.clipboard.readText()');

  await t.test('opens with a working default: preview, code and link', async (t) => {
    const res = await page.goto(`${origin}/embed`);
    t.equal(res?.status(), 200);
    t.equal(await page.title(), 'Embed builder');
    const url = `${origin}/embed/topics/emotional-isolation?sections=strategies,therapies`;
    t.equal(await previewSrc(), url);
    t.equal(await link.inputValue(), url);
    await until(
      () => snippet.inputValue(),
      (v) => v.startsWith(`<iframe src="${url}"`),
      'the default snippet',
    );
    t.equal(await preview.locator('h1').textContent(), 'Emotional isolation');
    t.ok(await page.locator('#list-fields').isHidden(), 'record picking is hidden until chosen');
  });

  await t.test('choose a topic and sections, see the preview, copy the code', async (t) => {
    await page.getByLabel('Topic', { exact: true }).selectOption('emotional-detachment');
    await page.getByLabel('Questions and answers').check();
    await page.getByLabel('Therapies and support').uncheck();
    const url = `${origin}/embed/topics/emotional-detachment?sections=strategies,faqs`;
    await until(previewSrc, (v) => v === url, 'the preview to follow the choices');
    await previewLoaded(url);
    await until(
      () => preview.locator('h2#section-1').textContent(),
      (v) => v === 'Questions and answers',
      'the preview to load',
    );
    t.equal(await preview.locator('h1').textContent(), 'Emotional detachment');
    const code = await until(
      () => snippet.inputValue(),
      (v) => v.includes(url),
      'the snippet to follow',
    );
    t.match(code, /^<iframe src="[^"]+" width="600" height="\d+" title="Emotional detachment: Coping strategies, Questions and answers"/);

    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await until(
      () => page.locator('#status').textContent(),
      (v) => v === 'Embed code copied to the clipboard.',
      'the copy confirmation',
    );
    t.equal(await clipboard(), code, 'the clipboard holds the snippet');

    // What was copied is exactly what oEmbed gives for the link.
    const oembed = (await (await fetch(`${origin}/oembed?url=${encodeURIComponent(url)}`)).json()) as { html: string };
    t.equal(oembed.html, code);
  });

  await t.test('pick individual records across topics, with a title and the dark theme, copy the link', async (t) => {
    await page.getByLabel('Records I pick, from any topic').check();
    t.ok(await page.locator('#topic-fields').isHidden());
    await until(
      () => page.locator('#problem').textContent(),
      (v) => v === 'Tick at least one record.',
      'a prompt to pick records',
    );
    t.equal(await snippet.inputValue(), '', 'no code for an empty list');

    await page.locator('summary', { hasText: 'Therapies and support' }).click();
    await page.getByLabel('Counseling and talking with a therapist').check();
    await page.locator('summary', { hasText: 'Coping strategies' }).click();
    await page.getByLabel('Journaling', { exact: true }).check();
    await page.getByLabel('List title (optional)').fill('For Sam & family');
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByLabel('Layout').selectOption('compact');

    const url = `${origin}/embed/list?items=therapy:counselling,strategy:journaling&title=For%20Sam%20%26%20family&theme=dark&layout=compact`;
    await until(previewSrc, (v) => v === url, 'the preview of the list, in the order ticked');
    await previewLoaded(url);
    await until(
      () => preview.locator('h1').textContent(),
      (v) => v === 'For Sam & family',
      'the list to load',
    );
    t.equal(await preview.locator('html').getAttribute('data-theme'), 'dark');
    t.same(await preview.locator('li.item h2').allTextContents(), [
      'Counseling and talking with a therapist (opens in a new tab)',
      'Journaling (opens in a new tab)',
    ]);
    t.equal(await page.locator('#problem').textContent(), '');

    await page.getByRole('button', { name: 'Copy link' }).click();
    await until(
      () => page.locator('#status').textContent(),
      (v) => v === 'Link copied to the clipboard.',
      'the copy confirmation',
    );
    t.equal(await clipboard(), url);
    t.equal(await link.inputValue(), url);
    await until(
      () => snippet.inputValue(),
      (v) => v.includes('title="For Sam &amp; family"'),
      'the snippet of the list',
    );
  });

  t.same(problems, [], 'no console errors or CSP violations while building');

  await t.test('a bad language tag is explained, not hidden', async (t) => {
    await page.getByLabel('Language tag').fill('not a tag');
    await until(
      () => page.locator('#problem').textContent(),
      (v) => /do not make a valid embed/.test(v ?? ''),
      'the explanation',
    );
    await until(
      () => preview.locator('h1').textContent(),
      (v) => v === 'This embed link is not valid',
      'the preview to show why',
    );
    t.equal(await snippet.inputValue(), '');
    await page.getByLabel('Language tag').fill('en-GB');
    await until(
      () => snippet.inputValue(),
      (v) => v.includes('lang=en-GB'),
      'recovery',
    );
  });

  await t.test('works from the keyboard alone', async (t) => {
    await page.goto(`${origin}/embed`);
    await page.locator('#mode-topic').focus();
    await page.keyboard.press('ArrowDown'); // radio group: to "Records I pick"
    t.equal(await page.locator('#mode-list').isChecked(), true);
    await until(() => page.locator('#topic-fields').isHidden(), Boolean, 'topic fields to hide');
  });

  await t.test('the builder page has no axe violations', async (t) => {
    await page.goto(`${origin}/embed`);
    // Evaluated through the DevTools protocol, so the page's CSP stays as it is for everything else.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate<string[]>(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
        .then((r) => r.violations.map((v) => v.id + ' (' + v.nodes.length + ')'))`,
    );
    t.same(violations, []);
  });

  t.same(
    problems.filter((p) => /Content.Security.Policy|Refused to/i.test(p)),
    [],
    'no CSP violations at any point',
  );
});
