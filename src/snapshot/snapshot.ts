import type { Registry } from '../content/registry.js';
import { openStore, type Store, StoreError } from '../db/open.js';
import { ChangesRepository } from '../repositories/changes-repository.js';
import { CodesRepository } from '../repositories/codes-repository.js';
import { ContentRepository } from '../repositories/content-repository.js';
import { HelpRepository } from '../repositories/help-repository.js';
import { SearchRepository } from '../repositories/search-repository.js';
import { Answers, type AnswersOptions } from './answers.js';
import { CrisisNotices } from './crisis-notices.js';
import { Presenter } from './presenter.js';

/**
 * Everything served from one content store, read once when it is opened and never changed after:
 * the repositories (content, help, change log, search, code map), the presenter, the answers prepared for
 * the store's finite set of requests (topics, every record and source in each format, each
 * collection's first pages), and one bounded cache for every other request. A new store gets a
 * new snapshot, swapped in whole; nothing computed for one store is ever served for another.
 */
export class Snapshot {
  readonly content: ContentRepository;
  readonly changes: ChangesRepository;
  readonly help: HelpRepository;
  readonly search: SearchRepository;
  readonly codes: CodesRepository;
  readonly present: Presenter;
  readonly answers: Answers;

  private constructor(
    readonly store: Store,
    readonly registry: Registry,
    options: AnswersOptions,
  ) {
    this.content = new ContentRepository(store.db, registry);
    this.changes = new ChangesRepository(store.db);
    this.help = new HelpRepository(store.db);
    this.search = new SearchRepository(store.sqlite);
    this.codes = new CodesRepository(store.db, this.content, registry);
    this.present = new Presenter(registry, this.content, new CrisisNotices(this.help, this.content.crisis));
    this.answers = new Answers(options);
  }

  /** Opens the store at `path`; a store that cannot be read (a missing table or column) is refused, naming the rebuild. */
  static open(path: string, registry: Registry, options: AnswersOptions): Snapshot {
    const store = openStore(path);
    try {
      return new Snapshot(store, registry, options);
    } catch (error) {
      store.close();
      // Typically a store built by an older version of the app.
      throw new StoreError(
        `the content store at ${path} cannot be read (${(error as Error).message}); rebuild it with \`npm run db:build\``,
      );
    }
  }

  get version(): string {
    return this.content.version;
  }

  /**
   * Throws unless the store can answer what requests need: its metadata, and the search index
   * (built here on the first call, so the first search after start-up is not the slow one).
   */
  probe(): void {
    const meta = this.store.sqlite.prepare("select value from store_meta where key = 'content_version'").get();
    if (!meta) throw new Error('no content version recorded');
    if (!this.store.sqlite.prepare('select 1 from search_documents limit 1').get()) throw new Error('no search documents');
    this.search.search({ q: 'support', limit: 1, offset: 0 });
  }

  close(): void {
    this.store.close();
  }
}
