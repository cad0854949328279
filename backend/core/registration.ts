/**
 * Rules about sign-ups: identity of a registration, who may sign up and when, masking of
 * personal data, and the limits of the sign-up form.
 */
import type { ActivityEvent, Registration } from '../../types/domain';
import { fail } from './errors';

export const NAME_MAX = 20;
export const PHONE_RE = /^1[3-9]\d{9}$/;
/** Hard ceiling on companions, whatever an event allows. */
export const COMPANIONS_CEILING = 5;

/** Deterministic id: a repeat sign-up of the same holder for the same event collides. */
export function registrationId(eventId: string, holderKey: string): string {
  return `${eventId}_${holderKey}`;
}

/** Sign-up is open for approved events with a capacity, until the event starts. */
export function assertSignupOpen(
  event: ActivityEvent,
  now: number,
): asserts event is ActivityEvent & {
  capacity: number;
} {
  if (event.status === 'cancelled') fail('EVENT_NOT_OPEN', '该活动已取消');
  if (event.status !== 'approved') fail('EVENT_NOT_OPEN', '该活动尚未发布');
  if (event.capacity === null) fail('SIGNUP_NOT_REQUIRED');
  if (now >= event.startAt) fail('EVENT_NOT_OPEN', '该活动已开始，报名已截止');
}

export function isSignupOpen(event: ActivityEvent, now: number): boolean {
  return event.status === 'approved' && event.capacity !== null && now < event.startAt;
}

export function assertCompanions(event: ActivityEvent, companions: number): void {
  const limit = Math.min(event.maxCompanions, COMPANIONS_CEILING);
  if (companions > limit) {
    fail('COMPANIONS_OVER_LIMIT', limit === 0 ? '该活动不接受家属同行报名' : `每份报名最多可带 ${limit} 位家属`);
  }
}

/** A sign-up may be cancelled until its event starts. */
export function isCancellable(reg: Pick<Registration, 'status'>, event: Pick<ActivityEvent, 'startAt'>, now: number) {
  return (reg.status === 'confirmed' || reg.status === 'waitlisted') && now < event.startAt;
}

/** 王小明 → 王*明, 王明 → 王*, 欧阳小明 → 欧**明 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Normalises what a person typed as a name: trims and folds inner white space. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}
