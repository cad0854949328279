/**
 * A deployed function's cold start with a bad seed (cloudfunctions/<name>/index.ts through
 * api/cloud-entry.ts), over the in-memory CloudBase double: browsing keeps working, only the
 * code actions refuse, with a typed error naming the variable, and the problem is logged once.
 */
import { CloudbaseFake } from '../doubles/cloudbase-fake';
import { createCloudbaseStore } from '../../backend/store/cloudbase';
import { aCampaign, anEvent, anOrg } from '../support/builders';
import type { ApiResult } from '../../types/api';

const db = new CloudbaseFake();
let openId = '';

jest.mock('@cloudbase/node-sdk', () => ({
  __esModule: true,
  default: {
    SYMBOL_CURRENT_ENV: Symbol('current env'),
    init: () => ({
      database: () => db,
      auth: () => ({ getUserInfo: () => ({ openId }) }),
      uploadFile: async () => ({}),
      getTempFileURL: async () => ({}),
      deleteFile: async () => ({}),
    }),
  },
}));

type Main = (event: unknown) => Promise<ApiResult<unknown>>;

function coldStart(fn: 'resident' | 'staff', env: Record<string, string>): { main: Main; logged: string[] } {
  const logged: string[] = [];
  const saved = { ...process.env };
  const error = jest.spyOn(console, 'error').mockImplementation((line: string) => void logged.push(line));
  Object.assign(process.env, env);
  let main!: Main;
  try {
    jest.isolateModules(() => {
      main = (require(`../../cloudfunctions/${fn}/index`) as { main: Main }).main;
    });
  } finally {
    process.env = saved;
  }
  return {
    main: async (event) => {
      const result = await main(event);
      error.mockRestore();
      return result;
    },
    logged,
  };
}

beforeAll(async () => {
  const store = createCloudbaseStore(db);
  await store.putCampaign(aCampaign());
  await store.putOrg(anOrg({ id: 'd1', kind: 'district', parentId: null }));
  await store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1' }));
  await store.putOrg(anOrg({ id: 'u1' }));
  const startAt = Date.now() + 3 * 24 * 3600_000;
  await store.putEvent(anEvent({ id: 'e1', startAt, endAt: startAt + 3600_000 }));
  await store.putMember({ openid: 'staff-1', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '张' });
});

it.each([
  ['63 hex characters', 'a'.repeat(63)],
  ['the unreplaced placeholder', '{{env.CHECKIN_SIGNING_SEED}}'],
])('with a seed of %s, residents still browse and only the codes refuse, naming the variable', async (_l, seed) => {
  const { main, logged } = coldStart('resident', { CHECKIN_SIGNING_SEED: seed });
  openId = 'resident-1';
  const list = await main({ action: 'events.list', data: {} });
  expect(list.ok).toBe(true);
  const event = await main({ action: 'event.get', data: { eventId: 'e1' } });
  expect(event).toMatchObject({ ok: true, data: { event: { id: 'e1' } } });
  const codes = await main({ action: 'checkin.codes', data: { registrationId: 'e1_x' } });
  expect(codes).toMatchObject({ ok: false, error: { code: 'CHECKIN_KEY_MISSING', retryable: false } });
  expect(!codes.ok && codes.error.message).toContain('CHECKIN_SIGNING_SEED');
  await main({ action: 'checkin.codes', data: { registrationId: 'e1_x' } });
  const seedLines = logged.filter((l) => l.includes('CHECKIN_SIGNING_SEED'));
  expect(seedLines).toHaveLength(1);
  expect(seedLines[0]).not.toContain(seed);
});

it('staff without the id secret cannot sign others up, and say which variable is missing; the door still works', async () => {
  const { main } = coldStart('staff', { CHECKIN_SIGNING_SEED: '3c'.repeat(32), REGISTRATION_ID_SECRET: '' });
  openId = 'staff-1';
  const proxy = await main({
    action: 'signup.proxy',
    data: { eventId: 'e1', name: '赵大爷', phone: '13700001111', companions: 0, consent: true },
  });
  expect(proxy).toMatchObject({ ok: false, error: { code: 'CHECKIN_KEY_MISSING' } });
  expect(!proxy.ok && proxy.error.message).toContain('REGISTRATION_ID_SECRET');
  const config = await main({ action: 'checkin.config', data: {} });
  expect(config).toMatchObject({ ok: true, data: { publicKey: expect.stringMatching(/^[0-9a-f]{64}$/) } });
});
