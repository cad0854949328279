/**
 * Setting up a district's week: the campaign, the organisation tree with its contacts, and the
 * staff bindings. Organizers of the district (and admins) only; every change is audited.
 */
import type { CampaignInput } from '../../types/api';
import type { Campaign, Member, Org, OrgContact } from '../../types/domain';
import { fail } from '../core/errors';
import { assertCampaignDates } from '../core/setup';
import type { Caller, Deps } from './context';
import { randomHex } from './ids';
import { ROLE_LABELS } from '../core/labels';
import { audit } from './audit';

export function isOrganizerOf(caller: Caller, districtId: string): boolean {
  return caller.role === 'admin' || (caller.role === 'organizer' && caller.districtId === districtId);
}

export function assertOrganizerOf(caller: Caller, districtId: string): void {
  if (!isOrganizerOf(caller, districtId)) fail('FORBIDDEN', '只有本区的组织者可以操作');
}

export async function saveCampaign(deps: Deps, caller: Caller, input: CampaignInput): Promise<Campaign> {
  const districtId = caller.role === 'admin' && !caller.districtId ? null : caller.districtId;
  if (!districtId) fail('FORBIDDEN', '请先绑定所属区县');
  assertOrganizerOf(caller, districtId);
  assertCampaignDates(input);
  const existing = input.id ? await deps.store.getCampaign(input.id) : null;
  if (input.id && !existing) fail('CAMPAIGN_NOT_FOUND');
  if (existing && existing.districtId !== districtId) fail('FORBIDDEN');
  const campaign: Campaign = {
    ...input,
    id: existing?.id ?? `cp-${input.weekStart.slice(0, 4)}-${randomHex(deps, 4)}`,
    districtId,
    demo: existing?.demo ?? false,
  };
  await deps.store.putCampaign(campaign);
  await audit(deps, caller, districtId, existing ? 'campaign.update' : 'campaign.create', campaign.id, campaign.name);
  return campaign;
}

export interface OrgInput {
  id?: string;
  name: string;
  kind: Org['kind'];
  parentId: string | null;
  unitKind?: Org['unitKind'];
  contact?: OrgContact;
}

export async function saveOrg(deps: Deps, caller: Caller, input: OrgInput): Promise<Org> {
  const districtId = caller.districtId;
  if (!districtId) fail('FORBIDDEN', '请先绑定所属区县');
  assertOrganizerOf(caller, districtId);
  const orgs = await deps.store.listOrgs(districtId);
  if (input.kind === 'district') fail('VALIDATION_FAILED', '区县由部署时创建');
  const parent = orgs.find((o) => o.id === input.parentId);
  const parentOk =
    input.kind === 'unit'
      ? parent && (parent.kind === 'street' || parent.kind === 'town' || parent.kind === 'district')
      : parent && parent.kind === 'district';
  if (!parentOk) fail('VALIDATION_FAILED', input.kind === 'unit' ? '请选择单位所属的街道/镇' : '街道/镇须属于本区');
  const existing = input.id ? orgs.find((o) => o.id === input.id) : undefined;
  if (input.id && !existing) fail('VALIDATION_FAILED', '没有这个单位');
  if (existing && existing.kind !== input.kind) fail('VALIDATION_FAILED', '不能改变单位的类型');
  const org: Org = {
    id: existing?.id ?? `org-${randomHex(deps, 5)}`,
    name: input.name,
    kind: input.kind,
    parentId: input.parentId,
    districtId,
    ...(input.unitKind ? { unitKind: input.unitKind } : {}),
    ...(input.contact ? { contact: input.contact } : {}),
  };
  await deps.store.putOrg(org);
  await audit(deps, caller, districtId, existing ? 'org.update' : 'org.create', org.id, org.name);
  return org;
}

export async function listOrgTree(deps: Deps, caller: Caller): Promise<Org[]> {
  if (!caller.districtId) fail('FORBIDDEN');
  return deps.store.listOrgs(caller.districtId);
}

export async function listStaff(deps: Deps, caller: Caller): Promise<Member[]> {
  if (!caller.districtId) fail('FORBIDDEN');
  assertOrganizerOf(caller, caller.districtId);
  return deps.store.listMembers(caller.districtId);
}

export async function updateStaff(
  deps: Deps,
  caller: Caller,
  input: { openid: string; role: Member['role']; unitIds: string[]; name: string },
): Promise<Member> {
  const districtId = caller.districtId;
  if (!districtId) fail('FORBIDDEN');
  assertOrganizerOf(caller, districtId);
  const member = await deps.store.getMember(input.openid);
  if (!member || member.districtId !== districtId) fail('VALIDATION_FAILED', '没有这位工作人员');
  if (input.role === 'admin') fail('FORBIDDEN', '不能在此授予管理员权限');
  const orgs = await deps.store.listOrgs(districtId);
  const needsUnit = input.role === 'staff' || input.role === 'supervisor';
  if (
    needsUnit &&
    (input.unitIds.length === 0 || !input.unitIds.every((u) => orgs.some((o) => o.id === u && o.kind === 'unit')))
  ) {
    fail('VALIDATION_FAILED', '请选择本区的单位');
  }
  if (input.openid === caller.openid && input.role !== caller.role) fail('FORBIDDEN', '不能更改自己的角色');
  const next: Member = { ...member, role: input.role, unitIds: needsUnit ? input.unitIds : [], name: input.name };
  await deps.store.putMember(next);
  await audit(
    deps,
    caller,
    districtId,
    'staff.update',
    input.openid.slice(0, 6),
    `${input.name}：${ROLE_LABELS[input.role]}`,
  );
  return next;
}

export async function revokeStaff(deps: Deps, caller: Caller, openid: string): Promise<void> {
  const districtId = caller.districtId;
  if (!districtId) fail('FORBIDDEN');
  assertOrganizerOf(caller, districtId);
  if (openid === caller.openid) fail('FORBIDDEN', '不能撤销自己的权限');
  const member = await deps.store.getMember(openid);
  if (!member || member.districtId !== districtId) fail('VALIDATION_FAILED', '没有这位工作人员');
  await deps.store.removeMember(openid);
  await audit(deps, caller, districtId, 'staff.revoke', openid.slice(0, 6), member.name);
}

export async function setupAudit(deps: Deps, caller: Caller, offset: number, limit: number) {
  if (!caller.districtId) fail('FORBIDDEN');
  assertOrganizerOf(caller, caller.districtId);
  return deps.store.listAudit(caller.districtId, offset, limit);
}
