/**
 * The benchmark's HTTP side: a client for `POST /api/<fn>` over one keep-alive agent, a bounded
 * pool that keeps a fixed number of requests in flight, and a burst runner that reports
 * throughput (completed ÷ wall time) and per-request latency.
 */
import { Agent, request } from 'node:http';
import type { ApiResult, FunctionName } from '../../types/api';
import { cpuUsPerCall, serverCpuDuring, serverIdle } from './server-cpu';
import { percentile, round, since } from './stats';

export interface Timed<T> {
  result: ApiResult<T>;
  /** From sending the request to the last byte of the answer. */
  ms: number;
  /** performance.now() when the last byte of the answer arrived. */
  at: number;
}

export class ApiClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets: number) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  call<T = unknown>(fn: FunctionName, action: string, data: unknown, identity: string): Promise<Timed<T>> {
    const body = JSON.stringify({ action, data });
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        {
          agent: this.agent,
          host: this.host,
          port: this.port,
          path: `/api/${fn}`,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-demo-identity': identity,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const at = performance.now();
            try {
              const result = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<T>;
              resolve({ result, ms: at - started, at });
            } catch (error) {
              reject(new Error(`${fn}/${action}: HTTP ${res.statusCode}, not JSON`, { cause: error }));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** The call's data; throws on an error result (for setup steps that must succeed). */
  async ok<T = unknown>(fn: FunctionName, action: string, data: unknown, identity: string): Promise<T> {
    const { result } = await this.call<T>(fn, action, data, identity);
    if (!result.ok) throw new Error(`${fn}/${action} as ${identity}: ${result.error.code} ${result.error.message}`);
    return result.data;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight; results in item order. */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

export interface Burst<T> {
  results: ApiResult<T>[];
  latencies: number[];
  wallMs: number;
  perS: number;
  p50: number;
  p99: number;
}

/** Fires one call per item through the pool and measures it. */
export async function burst<T, R = unknown>(
  api: ApiClient,
  items: readonly T[],
  concurrency: number,
  call: (item: T, index: number) => { fn: FunctionName; action: string; data: unknown; identity: string },
): Promise<Burst<R>> {
  const started = performance.now();
  const timed = await runPool(items, concurrency, (item, index) => {
    const c = call(item, index);
    return api.call<R>(c.fn, c.action, c.data, c.identity);
  });
  const wallMs = since(started);
  const latencies = timed.map((t) => t.ms);
  return {
    results: timed.map((t) => t.result),
    latencies,
    wallMs,
    perS: round((timed.length / wallMs) * 1000, 0),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
  };
}

/** `count` no-op calls (`resident` `system.ping`) through the same stack and pool. */
export function noop(api: ApiClient, count: number, concurrency: number): Promise<Burst<unknown>> {
  return burst(api, Array.from({ length: count }), concurrency, () => ({
    fn: 'resident',
    action: 'system.ping',
    data: {},
    identity: 'resident',
  }));
}

/** Bursts of no-ops before a scenario's run (one alone swung by half between runs: a collection, a busy neighbour). */
export const NOOP_BURSTS = 3;
/** Bursts of no-ops after it: a machine whose speed drifts during the run weighs on both sides of the ratio. */
export const NOOP_BURSTS_AFTER = 2;

export interface Compared<R> {
  /** The no-op burst of median rate among all, before and after. */
  base: Burst<unknown>;
  /** The server's CPU µs per no-op call over all of them (null where /proc is not there). */
  noopCpu: number | null;
  run: Burst<R>;
  runCpu: number | null;
}

/**
 * A scenario's run between no-op bursts of `count` calls through the same pool: NOOP_BURSTS
 * before, NOOP_BURSTS_AFTER after, each side once the server is idle (work it does after answering,
 * such as a background checkpoint, must not slow the no-ops nor be missing from the run's CPU).
 * The baseline is the burst of median rate; the server's CPU is read around the no-ops and around
 * the run until the server is idle again.
 */
export async function comparedWithNoop<R>(
  api: ApiClient,
  count: number,
  concurrency: number,
  serverPid: number,
  run: () => Promise<Burst<R>>,
): Promise<Compared<R>> {
  const bursts: Burst<unknown>[] = [];
  const noops = (n: number) =>
    serverCpuDuring(serverPid, async () => {
      for (let i = 0; i < n; i++) bursts.push(await noop(api, count, concurrency));
    });
  await serverIdle(serverPid);
  const before = await noops(NOOP_BURSTS);
  // The run's CPU includes what the server does after it answered (its background checkpoint):
  // read once it is idle again, which is also when the no-ops after it start.
  const measured = await serverCpuDuring(serverPid, async () => {
    const result = await run();
    await serverIdle(serverPid);
    return result;
  });
  const after = await noops(NOOP_BURSTS_AFTER);
  const noopCalls = bursts.reduce((n, b) => n + b.results.length, 0);
  return {
    base: bursts.sort((a, b) => a.perS - b.perS)[Math.floor(bursts.length / 2)],
    noopCpu: cpuUsPerCall(before.ms === null || after.ms === null ? null : before.ms + after.ms, noopCalls),
    run: measured.result,
    runCpu: cpuUsPerCall(measured.ms, measured.result.results.length),
  };
}

/** How many results of each kind: ok outcomes by `key`, errors by code. */
export function tally<T>(results: readonly ApiResult<T>[], key: (data: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const k = r.ok ? key(r.data) : `error:${r.error.code}`;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}
