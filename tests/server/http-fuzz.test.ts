/**
 * The fuzz suite at the HTTP layer: generated request lines, paths (dot segments, bad and
 * overlong percent-encodings, unicode, separators), methods, headers (content types, origins,
 * fetch metadata, identities, hosts) and bodies, sent as raw bytes to the local server.
 * Never a 5xx, never an INTERNAL answer, and the server keeps answering.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalServer } from '../../server/http';
import { localExportFiles } from '../../server/files';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite';
import { organizerSchemas, residentSchemas, staffSchemas } from '../../backend/api/schemas';
import { DEMO_MEMBERS } from '../../server/demo/identities';
import { at } from '../../backend/core/time';
import { aCampaign, anEvent, anOrg, FixedClock } from '../support/builders';
import { TEST_REGISTRATION_SECRET, TEST_SIGNER } from '../support/harness';

const RUNS = 400;

/**
 * Sends raw bytes and waits for the server to close (every request says `connection: close`);
 * `giveUp` half-closes at once, as a client that stops sending. Resolves with the status code
 * of the answer, or null when the server closed without one.
 */
function send(port: number, bytes: Buffer, giveUp = false): Promise<{ status: number | null; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => (giveUp ? socket.end(bytes) : socket.write(bytes)));
    let text = '';
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('close', () => {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null, text });
    });
    socket.on('error', () => undefined);
  });
}

const ACTIONS = [...Object.keys(residentSchemas), ...Object.keys(staffSchemas), ...Object.keys(organizerSchemas)];

const segment = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '',
    '%2e%2e',
    '%2E%2E%2F',
    '..%2f',
    '..%5c',
    '%',
    '%E0%A4%A',
    '%zz',
    '%00',
    '%ff',
    '%c0%af',
  ),
  fc.constantFrom('api', '_live', '_demo', 'identities', 'exports', 'resident', 'staff', 'organizer', 'index.html'),
  fc.constantFrom('www-data', 'checkin-signing.seed', 'store.sqlite', 'abcdefgh12-0123456789abcdef'),
  fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)),
  fc.string({ unit: fc.constantFrom(..."abc%./\\~:@!$&'()*+,;=-_".split('')), maxLength: 16 }),
  fc.string({ maxLength: 3000, unit: fc.constantFrom('a', '%', '2', 'f') }),
);

const path = fc.oneof(
  { weight: 8, arbitrary: fc.array(segment, { maxLength: 6 }).map((s) => `/${s.join('/')}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(segment, { maxLength: 3 }), fc.string({ maxLength: 20 }))
      .map(([s, q]) => `/${s.join('/')}?${encodeURIComponent(q)}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('*', '//evil.example/x', 'http://127.0.0.1/api/resident', '', '/\u00e4', '/a b'),
  },
);

const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT'),
  fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom(...'ABCXYZget-'.split('')) }),
);

const headerText = fc.string({
  maxLength: 40,
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});

const headers = fc.record(
  {
    'content-type': fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'APPLICATION/JSON',
        'multipart/form-data',
      ),
      headerText,
    ),
    origin: fc.oneof(
      fc.constantFrom('http://127.0.0.1:PORT', 'http://localhost:PORT', 'http://evil.example', 'null'),
      headerText,
    ),
    'sec-fetch-site': fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none', 'bogus'),
    'x-demo-identity': fc.oneof(
      fc.constantFrom('resident', 'staff', 'organizer', 'anonymous', 'resident-9', '__proto__'),
      headerText,
    ),
    host: fc.constantFrom('127.0.0.1:PORT', 'localhost', 'evil.example', '[::1]:PORT', ''),
    'transfer-encoding': fc.constantFrom('chunked', 'gzip'),
    'accept-encoding': fc.constantFrom('gzip', 'br', 'identity', '*'),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  fc.constant(''),
  fc
    .record({ action: fc.oneof(fc.constantFrom(...ACTIONS), fc.string()), data: fc.jsonValue({ maxDepth: 3 }) })
    .map((e) => JSON.stringify(e)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
);

function requestBytes(
  port: number,
  m: string,
  p: string,
  h: Record<string, string>,
  b: string,
  lengthMode: 'exact' | 'none' | 'short',
): Buffer {
  const payload = Buffer.from(b, 'latin1');
  const lines = [`${m} ${p} HTTP/1.1`];
  const withHost = { host: '127.0.0.1:PORT', ...h };
  for (const [name, value] of Object.entries(withHost)) {
    if (name === 'transfer-encoding') continue;
    lines.push(`${name}: ${value.replace(/PORT/g, String(port))}`);
  }
  if (lengthMode === 'exact') lines.push(`content-length: ${payload.length}`);
  if (lengthMode === 'short') lines.push(`content-length: ${payload.length + 5}`);
  lines.push('connection: close', '', '');
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), payload]);
}

describe('fuzzing the local server over HTTP', () => {
  let dir: string;
  let store: SqliteStore;
  let servers: Server[];
  let ports: number[];
  const internal: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'llw-httpfuzz-'));
    mkdirSync(join(dir, 'www'));
    writeFileSync(join(dir, 'www', 'index.html'), '<div id="app"></div>');
    mkdirSync(join(dir, 'www-data'));
    writeFileSync(join(dir, 'www-data', 'checkin-signing.seed'), 'secret');
    store = openSqliteStore({ file: join(dir, 'www-data', 'store.sqlite') });
    await store.putCampaign(aCampaign());
    await store.putOrg(anOrg({ id: 'd1', kind: 'district', parentId: null }));
    await store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1' }));
    await store.putOrg(anOrg({ id: 'u1' }));
    await store.putEvent(anEvent({ id: 'e1' }));
    for (const member of DEMO_MEMBERS) await store.putMember({ ...member, districtId: 'd1', unitIds: ['u1'] });
    const exports = localExportFiles(join(dir, 'www-data', 'exports'));
    await exports.publish('a.xlsx', new Uint8Array([1]));
    servers = [true, false].map((devIdentities) =>
      createLocalServer({
        deps: {
          store,
          clock: new FixedClock(at('2026-11-10', '09:00')),
          signer: TEST_SIGNER,
          registrationSecret: TEST_REGISTRATION_SECRET,
          files: exports,
        },
        staticDir: join(dir, 'www'),
        exports,
        devIdentities,
        requestTimeoutMs: 1_000,
      }),
    );
    ports = [];
    for (const server of servers) {
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      ports.push((server.address() as AddressInfo).port);
    }
    jest.spyOn(console, 'error').mockImplementation((line: string) => void internal.push(line));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${RUNS} generated requests: never a 5xx, never INTERNAL, never a file from outside`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1),
        method,
        path,
        headers,
        body,
        fc.constantFrom('exact', 'none', 'short') as fc.Arbitrary<'exact' | 'none' | 'short'>,
        // Half the requests are plausible API calls, so that the generated bodies reach the handlers.
        fc.option(fc.record({ fn: fc.constantFrom('resident', 'staff', 'organizer', 'nothing'), identity: headers }), {
          freq: 2,
        }),
        async (which, m0, p0, h0, b, length0, api) => {
          const port = ports[which];
          const m = api ? 'POST' : m0;
          const p = api ? `/api/${api.fn}` : p0;
          const h = api
            ? { 'content-type': 'application/json', 'x-demo-identity': api.identity['x-demo-identity'] ?? 'staff' }
            : h0;
          const lengthMode = api ? 'exact' : length0;
          const { status, text } = await send(port, requestBytes(port, m, p, h, b, lengthMode), lengthMode === 'short');
          if (status !== null) expect(status).toBeLessThan(500);
          expect(text).not.toContain('"INTERNAL"');
          expect(text).not.toContain('SQLite format');
          expect(text).not.toMatch(/\r\n\r\nsecret$/);
        },
      ),
      { numRuns: RUNS, seed: 20201114 },
    );
    // Still answering, and nothing went wrong inside.
    const alive = await send(ports[0], requestBytes(ports[0], 'GET', '/', {}, '', 'none'));
    expect(alive.status).toBe(200);
    expect(internal).toEqual([]);
  }, 120_000);
});
