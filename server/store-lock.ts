/**
 * Which process is serving a store file. The local server writes `<store>.server` with its pid
 * while it runs; `npm run demo:reset` reads it and refuses to delete a store a running server
 * holds open (the server would keep serving the deleted file's old week until restarted).
 * A lock left by a server that died (SIGKILL) names a pid that no longer runs and is ignored.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export function lockFileOf(storeFile: string): string {
  return `${storeFile}.server`;
}

/** Marks the store as served by this process; returns the release function. */
export function holdStore(storeFile: string, pid: number = process.pid): () => void {
  const file = lockFileOf(storeFile);
  writeFileSync(file, String(pid));
  return () => {
    if (serverHolding(storeFile) === pid) rmSync(file, { force: true });
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of the running server holding the store, or null. */
export function serverHolding(storeFile: string): number | null {
  let text: string;
  try {
    text = readFileSync(lockFileOf(storeFile), 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return isRunning(pid) ? pid : null;
}
