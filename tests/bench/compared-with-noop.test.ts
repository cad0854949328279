/**
 * The bench's baseline for a scenario's ratio (bench/lib/http.ts `comparedWithNoop`): no-op
 * bursts before and after the scenario's own run, through the same client and pool, and the
 * median of them as the baseline. Observed from a small HTTP server that records the order of
 * the calls it answers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, burst, comparedWithNoop, NOOP_BURSTS, NOOP_BURSTS_AFTER } from '../../bench/lib/http';

describe("the bench's no-op baseline around a scenario", () => {
  let server: Server;
  let api: ApiClient;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push((JSON.parse(body) as { action: string }).action);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, data: {} }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 4);
  });
  afterAll(async () => {
    api.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('runs three no-op bursts before the scenario and two after, and takes the median one as the baseline', async () => {
    const count = 20;
    const compared = await comparedWithNoop(api, count, 4, process.pid, () =>
      burst(api, Array.from({ length: 7 }), 4, () => ({ fn: 'staff', action: 'work', data: {}, identity: 'staff' })),
    );
    expect(NOOP_BURSTS).toBe(3);
    expect(NOOP_BURSTS_AFTER).toBe(2);
    // The order the server answered: 60 no-ops, the 7 calls of the scenario, 40 no-ops.
    expect(seen).toEqual([
      ...Array<string>(3 * count).fill('system.ping'),
      ...Array<string>(7).fill('work'),
      ...Array<string>(2 * count).fill('system.ping'),
    ]);
    expect(compared.run.results).toHaveLength(7);
    expect(compared.base.results).toHaveLength(count);
    // This process answered every call: its CPU per call is known on Linux.
    if (process.platform === 'linux') expect(compared.noopCpu).not.toBeNull();
  });
});
