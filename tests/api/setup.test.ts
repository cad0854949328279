import { at } from '../../backend/core/time';
import { aCampaign, anEventInput, anOrg } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';

const ORGANIZER = 'openid-organizer';
const OTHER_ORGANIZER = 'openid-organizer-d2';
const NEWCOMER = 'openid-newcomer';

describe('organizing the week', () => {
  let h: Harness;

  beforeEach(async () => {
    h = openHarness(at('2026-11-01', '09:00'));
    await h.store.putCampaign(aCampaign());
    await h.store.putOrg(anOrg({ id: 'd1', kind: 'district', parentId: null, name: '测试区' }));
    await h.store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1', name: '尧塘街道' }));
    await h.store.putOrg(anOrg({ id: 'u1', parentId: 's1', name: '尧塘社区教育中心' }));
    await h.store.putOrg(anOrg({ id: 'x9', parentId: 's9', districtId: 'd2', name: '邻区单位' }));
    await h.store.putMember({ openid: ORGANIZER, role: 'organizer', districtId: 'd1', unitIds: [], name: '凌老师' });
    await h.store.putMember({
      openid: OTHER_ORGANIZER,
      role: 'organizer',
      districtId: 'd2',
      unitIds: [],
      name: '邻区',
    });
  });
  afterEach(() => h.close());

  const signUpInput = (eventId: string, name: string, phone: string) => ({
    eventId,
    name,
    phone,
    companions: 0,
    consent: true,
  });
  const trySignUp = (eventId: string, who: string, name = '王小明', phone = '13900000000') =>
    h.call('resident', 'signup.create', signUpInput(eventId, name, phone), who);
  const signUp = (eventId: string, who: string, name = '王小明', phone = '13900000000') =>
    h.ok('resident', 'signup.create', signUpInput(eventId, name, phone), who);

  async function bindStaff(openid: string, role: 'staff' | 'supervisor' = 'staff') {
    const { invite } = await h.ok(
      'organizer',
      'invite.create',
      { role, unitId: 'u1', name: '张老师', hours: 24 },
      ORGANIZER,
    );
    await h.ok('resident', 'invite.accept', { code: invite.code.toLowerCase() }, openid);
  }

  it('runs an invitation through its life: used once, expired, revoked, wrong role', async () => {
    const { invite, path } = await h.ok(
      'organizer',
      'invite.create',
      { role: 'staff', unitId: 'u1', name: '张老师', hours: 2 },
      ORGANIZER,
    );
    expect(invite.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(path).toBe(`pages/invite/index?code=${invite.code}`);
    expect((await h.ok('resident', 'me.get', {}, NEWCOMER)).role).toBe('resident');
    const accepted = await h.ok('resident', 'invite.accept', { code: invite.code }, NEWCOMER);
    expect(accepted).toEqual({ role: 'staff', name: '张老师', unitIds: ['u1'] });
    expect(await h.ok('resident', 'me.get', {}, NEWCOMER)).toMatchObject({ role: 'staff', unitIds: ['u1'] });
    expect(await h.code('resident', 'invite.accept', { code: invite.code }, 'someone-else')).toBe('INVITE_USED');

    const late = await h.ok(
      'organizer',
      'invite.create',
      { role: 'supervisor', unitId: 'u1', name: '李主任', hours: 1 },
      ORGANIZER,
    );
    h.clock.advance(3600_000);
    expect(await h.code('resident', 'invite.accept', { code: late.invite.code }, 'late-one')).toBe('INVITE_EXPIRED');

    const revoked = await h.ok(
      'organizer',
      'invite.create',
      { role: 'staff', unitId: 'u1', name: '王', hours: 5 },
      ORGANIZER,
    );
    await h.ok('organizer', 'invite.revoke', { code: revoked.invite.code }, ORGANIZER);
    expect(await h.code('resident', 'invite.accept', { code: revoked.invite.code }, 'third')).toBe('INVITE_REVOKED');
    expect(await h.code('organizer', 'invite.revoke', { code: invite.code }, ORGANIZER)).toBe('INVITE_USED');
    expect(await h.code('resident', 'invite.accept', { code: 'ZZZZ2222' }, 'fourth')).toBe('INVITE_NOT_FOUND');

    // No admin invitations, no unit of another district, and only organizers invite.
    const inviting = (input: object, who: string) => h.code('organizer', 'invite.create', input, who);
    expect(await inviting({ role: 'admin', name: '甲', hours: 5 }, ORGANIZER)).toBe('VALIDATION_FAILED');
    expect(await inviting({ role: 'staff', unitId: 'x9', name: '乙', hours: 5 }, ORGANIZER)).toBe('VALIDATION_FAILED');
    expect(await inviting({ role: 'staff', unitId: 'u1', name: '丙', hours: 5 }, NEWCOMER)).toBe('FORBIDDEN');
    const states = (await h.ok('organizer', 'invite.list', {}, ORGANIZER)).invites.map((i) => i.state).sort();
    expect(states).toEqual(['expired', 'revoked', 'used']);
  });

  it('an edit sets the price, contact and map point, and an edit without them clears them', async () => {
    const { event } = await h.ok('organizer', 'event.save', anEventInput(), ORGANIZER);
    const practical = {
      free: false,
      fee: '30元/人',
      contactName: '王老师',
      contactPhone: '0519-82812345',
      location: { latitude: 31.7512, longitude: 119.5601, address: '尧塘街道文化中心' },
    };
    await h.ok('organizer', 'event.save', anEventInput({ eventId: event.id, ...practical }), ORGANIZER);
    const set = (await h.ok('resident', 'event.get', { eventId: event.id }, 'resident-1')).event;
    expect([set.fee, set.contactName, set.contactPhone, set.location]).toEqual([
      '30元/人',
      '王老师',
      '0519-82812345',
      { latitude: 31.7512, longitude: 119.5601, address: '尧塘街道文化中心' },
    ]);
    await h.ok('organizer', 'event.save', anEventInput({ eventId: event.id, free: false, fee: '20元/人' }), ORGANIZER);
    const cleared = (await h.ok('resident', 'event.get', { eventId: event.id }, 'resident-1')).event;
    expect(cleared.fee).toBe('20元/人');
    expect(['contactName', 'contactPhone', 'location'].filter((k) => k in cleared)).toEqual([]);
    // An explicit null clears too.
    await h.ok('organizer', 'event.save', anEventInput({ eventId: event.id, fee: null }), ORGANIZER);
    expect('fee' in (await h.ok('resident', 'event.get', { eventId: event.id }, 'resident-1')).event).toBe(false);
  });

  it('publishes an event only after review, and tells the unit why it was returned', async () => {
    await bindStaff('staff-1');
    const { event } = await h.ok('organizer', 'event.save', anEventInput(), 'staff-1');
    expect(event.status).toBe('draft');
    expect(await h.code('resident', 'event.get', { eventId: event.id }, 'resident-1')).toBe('EVENT_NOT_FOUND');
    const review = (action: string, reason: string, who: string) =>
      h.code('organizer', 'event.review', { eventId: event.id, action, reason }, who);
    expect(await review('approve', '', 'staff-1')).toBe('FORBIDDEN');
    expect(await review('approve', '', ORGANIZER)).toBe('EVENT_STATE_CONFLICT');
    expect(await review('submit', '', 'staff-1')).toBe('ok');
    expect(await review('return', ' ', ORGANIZER)).toBe('VALIDATION_FAILED');
    const returned = await h.ok(
      'organizer',
      'event.review',
      { eventId: event.id, action: 'return', reason: '请补充活动地点门牌号' },
      ORGANIZER,
    );
    expect(returned.event).toMatchObject({ status: 'returned', reviewNote: '请补充活动地点门牌号' });
    await h.ok(
      'organizer',
      'event.save',
      anEventInput({ eventId: event.id, venue: '社区教育中心三楼 301' }),
      'staff-1',
    );
    await h.ok('organizer', 'event.review', { eventId: event.id, action: 'submit', reason: '' }, 'staff-1');
    await h.ok('organizer', 'event.review', { eventId: event.id, action: 'approve', reason: '' }, ORGANIZER);
    const visible = await h.ok('resident', 'event.get', { eventId: event.id }, 'resident-1');
    expect(visible.event).toMatchObject({ venue: '社区教育中心三楼 301', signupOpen: true });
    const log = await h.ok('organizer', 'setupAudit.list', {}, ORGANIZER);
    expect(log.records.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'invite.create',
        'invite.accept',
        'event.create',
        'event.submit',
        'event.return',
        'event.update',
        'event.approve',
      ]),
    );
    expect(log.records.find((r) => r.action === 'event.return')?.actor).toContain('凌老师');
  });

  it('never lowers capacity below the seats taken; raising it promotes the waitlist', async () => {
    const { event } = await h.ok('organizer', 'event.save', anEventInput({ capacity: 2 }), ORGANIZER);
    expect(event.status).toBe('approved');
    for (const [i, who] of ['r1', 'r2', 'r3'].entries()) {
      // Three people, three phone numbers: one phone holds one seat per event (#11).
      await signUp(event.id, who, '王小明', `1390000000${i}`);
    }
    expect(await h.code('organizer', 'event.setCapacity', { eventId: event.id, capacity: 1 }, ORGANIZER)).toBe(
      'CAPACITY_BELOW_TAKEN',
    );
    expect(await h.store.getEvent(event.id)).toMatchObject({ capacity: 2, seatsTaken: 2, waitingCount: 1 });
    const raised = await h.ok('organizer', 'event.setCapacity', { eventId: event.id, capacity: 3 }, ORGANIZER);
    expect(raised.event).toMatchObject({ capacity: 3, confirmedPeople: 3, waitingCount: 0 });
    const notices = await h.ok('resident', 'notices.list', {}, 'r3');
    expect(notices.notices.map((n) => n.kind)).toEqual(['promoted']);
    expect(await h.code('organizer', 'event.save', anEventInput({ eventId: event.id, capacity: 2 }), ORGANIZER)).toBe(
      'CAPACITY_BELOW_TAKEN',
    );
  });

  it('tells signed-up residents when an approved event changes time or place', async () => {
    const { event } = await h.ok('organizer', 'event.save', anEventInput({ capacity: 10 }), ORGANIZER);
    await signUp(event.id, 'r1');
    await h.ok(
      'organizer',
      'event.save',
      anEventInput({ eventId: event.id, capacity: 10, title: '改个名字' }),
      ORGANIZER,
    );
    expect((await h.ok('resident', 'notices.list', {}, 'r1')).notices).toEqual([]);
    await h.ok(
      'organizer',
      'event.save',
      anEventInput({
        eventId: event.id,
        capacity: 10,
        startAt: at('2026-11-16', '14:00'),
        endAt: at('2026-11-16', '15:30'),
      }),
      ORGANIZER,
    );
    const { notices, unread } = await h.ok('resident', 'notices.list', {}, 'r1');
    expect(unread).toBe(1);
    expect(notices[0]).toMatchObject({ kind: 'event_changed', eventId: event.id });
    expect(notices[0].text).toContain('11月16日 周一 14:00–15:30');
    await h.ok('resident', 'notices.read', { id: notices[0].id }, 'r1');
    expect((await h.ok('resident', 'notices.list', {}, 'r1')).unread).toBe(0);
    expect(await h.code('resident', 'notices.read', { id: notices[0].id }, 'r2')).toBe('VALIDATION_FAILED');
  });

  it('cancelling an event cancels its sign-ups, which stop counting, with a notice', async () => {
    const { event } = await h.ok('organizer', 'event.save', anEventInput({ capacity: 1 }), ORGANIZER);
    await signUp(event.id, 'r1');
    await signUp(event.id, 'r2', '李四', '13900000001');
    const before = await h.ok('organizer', 'dashboard.get', {}, ORGANIZER);
    expect(before.week.signups).toBe(1);
    await h.ok('organizer', 'event.review', { eventId: event.id, action: 'cancel', reason: '场地维修' }, ORGANIZER);
    expect(await h.store.getEvent(event.id)).toMatchObject({ status: 'cancelled', seatsTaken: 0, waitingCount: 0 });
    const regs = await h.store.listRegistrationsOfEvent(event.id);
    expect(regs.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    for (const who of ['r1', 'r2']) {
      const { notices } = await h.ok('resident', 'notices.list', {}, who);
      expect(notices[0]).toMatchObject({ kind: 'event_cancelled' });
      expect(notices[0].text).toContain('场地维修');
    }
    const after = await h.ok('organizer', 'dashboard.get', {}, ORGANIZER);
    expect(after.week).toMatchObject({ signups: 0, eventsScheduled: 0 });
    const late = await trySignUp(event.id, 'r3');
    expect(!late.ok && late.error.code).toBe('EVENT_NOT_OPEN');
    expect(await h.code('organizer', 'event.save', anEventInput({ eventId: event.id }), ORGANIZER)).toBe(
      'EVENT_STATE_CONFLICT',
    );
  });

  it('validates with clear messages: dates inside the week, end after start, capacity, phone and e-mail', async () => {
    const outside = await h.call(
      'organizer',
      'event.save',
      anEventInput({ startAt: at('2026-12-01', '09:00'), endAt: at('2026-12-01', '10:00') }),
      ORGANIZER,
    );
    expect(!outside.ok && outside.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '活动日期须在 2026-11-14 至 2026-11-20 之间',
    });
    const backwards = await h.call(
      'organizer',
      'event.save',
      anEventInput({ endAt: at('2026-11-15', '08:00') }),
      ORGANIZER,
    );
    expect(!backwards.ok && backwards.error.message).toBe('结束时间须晚于开始时间');
    const zero = await h.call('organizer', 'event.save', anEventInput({ capacity: 0 }), ORGANIZER);
    expect(!zero.ok && zero.error.fields).toEqual([{ path: 'capacity', message: '名额须为正整数' }]);
    const badPhone = await h.call(
      'organizer',
      'org.save',
      {
        name: '某中心',
        kind: 'unit',
        parentId: 's1',
        contact: { name: '张', position: '主任', phone: '12345', email: 'x@y.cn' },
      },
      ORGANIZER,
    );
    expect(!badPhone.ok && badPhone.error.fields?.[0]).toEqual({
      path: 'contact.phone',
      message: '联系电话格式不正确（手机或带区号的座机）',
    });
    const badMail = await h.call(
      'organizer',
      'org.save',
      {
        name: '某中心',
        kind: 'unit',
        parentId: 's1',
        contact: { name: '张', position: '', phone: '0519-82801837', email: 'not-mail' },
      },
      ORGANIZER,
    );
    expect(!badMail.ok && badMail.error.fields?.[0]?.message).toBe('E-mail 格式不正确');
    const week = await h.call(
      'organizer',
      'campaign.save',
      {
        name: '活动周',
        theme: '主题',
        weekStart: '2026-11-20',
        weekEnd: '2026-11-14',
        hosts: [],
        coHosts: [],
        undertakers: [],
      },
      ORGANIZER,
    );
    expect(!week.ok && week.error.message).toBe('活动周的结束日期不能早于开始日期');
  });

  it('keeps the campaign, the organisation tree and staff bindings in the hands of organizers', async () => {
    const { campaign } = await h.ok(
      'organizer',
      'campaign.save',
      {
        name: '测试区2027年度全民终身学习活动周',
        theme: '学习成就美好生活',
        weekStart: '2027-11-13',
        weekEnd: '2027-11-19',
        periodStart: '2027-11-01',
        periodEnd: '2028-10-31',
        hosts: ['测试区教育局'],
        coHosts: ['测试区社区培训学院'],
        undertakers: ['尧塘街道办事处'],
        opening: { place: '尧塘街道', startAt: at('2027-11-13', '09:00') },
        deadlines: [
          { label: '活动安排表', day: '2027-10-30' },
          { label: '活动总结', day: '2027-11-23' },
        ],
      },
      ORGANIZER,
    );
    expect(campaign).toMatchObject({ districtId: 'd1', demo: false });
    // Stored, but residents keep the week that has activities: a new campaign without approved
    // events never hides another's (core/resident-campaign.ts).
    expect((await h.store.getCampaign(campaign.id))?.theme).toBe('学习成就美好生活');
    expect((await h.ok('resident', 'week.get', {}, 'anyone')).campaign.theme).toBe('全民智学');
    const { org } = await h.ok(
      'organizer',
      'org.save',
      {
        name: '测试区图书馆',
        kind: 'unit',
        parentId: 's1',
        unitKind: 'library',
        contact: { name: '赵馆长', position: '馆长', phone: '13800000000', email: 'lib@test.cn' },
      },
      ORGANIZER,
    );
    expect(
      (await h.ok('organizer', 'org.list', {}, ORGANIZER)).orgs.find((o) => o.id === org.id)?.contact?.position,
    ).toBe('馆长');
    expect(
      await h.code('organizer', 'org.save', { id: org.id, name: '抢', kind: 'unit', parentId: 's1' }, OTHER_ORGANIZER),
    ).toBe('VALIDATION_FAILED');
    await bindStaff('staff-2');
    const members = (await h.ok('organizer', 'staff.list', {}, ORGANIZER)).members;
    expect(members.map((m) => m.openid).sort()).toEqual([ORGANIZER, 'staff-2'].sort());
    await h.ok(
      'organizer',
      'staff.update',
      { openid: 'staff-2', role: 'supervisor', unitIds: ['u1'], name: '张主管' },
      ORGANIZER,
    );
    expect((await h.ok('resident', 'me.get', {}, 'staff-2')).role).toBe('supervisor');
    expect(await h.code('organizer', 'staff.revoke', { openid: 'staff-2' }, OTHER_ORGANIZER)).toBe('VALIDATION_FAILED');
    expect(await h.code('organizer', 'staff.revoke', { openid: ORGANIZER }, ORGANIZER)).toBe('FORBIDDEN');
    await h.ok('organizer', 'staff.revoke', { openid: 'staff-2' }, ORGANIZER);
    expect((await h.ok('resident', 'me.get', {}, 'staff-2')).role).toBe('resident');
    expect(
      await h.code(
        'organizer',
        'campaign.save',
        {
          name: 'x',
          theme: 'y',
          weekStart: '2027-11-13',
          weekEnd: '2027-11-19',
          hosts: [],
          coHosts: [],
          undertakers: [],
        },
        'resident-1',
      ),
    ).toBe('FORBIDDEN');
  });
});
