/**
 * The store contract of subscription credits and reminder records; run on every adapter from store-contract.ts.
 */
import type { Store } from '../../backend/store/port';
import { DuplicateKeyError } from '../../backend/store/port';

export function runRemindersContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  it('spends subscription credits one by one, never below zero', async () => {
    expect(await store.getCredits('o1', 'event_reminder')).toBe(0);
    expect(await store.takeCredit('o1', 'event_reminder')).toBe(false);
    await store.addCredits('o1', 'event_reminder', 2);
    await store.addCredits('o1', 'event_reminder', 1);
    await store.addCredits('o1', 'promoted', 1);
    const taken = await Promise.all(Array.from({ length: 8 }, () => store.takeCredit('o1', 'event_reminder')));
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect(await store.getCredits('o1', 'event_reminder')).toBe(0);
    expect(await store.getCredits('o1', 'promoted')).toBe(1);
  });

  it('records each reminder once, newest first per owner', async () => {
    const record = {
      id: 'event_reminder|r1',
      kind: 'event_reminder' as const,
      registrationId: 'r1',
      ownerId: 'o1',
      eventId: 'e1',
      status: 'sent' as const,
      fields: { thing1: '讲座' },
      attempts: 1,
      detail: '',
      at: 1,
    };
    await store.insertReminder(record);
    await expect(store.insertReminder({ ...record, status: 'failed' })).rejects.toBeInstanceOf(DuplicateKeyError);
    await store.insertReminder({ ...record, id: 'promoted|r1', kind: 'promoted', at: 2 });
    await store.insertReminder({ ...record, id: 'event_reminder|r2', ownerId: 'o2' });
    expect((await store.listReminders('o1', 10)).map((r) => r.id)).toEqual(['promoted|r1', 'event_reminder|r1']);
    expect(await store.listReminders('o1', 1)).toHaveLength(1);
  });
}
