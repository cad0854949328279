/**
 * The bench's baseline for a scenario's ratio (bench/lib/http.ts `comparedWithNoop`): no-op
 * bursts before and after the scenario's own run, through the same client and pool, and the
 * median of them as the baseline. Observed from a small HTTP server that records the order of
 * the calls it answers and holds each no-op burst's answers for its own time, so that the
 * bursts' rates are known in advance.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, burst, comparedWithNoop, NOOP_BURSTS, NOOP_BURSTS_AFTER } from '../../bench/lib/http';

const COUNT = 20;
const BURSTS = NOOP_BURSTS + NOOP_BURSTS_AFTER;
/** How long the server holds each answer of the i-th no-op burst: the first the slowest, 10 ms apart. */
const holdMs = (burst: number) => 10 * (BURSTS - 1 - burst);

describe("the bench's no-op baseline around a scenario", () => {
  let server: Server;
  let api: ApiClient;
  const seen: string[] = [];
  let pings = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const action = (JSON.parse(body) as { action: string }).action;
        seen.push(action);
        const hold = action === 'system.ping' ? holdMs(Math.floor(pings++ / COUNT)) : 0;
        setTimeout(
          () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, data: {} })),
          hold,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 4);
  });
  afterAll(async () => {
    api.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('runs the no-op bursts before and after the scenario, and takes the one of median rate as the baseline', async () => {
    const compared = await comparedWithNoop(api, COUNT, 4, process.pid, () =>
      burst(api, Array.from({ length: 7 }), 4, () => ({ fn: 'staff', action: 'work', data: {}, identity: 'staff' })),
    );
    // The order the server answered: the no-ops before, the 7 calls of the scenario, the no-ops after.
    expect(seen).toEqual([
      ...Array<string>(NOOP_BURSTS * COUNT).fill('system.ping'),
      ...Array<string>(7).fill('work'),
      ...Array<string>(NOOP_BURSTS_AFTER * COUNT).fill('system.ping'),
    ]);
    expect(compared.run.results).toHaveLength(7);
    // Ranked by rate, the median burst is the one held for the median time.
    const medianHold = [...Array(BURSTS).keys()].map(holdMs).sort((a, b) => b - a)[Math.floor(BURSTS / 2)];
    expect(compared.base.results).toHaveLength(COUNT);
    expect(compared.base.p50).toBeGreaterThanOrEqual(medianHold);
    expect(compared.base.p50).toBeLessThan(medianHold + 10);
    // This process answered every call: its CPU per call is known on Linux.
    if (process.platform === 'linux') {
      expect(compared.noopCpu).not.toBeNull();
      expect(compared.runCpu).not.toBeNull();
    }
  });
});
