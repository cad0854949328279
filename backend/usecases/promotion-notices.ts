/**
 * The outbox step of a waitlist promotion: once the unit of work that promoted people has
 * committed, each of them gets an in-app notice and, where a sender is set up, the WeChat
 * `promoted` message (otherwise the reminder scheduler sends it later). Never called inside
 * `store.atomic`: a rolled-back promotion tells nobody.
 */
import type { Registration } from '../../types/domain';
import type { Deps } from './context';
import { notify } from './notices';
import { sendReminder } from './reminders';

export async function announcePromotions(deps: Deps, promoted: readonly Registration[]): Promise<void> {
  for (const reg of promoted) {
    const event = await deps.store.getEvent(reg.eventId);
    if (!event) continue;
    await notify(deps, [reg.ownerId], reg.eventId, 'promoted', `您候补的“${event.title}”已转为正式报名，请按时参加。`);
    if (deps.reminders && reg.ownerId) {
      await sendReminder(deps, deps.reminders, 'promoted', reg.id, reg.ownerId, event).catch(() => null);
    }
  }
}
