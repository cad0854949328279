/**
 * Inviting staff: a one-time code (also a 小程序码 scene) for a unit and a role, expiring;
 * whoever accepts it in WeChat is bound to that unit and role.
 */
import type { Invite, Member } from '../../types/domain';
import { fail } from '../core/errors';
import { INVITE_ALPHABET, INVITE_MAX_HOURS, inviteState } from '../core/setup';
import { DuplicateKeyError } from '../store/port';
import { audit } from './audit';
import type { Caller, Deps } from './context';
import { ROLE_LABELS } from '../core/labels';
import { requireOpenid } from './caller';
import { randomInt } from './ids';
import { assertOrganizerOf, isOrganizerOf } from './setup';

function newCode(deps: Deps): string {
  return Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(deps, 0, INVITE_ALPHABET.length)]).join('');
}

export async function createInvite(
  deps: Deps,
  caller: Caller,
  input: { role: Invite['role']; unitId?: string; name: string; hours: number },
): Promise<Invite> {
  const districtId = caller.districtId;
  if (!districtId) fail('FORBIDDEN');
  assertOrganizerOf(caller, districtId);
  if (input.hours < 1 || input.hours > INVITE_MAX_HOURS) fail('VALIDATION_FAILED', '有效期为 1 小时至 7 天');
  const forUnit = input.role === 'staff' || input.role === 'supervisor';
  if (forUnit) {
    const orgs = await deps.store.listOrgs(districtId);
    if (!input.unitId || !orgs.some((o) => o.id === input.unitId && o.kind === 'unit')) {
      fail('VALIDATION_FAILED', '请选择本区的单位');
    }
  } else if (input.unitId) fail('VALIDATION_FAILED', '组织者邀请不属于某个单位');
  const now = deps.clock.now();
  for (let attempt = 0; attempt < 5; attempt++) {
    const invite: Invite = {
      code: newCode(deps),
      districtId,
      role: input.role,
      unitIds: forUnit && input.unitId ? [input.unitId] : [],
      name: input.name,
      createdBy: caller.openid ?? '',
      createdAt: now,
      expiresAt: now + input.hours * 3600_000,
      usedBy: null,
      usedAt: null,
      revokedAt: null,
    };
    try {
      await deps.store.insertInvite(invite);
      await audit(deps, caller, districtId, 'invite.create', invite.code, `${input.name}：${ROLE_LABELS[input.role]}`);
      return invite;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
  }
  fail('STORE_CONFLICT');
}

export async function listInvites(deps: Deps, caller: Caller): Promise<(Invite & { state: string })[]> {
  if (!caller.districtId) fail('FORBIDDEN');
  assertOrganizerOf(caller, caller.districtId);
  const now = deps.clock.now();
  return (await deps.store.listInvites(caller.districtId)).map((i) => ({ ...i, state: inviteState(i, now) }));
}

export async function revokeInvite(deps: Deps, caller: Caller, code: string): Promise<void> {
  const invite = await deps.store.getInvite(code);
  // Another district's invitation answers like a missing one: no probing of codes.
  if (!invite || !isOrganizerOf(caller, invite.districtId)) fail('INVITE_NOT_FOUND');
  if (!(await deps.store.revokeInvite(code, deps.clock.now()))) {
    fail(invite.usedBy ? 'INVITE_USED' : 'INVITE_REVOKED');
  }
  await audit(deps, caller, invite.districtId, 'invite.revoke', code, invite.name);
}

/** Binds the caller to the invitation's unit and role; an existing binding is replaced. */
export async function acceptInvite(deps: Deps, caller: Caller, code: string): Promise<Member> {
  const openid = requireOpenid(caller);
  const invite = await deps.store.getInvite(code);
  if (!invite) fail('INVITE_NOT_FOUND');
  const state = inviteState(invite, deps.clock.now());
  if (state === 'used') fail('INVITE_USED');
  if (state === 'revoked') fail('INVITE_REVOKED');
  if (state === 'expired') fail('INVITE_EXPIRED');
  if (caller.role === 'admin') fail('FORBIDDEN', '管理员不能接受邀请');
  if (!(await deps.store.useInvite(code, openid, deps.clock.now()))) fail('INVITE_USED');
  const member: Member = {
    openid,
    role: invite.role,
    districtId: invite.districtId,
    unitIds: invite.unitIds,
    name: invite.name,
  };
  await deps.store.putMember(member);
  await audit(
    deps,
    { ...caller, name: invite.name, role: invite.role },
    invite.districtId,
    'invite.accept',
    code,
    `${invite.name} 成为${ROLE_LABELS[invite.role]}`,
  );
  return member;
}
