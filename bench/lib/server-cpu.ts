/**
 * The server process's CPU time (all its threads), read from /proc on Linux: what a call costs the
 * server, whatever the bench's own client costs and wherever the scheduler puts it. Elsewhere it
 * is not known (null) and the figures built on it are left out.
 */
import { readFileSync } from 'node:fs';

/** Linux counts CPU time in clock ticks of 10 ms (USER_HZ = 100 on every architecture Node runs on). */
const MS_PER_TICK = 10;

export function serverCpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return null;
  }
}

/** Runs `work` and returns its result with the CPU ms the server spent meanwhile (null when unknown). */
export async function serverCpuDuring<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; ms: number | null }> {
  const before = serverCpuMs(pid);
  const result = await work();
  const after = serverCpuMs(pid);
  return { result, ms: before === null || after === null ? null : after - before };
}

/** CPU ms spread over `calls` calls, in µs per call (null when unknown). */
export function cpuUsPerCall(ms: number | null, calls: number): number | null {
  return ms === null || calls === 0 ? null : Math.round((ms * 1000) / calls);
}

/**
 * The server's CPU per call for a scenario and for its no-op baseline, and their ratio (no-op ÷
 * scenario: the share of a call's server time a no-op takes); nothing where /proc is not there.
 */
export function cpuFigures(scenario: string, noopUs: number | null, scenarioUs: number | null): Record<string, number> {
  if (noopUs === null || scenarioUs === null || scenarioUs <= 0) return {};
  return {
    [`${scenario}.server_cpu_us`]: scenarioUs,
    [`${scenario}.noop_server_cpu_us`]: noopUs,
    [`${scenario}.cpu_ratio_to_noop`]: Math.round((noopUs / scenarioUs) * 100) / 100,
  };
}

/** How often, and at most how long, `serverIdle` looks. */
const IDLE_POLL_MS = 100;
const IDLE_MAX_MS = 10_000;
/** Quiet polls in a row that make a process idle: a checkpoint waiting on a sync spends little CPU for a while. */
const QUIET_POLLS = 3;

/**
 * Resolves once the process spends no more than one clock tick of CPU in each of QUIET_POLLS
 * poll intervals in a row (it has finished what it does after answering, e.g. a background
 * checkpoint), or after `maxMs`; at once where /proc is not there. Answers whether it became idle.
 */
export async function serverIdle(pid: number, pollMs = IDLE_POLL_MS, maxMs = IDLE_MAX_MS): Promise<boolean> {
  let last = serverCpuMs(pid);
  if (last === null) return true;
  let quiet = 0;
  for (let waited = 0; waited < maxMs; waited += pollMs) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const now = serverCpuMs(pid);
    if (now === null) return true;
    quiet = now - last <= MS_PER_TICK ? quiet + 1 : 0;
    if (quiet >= QUIET_POLLS) return true;
    last = now;
  }
  return false;
}
