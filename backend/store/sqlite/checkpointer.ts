/**
 * Background checkpoints for the embedded store. In WAL mode a commit appends the changed pages to
 * the log; a checkpoint later copies them into the database file and syncs both files. SQLite
 * runs that checkpoint itself on the connection whose commit crosses the log's threshold, i.e. on
 * the server's one thread, where it stalls every request for the copy and the two syncs (measured
 * on the 2-core bench machine: a commit cost 27 µs per page with it, 8.5 µs without).
 *
 * Here a worker thread with its own connection does it instead, on the other core: the writer
 * counts its commits in shared memory; the worker wakes on a commit, lets the burst's commits
 * gather for a moment (one checkpoint copies each page once, however often it changed), and runs
 * a PASSIVE checkpoint, which never blocks the writer or the readers. Durability is the log's and
 * is untouched: a committed transaction is in the log before its callers are answered, whoever
 * copies it on. The writer's own automatic checkpoint stays on at a higher threshold, as a
 * backstop should the worker fall behind or stop.
 */
import { Worker } from 'node:worker_threads';

/** Slots of the shared counter: commits so far, and the request to stop. */
const COMMITS = 0;
const STOP = 1;

/** How long the worker lets a burst's commits gather before it copies them. */
const GATHER_MS = 20;

/**
 * The worker's code, plain JavaScript evaluated in the thread: a TypeScript file would need the
 * runtime's transform (tsx, jest) inside the worker, which neither gives a worker thread. It
 * waits on the commit counter (Atomics.wait blocks only this thread) and checkpoints; a failed
 * checkpoint (busy, I/O) is left to the next one or to the writer's backstop.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const state = new Int32Array(workerData.state);
const pause = new Int32Array(new SharedArrayBuffer(4));
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
let copied = 0;
while (Atomics.load(state, ${STOP}) === 0) {
  const commits = Atomics.load(state, ${COMMITS});
  if (commits === copied) {
    Atomics.wait(state, ${COMMITS}, commits);
    continue;
  }
  Atomics.wait(pause, 0, 0, workerData.gatherMs);
  copied = commits;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {}
}
db.close();
`;

export interface Checkpointer {
  /** The writer committed: the worker will copy the log on. Costs an atomic add and a wake-up. */
  committed(): void;
  /** Stops the worker after its current checkpoint; resolves when its thread has ended. */
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, gatherMs = GATHER_MS): Checkpointer {
  const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3'), state: state.buffer, gatherMs },
  });
  // The process may end with the store open: the worker does not keep it alive.
  worker.unref();
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // A worker that cannot open the file or fails later just ends: the writer's own automatic
  // checkpoint still bounds the log. Its error must not surface as an uncaught exception.
  worker.on('error', () => undefined);
  return {
    committed() {
      Atomics.add(state, COMMITS, 1);
      Atomics.notify(state, COMMITS);
    },
    stop() {
      Atomics.store(state, STOP, 1);
      Atomics.notify(state, COMMITS);
      return ended;
    },
  };
}
