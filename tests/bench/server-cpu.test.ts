/**
 * The bench's server CPU figures (bench/lib/server-cpu.ts): the CPU time of a process read from
 * /proc, per call around a piece of work, and the figures built from it (left out when unknown).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpuFigures, serverCpuMs, serverIdle, withServerCpu } from '../../bench/lib/server-cpu';

/** A node process that spins for `busyMs` of wall time (forever when null), then sleeps. */
function busyChild(busyMs: number | null): ChildProcess {
  const spin = busyMs === null ? 'for (;;) {}' : `const end = Date.now() + ${busyMs}; while (Date.now() < end) {}`;
  return spawn(process.execPath, ['-e', `${spin} setTimeout(() => {}, 60000);`], { stdio: 'ignore' });
}

const onLinux = process.platform === 'linux' ? it : it.skip;

describe("the bench's server CPU figures", () => {
  onLinux('reads the CPU time a process spent, as the process itself counts it', async () => {
    const cpuMs = () => {
      const used = process.cpuUsage();
      return (used.user + used.system) / 1000;
    };
    const ownBefore = cpuMs();
    const { result, cpuUsPerCall } = await withServerCpu(process.pid, 10, async () => {
      // Busy until this process has spent 200 ms of CPU, however the machine schedules it.
      let spins = 0;
      while (cpuMs() - ownBefore < 200) spins++;
      return spins;
    });
    const ownMs = cpuMs() - ownBefore;
    expect(result).toBeGreaterThan(0);
    // /proc counts in 10 ms ticks: the same time per call, to a few ticks.
    expect(cpuUsPerCall).not.toBeNull();
    expect(Math.abs((cpuUsPerCall as number) * 10 - ownMs * 1000)).toBeLessThanOrEqual(30_000);
  });

  onLinux('waits until a process is idle: after its busy spell, and not for a process that stays busy', async () => {
    const spell = busyChild(600);
    const spinning = busyChild(null);
    try {
      const started = Date.now();
      expect(await serverIdle(spell.pid as number, 50, 5_000)).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      expect(await serverIdle(spinning.pid as number, 50, 500)).toBe(false);
    } finally {
      spell.kill();
      spinning.kill();
    }
  });

  it('knows no CPU time for a process that does not exist', () => {
    expect(serverCpuMs(2 ** 30)).toBeNull();
  });

  it('gives the per-call figures and the no-op share, or nothing when either is unknown', () => {
    expect(cpuFigures('checkin', 60, 300)).toEqual({
      'checkin.server_cpu_us': 300,
      'checkin.noop_server_cpu_us': 60,
      'checkin.cpu_ratio_to_noop': 0.2,
    });
    expect(cpuFigures('signup', null, 300)).toEqual({});
    expect(cpuFigures('signup', 60, null)).toEqual({});
  });
});
