import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createLocalServer, MAX_BODY_BYTES } from '../../server/http';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite';
import { DEMO_MEMBERS } from '../../server/demo/identities';
import { aCampaign, anEvent, FixedClock } from '../support/builders';
import { listenLocally, shutDown } from '../support/local-server';

describe('local server', () => {
  let dir: string;
  let store: SqliteStore;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'llw-http-'));
    mkdirSync(join(dir, 'www'));
    writeFileSync(join(dir, 'www', 'index.html'), '<div id="app"></div>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the static root');
    store = openSqliteStore({ file: join(dir, 'store.sqlite') });
    await store.putCampaign(aCampaign());
    await store.putEvent(anEvent({ id: 'e1' }));
    for (const member of DEMO_MEMBERS) await store.putMember(member);
    server = createLocalServer({
      deps: { store, clock: new FixedClock(), signer: null },
      staticDir: join(dir, 'www'),
      devIdentities: true,
    });
    base = await listenLocally(server);
  });
  afterAll(() => shutDown(server, store, dir));

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(base + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  it('routes { action, data } to the function handlers', async () => {
    const res = await post('/api/resident', JSON.stringify({ action: 'event.get', data: { eventId: 'e1' } }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, data: { event: { id: 'e1', seatsLeft: 50 }, mine: null } });
  });

  it('takes the identity from the demo header, defaulting to the demo resident', async () => {
    const me = async (headers: Record<string, string>) =>
      (await (await post('/api/resident', '{"action":"me.get"}', headers)).json()).data.role;
    expect(await me({})).toBe('resident');
    expect(await me({ 'x-demo-identity': 'staff' })).toBe('staff');
    expect(await me({ 'x-demo-identity': 'organizer' })).toBe('organizer');
    expect(await me({ 'x-demo-identity': 'anonymous' })).toBe('anonymous');
    expect(await me({ 'x-demo-identity': 'not-a-demo-user' })).toBe('anonymous');
  });

  it('answers malformed requests with typed errors', async () => {
    const badJson = await post('/api/resident', '{nope');
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error.code).toBe('VALIDATION_FAILED');
    const tooLarge = await post(
      '/api/resident',
      JSON.stringify({ action: 'me.get', data: { x: 'a'.repeat(MAX_BODY_BYTES) } }),
    );
    expect(tooLarge.status).toBe(413);
    const unknownFn = await post('/api/nothing', '{"action":"me.get"}');
    expect(unknownFn.status).toBe(404);
    expect((await unknownFn.json()).error.code).toBe('UNKNOWN_ACTION');
    const get = await fetch(`${base}/api/resident`);
    expect(get.status).toBe(405);
  });

  it('pushes a change to live listeners right after a mutation commits', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/_live`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const received = (async () => {
      let text = '';
      while (!text.includes('event: changed')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    })();
    // A read does not push; a sign-up does.
    await post('/api/resident', JSON.stringify({ action: 'event.get', data: { eventId: 'e1' } }));
    const signup = await post(
      '/api/resident',
      JSON.stringify({
        action: 'signup.create',
        data: { eventId: 'e1', name: '王小明', phone: '13812345678', companions: 0, consent: true },
      }),
    );
    expect((await signup.json()).ok).toBe(true);
    const started = Date.now();
    expect(await received).toContain('event: changed');
    expect(Date.now() - started).toBeLessThan(1000);
    controller.abort();
  });

  it('lists the demo identities', async () => {
    const body = await (await fetch(`${base}/api/_demo/identities`)).json();
    expect(body.identities.map((i: { id: string }) => i.id)).toContain('resident');
    expect(JSON.stringify(body)).not.toContain('openid');
  });

  it('serves the H5 app and never files outside its folder', async () => {
    const page = await fetch(`${base}/pages/index/index`);
    expect(await page.text()).toContain('id="app"');
    const escape = await fetch(`${base}/..%2Fsecret.txt`);
    expect(await escape.text()).not.toContain('outside the static root');
  });
});
