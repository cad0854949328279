import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalServer } from '../../server/http';
import { localUploads, type LocalUploads } from '../../server/uploads';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite';
import { FixedClock } from '../support/builders';
import { listenLocally, shutDown } from '../support/local-server';
import { mp4Of, pdfOf } from '../support/media';

const STAFF = 'demo-openid-staff-yaotang';
const ORGANIZER = 'demo-openid-organizer';
const XLSX_START = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];
const PNG_START = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];

describe('local uploads: POST /api/_upload', () => {
  let dir: string;
  let store: SqliteStore;
  let uploads: LocalUploads;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'llw-upload-'));
    store = openSqliteStore({ file: join(dir, 'store.sqlite') });
    uploads = localUploads(join(dir, 'uploads'));
    server = createLocalServer({
      deps: { store, clock: new FixedClock(), signer: null, uploads },
      uploads,
      devIdentities: true,
    });
    base = await listenLocally(server);
  });
  afterAll(() => shutDown(server, store, dir));

  const upload = (bytes: number[] | Uint8Array, identity?: string) =>
    fetch(`${base}/api/_upload`, {
      method: 'POST',
      body: Uint8Array.from(bytes),
      headers: { 'content-type': 'application/octet-stream', ...(identity ? { 'x-demo-identity': identity } : {}) },
    });

  it('stores a workbook under a random id that only its uploader can read, owner-only on disk', async () => {
    const res = await upload(XLSX_START, 'staff');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; data: { id: string; type: string; size: number } };
    expect(body).toMatchObject({ ok: true, data: { type: 'xlsx', size: 8 } });
    expect(body.data.id).toMatch(/^u-[A-Za-z0-9_-]{22}$/);
    expect(Array.from((await uploads.read(body.data.id, STAFF, 1024))!)).toEqual(XLSX_START);
    expect(await uploads.read(body.data.id, ORGANIZER, 1024)).toBeNull();
    // Over the reader's own limit: not handed out.
    expect(await uploads.read(body.data.id, STAFF, 7)).toBeNull();
    const mode = statSync(join(dir, 'uploads', body.data.id)).mode & 0o777;
    expect(mode).toBe(0o600);
    const second = (await (await upload(XLSX_START, 'staff')).json()) as { data: { id: string } };
    expect(second.data.id).not.toBe(body.data.id);
  });

  it('accepts photos (PNG) for other features', async () => {
    const res = await upload(PNG_START, 'organizer');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, data: { type: 'png' } });
  });

  it('accepts a report scan (PDF) and video (MP4), recognised by their bytes', async () => {
    const pdf = await upload(pdfOf(), 'organizer');
    expect(await pdf.json()).toMatchObject({ ok: true, data: { type: 'pdf' } });
    const video = await upload(mp4Of(90), 'organizer');
    expect(await video.json()).toMatchObject({ ok: true, data: { type: 'mp4' } });
  });

  it('refuses anonymous callers, unknown types, empty and oversized bodies, and other methods', async () => {
    const before = readdirSync(join(dir, 'uploads')).length;
    const anonymous = await upload(XLSX_START, 'anonymous');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const text = await upload([...Buffer.from('hello, not a workbook')], 'staff');
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await upload([], 'staff')).status).toBe(415);
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(XLSX_START);
    const tooBig = await upload(big, 'staff');
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await fetch(`${base}/api/_upload`)).status).toBe(405);
    expect(readdirSync(join(dir, 'uploads'))).toHaveLength(before);
  });

  it('serves the exports function at POST /api/exports like the others', async () => {
    const res = await fetch(`${base}/api/exports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-identity': 'staff' },
      body: JSON.stringify({ action: 'events.import', data: { unitId: 'u1', fileBase64: 'UEsDBA==' } }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('does not read ids that are not local upload ids (no path tricks)', async () => {
    expect(await uploads.read('../store.sqlite', STAFF, 1e9)).toBeNull();
    expect(await uploads.read('u-../../store.sqlite', STAFF, 1e9)).toBeNull();
    expect(await uploads.read('cloud://env/uploads/aaaaaaaaaaaaaaaaaaaaaaaa.xlsx', STAFF, 1e9)).toBeNull();
  });
});
