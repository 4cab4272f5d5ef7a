import t from 'tap';
import type * as schema from '../../src/db/schema.js';
import { citationOf } from '../../src/repositories/citation.js';

type Row = typeof schema.sources.$inferSelect;
const source = (over: Partial<Row>): Row => ({
  slug: 's',
  title: 'A title',
  description: '',
  publisher: 'A Publisher',
  authors: [],
  editors: [],
  url: null,
  doi: null,
  accessed: null,
  published: null,
  updated: null,
  container: null,
  volume: null,
  issue: null,
  pages: null,
  kind: 'reference',
  authority: 'peer-reviewed',
  sortOrder: 1,
  ...over,
});

t.test('journal article: initials, "&" before the last author, year only, volume(issue), pages, DOI link', async (t) => {
  const row = source({
    title: 'Childhood maltreatment, emotional dysregulation, and psychiatric comorbidities',
    authors: ['Dvir, Yael', 'Ford, Julian D.', 'Hill, Michael', 'Frazier, Jean A.'],
    published: '2014',
    container: 'Harvard Review of Psychiatry',
    volume: '22',
    issue: '3',
    pages: '149–161',
    doi: '10.1097/HRP.0000000000000014',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4091823',
  });
  t.equal(
    citationOf(row),
    'Dvir, Y., Ford, J. D., Hill, M., & Frazier, J. A. (2014). Childhood maltreatment, emotional dysregulation, and psychiatric comorbidities. Harvard Review of Psychiatry, 22(3), 149–161. https://doi.org/10.1097/HRP.0000000000000014',
  );
  t.equal(
    citationOf({ ...row, volume: null, issue: null, pages: null }).includes('Harvard Review of Psychiatry. Advance online publication.'),
    true,
    'no volume yet',
  );
});

t.test('report in a series: the series after the title, year only, publisher, URL', async (t) => {
  const row = source({
    title: 'What is the evidence on the role of the arts in improving health and well-being? A scoping review',
    authors: ['Fancourt, Daisy', 'Finn, Saoirse'],
    published: '2019-11',
    container: 'Health Evidence Network synthesis report 67',
    publisher: 'WHO Regional Office for Europe',
    url: 'https://example.org/report',
  });
  t.equal(
    citationOf(row),
    'Fancourt, D., & Finn, S. (2019). What is the evidence on the role of the arts in improving health and well-being? A scoping review (Health Evidence Network synthesis report 67). WHO Regional Office for Europe. https://example.org/report',
  );
});

t.test('book chapter: editors with initials first, (Eds.), pages, publisher', async (t) => {
  const row = source({
    title: 'Emotional dissociation in response to trauma',
    authors: ['Foa, Edna B.', 'Hearst-Ikeda, Diana'],
    editors: ['Michelson, Larry K.', 'Ray, William J.'],
    published: '1996',
    container: 'Handbook of dissociation',
    pages: '207–224',
    publisher: 'Plenum Press',
  });
  t.equal(
    citationOf(row),
    'Foa, E. B., & Hearst-Ikeda, D. (1996). Emotional dissociation in response to trauma. In L. K. Michelson & W. J. Ray (Eds.), Handbook of dissociation (pp. 207–224). Plenum Press.',
  );
  t.match(citationOf({ ...row, editors: ['Ray, William J.'] }), /In W\. J\. Ray \(Ed\.\), Handbook/, 'one editor');
});

t.test('web pages: full date when known, site name, URL without a retrieval date; group and missing authors', async (t) => {
  t.equal(
    citationOf(
      source({
        title: 'The danger of emotional detachment',
        authors: ['Gunther, Randi'],
        published: '2020-12-31',
        publisher: 'Psychology Today',
      }),
    ),
    'Gunther, R. (2020, December 31). The danger of emotional detachment. Psychology Today.',
  );
  t.equal(
    citationOf(
      source({
        title: 'Loneliness',
        authors: ['National Health Service'],
        publisher: 'National Health Service',
        url: 'https://www.nhs.uk/x',
        updated: '2024-05',
      }),
    ),
    'National Health Service. (2024, May). Loneliness. https://www.nhs.uk/x',
    'a group author that is the site is named once',
  );
  t.equal(
    citationOf(source({ title: 'Emotional isolation: What it is', publisher: 'A site', updated: '2025-08-31' })),
    'Emotional isolation: What it is. (2025, August 31). A site.',
    'no author: the title leads',
  );
  t.equal(
    citationOf(source({ title: 'Why?', authors: ['Smith, Jean-Paul'] })),
    'Smith, J.-P. (n.d.). Why? A Publisher.',
    'hyphenated given name, no date, title ending in ?',
  );
  t.equal(citationOf(source({ authors: ['Ann, A.', 'Bob, B.'] })), 'Ann, A., & Bob, B. (n.d.). A title. A Publisher.', 'two authors');
  t.notMatch(citationOf(source({ url: 'https://example.org' })), /Retrieved/);
});
