/**
 * Honours (评选): kinds per campaign (from the seeds' presets), nominations by units, review up
 * the chain (return / recommend / approve), quotas, the published list residents see, and the
 * 汇总表 workbook.
 */
import type { HonourKind, Nomination, PublishedHonour } from '../../types/awards';
import type { NominationRowView } from '../../types/awards-api';
import type { Org } from '../../types/domain';
import { DomainError, fail } from '../core/errors';
import {
  ancestorsOf,
  HONOUR_PRESETS,
  nominationProblems,
  publicView,
  quotaLeft,
  transition,
  type ReviewAction,
} from '../core/honours';
import type { PublishedFile } from '../store/files';
import type { Caller, Deps } from './context';
import { randomHex } from './ids';
import { audit } from './audit';
import { homeOrgsOf, levelAbove, mayActForUnit, orgsAround } from './levels';
import { campaignOrLatest, requireCampaignOrganizer } from './sampling';

export const STATUS_LABELS: Record<Nomination['status'], string> = {
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  recommended: '已推荐',
  approved: '已审定',
};

export async function honourKinds(deps: Deps, campaignId?: string): Promise<HonourKind[]> {
  const campaign = await campaignOrLatest(deps, campaignId);
  return deps.store.listHonourKinds(campaign.id);
}

export function honourPresets() {
  return HONOUR_PRESETS;
}

export async function saveHonourKind(
  deps: Deps,
  caller: Caller,
  input: Omit<HonourKind, 'campaignId' | 'id'> & { campaignId?: string; id?: string },
): Promise<HonourKind> {
  const campaign = await campaignOrLatest(deps, input.campaignId);
  requireCampaignOrganizer(caller, campaign);
  if (input.textMin > input.textMax) fail('VALIDATION_FAILED', '字数下限不能大于上限');
  const keys = new Set(input.fields.map((f) => f.key));
  if (keys.size !== input.fields.length) fail('VALIDATION_FAILED', '表单字段不能重复');
  if (input.columns.some((c) => !keys.has(c))) fail('VALIDATION_FAILED', '汇总表列须是表单字段');
  const kind: HonourKind = {
    ...input,
    campaignId: campaign.id,
    id: input.id ?? `hk-${randomHex(deps, 5)}`,
  };
  await deps.store.putHonourKind(kind);
  await audit(deps, caller, campaign.districtId, 'honour.kind', kind.id, `评选项目：${kind.name}`);
  return kind;
}

export async function kindOf(deps: Deps, campaignId: string, kindId: string): Promise<HonourKind> {
  const kind = (await deps.store.listHonourKinds(campaignId)).find((k) => k.id === kindId);
  if (!kind) fail('VALIDATION_FAILED', '没有这个评选项目');
  return kind;
}

/** A nomination as its unit writes it: the form's fields; the record's id, week and version when editing. */
export type NominationInput = Pick<
  Nomination,
  'kindId' | 'orgId' | 'nomineeName' | 'fields' | 'text' | 'photos' | 'files' | 'consent'
> &
  Partial<Pick<Nomination, 'id' | 'campaignId' | 'version'>>;

/** Creates or edits a draft (or returned) nomination of one of the caller's units. */
export async function saveNomination(deps: Deps, caller: Caller, input: NominationInput): Promise<Nomination> {
  const campaign = await campaignOrLatest(deps, input.campaignId);
  if (!(await mayActForUnit(deps, caller, campaign.districtId, input.orgId))) fail('FORBIDDEN', '只能以本单位名义推荐');
  await kindOf(deps, campaign.id, input.kindId);
  const now = deps.clock.now();
  const content = {
    kindId: input.kindId,
    nomineeName: input.nomineeName.trim(),
    fields: input.fields,
    text: input.text,
    photos: input.photos,
    files: input.files,
    consent: input.consent,
    updatedAt: now,
  };
  if (!input.id) {
    const created: Nomination = {
      ...content,
      id: `nm-${now.toString(36)}-${randomHex(deps, 4)}`,
      campaignId: campaign.id,
      orgId: input.orgId,
      atOrgId: input.orgId,
      status: 'draft',
      history: [],
      version: 1,
      createdAt: now,
    };
    await deps.store.insertNomination(created);
    return created;
  }
  const stored = await deps.store.getNomination(input.id);
  if (!stored || stored.orgId !== input.orgId) fail('NOMINATION_NOT_FOUND');
  if (stored.status !== 'draft' && stored.status !== 'returned')
    fail('NOMINATION_STATE_CONFLICT', '已报送的推荐不能修改');
  if (input.version !== undefined && input.version !== stored.version) fail('STORE_CONFLICT');
  const next: Nomination = { ...stored, ...content, version: stored.version + 1 };
  if (!(await deps.store.replaceNomination(next))) fail('STORE_CONFLICT');
  return next;
}

/** Submit (by the unit), return / recommend / approve (by the level where it sits). */
export async function actOnNomination(
  deps: Deps,
  caller: Caller,
  input: { id: string; action: ReviewAction; reason: string; version: number },
): Promise<Nomination> {
  return deps.store.atomic(async () => {
    const nomination = await deps.store.getNomination(input.id);
    if (!nomination) fail('NOMINATION_NOT_FOUND');
    if (nomination.version !== input.version) fail('STORE_CONFLICT', '该推荐已被他人处理，请刷新后再试');
    const campaign = await campaignOrLatest(deps, nomination.campaignId);
    const orgs = await deps.store.listOrgs(campaign.districtId);
    const actorOrgId = input.action === 'submit' ? nomination.orgId : nomination.atOrgId;
    if (!homeOrgsOf(caller).includes(actorOrgId)) {
      fail('FORBIDDEN', input.action === 'submit' ? '只能由推荐单位报送' : '该推荐不在本级审核');
    }
    const kind = await kindOf(deps, campaign.id, nomination.kindId);
    if (input.action === 'submit') {
      const problems = nominationProblems(kind, nomination);
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems[0].message, problems);
      const left = quotaLeft(kind, await deps.store.listNominations(campaign.id), nomination.orgId, nomination.id);
      if (left === 0) fail('QUOTA_FULL', `本单位“${kind.name}”推荐名额已满（${kind.quotaPerOrg}个）`);
    }
    const next = transition(nomination, input.action, {
      actorOrgId,
      nextOrgId: await levelAbove(deps, orgs, actorOrgId),
      by: caller.name ?? caller.openid ?? 'system',
      at: deps.clock.now(),
      reason: input.reason,
    });
    if (!(await deps.store.replaceNomination(next))) fail('STORE_CONFLICT', '该推荐已被他人处理，请刷新后再试');
    await audit(
      deps,
      caller,
      campaign.districtId,
      `nomination.${input.action}`,
      next.id,
      `${kind.name}：${STATUS_LABELS[next.status]}`,
    );
    return next;
  });
}

/** The nominations the caller's orgs sent, or that passed through or sit at the caller's level. */
export async function listNominations(deps: Deps, caller: Caller, campaignId?: string): Promise<NominationRowView[]> {
  const campaign = await campaignOrLatest(deps, campaignId);
  const homes = new Set(homeOrgsOf(caller));
  if (homes.size === 0) fail('FORBIDDEN');
  const [orgs, kinds, all] = await Promise.all([
    orgsAround(deps, campaign.districtId),
    deps.store.listHonourKinds(campaign.id),
    deps.store.listNominations(campaign.id),
  ]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const kindById = new Map(kinds.map((k) => [k.id, k]));
  const visible = all.filter((n) => {
    if (homes.has(n.orgId)) return true;
    if (n.status === 'draft') return false;
    return ancestorsOf(orgs, n.orgId).some((id) => homes.has(id));
  });
  return visible.map((n) => {
    const kind = kindById.get(n.kindId);
    return {
      nomination: n,
      kindName: kind?.name ?? '',
      orgName: names.get(n.orgId) ?? n.orgId,
      atOrgName: names.get(n.atOrgId) ?? n.atOrgId,
      mine: homes.has(n.status === 'draft' || n.status === 'returned' ? n.orgId : n.atOrgId) && n.status !== 'approved',
      quotaLeft: kind ? quotaLeft(kind, all, n.orgId) : null,
    };
  });
}

function orgName(orgs: readonly Org[], id: string): string {
  return orgs.find((o) => o.id === id)?.name ?? '';
}

/** The approved honours of a campaign, as residents may see them. */
export async function publishedHonours(
  deps: Deps,
  campaignId?: string,
): Promise<{ campaignName: string; honours: PublishedHonour[] }> {
  const campaign = await campaignOrLatest(deps, campaignId);
  const [orgs, kinds, all] = await Promise.all([
    deps.store.listOrgs(campaign.districtId),
    deps.store.listHonourKinds(campaign.id),
    deps.store.listNominations(campaign.id),
  ]);
  const kindById = new Map(kinds.map((k) => [k.id, k]));
  const honours = all
    .filter((n) => n.status === 'approved' && kindById.has(n.kindId))
    .map((n) => publicView(n, kindById.get(n.kindId) as HonourKind, orgName(orgs, n.orgId)));
  return { campaignName: campaign.name, honours };
}

const IMAGE_SIGNATURES: { ext: string; bytes: number[] }[] = [
  { ext: 'jpg', bytes: [0xff, 0xd8, 0xff] },
  { ext: 'png', bytes: [0x89, 0x50, 0x4e, 0x47] },
];

/** The largest nomination photo read from an upload. */
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** Stores an uploaded nomination photo (JPEG or PNG, checked by its first bytes) and returns its link. */
export async function uploadNominationPhoto(
  deps: Deps,
  caller: Caller,
  input: { orgId: string; fileId: string },
): Promise<PublishedFile> {
  if (!deps.files) fail('STORE_UNAVAILABLE', '当前环境不支持上传文件');
  const campaign = await campaignOrLatest(deps);
  if (!(await mayActForUnit(deps, caller, campaign.districtId, input.orgId))) fail('FORBIDDEN', '只能以本单位名义上传');
  const read = caller.openid ? await deps.uploads?.read(input.fileId, caller.openid, MAX_PHOTO_BYTES) : null;
  if (!read) fail('UPLOAD_NOT_FOUND', '没有找到上传的照片（或照片超过 2 MB），请重新选择');
  const bytes = Buffer.from(read);
  const kind = IMAGE_SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (!kind) fail('VALIDATION_FAILED', '照片须为 JPG 或 PNG 格式');
  return deps.files.publish(`nomination-${input.orgId}-${randomHex(deps, 6)}.${kind.ext}`, bytes);
}
