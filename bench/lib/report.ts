/** What scenarios hand back (flat figures by key) and how they report progress. */
import type { ApiClient } from './http';

export type Figures = Record<string, number>;

const started = performance.now();

export function log(message: string): void {
  const t = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[bench ${t}s] ${message}`);
}

/** What the HTTP scenarios share: the client against the running server, and its pool size. */
export interface HttpContext {
  api: ApiClient;
  baseUrl: string;
  concurrency: number;
  /** The server process (its CPU time is read from /proc where there is one). */
  serverPid: number;
}

/** `{ a: 1, b: 2 }` → `a 1, b 2` for progress lines. */
export function describe(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
