/** Starting and stopping the local HTTP server in tests: a free port on 127.0.0.1, then everything removed. */
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a free port of 127.0.0.1 and answers the base URL. */
export async function listenLocally(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes the server, then its store, then removes its folder. */
export async function shutDown(server: Server, store: { close(): void }, dir: string): Promise<void> {
  await new Promise((done) => server.close(done));
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
