/**
 * Adds an approved offline activity of the demo staff's centre (centre-yaotang) to a demo store,
 * starting `minutes` from now, through a second store connection: the demo week lies in the
 * future, so tests of the door window add their own activity to a running demo server's store.
 */
import { openSqliteStore } from '../../backend/store/sqlite';
import { dayOf } from '../../backend/core/time';
import type { SignupQuestion } from '../../types/domain';

export async function addDemoActivity(
  file: string,
  id: string,
  minutes: number,
  options: { title: string; questions?: SignupQuestion[] | null },
): Promise<void> {
  const store = openSqliteStore({ file });
  try {
    const campaign = (await store.latestCampaign())!;
    const template = (await store.listEvents(campaign.id)).find((e) => e.unitId === 'centre-yaotang')!;
    const startAt = Date.now() + minutes * 60_000;
    await store.putEvent({
      ...template,
      id,
      title: options.title,
      startAt,
      endAt: startAt + 90 * 60_000,
      day: dayOf(startAt),
      capacity: 30,
      seatsTaken: 0,
      waitingCount: 0,
      checkedIn: 0,
      walkIns: 0,
      entered: null,
      status: 'approved',
      mode: 'offline',
      ...(options.questions !== undefined ? { questions: options.questions } : {}),
      door: undefined,
    });
  } finally {
    store.close();
  }
}
