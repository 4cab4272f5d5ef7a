// Pages for people in real Chromium: no axe-core violations (WCAG 2.1 AA and best practices) on a
// topic page, a record page and the search page in both themes, and the pages' own CSP runs no
// script but lets the search form submit.
import t from 'tap';
import { axe, CHROMIUM, openBrowser, serve } from '../helpers/browser.js';
import { unlessInstalled } from '../helpers/services.js';

t.test('in Chromium', { skip: unlessInstalled(CHROMIUM, 'chromium') }, async (t) => {
  const origin = await serve(t);

  await t.test('no axe violations on a topic page, a record page, the FAQ list and search pages, light and dark', async (t) => {
    // axe is injected as a script, which the pages' CSP (rightly) forbids.
    const page = await (await openBrowser(t, { bypassCSP: true })).newPage();
    for (const path of [
      '/topics/emotional-withdrawal',
      '/strategies/journaling',
      '/faqs',
      '/signs/no-such-sign',
      '/topics',
      '/search',
      '/search?q=feel+numb+and+empty&limit=5',
      '/search?q=I+want+to+kill+myself&region=GB',
      '/search?q=xylophone+quantum',
    ]) {
      for (const theme of ['light', 'dark'] as const) {
        const res = await page.goto(`${origin}${path}${path.includes('?') ? '&' : '?'}theme=${theme}`);
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

  await t.test('the search form submits under the pages’ own CSP, keeping the region', async (t) => {
    const page = await (await openBrowser(t)).newPage();
    await page.goto(`${origin}/topics?region=GB`);
    await page.getByLabel('Search topics, signs, strategies and questions').fill('journaling');
    await Promise.all([page.waitForURL(/\/search\?/), page.getByRole('button', { name: 'Search' }).click()]);
    const url = new URL(page.url());
    t.equal(url.pathname, '/search');
    t.equal(url.searchParams.get('q'), 'journaling');
    t.equal(url.searchParams.get('region'), 'GB');
    t.equal(await page.locator('#results-heading').count(), 1, 'results');
    t.equal(await page.inputValue('#search-q'), 'journaling', 'the form holds the query');
  });
});
