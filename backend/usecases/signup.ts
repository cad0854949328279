/**
 * Signing up, cancelling, and listing one's own sign-ups.
 *
 * Sign-up takes the phone number's claim and the seats (one conditional atomic update) or a
 * place on the waitlist, then writes the registration once, already settled, under its
 * deterministic id. When the id or the phone is held already (a retry, a repeat, a cancelled or
 * stale sign-up to take over), what was taken is given back and the id is claimed first.
 */
import { createHash } from 'node:crypto';
import type { ResidentActions } from '../../types/api';
import type { ActivityEvent, Registration } from '../../types/domain';
import { DomainError, fail } from '../core/errors';
import { assertCompanions, assertSignupOpen, normaliseName, registrationId } from '../core/registration';
import { seatGuard } from '../core/seats';
import { DuplicateKeyError } from '../store/port';
import type { Caller, Deps } from './context';
import { holderKey, proxyHolderKey } from './identity';
import { mayWorkDoor, residentMayCancel } from '../core/checkin';
import { promoteWaitlist } from './waitlist';
import { NOT_AT_DOOR, type RegistrationDoor } from './views';
import { touch } from './summary';
import { compensated } from './compensate';
import { isOwnRegistration, requireOpenid } from './caller';
import { announcePromotions } from './promotion-notices';
import { answersOf } from '../core/signup-questions';

/**
 * One person, one seat: the claim a phone number holds on an event, whoever signed it up (the
 * resident herself or staff on her behalf). A counter per (event, phone) in the campaign's
 * visit markers: the sign-up that takes it from 0 to 1 holds it; any other gives it back and is
 * refused. Both adapters increment it atomically, so two sign-ups at once cannot both hold it.
 * The phone is hashed: markers carry no personal data.
 */
export function phoneClaimMarker(eventId: string, phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  return `claim|e:${eventId}|${createHash('sha256').update(`phone:${digits}`).digest('base64url').slice(0, 22)}`;
}

/** A pending claim older than this was left by a crashed call and may be taken over. */
export const STALE_PENDING_MS = 60_000;

export type SignupInput = ResidentActions['signup.create']['input'];

export interface SignupResult {
  registration: Registration;
  outcome: 'confirmed' | 'waitlisted';
  /** The event's start, read once by the sign-up (views need it; no second read). */
  startAt: number;
  /** 1-based place on the waitlist when waitlisted, read in the sign-up's own unit of work. */
  position: number | null;
}

// The caller checks live in caller.ts; re-exported for the check-in use cases that import them from here.
export { isOwnRegistration, requireOpenid };

/** Whose sign-up it is: a resident's own, or a person staff sign up on their behalf. */
export interface Holder {
  key: string;
  ownerId: string | null;
  source: Registration['source'];
  createdBy: string;
}

export async function signUp(deps: Deps, caller: Caller, input: SignupInput): Promise<SignupResult> {
  const openid = requireOpenid(caller);
  return signUpHolder(deps, { key: holderKey(openid), ownerId: openid, source: 'self', createdBy: openid }, input);
}

/** Staff sign up a person without a smartphone; the phone number keys the sign-up. */
export async function signUpOnBehalf(deps: Deps, caller: Caller, input: SignupInput): Promise<SignupResult> {
  const openid = requireOpenid(caller);
  const event = await deps.store.getEvent(input.eventId);
  if (!event) fail('EVENT_NOT_FOUND');
  if (!mayWorkDoor(caller, event)) fail('FORBIDDEN', '只能为本单位的活动代报名');
  if (!deps.registrationSecret)
    fail('CHECKIN_KEY_MISSING', '代报名服务尚未配置（REGISTRATION_ID_SECRET），请联系管理员');
  return signUpHolder(
    deps,
    { key: proxyHolderKey(input.phone, deps.registrationSecret), ownerId: null, source: 'staff', createdBy: openid },
    input,
  );
}

async function signUpHolder(deps: Deps, holder: Holder, input: SignupInput): Promise<SignupResult> {
  const { store, clock } = deps;
  if (!input.consent) fail('CONSENT_REQUIRED');
  const event = await store.getEvent(input.eventId);
  if (!event) fail('EVENT_NOT_FOUND');
  assertSignupOpen(event, clock.now());
  assertCompanions(event, input.companions);
  const answers = answersOf(event.questions, input.answers);
  const capacity = event.capacity;
  const party = 1 + input.companions;
  const id = registrationId(event.id, holder.key);
  // Others seated by this call's promotion pass are told after the unit of work (outbox).
  let others: Registration[] = [];

  type Settled = Omit<SignupResult, 'startAt' | 'position'>;
  // The place on the waitlist is read in the same unit of work, right after joining it.
  const placed = async (settled: Settled) => ({ ...settled, position: await waitPosition(deps, settled.registration) });
  const result = await store.atomic(async () =>
    placed(
      await compensated(async (undo): Promise<Settled> => {
        others = [];
        const now = clock.now();
        const fresh: Registration = {
          id,
          eventId: event.id,
          campaignId: event.campaignId,
          unitId: event.unitId,
          ownerId: holder.ownerId,
          source: holder.source,
          createdBy: holder.createdBy,
          name: normaliseName(input.name),
          phone: input.phone,
          ...(input.requestId ? { requestId: input.requestId } : {}),
          companions: input.companions,
          ...(answers ? { answers } : {}),
          party,
          status: 'pending',
          waitTicket: null,
          consentAt: now,
          createdAt: now,
          updatedAt: now,
          confirmedAt: null,
          cancelledAt: null,
          promotedAt: null,
        };
        // What settles the claim, in either path: seated, or on the waitlist with its ticket.
        const confirmed = { status: 'confirmed', confirmedAt: now, updatedAt: now } as const;
        const onWaitlist = { status: 'waitlisted', waitTicket: now, updatedAt: now } as const;
        /** Giving the claim up lets the person simply try again after a failure. */
        const giveUpClaim = (status: Registration['status']) =>
          undo(() =>
            store.updateRegistration(id, { status, updatedAt: now }, { status: 'cancelled', cancelledAt: now }),
          );
        const phoneClaim = phoneClaimMarker(event.id, input.phone);
        const writes = (): Promise<Sent> =>
          Promise.allSettled([
            store.addVisit(event.campaignId, phoneClaim, 1),
            touch(deps, event.campaignId),
            store.takeSeats(event.id, seatGuard(capacity, party, 'newcomer')),
          ]);
        /** Registers how to undo what landed; throws what failed, and a phone number already holding a seat. */
        const keep = ([holders, touched, seated]: Sent): boolean => {
          if (holders.status === 'fulfilled') undo(() => store.addVisit(event.campaignId, phoneClaim, -1));
          if (seated.status === 'fulfilled' && seated.value) undo(() => store.releaseSeats(event.id, party));
          for (const result of [holders, touched, seated]) if (result.status === 'rejected') throw result.reason;
          if (holders.status === 'fulfilled' && holders.value > 1) {
            fail('SIGNUP_DUPLICATE', '该手机号已报名本活动（一人一座）');
          }
          return seated.status === 'fulfilled' && seated.value;
        };
        /** Joined the waitlist: counted, and seated at once if first fit finds it room. */
        const waitlisted = async (registration: Registration): Promise<Settled> => {
          // Seats may be free while others wait for larger parties: first fit may seat this one now.
          const promoted = await promoteWaitlist(deps, event.id);
          // Seated in the very call that waitlisted it: this one needs no notice.
          others = [...others, ...promoted.filter((r) => r.id !== id)];
          const mine = promoted.find((r) => r.id === id);
          if (mine) return { registration: mine, outcome: 'confirmed' as const };
          return { registration, outcome: 'waitlisted' as const };
        };

        // The common case, a first sign-up: the phone claim, the summary's version and the seats are
        // independent writes, sent together (one round trip on CloudBase); then the registration is
        // written once, already settled (confirmed, or waitlisted and counted).
        const sent = await writes();
        const [holders, touched, seatTaken] = sent;
        if (
          holders.status === 'fulfilled' &&
          holders.value === 1 &&
          touched.status === 'fulfilled' &&
          seatTaken.status === 'fulfilled'
        ) {
          const seated = seatTaken.value;
          const settled: Registration = { ...fresh, ...(seated ? confirmed : onWaitlist) };
          const [inserted, counted] = await Promise.allSettled([
            store.insertRegistration(settled),
            seated ? null : store.changeWaiting(event.id, 1),
          ]);
          if (inserted.status === 'fulfilled') {
            giveUpClaim(settled.status);
            if (!seated && counted.status === 'fulfilled') undo(() => store.changeWaiting(event.id, -1));
            keep(sent);
            if (counted.status === 'rejected') throw counted.reason;
            return seated ? { registration: settled, outcome: 'confirmed' as const } : waitlisted(settled);
          }
          if (!seated && counted.status === 'fulfilled') await store.changeWaiting(event.id, -1);
          if (!(inserted.reason instanceof DuplicateKeyError)) {
            keep(sent);
            throw inserted.reason;
          }
        }
        // The id or the phone number is held already (a retry, a repeat, a cancelled or stale sign-up
        // to take over, another account with the same phone): what the writes took is given back
        // (seats given back go to whoever waits and fits), and the claim is settled first, as
        // pending, the writes after it, then its status.
        if (sent.some((r) => r.status === 'rejected')) keep(sent);
        others = await giveBack(deps, event, party, phoneClaim, sent);
        const replay = await claim(deps, fresh);
        // A retried sign-up (same client request id) gets the registration it made.
        if (replay)
          return { registration: replay, outcome: replay.status === 'confirmed' ? 'confirmed' : 'waitlisted' };
        giveUpClaim('pending');
        if (keep(await writes())) {
          await mustUpdate(deps, id, now, confirmed);
          return { registration: { ...fresh, ...confirmed }, outcome: 'confirmed' as const };
        }
        await store.changeWaiting(event.id, 1);
        undo(() => store.changeWaiting(event.id, -1));
        await mustUpdate(deps, id, now, onWaitlist);
        return waitlisted({ ...fresh, ...onWaitlist });
      }),
    ),
  );
  await announcePromotions(deps, others);
  return { ...result, startAt: event.startAt };
}

/** What a sign-up's independent writes gave: the phone claim's count, the summary's version, the seats. */
type Sent = [PromiseSettledResult<number>, PromiseSettledResult<void>, PromiseSettledResult<boolean>];

/**
 * Gives back the phone claim and the seats a sign-up took before its claim collided; seats given
 * back go to whoever waits and fits (first fit), as on a cancellation. Returns those promoted.
 */
async function giveBack(
  deps: Deps,
  event: ActivityEvent,
  party: number,
  phoneClaim: string,
  [holders, , seated]: Sent,
): Promise<Registration[]> {
  await Promise.all([
    holders.status === 'fulfilled' ? deps.store.addVisit(event.campaignId, phoneClaim, -1) : null,
    seated.status === 'fulfilled' && seated.value ? deps.store.releaseSeats(event.id, party) : null,
  ]);
  return seated.status === 'fulfilled' && seated.value ? promoteWaitlist(deps, event.id) : [];
}

/**
 * Claims the registration id: a new record, or taking over a cancelled or stale one. Returns the
 * existing registration when this is a retry of the sign-up that made it (same request id).
 */
async function claim({ store, clock }: Deps, fresh: Registration): Promise<Registration | null> {
  try {
    await store.insertRegistration(fresh);
    return null;
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
  }
  const existing = await store.getRegistration(fresh.id);
  if (
    fresh.requestId &&
    existing?.requestId === fresh.requestId &&
    (existing.status === 'confirmed' || existing.status === 'waitlisted')
  ) {
    return existing;
  }
  const stale = existing?.status === 'pending' && clock.now() - existing.updatedAt > STALE_PENDING_MS;
  if (!existing || (existing.status !== 'cancelled' && !stale)) fail('SIGNUP_DUPLICATE');
  const { id: _id, eventId: _eventId, ...patch } = fresh;
  const ok = await store.updateRegistration(
    fresh.id,
    { status: existing.status, updatedAt: existing.updatedAt },
    { ...patch, waitTicket: null, promotedAt: null },
  );
  if (!ok) fail('SIGNUP_DUPLICATE');
  return null;
}

async function mustUpdate({ store }: Deps, id: string, claimedAt: number, patch: Partial<Registration>): Promise<void> {
  const ok = await store.updateRegistration(id, { status: 'pending', updatedAt: claimedAt }, patch);
  if (!ok) throw new DomainError('STORE_CONFLICT');
}

export async function cancelSignup(deps: Deps, caller: Caller, registrationId: string): Promise<Registration> {
  const { store, clock } = deps;
  const openid = requireOpenid(caller);
  const reg = await store.getRegistration(registrationId);
  // Someone else's sign-up answers exactly like a missing one: no oracle of who signed up.
  if (!isOwnRegistration(reg, openid)) fail('REGISTRATION_NOT_FOUND');
  if (reg.status === 'cancelled') fail('ALREADY_CANCELLED');
  const event = await store.getEvent(reg.eventId);
  if (!event) fail('EVENT_NOT_FOUND');
  const checkin = await store.getCheckin(reg.id);
  if (!residentMayCancel(event, checkin?.status === 'active', clock.now())) {
    fail('CANCEL_CLOSED', checkin?.status === 'active' ? '已签到，不能再取消报名' : undefined);
  }

  return withdraw(deps, reg, event);
}

/**
 * Cancels a settled sign-up: gives back its phone claim, and its seats (promoting the
 * waitlist) unless staff cancel it after the start (`byStaff.seatsKept`: the seats were used).
 * A check-in, if any, stays: the person came. The caller has checked who may cancel.
 */
export async function withdraw(
  deps: Deps,
  reg: Registration,
  event: ActivityEvent,
  byStaff?: Registration['cancelledByStaff'],
): Promise<Registration> {
  const { store, clock } = deps;
  const keepSeats = byStaff?.seatsKept === true;
  let promoted: Registration[] = [];
  const cancelled = await store.atomic(() =>
    compensated(async (undo) => {
      promoted = [];
      const now = clock.now();
      const ok = await store.updateRegistration(
        reg.id,
        { status: reg.status, updatedAt: reg.updatedAt },
        { status: 'cancelled', cancelledAt: now, updatedAt: now, ...(byStaff ? { cancelledByStaff: byStaff } : {}) },
      );
      if (!ok) {
        const again = await store.getRegistration(reg.id);
        if (again?.status === 'cancelled') fail('ALREADY_CANCELLED');
        throw new DomainError('STORE_CONFLICT');
      }
      undo(() =>
        store.updateRegistration(
          reg.id,
          { status: 'cancelled', updatedAt: now },
          { status: reg.status, cancelledAt: null, updatedAt: reg.updatedAt },
        ),
      );
      const phoneClaim = phoneClaimMarker(reg.eventId, reg.phone);
      await store.addVisit(reg.campaignId, phoneClaim, -1);
      undo(() => store.addVisit(reg.campaignId, phoneClaim, 1));
      await touch(deps, reg.campaignId);
      if (reg.status === 'confirmed' && keepSeats) {
        // The seats stay taken: recountSeats counts a sign-up cancelled after the start.
      } else if (reg.status === 'confirmed') {
        await store.releaseSeats(reg.eventId, reg.party);
        undo(() => store.takeSeats(reg.eventId, seatGuard(event.capacity ?? 0, reg.party, 'waitlist')));
        // The cancellation stands once the seats are free; promotion is retried by the next change.
        promoted = await promoteWaitlist(deps, reg.eventId).catch(() => []);
      } else {
        await store.changeWaiting(reg.eventId, -1);
      }
      return {
        ...reg,
        status: 'cancelled' as const,
        cancelledAt: now,
        updatedAt: now,
        ...(byStaff ? { cancelledByStaff: byStaff } : {}),
      };
    }),
  );
  await announcePromotions(deps, promoted);
  return cancelled;
}

/** The caller's sign-ups (not pending claims), with their events. */
export async function mySignups(deps: Deps, caller: Caller): Promise<Registration[]> {
  const openid = requireOpenid(caller);
  const regs = await deps.store.listRegistrationsOfOwner(openid);
  return regs.filter((r) => r.status !== 'pending');
}

/** 1-based waitlist position of a waitlisted registration. */
export async function waitPosition({ store }: Deps, reg: Registration): Promise<number | null> {
  if (reg.status !== 'waitlisted' || reg.waitTicket === null) return null;
  return (await store.countWaitlistedBefore(reg.eventId, reg.waitTicket, reg.id)) + 1;
}

/** Whether a registration was checked in, and its rating, for the owner's views. */
export async function doorOf({ store }: Deps, reg: Registration): Promise<RegistrationDoor> {
  if (reg.status !== 'confirmed') return NOT_AT_DOOR;
  const [checkin, rating] = await Promise.all([store.getCheckin(reg.id), store.getRating(reg.id)]);
  return {
    checkedInAt: checkin?.status === 'active' ? checkin.checkedInAt : null,
    myRating: rating?.score ?? null,
  };
}
