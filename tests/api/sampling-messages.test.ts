/**
 * The sampled people are asked to rate in the app and, where they subscribed (the 满意度调查邀请
 * template, one credit per acceptance), by a subscription message: once per sample and
 * registration; without a credit in the app only; a failed send is recorded, gives the credit
 * back and never loses the in-app notice.
 */
import { at } from '../../backend/core/time';
import type { ReminderSender } from '../../backend/usecases/reminders';
import type { ReminderKind } from '../../types/domain';
import type { Harness } from '../support/harness';
import { attend, DAY, evaluationWorld, ORGANIZER, STAFF_U1, STAFF_U2 } from './evaluation-fixtures';

class ScriptedSender implements ReminderSender {
  readonly sent: { openid: string; kind: ReminderKind; fields: Record<string, string>; page: string }[] = [];
  answer: 'sent' | 'failed' | 'throw' = 'sent';
  async send(openid: string, kind: ReminderKind, fields: Record<string, string>, page: string) {
    if (this.answer === 'throw') throw new Error('ETIMEDOUT');
    this.sent.push({ openid, kind, fields, page });
    return { status: this.answer, detail: '' };
  }
}

const residents = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `openid-${prefix}-${i}`);

describe('subscription messages to the sampled', () => {
  let h: Harness;
  let sender: ScriptedSender;
  let regsA: string[];
  let regsC: string[];
  beforeEach(async () => {
    h = await evaluationWorld();
    sender = new ScriptedSender();
    h.deps.reminders = sender;
    regsA = await attend(h, 'a', STAFF_U1, residents('a', 6));
    regsC = await attend(h, 'c', STAFF_U2, residents('c', 4));
    // The six attendees of a accepted the 满意度调查邀请 template; those of c did not.
    for (const openid of residents('a', 6)) {
      await h.ok('resident', 'reminders.subscribe', { accepted: ['rating_invite'] }, openid);
    }
    h.clock.set(at(DAY, '12:00'));
  });
  afterEach(() => h.close());

  const ownerOf = (reg: string) =>
    regsA.includes(reg) ? `openid-a-${regsA.indexOf(reg)}` : `openid-c-${regsC.indexOf(reg)}`;

  it('messages the subscribed sampled people, and the others only in the app', async () => {
    // N = 10 at ±20 %: 8 drawn, 5 at a (all subscribed) and 3 at c (none subscribed).
    const { sample, messages } = await h.ok('organizer', 'sampling.draw', { margin: 0.2, seed: 99 }, ORGANIZER);
    expect(messages).toEqual({ sent: 5, noCredit: 3, failed: 0 });
    expect(sender.sent).toHaveLength(5);
    expect(new Set(sender.sent.map((s) => s.openid))).toEqual(
      new Set(sample.drawn.filter((r) => regsA.includes(r)).map(ownerOf)),
    );
    expect(sender.sent.every((s) => s.kind === 'rating_invite' && s.page === 'pages/mine/index')).toBe(true);
    expect(sender.sent[0].fields.thing4).toBe('您被随机抽中，请为本次活动评分');

    for (const reg of sample.drawn) {
      const openid = ownerOf(reg);
      const { notices } = await h.ok('resident', 'notices.list', {}, openid);
      expect(notices.filter((n) => n.kind === 'rating_invite')).toHaveLength(1);
      const mine = await h.ok('resident', 'reminders.mine', {}, openid);
      const record = mine.reminders.find((r) => r.id === `rating_invite|${sample.id}|${reg}`);
      // Subscribed: sent and the credit spent; not subscribed: recorded as 未订阅, app only.
      expect(record?.status).toBe(regsA.includes(reg) ? 'sent' : 'no_credit');
      expect(mine.credits.rating_invite).toBe(0);
    }
    // The one subscribed attendee of a who was not drawn keeps the credit and got nothing.
    const notDrawn = regsA.filter((r) => !sample.drawn.includes(r));
    expect(notDrawn).toHaveLength(1);
    const spared = await h.ok('resident', 'reminders.mine', {}, ownerOf(notDrawn[0]));
    expect(spared.credits.rating_invite).toBe(1);
    expect(spared.reminders).toEqual([]);

    const audit = await h.ok('organizer', 'setupAudit.list', {}, ORGANIZER);
    expect(audit.records.find((r) => r.action === 'sample.message')?.summary).toBe(
      '满意度调查邀请：订阅消息5条，未订阅3人，发送失败0条',
    );
  });

  it('keeps the in-app notice and gives the credit back when the send fails', async () => {
    for (const answer of ['failed', 'throw'] as const) {
      sender.answer = answer;
      const { sample, messages } = await h.ok('organizer', 'sampling.draw', { margin: 0.2, seed: 7 }, ORGANIZER);
      expect(messages).toEqual({ sent: 0, noCredit: 3, failed: 5 });
      for (const reg of sample.drawn.filter((r) => regsA.includes(r))) {
        const openid = ownerOf(reg);
        const { notices } = await h.ok('resident', 'notices.list', {}, openid);
        expect(notices.some((n) => n.kind === 'rating_invite' && n.eventId === 'a')).toBe(true);
        const mine = await h.ok('resident', 'reminders.mine', {}, openid);
        expect(mine.reminders.find((r) => r.id === `rating_invite|${sample.id}|${reg}`)?.status).toBe('failed');
        expect(mine.credits.rating_invite).toBe(1);
      }
      h.clock.advance(60_000);
    }
  });
});
