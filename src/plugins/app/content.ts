import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { openStore, type Store } from '../../db/open.js';
import { Presenter } from '../../http/present.js';
import { ContentRepository } from '../../repositories/content-repository.js';
import { HelpRepository } from '../../repositories/help-repository.js';
import { SearchRepository } from '../../repositories/search-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs `listener` after each swap to a newly built store. */
    onContentReload(listener: () => void): void;
    content: ContentRepository;
    help: HelpRepository;
    searchIndex: SearchRepository;
    present: Presenter;
    store: Store;
  }
}

export interface ContentPluginOptions {
  storePath: string;
  /** Pick up a newly built store without a restart (the build renames a new file into place). */
  watch: boolean;
}

interface Loaded {
  store: Store;
  content: ContentRepository;
  help: HelpRepository;
  searchIndex: SearchRepository;
  present: Presenter;
}

function load(storePath: string): Loaded {
  const store = openStore(storePath);
  try {
    const content = new ContentRepository(store.db);
    const help = new HelpRepository(store.db, content.crisis);
    return { store, content, help, searchIndex: new SearchRepository(store.sqlite), present: new Presenter(content, help) };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Opens the read-only content store and shares its repositories with every route. When a new
 * store is built over the old path, the new one is opened and swapped in whole; requests are
 * synchronous against the store, so none ever sees half of each.
 */
export default fp<ContentPluginOptions>(
  async function content(app: FastifyInstance, opts) {
    let current = load(opts.storePath);
    app.decorate('store', { getter: () => current.store });
    app.decorate('content', { getter: () => current.content });
    app.decorate('help', { getter: () => current.help });
    app.decorate('searchIndex', { getter: () => current.searchIndex });
    app.decorate('present', { getter: () => current.present });
    const listeners: (() => void)[] = [];
    app.decorate('onContentReload', (listener: () => void) => {
      listeners.push(listener);
    });

    let watcher: FSWatcher | undefined;
    let timer: NodeJS.Timeout | undefined;
    const reload = () => {
      try {
        const next = load(opts.storePath);
        if (next.content.version === current.content.version) return next.store.close();
        const previous = current;
        current = next;
        previous.store.close();
        app.log.info({ contentVersion: next.content.version }, 'content store reloaded');
        for (const listener of listeners) listener();
      } catch (error) {
        // A half-written or broken file never replaces the store being served.
        app.log.error({ err: error }, 'new content store could not be opened; still serving the previous one');
      }
    };
    if (opts.watch) {
      watcher = watch(dirname(opts.storePath), (_event, file) => {
        if (file !== basename(opts.storePath)) return;
        clearTimeout(timer);
        timer = setTimeout(reload, 100);
      });
      watcher.unref();
    }
    app.addHook('onClose', async () => {
      clearTimeout(timer);
      watcher?.close();
      current.store.close();
    });
  },
  { name: 'content' },
);
