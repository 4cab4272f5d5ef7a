import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { openStore } from '../../db/open.js';
import { ContentRepository } from '../../repositories/content-repository.js';
import { SearchRepository } from '../../repositories/search-repository.js';
import { Presenter } from '../../http/present.js';

declare module 'fastify' {
  interface FastifyInstance {
    content: ContentRepository;
    searchIndex: SearchRepository;
    present: Presenter;
    store: ReturnType<typeof openStore>;
  }
}

export interface ContentPluginOptions {
  storePath: string;
}

/** Opens the read-only content store once and shares its repository with every route. */
export default fp<ContentPluginOptions>(
  async function content(app: FastifyInstance, opts) {
    const store = openStore(opts.storePath);
    const repository = new ContentRepository(store.db);
    app.decorate('store', store);
    app.decorate('content', repository);
    app.decorate('searchIndex', new SearchRepository(store.sqlite));
    app.decorate('present', new Presenter(repository));
    app.addHook('onClose', async () => store.close());
  },
  { name: 'content' },
);
