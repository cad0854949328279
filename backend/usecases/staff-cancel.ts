/**
 * Staff cancel a resident's sign-up at the door, also after check-in or the start (residents
 * cannot: CANCEL_CLOSED), giving a reason that goes to the door's audit log. The check-in, if
 * any, stays counted (the person came); seats are given back only before the start
 * (docs/counting.md, "Staff cancelling a sign-up").
 */
import { fail } from '../core/errors';
import type { Caller, Deps } from './context';
import { doorEvent, logDoorAction } from './door';
import { withdraw } from './signup';

export interface StaffCancelInput {
  eventId: string;
  registrationId: string;
  reason: string;
  deviceId: string;
  scanId: string;
}

export async function staffCancelSignup(
  deps: Deps,
  caller: Caller,
  input: StaffCancelInput,
): Promise<{ cancelled: true; seatsReleased: boolean }> {
  const event = await doorEvent(deps, caller, input.eventId);
  const reg = await deps.store.getRegistration(input.registrationId);
  // Another event's sign-up reads as missing: no probing beyond the door's own event.
  if (!reg || reg.eventId !== event.id || reg.status === 'pending') fail('REGISTRATION_NOT_FOUND');
  if (reg.status === 'cancelled') fail('ALREADY_CANCELLED');
  if (await deps.store.getScanLog(input.scanId)) fail('VALIDATION_FAILED', '扫码编号重复');
  const now = deps.clock.now();
  const seatsKept = reg.status === 'confirmed' && now >= event.startAt;
  const checkin = await deps.store.getCheckin(reg.id);
  await withdraw(deps, reg, event, { by: caller.openid ?? '', reason: input.reason, seatsKept });
  await logDoorAction(deps, caller, input, now, {
    registrationId: reg.id,
    kind: 'cancel',
    outcome: 'cancelled',
    reason: `工作人员取消报名${seatsKept ? '（活动已开始，名额不释放）' : ''}：${input.reason}`,
    firstCheckedInAt: checkin?.status === 'active' ? checkin.checkedInAt : null,
  });
  return { cancelled: true, seatsReleased: reg.status === 'confirmed' && !seatsKept };
}
