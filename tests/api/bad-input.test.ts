import { ERROR_CODES } from '../../types/api';
import { exportsSchemas, organizerSchemas, residentSchemas, staffSchemas } from '../../backend/api/schemas';
import type { FunctionName } from '../../types/api';
import { dispatch } from '../../backend/api/dispatch';
import { aCampaign, anEvent, anOrg } from '../support/builders';
import { dumpStore } from '../support/dump';
import { openHarness, type Harness } from '../support/harness';
import { EVALUATION_INPUTS, HONOUR_RESIDENT_INPUTS } from '../support/evaluation-inputs';

const HUGE = '学'.repeat(100_000);
const BAD_VALUES: unknown[] = [null, 42, -1, 1e308, -0.5, true, 'x', '', HUGE, [], {}, ['e1'], { $gt: '' }, '\u0000'];

describe('bad input to every action of every function', () => {
  let h: Harness;
  let before: string;
  beforeAll(async () => {
    h = openHarness();
    await h.store.putCampaign(aCampaign());
    await h.store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1' }));
    await h.store.putEvent(anEvent({ id: 'e1', capacity: 2 }));
    await h.ok('resident', 'signup.create', {
      eventId: 'e1',
      name: '王小明',
      phone: '13812345678',
      companions: 0,
      consent: true,
    });
    before = dumpStore(h.store.file);
  });
  afterAll(() => h.close());
  afterEach(() => {
    expect(dumpStore(h.store.file)).toBe(before);
    expect(h.errors).toEqual([]);
  });

  // Staff actions are called as a resident: input that passes validation is then refused by the
  // permission table, so that nothing a fuzzed call does can write (an audited scan would).
  const send = (envelope: unknown, fn: FunctionName = 'resident') =>
    dispatch(fn, envelope, 'openid-resident', h.deps, (e) => h.errors.push(e.error));

  it.each([null, undefined, 42, 'signup.create', [], { action: 42 }, { action: '' }, { action: 'x'.repeat(65) }])(
    'refuses the envelope %p',
    async (envelope) => {
      const result = await send(envelope);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', retryable: false } });
    },
  );

  it.each(['nope', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'signup.create '])(
    'refuses the unknown action %p',
    async (action) => {
      const result = await send({ action, data: {} });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    },
  );

  it('refuses extra envelope fields, such as an identity in the payload', async () => {
    const result = await send({ action: 'signup.mine', data: {}, openid: 'someone-else' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  const residentValid: Record<keyof typeof residentSchemas, Record<string, unknown>> = {
    'system.ping': {},
    'me.get': {},
    'week.get': { campaignId: 'c1' },
    'events.list': { day: '2026-11-15', q: '手机', limit: 10 },
    'event.get': { eventId: 'e1' },
    'signup.create': {
      eventId: 'e1',
      name: '李四',
      phone: '13900001111',
      companions: 1,
      consent: true,
      answers: [{ questionId: 'q1', value: '尧塘村' }],
    },
    'signup.cancel': { registrationId: 'e1_x' },
    'signup.mine': {},
    'online.join': { eventId: 'e1' },
    'checkin.codes': { registrationId: 'e1_x' },
    'checkin.self': { code: 'V1.e1.p.not-a-signature' },
    'rating.submit': { registrationId: 'e1_x', score: 5, comment: '很好' },
    'invite.accept': { code: 'ABCD2345' },
    'notices.list': {},
    'notices.read': { id: 'n1' },
    'reminders.config': {},
    'reminders.subscribe': { accepted: ['event_reminder'] },
    'reminders.mine': {},
    ...HONOUR_RESIDENT_INPUTS,
  };
  const door = { eventId: 'e1', deviceId: 'device-1', scanId: 'scan-0001' };
  const staffValid: Record<keyof typeof staffSchemas, Record<string, unknown>> = {
    'staff.events': { day: '2026-11-15' },
    'checkin.config': {},
    'checkin.roster': { eventId: 'e1' },
    'roster.answers': { eventId: 'e1' },
    'venue.codes': { eventId: 'e1', printed: true },
    'checkin.scan': { ...door, code: 'L1.e1.x.1.y' },
    'checkin.manual': { ...door, registrationId: 'e1_x' },
    'checkin.walkin': {
      ...door,
      name: '张三',
      phone: '13900001111',
      companions: 1,
      answers: [{ questionId: 'age', value: '60岁及以上' }],
    },
    'checkin.sync': {
      eventId: 'e1',
      deviceId: 'device-1',
      scans: [{ scanId: 'scan-0002', kind: 'manual', registrationId: 'e1_x', scannedAt: 1 }],
    },
    'checkin.find': { eventId: 'e1', query: '王' },
    'checkin.undo': { ...door, registrationId: 'e1_x', reason: '误扫' },
    'signup.staffCancel': { ...door, registrationId: 'e1_x', reason: '本人要求取消' },
    'signup.proxy': { eventId: 'e1', name: '李四', phone: '13900001111', companions: 1, consent: true },
    'audit.list': { eventId: 'e1', offset: 0, limit: 10 },
  };
  const organizerValid: Record<keyof typeof organizerSchemas, Record<string, unknown>> = {
    'dashboard.get': { campaignId: 'c1' },
    'attendance.enter': { eventId: 'e1', participants: 5, note: '直播' },
    'reconcile.run': { campaignId: 'c1' },
    'forms.preview': { kind: 'F1', orgId: 'u1', mode: 'actual' },
    'forms.saveProfile': { kind: 'F1', orgId: 'u1', fields: { leader: '张三' }, mobilisationEventId: 'e1' },
    'registrants.notify': { eventId: 'e1', text: '请带好身份证' },
    'campaign.save': {
      name: '测试活动周',
      theme: '全民智学',
      weekStart: '2026-11-14',
      weekEnd: '2026-11-20',
      hosts: ['教育局'],
      coHosts: [],
      undertakers: [],
      deadlines: [{ label: '总结', day: '2026-11-23' }],
    },
    'org.list': {},
    'org.save': {
      name: '某社区教育中心',
      kind: 'unit',
      parentId: 's1',
      unitKind: 'community_centre',
      contact: { name: '张三', position: '主任', phone: '0519-82801837', email: 'a@b.cn' },
    },
    'staff.list': {},
    'staff.update': { openid: 'o1', role: 'staff', unitIds: ['u1'], name: '张三' },
    'staff.revoke': { openid: 'o1' },
    'invite.create': { role: 'staff', unitId: 'u1', name: '张三', hours: 24 },
    'invite.list': {},
    'invite.revoke': { code: 'ABCD2345' },
    'events.managed': {},
    'rollup.get': { campaignId: 'c1' },
    'report.presets': {},
    'report.create': { preset: 'jintan-summary', year: 2026, targetKind: 'district', closesOn: null },
    'report.list': {},
    'report.submit': {
      taskId: 't1',
      orgId: 'd1',
      answers: { summary: { kind: 'text', text: '总结' }, f1: { kind: 'form' } },
    },
    'report.get': { taskId: 't1', orgId: 'd1' },
    'report.decide': { taskId: 't1', orgId: 'd1', action: 'return', reason: '照片不清' },
    'report.track': { taskId: 't1' },
    'report.remind': { taskId: 't1' },
    'report.subscribe': { accepted: true },
    'event.save': {
      unitId: 'u1',
      title: '讲座',
      content: '内容',
      venue: '礼堂',
      startAt: 1_790_000_000_000,
      endAt: 1_790_003_600_000,
      category: 'lecture',
      audiences: ['public'],
      mode: 'offline',
      free: true,
      venueRole: null,
      maxCompanions: 2,
      capacity: 50,
      questions: [
        {
          id: 'age',
          kind: 'choice',
          label: '年龄段',
          choices: ['60岁以下', '60岁及以上'],
          required: true,
          maxLength: 20,
        },
      ],
    },
    'event.review': { eventId: 'e1', action: 'approve', reason: '' },
    'event.setCapacity': { eventId: 'e1', capacity: 10 },
    'setupAudit.list': { offset: 0, limit: 10 },
    'reminders.run': {},
    'event.poster': { eventId: 'e1' },
    ...EVALUATION_INPUTS,
  };
  const exportsValid: Record<keyof typeof exportsSchemas, Record<string, unknown>> = {
    'forms.export': { kind: 'F2', orgId: 'u1', mode: 'plan' },
    'attendance.export': { eventId: 'e1', unitId: 'u1' },
    'events.import': { unitId: 'u1', fileId: 'u-AAAAAAAAAAAAAAAAAAAAAA' },
    'registrants.export': { eventId: 'e1' },
    'award.export': { campaignId: 'c1' },
    'honours.export': { campaignId: 'c1', kindId: 'k1' },
    'report.package': { taskId: 't1' },
    'report.file': { taskId: 't1', orgId: 'd1', fileId: 'u-AAAAAAAAAAAAAAAAAAAAAA' },
  };
  const cases: [
    FunctionName,
    Record<string, { shape: object; safeParse(v: unknown): { success: boolean } }>,
    Record<string, Record<string, unknown>>,
  ][] = [
    ['resident', residentSchemas as never, residentValid],
    ['staff', staffSchemas as never, staffValid],
    ['organizer', organizerSchemas as never, organizerValid],
    ['exports', exportsSchemas as never, exportsValid],
  ];

  for (const [fn, schemas, valid] of cases) {
    for (const action of Object.keys(schemas)) {
      describe(`${fn} ${action}`, () => {
        it('refuses data that is not an object', async () => {
          for (const data of [null, 42, 'x', [], true]) {
            const result = await send({ action, data }, fn);
            expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
          }
        });

        it('refuses unknown and prototype-polluting fields', async () => {
          for (const extra of ['extra', '__proto__', 'constructor', 'openid']) {
            // An identity in the payload is refused, except where the action names a staff member.
            if (Object.hasOwn(valid[action], extra)) continue;
            const keys = Object.keys(valid[action]).length;
            const data = JSON.parse(JSON.stringify(valid[action]).replace(/^\{/, `{"${extra}":1${keys ? ',' : ''}`));
            const result = await send({ action, data }, fn);
            expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          }
        });

        it('refuses every field of a wrong type, missing, or oversized', async () => {
          const shape = schemas[action].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
          for (const field of Object.keys(valid[action])) {
            const { [field]: _dropped, ...missing } = valid[action];
            const required = !shape[field].safeParse(undefined).success;
            const missingResult = await send({ action, data: missing }, fn);
            if (required) expect(missingResult).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
            for (const value of BAD_VALUES) {
              const data = { ...valid[action], [field]: value };
              const result = await send({ action, data }, fn);
              if (result.ok) {
                // Only a value the schema really accepts may pass (e.g. an empty search text).
                expect(schemas[action].safeParse(data).success).toBe(true);
                expect(action).not.toBe('signup.create');
              } else {
                expect(ERROR_CODES).toContain(result.error.code);
                expect(result.error.code).not.toBe('INTERNAL');
                if (!schemas[action].safeParse(data).success) expect(result.error.code).toBe('VALIDATION_FAILED');
              }
            }
          }
        });
      });
    }
  }

  it('logs an unexpected failure without the payload or personal data', async () => {
    const logs: string[] = [];
    const broken = {
      ...h.deps,
      store: new Proxy(h.store, {
        get(target, name, receiver) {
          if (name === 'getEvent') return async () => Promise.reject(new Error('lookup failed for 王小明 13912345678'));
          return Reflect.get(target, name, receiver);
        },
      }),
    };
    const result = await dispatch(
      'resident',
      { action: 'event.get', data: { eventId: 'e1' } },
      'openid-resident',
      broken,
      (entry) => logs.push(JSON.stringify(entry)),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', retryable: false } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).not.toContain('13912345678');
    expect(logs[0]).toContain('event.get');
  });

  it('names the failing field in Chinese', async () => {
    const result = await send({ action: 'signup.create', data: { ...residentValid['signup.create'], phone: '12345' } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'phone', message: '请填写正确的 11 位手机号码' }] },
    });
  });
});
