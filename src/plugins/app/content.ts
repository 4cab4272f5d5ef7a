import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Answers, type AnswersOptions } from '../../answers/answers.js';
import type { Registry } from '../../content/registry.js';
import { openStore, type Store, StoreError } from '../../db/open.js';
import { HttpProblem } from '../../http/problems.js';
import { Presenter } from '../../http/present.js';
import { ChangesRepository } from '../../repositories/changes-repository.js';
import { ContentRepository } from '../../repositories/content-repository.js';
import { HelpRepository } from '../../repositories/help-repository.js';
import { SearchRepository } from '../../repositories/search-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs `listener` after each swap to a newly built store. */
    onContentReload(listener: () => void): void;
    content: ContentRepository;
    /** The content's history: the change feed, tombstones and renamed slugs. */
    changes: ChangesRepository;
    help: HelpRepository;
    searchIndex: SearchRepository;
    present: Presenter;
    store: Store;
    /** Answers computed for the open store (prepared and cached); replaced with the store. */
    answers: Answers;
    /**
     * Throws (a 503 problem) unless the open store can answer what requests need, search index
     * included; a damaged store is first replaced by whatever valid store is at the path.
     */
    checkStore(): void;
  }
}

export interface ContentPluginOptions {
  storePath: string;
  /** The content types the store holds (default: the app's). */
  registry?: Registry;
  /** Pick up a newly built store without a restart (the build renames a new file into place). */
  watch: boolean;
  answers: AnswersOptions;
}

interface Loaded {
  store: Store;
  content: ContentRepository;
  changes: ChangesRepository;
  help: HelpRepository;
  searchIndex: SearchRepository;
  present: Presenter;
  answers: Answers;
  /** A cheap read of what requests touch: the metadata table and the search index. */
  probe: () => void;
}

function load(storePath: string, answers: AnswersOptions, registry?: Registry): Loaded {
  const store = openStore(storePath);
  try {
    const content = new ContentRepository(store.db, registry);
    const meta = store.sqlite.prepare("select value from store_meta where key = 'content_version'");
    const documents = store.sqlite.prepare('select 1 from search_documents limit 1');
    const searchIndex = new SearchRepository(store.sqlite);
    const probe = () => {
      if (!meta.get()) throw new Error('no content version recorded');
      if (!documents.get()) throw new Error('no search documents');
      // Builds the in-memory search index on the first probe, so the first search is not slow.
      searchIndex.search({ q: 'support', limit: 1, offset: 0 });
    };
    const help = new HelpRepository(store.db, content.crisis);
    return {
      store,
      content,
      changes: new ChangesRepository(store.db),
      help,
      searchIndex,
      present: new Presenter(content, help),
      answers: new Answers(answers),
      probe,
    };
  } catch (error) {
    store.close();
    // Typically a store built by an older version of the app (a missing table or column).
    throw new StoreError(
      `the content store at ${storePath} cannot be read (${(error as Error).message}); rebuild it with \`npm run db:build\``,
    );
  }
}

/**
 * Opens the read-only content store and shares its repositories with every route. When a new
 * store is built over the old path, the new one is opened and swapped in whole; requests are
 * synchronous against the store, so none ever sees half of each.
 */
export default fp<ContentPluginOptions>(
  async function content(app: FastifyInstance, opts) {
    let current = load(opts.storePath, opts.answers, opts.registry);
    app.decorate('store', { getter: () => current.store });
    app.decorate('content', { getter: () => current.content });
    app.decorate('changes', { getter: () => current.changes });
    app.decorate('help', { getter: () => current.help });
    app.decorate('searchIndex', { getter: () => current.searchIndex });
    app.decorate('present', { getter: () => current.present });
    app.decorate('answers', { getter: () => current.answers });
    const listeners: (() => void)[] = [];
    app.decorate('onContentReload', (listener: () => void) => {
      listeners.push(listener);
    });

    const healthy = (loaded: Loaded) => {
      try {
        loaded.probe();
        return true;
      } catch {
        return false;
      }
    };
    let watcher: FSWatcher | undefined;
    let timer: NodeJS.Timeout | undefined;
    const reload = () => {
      try {
        const next = load(opts.storePath, opts.answers, opts.registry);
        // The same version (and change log) is swapped in only to replace a store damaged in place.
        const same = next.content.version === current.content.version && next.changes.logHash === current.changes.logHash;
        if (same && healthy(current)) return next.store.close();
        if (!healthy(next)) {
          next.store.close();
          throw new Error('the new store fails its probe');
        }
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
    app.decorate('checkStore', () => {
      if (healthy(current)) return;
      reload();
      try {
        current.probe();
      } catch (error) {
        app.log.error(
          { err: error },
          'the content store cannot answer (damaged in place?); replace it by renaming a valid store into place',
        );
        throw new HttpProblem(503, 'The content store is unavailable; please retry shortly.');
      }
    });
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
