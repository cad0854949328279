/**
 * Exports expire, link and file: locally after an hour (refused and removed when asked for,
 * swept at start, at every export and on a timer), on CloudBase with one-hour temporary links
 * and files deleted at the instance's next export.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_LIFETIME_MS, localExportFiles } from '../../server/files';
import { createLocalServer } from '../../server/http';
import { cloudExportFiles, type CloudStorage } from '../../backend/api/cloud-files';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite';
import { FixedClock } from '../support/builders';
import { listenLocally } from '../support/local-server';

const HOUR = 60 * 60_000;
const T = 1_800_000_000_000;

describe('local exports', () => {
  let dir: string;
  let now: number;
  let store: SqliteStore;
  let server: Server;
  let base: string;
  const exportsDir = () => join(dir, 'exports');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'llw-exports-'));
    now = T;
    store = openSqliteStore({ file: join(dir, 'store.sqlite') });
  });
  afterEach(async () => {
    if (server) await new Promise((done) => server.close(done));
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function serve() {
    const exports = localExportFiles(exportsDir(), { now: () => now });
    server = createLocalServer({
      deps: { store, clock: new FixedClock(), signer: null },
      exports,
      devIdentities: false,
    });
    base = await listenLocally(server);
    return exports;
  }

  it('live one hour, then the link answers 404 and the file is gone', async () => {
    expect(EXPORT_LIFETIME_MS).toBe(HOUR);
    const exports = await serve();
    const file = await exports.publish('F1-尧塘.xlsx', new Uint8Array([80, 75, 3, 4]));
    expect(file.expiresAt).toBe(T + HOUR);
    const first = await fetch(base + file.url);
    expect(first.status).toBe(200);
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(new Uint8Array([80, 75, 3, 4]));
    now = T + HOUR - 1;
    expect((await fetch(base + file.url)).status).toBe(200);
    now = T + HOUR;
    const expired = await fetch(base + file.url);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toBe('文件不存在或已过期');
    expect(readdirSync(exportsDir())).toEqual([]);
  });

  it('are swept at start, at every export and when asked', async () => {
    const early = localExportFiles(exportsDir(), { now: () => now });
    const a = await early.publish('a.xlsx', new Uint8Array([1]));
    now = T + 30 * 60_000;
    const b = await early.publish('b.xlsx', new Uint8Array([2]));
    // A folder that is not an export token is not ours to keep either.
    mkdirSync(join(exportsDir(), 'stray'));
    const folder = (url: string) => join(exportsDir(), url.split('/')[2]);

    now = T + HOUR + 1; // a has expired, b has not
    localExportFiles(exportsDir(), { now: () => now }); // a restart
    expect([existsSync(folder(a.url)), existsSync(folder(b.url)), existsSync(join(exportsDir(), 'stray'))]).toEqual([
      false,
      true,
      false,
    ]);
    now = T + 30 * 60_000 + HOUR; // b expires now
    const c = await early.publish('c.xlsx', new Uint8Array([3]));
    expect(readdirSync(exportsDir())).toEqual([c.url.split('/')[2]]);
    now += HOUR;
    expect(early.sweep()).toBe(1);
    expect(readdirSync(exportsDir())).toEqual([]);
  });
});

describe('CloudBase exports', () => {
  function fakeStorage() {
    const calls: { deleted: string[][]; maxAges: number[] } = { deleted: [], maxAges: [] };
    let n = 0;
    const storage: CloudStorage = {
      async uploadFile() {
        n += 1;
        return { fileID: `cloud://env/exports/${n}` };
      },
      async getTempFileURL({ fileList }) {
        calls.maxAges.push(...fileList.map((f) => f.maxAge));
        return { fileList: fileList.map((f) => ({ tempFileURL: `https://tmp/${f.fileID}` })) };
      },
      async deleteFile({ fileList }) {
        calls.deleted.push(fileList);
        return {};
      },
    };
    return { storage, calls };
  }

  it('hand out one-hour links and delete expired files at the next export', async () => {
    let now = T;
    const { storage, calls } = fakeStorage();
    const files = cloudExportFiles(storage, () => now);
    const first = await files.publish('a.xlsx', new Uint8Array([1]));
    expect(first.expiresAt).toBe(T + HOUR);
    expect(calls.maxAges).toEqual([3600]);
    now = T + 10 * 60_000;
    await files.publish('b.xlsx', new Uint8Array([2]));
    expect(calls.deleted).toEqual([]);
    now = T + HOUR;
    await files.publish('c.xlsx', new Uint8Array([3]));
    expect(calls.deleted).toEqual([['cloud://env/exports/1']]);
    now = T + 3 * HOUR;
    await files.publish('d.xlsx', new Uint8Array([4]));
    expect(calls.deleted).toEqual([['cloud://env/exports/1'], ['cloud://env/exports/2', 'cloud://env/exports/3']]);
  });
});
