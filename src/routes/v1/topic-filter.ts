import type { FastifyInstance } from 'fastify';
import { invalidParameters } from '../../http/problems.js';

/** Topics are content, not code: a `topic` filter is checked against the store. */
export function checkTopics(app: FastifyInstance, topics: string[] | undefined): void {
  const unknown = (topics ?? []).filter((t) => !app.content.hasTopic(t));
  if (unknown.length > 0) {
    const known = app.content
      .listTopics()
      .map((t) => t.slug)
      .join(', ');
    throw invalidParameters([
      {
        in: 'query',
        name: 'topic',
        detail: `unknown topic ${unknown.map((t) => `"${t.slice(0, 60)}"`).join(', ')}; known topics: ${known}`,
      },
    ]);
  }
}
