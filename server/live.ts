/**
 * Local stand-in for CloudBase realtime: a server-sent-events stream that tells open
 * dashboards "something changed" right after a mutation commits, coalesced over a few ms.
 * (On weapp, clients watch the campaign's summary document instead.)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LiveHub {
  subscribe(req: IncomingMessage, res: ServerResponse): void;
  notify(): void;
  close(): void;
  readonly listeners: number;
}

export function createLiveHub(coalesceMs = 50, heartbeatMs = 15_000): LiveHub {
  const clients = new Set<ServerResponse>();
  let pending: NodeJS.Timeout | null = null;
  let sequence = 0;
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  return {
    get listeners() {
      return clients.size;
    },
    subscribe(req, res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`retry: 2000\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    notify() {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        sequence += 1;
        const message = `event: changed\ndata: ${JSON.stringify({ sequence, at: Date.now() })}\n\n`;
        for (const res of clients) res.write(message);
      }, coalesceMs);
    },
    close() {
      clearInterval(heartbeat);
      if (pending) clearTimeout(pending);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
