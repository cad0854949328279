/**
 * The walk-ins of an event as the door roster lists them (现场登记): who came without a sign-up,
 * with the name masked like the sign-ups' and no phone. Pure.
 */
import type { Checkin } from '../../types/domain';
import type { WalkInEntry } from '../../types/api';
import { maskName } from './registration';

export function walkInEntries(checkins: readonly Checkin[]): WalkInEntry[] {
  return checkins
    .filter((c) => c.method === 'walkin' && c.status === 'active')
    .sort((a, b) => a.checkedInAt - b.checkedInAt || a.id.localeCompare(b.id))
    .map((c) => ({
      id: c.id,
      name: c.name ? maskName(c.name) : '未留姓名',
      party: c.party,
      checkedInAt: c.checkedInAt,
    }));
}
