/**
 * Rules about events as residents see them: which are listed, how a filter matches.
 */
import type { EventFilter } from '../../types/api';
import type { ActivityEvent } from '../../types/domain';

/** Only approved and cancelled (shown as such) events are visible to residents. */
export function isPublic(event: Pick<ActivityEvent, 'status'>): boolean {
  return event.status === 'approved' || event.status === 'cancelled';
}

/** Text a search may match: the event's own words and the names of its host. */
export interface SearchableNames {
  unitName: string;
  streetName: string;
}

export function matchesFilter(event: ActivityEvent, filter: EventFilter, names: SearchableNames): boolean {
  if (filter.day && event.day !== filter.day) return false;
  if (filter.streetId && event.streetId !== filter.streetId) return false;
  if (filter.category && event.category !== filter.category) return false;
  if (filter.audience && !event.audiences.includes(filter.audience) && !event.audiences.includes('public')) {
    return false;
  }
  const q = filter.q?.trim();
  if (q) {
    const haystack = [event.title, event.content, event.venue, names.unitName, names.streetName].join('\n');
    const terms = q.split(/\s+/).filter(Boolean);
    if (!terms.every((term) => haystack.includes(term))) return false;
  }
  return true;
}

/** Residents' order: by start time, then title, so that pages are stable. */
export function compareEvents(a: ActivityEvent, b: ActivityEvent): number {
  return a.startAt - b.startAt || a.title.localeCompare(b.title, 'zh') || a.id.localeCompare(b.id);
}
