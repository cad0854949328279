import { dueReminders, reminderFields, thing } from '../../backend/core/reminders';
import { at } from '../../backend/core/time';
import { runReminders, type ReminderSender } from '../../backend/usecases/reminders';
import type { ReminderKind } from '../../types/domain';
import { aCampaign, anEvent } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';

/** A sender whose answers the test decides, and which remembers what it was asked to send. */
class ScriptedSender implements ReminderSender {
  readonly sent: { openid: string; kind: ReminderKind; fields: Record<string, string> }[] = [];
  answer: 'sent' | 'refused' | 'failed' | 'throw' = 'sent';
  async send(openid: string, kind: ReminderKind, fields: Record<string, string>) {
    if (this.answer === 'throw') throw new Error('ETIMEDOUT');
    this.sent.push({ openid, kind, fields });
    return { status: this.answer, detail: this.answer === 'refused' ? '43101 用户拒收' : '' };
  }
}

describe('reminders', () => {
  let h: Harness;
  let sender: ScriptedSender;
  const START = at('2026-11-15', '09:00');

  beforeEach(async () => {
    h = openHarness(at('2026-11-10', '10:00'));
    sender = new ScriptedSender();
    await h.store.putCampaign(aCampaign());
    await h.store.putEvent(
      anEvent({ id: 'e1', capacity: 1, title: '老年人智能手机使用培训（第二期）：扫码挂号与防诈骗', startAt: START }),
    );
  });
  afterEach(() => h.close());

  const signUp = (openid: string) =>
    h.ok(
      'resident',
      'signup.create',
      // Each resident her own phone number: one phone holds one seat per event (#11).
      {
        eventId: 'e1',
        name: '王小明',
        phone: `139${String(openid.length).padStart(8, '0')}`,
        companions: 0,
        consent: true,
      },
      openid,
    );

  it('says which reminders are due, when', () => {
    const reg = { status: 'confirmed' as const, ownerId: 'o1', promotedAt: null };
    const event = { startAt: START, status: 'approved' as const };
    expect(dueReminders(reg, event, START - 27 * 3600_000)).toEqual([]);
    expect(dueReminders(reg, event, START - 25 * 3600_000)).toEqual(['event_reminder']);
    expect(dueReminders(reg, event, START - 30 * 60_000)).toEqual([]);
    expect(dueReminders({ ...reg, promotedAt: 1 }, event, START - 40 * 3600_000)).toEqual(['promoted']);
    expect(dueReminders({ ...reg, status: 'waitlisted' }, event, START - 2 * 3600_000)).toEqual([]);
    expect(dueReminders({ ...reg, ownerId: null }, event, START - 2 * 3600_000)).toEqual([]);
  });

  it('fits the template: thing fields at most 20 characters', () => {
    expect(Array.from(thing('老年人智能手机使用培训（第二期）：扫码挂号与防诈骗'))).toHaveLength(20);
    expect(thing('短标题')).toBe('短标题');
    expect(reminderFields('event_reminder', { title: '讲座', startAt: START, venue: '礼堂' })).toEqual({
      thing1: '讲座',
      time2: '2026年11月15日 09:00',
      thing3: '礼堂',
      thing4: '活动即将开始，请带好签到码',
    });
  });

  it('sends once per acceptance, records missing credits, and never sends twice', async () => {
    await signUp('with-credit');
    await h.store.putEvent(anEvent({ id: 'e2', capacity: 5, startAt: START + 3600_000 }));
    await h.ok(
      'resident',
      'signup.create',
      { eventId: 'e2', name: '李四', phone: '13900000000', companions: 0, consent: true },
      'without-credit',
    );
    await h.ok(
      'resident',
      'signup.create',
      { eventId: 'e2', name: '王小明', phone: '13912345678', companions: 0, consent: true },
      'with-credit',
    );
    expect(
      (await h.ok('resident', 'reminders.subscribe', { accepted: ['event_reminder'] }, 'with-credit')).credits,
    ).toEqual({
      event_reminder: 1,
      promoted: 0,
      rating_invite: 0,
    });
    // Too early: nothing goes.
    expect(await runReminders(h.deps, sender)).toEqual({ sent: 0, refused: 0, noCredit: 0, failed: 0 });
    h.clock.set(START - 20 * 3600_000);
    const first = await runReminders(h.deps, sender);
    // with-credit has two events and one credit: one sent, one without credit.
    expect(first).toEqual({ sent: 1, refused: 0, noCredit: 2, failed: 0 });
    expect(sender.sent.map((s) => s.openid)).toEqual(['with-credit']);
    expect(sender.sent[0].fields.thing1).toHaveLength(20);
    h.clock.advance(15 * 60_000);
    expect(await runReminders(h.deps, sender)).toEqual({ sent: 0, refused: 0, noCredit: 0, failed: 0 });
    const mine = await h.ok('resident', 'reminders.mine', {}, 'with-credit');
    expect(mine.reminders.map((r) => r.status).sort()).toEqual(['no_credit', 'sent']);
    expect(mine.credits.event_reminder).toBe(0);
  });

  it('tells a promoted waitlister, and gives the credit back when WeChat refuses or fails', async () => {
    const first = await signUp('first');
    await signUp('waiting');
    await h.ok('resident', 'reminders.subscribe', { accepted: ['promoted', 'event_reminder'] }, 'waiting');
    // The promotion is told at once, by the sender the function is set up with.
    sender.answer = 'refused';
    h.deps.reminders = sender;
    await h.ok('resident', 'signup.cancel', { registrationId: first.registration.id }, 'first');
    expect(sender.sent.map((s) => [s.openid, s.kind])).toEqual([['waiting', 'promoted']]);
    expect((await h.ok('resident', 'reminders.mine', {}, 'waiting')).credits.promoted).toBe(1);
    h.clock.set(START - 10 * 3600_000);
    sender.answer = 'throw';
    expect(await runReminders(h.deps, sender)).toMatchObject({ failed: 1 });
    const records = (await h.ok('resident', 'reminders.mine', {}, 'waiting')).reminders;
    expect(records.map((r) => [r.kind, r.status])).toEqual(
      expect.arrayContaining([
        ['promoted', 'refused'],
        ['event_reminder', 'failed'],
      ]),
    );
    expect((await h.ok('resident', 'reminders.mine', {}, 'waiting')).credits.event_reminder).toBe(1);
    // Not retried forever: a later run leaves them as they are.
    sender.answer = 'sent';
    expect(await runReminders(h.deps, sender)).toEqual({ sent: 0, refused: 0, noCredit: 0, failed: 0 });
  });

  it('refuses a repeated kind in one acceptance', async () => {
    const twice = await h.call('resident', 'reminders.subscribe', { accepted: ['promoted', 'promoted'] }, 'o1');
    expect(!twice.ok && twice.error.code).toBe('VALIDATION_FAILED');
  });
});
