import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Registry } from '../../content/registry.js';
import { HttpProblem } from '../../http/problems.js';
import type { ChangesRepository } from '../../repositories/changes-repository.js';
import type { CodesRepository } from '../../repositories/codes-repository.js';
import type { ContentRepository } from '../../repositories/content-repository.js';
import type { HelpRepository } from '../../repositories/help-repository.js';
import type { SearchRepository } from '../../repositories/search-repository.js';
import type { Presenter } from '../../snapshot/presenter.js';
import type { AnswersOptions } from '../../snapshot/answers.js';
import { Snapshot } from '../../snapshot/snapshot.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The content types served: the same registry the store was built with. */
    registry: Registry;
    /** Everything served from the open store; replaced whole when a new store is built. */
    snapshot: Snapshot;
    /** Runs `listener` after each swap to a newly built store. */
    onContentReload(listener: () => void): void;
    // The current snapshot's parts, for brevity in routes.
    content: ContentRepository;
    /** The content's history: the change feed, tombstones and renamed slugs. */
    changes: ChangesRepository;
    help: HelpRepository;
    /** The code map: which topics and records answer a clinical code, and which codes answer with help first. */
    codes: CodesRepository;
    searchIndex: SearchRepository;
    present: Presenter;
    /**
     * Throws (a 503 problem) unless the open store can answer what requests need, search index
     * included; a damaged store is first replaced by whatever valid store is at the path.
     */
    checkStore(): void;
  }
}

export interface ContentPluginOptions {
  storePath: string;
  registry: Registry;
  /** Pick up a newly built store without a restart (the build renames a new file into place). */
  watch: boolean;
  answers: AnswersOptions;
}

const healthy = (snapshot: Snapshot) => {
  try {
    snapshot.probe();
    return true;
  } catch {
    return false;
  }
};

/**
 * Opens the read-only content store as a snapshot and shares it with every route. When a new
 * store is built over the old path, its snapshot is opened and swapped in whole; requests are
 * synchronous against the snapshot, so none ever sees half of each.
 */
export default fp<ContentPluginOptions>(
  async function content(app: FastifyInstance, opts) {
    const open = () => Snapshot.open(opts.storePath, opts.registry, opts.answers);
    let current = open();
    app.decorate('registry', opts.registry);
    app.decorate('snapshot', { getter: () => current });
    app.decorate('content', { getter: () => current.content });
    app.decorate('changes', { getter: () => current.changes });
    app.decorate('help', { getter: () => current.help });
    app.decorate('codes', { getter: () => current.codes });
    app.decorate('searchIndex', { getter: () => current.search });
    app.decorate('present', { getter: () => current.present });
    const listeners: (() => void)[] = [];
    app.decorate('onContentReload', (listener: () => void) => {
      listeners.push(listener);
    });

    let watcher: FSWatcher | undefined;
    let timer: NodeJS.Timeout | undefined;
    const reload = () => {
      try {
        const next = open();
        // The same version (and change log) is swapped in only to replace a store damaged in place.
        const same = next.version === current.version && next.changes.logHash === current.changes.logHash;
        if (same && healthy(current)) return next.close();
        if (!healthy(next)) {
          next.close();
          throw new Error('the new store fails its probe');
        }
        const previous = current;
        current = next;
        previous.close();
        app.log.info({ contentVersion: next.version }, 'content store reloaded');
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
      current.close();
    });
  },
  { name: 'content' },
);
