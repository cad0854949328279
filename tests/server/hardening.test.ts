/**
 * The edges of the local development server: identity only from a development feature that is
 * switched on, cross-site requests refused, files only from inside their folder (no sibling
 * folder by prefix, no symlink out), malformed paths answered 400, slow clients cut off, and the
 * store and its keys readable by their owner only.
 */
import { mkdtempSync, mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalServer } from '../../server/http';
import { localExportFiles } from '../../server/files';
import { localSecret } from '../../server/main';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite';
import { DEMO_MEMBERS } from '../../server/demo/identities';
import { at } from '../../backend/core/time';
import { aCampaign, anEvent, FixedClock } from '../support/builders';

const SEED_TEXT = 'the-private-signing-seed';

/** A raw request, so that the path reaches the server exactly as written (fetch would normalise it). */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Running {
  dir: string;
  store: SqliteStore;
  server: Server;
  port: number;
  close(): Promise<void>;
}

async function start(devIdentities: boolean, requestTimeoutMs?: number): Promise<Running> {
  // The layout of the issue: the static folder …/www beside a data folder …/www-data.
  const dir = mkdtempSync(join(tmpdir(), 'llw-edge-'));
  mkdirSync(join(dir, 'www'));
  writeFileSync(join(dir, 'www', 'index.html'), '<div id="app"></div>');
  writeFileSync(join(dir, 'www', 'app.js'), 'console.log(1)');
  mkdirSync(join(dir, 'www-data'));
  writeFileSync(join(dir, 'www-data', 'checkin-signing.seed'), SEED_TEXT);
  symlinkSync(join(dir, 'www-data', 'checkin-signing.seed'), join(dir, 'www', 'seed-link.js'));
  symlinkSync(join(dir, 'www-data'), join(dir, 'www', 'data-link'));
  const store = openSqliteStore({ file: join(dir, 'www-data', 'store.sqlite') });
  await store.putCampaign(aCampaign());
  await store.putEvent(anEvent({ id: 'e1' }));
  for (const member of DEMO_MEMBERS) await store.putMember(member);
  const exports = localExportFiles(join(dir, 'www-data', 'exports'));
  const server = createLocalServer({
    deps: { store, clock: new FixedClock(at('2026-11-10', '09:00')), signer: null },
    staticDir: join(dir, 'www'),
    exports,
    devIdentities,
    requestTimeoutMs,
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    dir,
    store,
    server,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const JSON_TYPE = { 'content-type': 'application/json' };
const signup = JSON.stringify({
  action: 'signup.create',
  data: { eventId: 'e1', name: '王小明', phone: '13812345678', companions: 0, consent: true },
});

describe('with development identities off', () => {
  let s: Running;
  beforeAll(async () => (s = await start(false)));
  afterAll(() => s.close());

  it('reads no header as identity: every caller is anonymous', async () => {
    for (const identity of [undefined, 'resident', 'staff', 'organizer', 'resident-42']) {
      const headers = identity ? { ...JSON_TYPE, 'x-demo-identity': identity } : JSON_TYPE;
      const me = await raw(s.port, 'POST', '/api/resident', headers, '{"action":"me.get"}');
      expect([identity, JSON.parse(me.body).data.role]).toEqual([identity, 'anonymous']);
    }
    const acting = await raw(s.port, 'POST', '/api/resident', { ...JSON_TYPE, 'x-demo-identity': 'resident' }, signup);
    expect(JSON.parse(acting.body).error.code).toBe('UNAUTHENTICATED');
    expect(await s.store.listRegistrationsOfEvent('e1')).toEqual([]);
  });

  it('does not offer the identity list', async () => {
    expect((await raw(s.port, 'GET', '/api/_demo/identities')).status).toBe(404);
  });
});

describe('with development identities on', () => {
  let s: Running;
  beforeAll(async () => (s = await start(true)));
  afterAll(() => s.close());

  it('reads the header, and only for the demo identities and generated residents', async () => {
    const role = async (identity: string) =>
      JSON.parse(
        (
          await raw(
            s.port,
            'POST',
            '/api/resident',
            { ...JSON_TYPE, 'x-demo-identity': identity },
            '{"action":"me.get"}',
          )
        ).body,
      ).data.role;
    expect(await role('organizer')).toBe('organizer');
    expect(await role('resident-7')).toBe('resident');
    expect(await role('organizer-7')).toBe('anonymous');
  });

  it('refuses cross-site calls: wrong content type, foreign origin, cross-site fetch, foreign host', async () => {
    const own = `http://127.0.0.1:${s.port}`;
    const refused = [
      await raw(s.port, 'POST', '/api/resident', { 'content-type': 'text/plain' }, signup),
      await raw(s.port, 'POST', '/api/resident', { 'content-type': 'application/x-www-form-urlencoded' }, signup),
      await raw(s.port, 'POST', '/api/resident', {}, signup),
      await raw(s.port, 'POST', '/api/resident', { ...JSON_TYPE, origin: 'http://evil.example' }, signup),
      await raw(s.port, 'POST', '/api/resident', { ...JSON_TYPE, origin: `http://127.0.0.1:${s.port + 1}` }, signup),
      await raw(s.port, 'POST', '/api/resident', { ...JSON_TYPE, origin: 'null' }, signup),
      await raw(s.port, 'POST', '/api/resident', { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' }, signup),
      await raw(s.port, 'POST', '/api/resident', { ...JSON_TYPE, 'sec-fetch-site': 'same-site' }, signup),
      await raw(s.port, 'POST', '/api/resident', { ...JSON_TYPE, host: `evil.example:${s.port}` }, signup),
    ];
    expect(refused.map((r) => r.status)).toEqual([415, 415, 415, 403, 403, 403, 403, 403, 421]);
    for (const r of refused) expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.store.listRegistrationsOfEvent('e1')).toEqual([]);

    const sameOrigin = await raw(
      s.port,
      'POST',
      '/api/resident',
      { 'content-type': 'application/json; charset=utf-8', origin: own, 'sec-fetch-site': 'same-origin' },
      signup,
    );
    expect(JSON.parse(sameOrigin.body)).toMatchObject({ ok: true, data: { outcome: 'confirmed' } });
    const localhost = await raw(
      s.port,
      'POST',
      '/api/resident',
      { ...JSON_TYPE, origin: `http://localhost:${s.port}` },
      '{"action":"me.get"}',
    );
    expect(localhost.status).toBe(200);
  });

  it('never serves a file from a sibling folder or through a symlink out of the static folder', async () => {
    const attempts = [
      '/..%2fwww-data%2fcheckin-signing.seed',
      '/..%2Fwww-data%2Fstore.sqlite',
      '/../www-data/checkin-signing.seed',
      '/%2e%2e/www-data/checkin-signing.seed',
      '/..%5cwww-data%5ccheckin-signing.seed',
      '/seed-link.js',
      '/data-link/checkin-signing.seed',
      '/data-link/store.sqlite',
      `/${encodeURIComponent(join(s.dir, 'www-data', 'checkin-signing.seed'))}`,
      '/exports/..%2f..%2fcheckin-signing.seed/x',
      '/exports/abcdefgh12-0123456789abcdef/..%2f..%2fcheckin-signing.seed',
    ];
    for (const path of attempts) {
      const res = await raw(s.port, 'GET', path);
      expect([path, res.body.includes(SEED_TEXT) || res.body.includes('SQLite format')]).toEqual([path, false]);
      expect([path, res.status < 500]).toEqual([path, true]);
    }
    // The files inside are served, and unknown app routes get the app.
    expect((await raw(s.port, 'GET', '/app.js')).body).toBe('console.log(1)');
    expect((await raw(s.port, 'GET', '/pages/index/index')).body).toContain('id="app"');
  });

  it('answers malformed paths and percent-encodings with 400, never 500', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/%zz', '/exports/abcdefgh12-0123456789abcdef/%', '/a/%00/b', '*']) {
      const res = await raw(s.port, 'GET', path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(JSON.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('slow clients', () => {
  it('time out after a few seconds by default', async () => {
    const s = await start(true);
    try {
      expect(s.server.requestTimeout).toBe(5_000);
      expect(s.server.headersTimeout).toBe(5_000);
    } finally {
      await s.close();
    }
  });

  it('are cut off when the body does not arrive in time', async () => {
    const s = await start(true, 300);
    try {
      const started = Date.now();
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(s.port, '127.0.0.1', () => {
          socket.write(
            'POST /api/resident HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
          );
        });
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await s.close();
    }
  });
});

describe('files at rest', () => {
  it('keeps the store, its folder, the keys and the exports readable by their owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llw-perm-'));
    try {
      const file = join(dir, 'data', 'week.sqlite');
      const store = openSqliteStore({ file });
      await store.putCampaign(aCampaign());
      store.close();
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(join(dir, 'data'))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      localSecret(file, 'registration-id.secret');
      expect(mode(join(dir, 'data', 'registration-id.secret'))).toBe(0o600);
      const exports = localExportFiles(join(dir, 'data', 'exports'));
      const published = await exports.publish('名单.xlsx', new Uint8Array([1, 2, 3]));
      const token = published.url.split('/')[2];
      expect(mode(join(dir, 'data', 'exports'))).toBe(0o700);
      expect(mode(join(dir, 'data', 'exports', token))).toBe(0o700);
      expect(mode(join(dir, 'data', 'exports', token, '名单.xlsx'))).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
