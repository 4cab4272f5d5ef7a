// Embeds in real Chromium: axe-core finds no WCAG 2.1 AA (or best-practice) violations in either
// theme, and the print style sheet makes a one- or two-page handout.
import type { Page } from 'playwright-core';
import t from 'tap';
import { axe, CHROMIUM, openBrowser, serve } from '../helpers/browser.js';
import { unlessInstalled } from '../helpers/services.js';

const css = (page: Page, selector: string, property: string) =>
  page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}]`);

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

t.test('in Chromium', { skip: unlessInstalled(CHROMIUM, 'chromium') }, async (t) => {
  const origin = await serve(t);
  // Tests inject axe as a script, which the embeds' CSP (rightly) forbids; the pages' own CSP is
  // exercised by the builder test, which does not bypass it.
  const context = await openBrowser(t, { bypassCSP: true });
  const page = await context.newPage();

  const pages: [string, string][] = [
    ['topic embed, all sections', '/embed/topics/emotional-withdrawal'],
    ['topic embed, compact', '/embed/topics/emotional-isolation?sections=signs,faqs&layout=compact'],
    [
      'custom list',
      '/embed/list?items=strategy:journaling,therapy:counselling,faq:how-long-does-recovery-take,sign:emotional-numbness&title=Resources%20for%20you',
    ],
  ];

  for (const [name, path] of pages) {
    for (const theme of ['light', 'dark'] as const) {
      await t.test(`${name}, ${theme} theme: no axe violations`, async (t) => {
        const res = await page.goto(`${origin}${path}${path.includes('?') ? '&' : '?'}theme=${theme}`);
        t.equal(res?.status(), 200);
        t.equal(await page.getAttribute('html', 'data-theme'), theme);
        t.same(await axe(page), []);
        t.equal(await page.locator('main').count(), 1, 'one main landmark');
        t.equal(await page.locator('h1').count(), 1, 'one h1');
      });
    }
  }

  await t.test('the HTML error page: no axe violations', async (t) => {
    const res = await page.goto(`${origin}/embed/topics/emotional-withdrawal?sections=feelings`);
    t.equal(res?.status(), 400);
    t.same(await axe(page), []);
  });

  await t.test("theme=auto follows the reader's system setting", async (t) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${origin}/embed/list?items=strategy:journaling&theme=auto`);
    t.equal(await css(page, 'html', 'backgroundColor'), 'rgb(18, 21, 25)');
    t.same(await axe(page), []);
    await page.emulateMedia({ colorScheme: 'light' });
    t.equal(await css(page, 'html', 'backgroundColor'), 'rgb(255, 255, 255)');
    t.same(await axe(page), []);
  });

  await t.test('an embed makes no network requests of its own', async (t) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = `${origin}/embed/topics/emotional-detachment?theme=dark`;
    await page.goto(url);
    page.removeAllListeners('request');
    t.same(requests, [url], 'only the page itself');
  });

  await t.test('print: a clean black-on-white handout of one or two pages', async (t) => {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    // The issue's own example: coping strategies and therapies for emotional withdrawal (the
    // largest of the three topics for these sections), asked for in the dark theme.
    await page.goto(`${origin}/embed/topics/emotional-withdrawal?sections=strategies,therapies&theme=dark`);
    const style = {
      background: await css(page, 'html', 'backgroundColor'),
      text: await css(page, 'body', 'color'),
      columns: await css(page, '.items', 'columnCount'),
      basedOnPerItem: await css(page, '.based-on', 'display'),
      allSources: await css(page, '.all-sources', 'display'),
    };
    t.same(style, { background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)', columns: '2', basedOnPerItem: 'none', allSources: 'block' });
    const typical = pdfPages(await page.pdf({ format: 'A4' }));
    t.ok(typical >= 1 && typical <= 2, `strategies and therapies print on ${typical} A4 page(s)`);
    const letter = pdfPages(await page.pdf({ format: 'Letter' }));
    t.ok(letter >= 1 && letter <= 2, `and on ${letter} US Letter page(s)`);
    await page.goto(`${origin}/embed/topics/emotional-withdrawal`);
    t.ok(pdfPages(await page.pdf({ format: 'A4' })) > typical, 'the page counter sees longer handouts (all six sections)');

    await page.goto(`${origin}/embed/list?items=strategy:journaling,therapy:counselling,faq:how-long-does-recovery-take`);
    t.equal(pdfPages(await page.pdf({ format: 'A4' })), 1, 'a short list is one page');
    const text = await page.locator('body').innerText();
    t.match(text, /If you need help now/, 'the handout keeps the crisis guidance');
    t.match(text, /not a substitute/, 'and the disclaimer');
    t.match(text, /Based on/, 'and the sources');
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  });
});
