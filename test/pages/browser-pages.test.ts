// Pages for people in real Chromium: no axe-core violations (WCAG 2.1 AA and best practices) on a
// topic page and a record page in both themes, and the pages' own CSP runs no script.
import t from 'tap';
import { axe, CHROMIUM, openBrowser, serve } from '../helpers/browser.js';
import { unlessInstalled } from '../helpers/services.js';

t.test('in Chromium', { skip: unlessInstalled(CHROMIUM, 'chromium') }, async (t) => {
  const origin = await serve(t);

  await t.test('no axe violations on a topic page, a record page and the FAQ list, light and dark', async (t) => {
    // axe is injected as a script, which the pages' CSP (rightly) forbids.
    const page = await (await openBrowser(t, { bypassCSP: true })).newPage();
    for (const path of ['/topics/emotional-withdrawal', '/strategies/journaling', '/faqs', '/signs/no-such-sign']) {
      for (const theme of ['light', 'dark'] as const) {
        const res = await page.goto(`${origin}${path}?theme=${theme}`);
        t.equal(res?.status(), path.includes('no-such') ? 404 : 200, path);
        t.same(await axe(page), [], `${path}, ${theme}`);
        t.equal(await page.locator('main').count(), 1, `${path}: one main landmark`);
        t.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
      }
    }
  });

  await t.test("the page's own CSP: its style applies, and no script runs", async (t) => {
    const context = await openBrowser(t);
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => blocked.push(m.text()));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${origin}/therapies/counselling`);
    t.equal(
      await page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor'),
      'rgb(18, 21, 25)',
      'theme=auto follows the dark system setting',
    );
    // A script added to the document after load is refused by the page's policy.
    const title = await page.title();
    await page.evaluate(
      `(() => { const s = document.createElement('script'); s.textContent = 'document.title = "ran"'; document.head.append(s); })()`,
    );
    t.equal(await page.title(), title, 'the script did not run');
    t.not(title, 'ran');
    t.ok(
      blocked.some((m) => /Content Security Policy/i.test(m)),
      'the policy reports the refused script',
    );
  });
});
