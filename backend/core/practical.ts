/**
 * The practical fields of an event (price, contact, map position, sign-up questions): copied only when present, so
 * that events without them stay as they were; an edit clears the ones it leaves out. Pure.
 */
import type { EventPractical } from '../../types/domain';
import { normaliseQuestions } from './signup-questions';

export function practicalOf(source: EventPractical): EventPractical {
  const out: EventPractical = {};
  if (source.fee) out.fee = source.fee;
  if (source.contactName) out.contactName = source.contactName;
  if (source.contactPhone) out.contactPhone = source.contactPhone;
  if (source.location) {
    const { latitude, longitude, address } = source.location;
    out.location = address ? { latitude, longitude, address } : { latitude, longitude };
  }
  if (source.questions?.length) out.questions = normaliseQuestions(source.questions);
  return out;
}

/**
 * The practical fields of an edit: every one present, null where the edit leaves it out, so that
 * the store clears what was there (store patches leave absent fields unchanged).
 */
export function practicalPatch(source: EventPractical): Required<EventPractical> {
  const kept = practicalOf(source);
  return {
    fee: kept.fee ?? null,
    contactName: kept.contactName ?? null,
    contactPhone: kept.contactPhone ?? null,
    location: kept.location ?? null,
    questions: kept.questions ?? null,
  };
}
