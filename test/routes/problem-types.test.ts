import t from 'tap';
import { PROBLEM_TYPE_NAMES, PROBLEM_TYPES } from '../../src/content/problem-types.js';
import { build } from '../helpers/app.js';

// RFC 9457 §3.1.1: a problem's `type` URI, dereferenced, documents the problem for people.

const app = await build(t);

t.test('each problem type URI answers a short page saying what it means', async (t) => {
  for (const name of PROBLEM_TYPE_NAMES) {
    const res = await app.inject(`/problems/${name}`);
    t.equal(res.statusCode, 200, name);
    t.match(res.headers['content-type'], /^text\/html/);
    t.match(res.headers['cache-control'], /public/);
    t.match(res.headers['content-security-policy'], /default-src 'none'/);
    t.match(res.body, `<h1>${PROBLEM_TYPES[name].title}</h1>`);
    t.match(res.body, `"type": "/problems/${name}"`);
    t.match(res.body, /If you need help now/, 'with the crisis guidance, as every page');
  }
});

t.test('the type of a real problem leads to its page', async (t) => {
  const problem = (await app.inject('/v1/signs/not-a-real-slug')).json<{ type: string }>();
  t.equal(problem.type, '/problems/not-found');
  t.equal((await app.inject(problem.type)).statusCode, 200);
  const unknown = await app.inject('/problems/no-such-problem');
  t.equal(unknown.statusCode, 404);
  t.match(unknown.json(), { type: '/problems/not-found', detail: /no problem type "no-such-problem"/ });
});
