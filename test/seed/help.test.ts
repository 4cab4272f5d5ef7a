import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import t from 'tap';
import { HELP_AREAS, HELP_SERVICE_KINDS } from '../../src/content/help-directory.js';
import { loadSeed, SeedError } from '../../src/seed/load.js';
import { copySeed, SEED_DIR } from '../helpers/store.js';

// seed/help/ is validated like the rest of the content: every problem names its file and field.
const problemsOf = (seedDir: string) => {
  try {
    loadSeed(seedDir);
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
};
type HelpData = Record<string, unknown> & {
  lines: Record<string, unknown>[];
  services: Record<string, unknown>[];
  emergency: Record<string, unknown>;
};
const editData = (file: string, change: (data: HelpData) => void) => {
  const parsed = matter(readFileSync(file, 'utf8'), {});
  change(parsed.data as never);
  writeFileSync(file, matter.stringify(parsed.content, parsed.data));
};

t.test('the real help entries load', async (t) => {
  const { help } = loadSeed(SEED_DIR);
  t.same(help.map((h) => h.slug).sort(), ['au', 'ca', 'gb', 'ie', 'international', 'nz', 'us']);
});

t.test('a region must mark exactly one priority line', async (t) => {
  const seed = copySeed(t);
  let gbLines = 0;
  editData(join(seed, 'help/gb.md'), (d) => {
    gbLines = d.lines.length;
    d.lines.forEach((l) => (l.priority = true));
  });
  editData(join(seed, 'help/us.md'), (d) => d.lines.forEach((l) => (l.priority = false)));
  const problems = problemsOf(seed);
  t.ok(gbLines > 1, 'the UK has more than one line');
  t.match(problems, [
    { file: 'seed/help/gb.md', field: 'lines', message: new RegExp(`exactly one line priority: true \\(found ${gbLines}\\)`) },
    { file: 'seed/help/us.md', field: 'lines', message: /found 0/ },
  ]);
});

t.test('every line and emergency number cites its source; a region is an ISO code; files are named after it', async (t) => {
  const seed = copySeed(t);
  editData(join(seed, 'help/au.md'), (d) => {
    delete d.lines[0]!.sources;
    delete d.emergency.sources;
  });
  editData(join(seed, 'help/nz.md'), (d) => (d.region = 'UK'));
  editData(join(seed, 'help/ca.md'), (d) => {
    d.lines[0]!.sources = [{ title: 'x', publisher: 'y', url: 'not a url' }];
  });
  renameSync(join(seed, 'help/ie.md'), join(seed, 'help/fr.md'));
  const problems = problemsOf(seed);
  t.match(
    problems.find((p) => p.file === 'seed/help/au.md' && p.field === 'lines.0.sources'),
    { message: /.+/ },
    'a line without sources',
  );
  t.match(
    problems.find((p) => p.file === 'seed/help/au.md' && p.field === 'emergency'),
    { message: /needs sources/ },
    'a number without sources',
  );
  t.match(
    problems.find((p) => p.file === 'seed/help/nz.md' && p.field === 'region'),
    { message: /ISO 3166-1/ },
  );
  t.match(
    problems.find((p) => p.file === 'seed/help/ca.md' && p.field === 'lines.0.sources.0.url'),
    { message: /URL/ },
  );
  t.match(
    problems.find((p) => p.file === 'seed/help/fr.md'),
    { field: 'region', message: /must be named seed\/help\/ie\.md/ },
  );
});

t.test('the international answer is required', async (t) => {
  const seed = copySeed(t);
  rmSync(join(seed, 'help/international.md'));
  t.match(problemsOf(seed), [{ file: 'seed/help/international.md', message: /missing/ }]);
});

t.test('every service cites its source and names a known kind, and can be reached', async (t) => {
  const seed = copySeed(t);
  editData(join(seed, 'help/gb.md'), (d) => {
    delete d.services[0]!.sources;
    d.services[1]!.kind = 'counselling';
  });
  editData(join(seed, 'help/us.md'), (d) => {
    delete d.services[0]!.reviewedAt;
  });
  editData(join(seed, 'help/international.md'), (d) => {
    d.services = [
      {
        kind: 'talking-therapy',
        name: 'x',
        audience: 'y',
        sources: [{ title: 't', publisher: 'p', url: 'https://example.org' }],
        reviewedAt: '2026-12-07',
      },
    ];
  });
  const problems = problemsOf(seed);
  const find = (file: string, field: string) => problems.find((p) => p.file === file && p.field === field);
  t.match(find('seed/help/gb.md', 'services.0.sources'), { message: /.+/ }, 'a service without sources');
  t.match(
    find('seed/help/gb.md', 'services.1.kind'),
    { message: /one of: domestic-abuse, child-protection, talking-therapy/ },
    'an unknown kind',
  );
  t.match(find('seed/help/us.md', 'services.0.reviewedAt'), { message: /.+/ }, 'a service without reviewedAt');
  t.match(
    find('seed/help/international.md', 'services.0'),
    { message: /needs at least one of phone, text, chat, web/ },
    'a service nobody can reach',
  );
});

t.test('a line or service area must be a known part of its region', async (t) => {
  const seed = copySeed(t);
  editData(join(seed, 'help/gb.md'), (d) => {
    d.lines[2]!.areas = ['England', 'Cornwall'];
    d.services[0]!.areas = ['Ulster'];
  });
  editData(join(seed, 'help/us.md'), (d) => {
    d.lines[0]!.areas = ['Texas'];
  });
  editData(join(seed, 'help/ie.md'), (d) => {
    d.lines[0]!.areas = [];
  });
  const problems = problemsOf(seed);
  const find = (file: string, field: string) => problems.find((p) => p.file === file && p.field === field);
  t.match(find('seed/help/gb.md', 'lines.2.areas.1'), {
    message: /"Cornwall" is not a known area of GB \(one of: England, Scotland, Wales, Northern Ireland\)/,
  });
  t.notOk(find('seed/help/gb.md', 'lines.2.areas.0'), 'a known nation passes');
  t.match(find('seed/help/gb.md', 'services.0.areas.0'), { message: /"Ulster" is not a known area of GB/ }, 'services are checked too');
  t.match(find('seed/help/us.md', 'lines.0.areas.0'), { message: /US has no areas/ }, 'a region without areas rejects any');
  t.match(find('seed/help/ie.md', 'lines.0.areas'), { message: /at least one area/ }, 'an empty list says to leave the field out');
});

t.test('every region offers domestic-abuse, child-protection and talking-therapy help', async (t) => {
  const { help } = loadSeed(SEED_DIR);
  for (const { slug, data } of help) {
    if (!data.region) continue;
    for (const kind of HELP_SERVICE_KINDS) {
      t.ok(
        data.services.some((s) => s.kind === kind),
        `${slug} lists a ${kind} service`,
      );
    }
  }
});

t.test('the UK marks each line that serves one nation only, and its nations each have a crisis line of their own', async (t) => {
  const gb = loadSeed(SEED_DIR).help.find((h) => h.slug === 'gb')!;
  for (const nation of HELP_AREAS.GB!) {
    t.ok(
      gb.data.lines.some((l) => l.areas?.includes(nation)),
      `a line for ${nation}`,
    );
  }
  t.ok(
    gb.data.lines.filter((l) => l.priority).every((l) => !l.areas),
    'the priority line serves the whole UK',
  );
});
