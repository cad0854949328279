/**
 * The practical fields of an event (price, contact, map position): copied only when present, so
 * that events without them stay as they were. Pure.
 */
import type { EventPractical } from '../../types/domain';

export function practicalOf(source: EventPractical): EventPractical {
  const out: EventPractical = {};
  if (source.fee) out.fee = source.fee;
  if (source.contactName) out.contactName = source.contactName;
  if (source.contactPhone) out.contactPhone = source.contactPhone;
  if (source.location) out.location = { latitude: source.location.latitude, longitude: source.location.longitude };
  return out;
}
