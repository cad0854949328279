/**
 * The two connections of the SQLite store and how calls use them: one writer, on which every
 * write is serialised through one queue and `atomic(work)` runs a whole use case as one unit of a
 * group commit (./group-commit.ts: queued units share one `BEGIN IMMEDIATE` transaction, each in
 * its own savepoint, answered after the COMMIT), and one read-only reader that sees committed
 * data only (WAL snapshot isolation). Reads inside `atomic` go to the writer, so a use case sees
 * its own writes; reads outside go to the writer too while no transaction is open there, else to
 * the reader.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer } from './checkpointer';
import { groupCommit } from './group-commit';
import { migrate } from './rows';

export interface SqliteStoreOptions {
  /** ':memory:' is refused: the store is durable by design. */
  file: string;
  /** 'FULL' also survives power loss, at the cost of an fsync per commit. */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * Checkpoints run by a worker thread (./checkpointer.ts) rather than by the writer after a
   * commit: for a long-running server, which then answers without waiting for them. Off for
   * short-lived stores (scripts, tests), which need no extra thread.
   */
  backgroundCheckpoints?: boolean;
}

/**
 * The log size (pages) at which the writer checkpoints itself when a worker does it normally. The
 * log starts over only when a write finds all of it copied, which under an unbroken stream of
 * writes the worker never quite achieves: this bounds it (16 MB), and by then the worker has
 * copied nearly everything.
 */
export const BACKSTOP_CHECKPOINT_PAGES = 4_000;

/** Prepares (once per connection) on the connection the current call reads with. */
export interface Connection {
  prepare(text: string): Database.Statement;
}

export interface Connections {
  writer: Database.Database;
  /** The connection of the current call: its own transaction's, or committed data. */
  db(): Connection;
  /** A single write: joins the running transaction, or queues as its own. */
  write<T>(fn: () => T): Promise<T>;
  /** Runs `work` as one unit of a group commit (its own savepoint), or inside the running one. */
  atomic<T>(work: () => Promise<T>): Promise<T>;
  close(): void;
}

/**
 * Which store's unit of work the current call runs in. One for the process, not one per store:
 * every live AsyncLocalStorage adds work to every promise and timer the process creates, so a
 * process that opens many stores (the tests) would slow down with each one.
 */
const insideUnit = new AsyncLocalStorage<object>();

export function openConnections(options: SqliteStoreOptions): Connections {
  if (options.file === ':memory:') throw new Error('the embedded store is file-based');
  // Personal data: the folder (when created here) and the file are readable by their owner only;
  // SQLite gives its -wal and -shm files the database file's permissions.
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  closeSync(openSync(options.file, 'a', 0o600));
  chmodSync(options.file, 0o600);
  const writer = new Database(options.file);
  writer.pragma('journal_mode = WAL');
  writer.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  writer.pragma('busy_timeout = 5000');
  writer.pragma('foreign_keys = ON');
  // Each unit of a group commit runs in its own savepoint, whose journal (the pages as they were
  // before the unit) SQLite spills to a temporary file beyond 64 KiB: a check-in touching a
  // dozen pages wrote them through the file system (three times the writes of the commit itself).
  // Temporary files in memory keep the savepoint journals there; the store's durability is the
  // WAL's, which this does not touch.
  writer.pragma('temp_store = MEMORY');
  migrate(writer);
  const checkpointer = options.backgroundCheckpoints ? startCheckpointer(options.file) : null;
  if (checkpointer) {
    writer.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
    // A log grown by one large transaction is cut back when it starts over, not kept at its peak.
    writer.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  }
  const reader = new Database(options.file, { readonly: true });
  reader.pragma('busy_timeout = 5000');

  /** This store's mark in `insideUnit` (several stores may be open in one process). */
  const mine = {};
  /** True when the current call runs inside one of this store's units of work. */
  const inUnit = () => insideUnit.getStore() === mine;
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `task` after every write queued before it. */
  function serialised<T>(task: () => Promise<T> | T): Promise<T> {
    const run = queue.then(task, task);
    if (checkpointer) run.then(checkpointer.committed, checkpointer.committed);
    queue = run.catch(() => undefined);
    return run;
  }
  /** A connection's statements, each prepared once. */
  const connection = (conn: Database.Database): Connection => {
    const statements = new Map<string, Database.Statement>();
    return {
      prepare(text: string): Database.Statement {
        let statement = statements.get(text);
        if (!statement) {
          statement = conn.prepare(text);
          statements.set(text, statement);
        }
        return statement;
      },
    };
  };
  const onWriter = connection(writer);
  const onReader = connection(reader);
  /**
   * The connection a call should read with: its own transaction's, or committed data. Outside a
   * unit that is the writer too while no transaction is open there (everything on it is then
   * committed), whose pages stay cached; the reader re-reads its pages after every commit.
   */
  const db = () => (inUnit() || !writer.inTransaction ? onWriter : onReader);
  /** A single write: joins the running transaction, or queues as its own. */
  function write<T>(fn: () => T): Promise<T> {
    if (inUnit()) return Promise.resolve().then(fn);
    return serialised(fn);
  }

  const group = groupCommit(writer, serialised, (work) => insideUnit.run(mine, work));

  return {
    writer,
    db,
    write,
    atomic<T>(work: () => Promise<T>): Promise<T> {
      if (inUnit()) return work();
      return group.submit(work);
    },

    close() {
      void checkpointer?.stop();
      reader.close();
      writer.close();
    },
  };
}
