/**
 * A notice to many people (an activity cancelled, a sample of 1,000 invited to rate) is written a
 * few at a time rather than one after another: on CloudBase each insert is a round trip, and the
 * function has 10 s (backend/usecases/notices.ts `notify`).
 */
import { notify, NOTICES_AT_ONCE } from '../../backend/usecases/notices';
import { openHarness, type Harness } from '../support/harness';

describe('notices to many people', () => {
  let h: Harness;
  beforeEach(() => {
    h = openHarness();
  });
  afterEach(() => h.close());

  it('writes one notice per person, at most 20 at once and more than one at a time', async () => {
    const insert = h.store.insertNotice.bind(h.store);
    let inFlight = 0;
    let most = 0;
    h.deps.store = Object.assign(Object.create(h.store), {
      async insertNotice(...args: Parameters<typeof insert>) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        try {
          return await insert(...args);
        } finally {
          inFlight--;
        }
      },
    });
    const owners = Array.from({ length: 45 }, (_, i) => `openid-${i}`);
    // Duplicates and people without WeChat (no owner) get no second notice and no notice.
    const sent = await notify(h.deps, [...owners, 'openid-3', null, null], 'e1', 'event_cancelled', '活动已取消');
    expect(sent).toBe(45);
    expect(NOTICES_AT_ONCE).toBe(20);
    expect(most).toBe(20);
    for (const owner of ['openid-0', 'openid-3', 'openid-44']) {
      const mine = await h.store.listNotices(owner, 10);
      expect(mine.map((n) => [n.eventId, n.kind, n.text])).toEqual([['e1', 'event_cancelled', '活动已取消']]);
    }
    expect(inFlight).toBe(0);
  });

  it('writes nothing for nobody', async () => {
    expect(await notify(h.deps, [null], 'e1', 'event_cancelled', '活动已取消')).toBe(0);
    expect(await h.store.listNotices('openid-0', 10)).toEqual([]);
  });
});
