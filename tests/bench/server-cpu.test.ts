/**
 * The bench's server CPU figures (bench/lib/server-cpu.ts): the CPU time of a process read from
 * /proc, per call around a piece of work, and the figures built from it (left out when unknown).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpuFigures, cpuUsPerCall, serverCpuDuring, serverCpuMs, serverIdle } from '../../bench/lib/server-cpu';

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
    const { result, ms } = await serverCpuDuring(process.pid, async () => {
      // Busy until this process has spent 200 ms of CPU, however the machine schedules it.
      let spins = 0;
      while (cpuMs() - ownBefore < 200) spins++;
      return spins;
    });
    const ownMs = cpuMs() - ownBefore;
    expect(result).toBeGreaterThan(0);
    // /proc counts in 10 ms ticks: the same time, to a few ticks.
    expect(ms).not.toBeNull();
    expect(Math.abs((ms as number) - ownMs)).toBeLessThanOrEqual(30);
  });

  it('spreads CPU ms over calls in µs per call, and says nothing when unknown', () => {
    expect(cpuUsPerCall(30, 10)).toBe(3_000);
    expect(cpuUsPerCall(1, 3)).toBe(333);
    expect(cpuUsPerCall(null, 10)).toBeNull();
    expect(cpuUsPerCall(20, 0)).toBeNull();
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
