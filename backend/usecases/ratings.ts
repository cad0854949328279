/**
 * Residents rate an event they attended: once, 1–5, with an optional comment. The rating
 * counters (how many, how many 4–5) move in the same step, for 群众满意度.
 */
import type { Rating } from '../../types/domain';
import { ratingDeltas, VERSION_KEY } from '../core/dashboard';
import { fail } from '../core/errors';
import { DuplicateKeyError } from '../store/port';
import type { Caller, Deps } from './context';
import { isOwnRegistration, requireOpenid } from './caller';

export async function rateEvent(
  deps: Deps,
  caller: Caller,
  input: { registrationId: string; score: number; comment: string },
): Promise<Rating> {
  const openid = requireOpenid(caller);
  const reg = await deps.store.getRegistration(input.registrationId);
  if (!isOwnRegistration(reg, openid)) fail('REGISTRATION_NOT_FOUND');
  const checkin = await deps.store.getCheckin(reg.id);
  if (!checkin || checkin.status !== 'active') fail('RATING_NOT_ALLOWED');
  const rating: Rating = {
    id: reg.id,
    eventId: reg.eventId,
    campaignId: reg.campaignId,
    unitId: reg.unitId,
    score: input.score,
    comment: input.comment.trim(),
    createdAt: deps.clock.now(),
  };
  return deps.store.atomic(async () => {
    try {
      await deps.store.insertRating(rating);
    } catch (error) {
      if (error instanceof DuplicateKeyError) fail('ALREADY_RATED');
      throw error;
    }
    await deps.store.bumpCounters(rating.campaignId, { ...ratingDeltas(rating), [VERSION_KEY]: 1 });
    return rating;
  });
}
