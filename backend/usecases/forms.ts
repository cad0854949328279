/**
 * The statistics forms: preview with counted cells filled, typed fields saved once and reused.
 * Files (export as .xlsx, attendance export, import of 活动项目安排表) are in form-files.ts.
 */
import type { Campaign, Org } from '../../types/domain';
import type { F1Data, F2Data, F3Data, FormKind, FormProfile } from '../../types/forms';
import { buildF1, buildF2, buildF3, type FormSources } from '../core/forms';
import { fail } from '../core/errors';
import type { Caller, Deps } from './context';

export type FormRequest = { kind: FormKind; orgId?: string; mode?: 'plan' | 'actual'; campaignId?: string };
export type FormData = { kind: 'F1'; data: F1Data } | { kind: 'F2'; data: F2Data } | { kind: 'F3'; data: F3Data };

export async function sourcesOf(deps: Deps, campaignId?: string): Promise<FormSources> {
  const campaign = campaignId ? await deps.store.getCampaign(campaignId) : await deps.store.latestCampaign();
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  const [orgs, events, counters] = await Promise.all([
    deps.store.listOrgs(campaign.districtId),
    deps.store.listEvents(campaign.id),
    deps.store.readCounters(campaign.id),
  ]);
  return { campaign, orgs, events, counters };
}

/** Unit forms: the unit's staff and supervisors, the district's organizers. District forms: organizers. */
export function assertMayReport(
  caller: Caller,
  campaign: Campaign,
  orgs: readonly Org[],
  kind: FormKind,
  orgId: string,
) {
  if (caller.role === 'admin') return;
  const sameDistrict = caller.districtId === campaign.districtId;
  if (kind === 'F3') {
    if (caller.role === 'organizer' && sameDistrict && orgId === campaign.districtId) return;
  } else {
    const unit = orgs.find((o) => o.id === orgId && o.kind === 'unit');
    if (!unit) fail('VALIDATION_FAILED', '请选择单位');
    if (caller.role === 'organizer' && sameDistrict) return;
    if ((caller.role === 'staff' || caller.role === 'supervisor') && sameDistrict && caller.unitIds.includes(orgId)) {
      return;
    }
  }
  fail('FORBIDDEN', '只能填报本单位（本区）的统计表');
}

function profileId(kind: FormKind, orgId: string): string {
  return `${kind}:${orgId}`;
}

/** The caller's own unit when there is exactly one; the district for F3. */
export function defaultOrg(caller: Caller, campaign: Campaign, kind: FormKind): string {
  if (kind === 'F3') return campaign.districtId;
  if (caller.unitIds.length === 1) return caller.unitIds[0];
  fail('VALIDATION_FAILED', '请选择单位');
}

export async function formPreview(
  deps: Deps,
  caller: Caller,
  req: FormRequest,
): Promise<{ form: FormData; profile: FormProfile | null; orgId: string; campaignId: string }> {
  const src = await sourcesOf(deps, req.campaignId);
  const orgId = req.orgId ?? defaultOrg(caller, src.campaign, req.kind);
  assertMayReport(caller, src.campaign, src.orgs, req.kind, orgId);
  const profile = await deps.store.getFormProfile(profileId(req.kind, orgId));
  const form: FormData =
    req.kind === 'F1'
      ? { kind: 'F1', data: buildF1(src, orgId, profile) }
      : req.kind === 'F2'
        ? { kind: 'F2', data: buildF2(src, orgId, profile, req.mode ?? 'actual') }
        : { kind: 'F3', data: buildF3(src, profile) };
  return { form, profile, orgId, campaignId: src.campaign.id };
}

/**
 * Every unit's F1 and the district's F3 from ONE read of their sources (orgs, events, summary
 * counters) and one attendance index: what an organizer's "all forms" needs, at the cost of one
 * preview rather than one per unit.
 */
export async function districtForms(
  deps: Deps,
  caller: Caller,
  campaignId?: string,
): Promise<{ campaignId: string; f1: { orgId: string; data: F1Data }[]; f3: F3Data }> {
  const src = await sourcesOf(deps, campaignId);
  assertMayReport(caller, src.campaign, src.orgs, 'F3', src.campaign.districtId);
  const units = src.orgs.filter((o) => o.kind === 'unit').map((o) => o.id);
  const [profiles, f3Profile] = await Promise.all([
    Promise.all(units.map((orgId) => deps.store.getFormProfile(profileId('F1', orgId)))),
    deps.store.getFormProfile(profileId('F3', src.campaign.districtId)),
  ]);
  return {
    campaignId: src.campaign.id,
    f1: units.map((orgId, i) => ({ orgId, data: buildF1(src, orgId, profiles[i]) })),
    f3: buildF3(src, f3Profile),
  };
}

export async function saveFormProfile(
  deps: Deps,
  caller: Caller,
  input: Omit<FormProfile, 'id' | 'updatedAt' | 'updatedBy'>,
): Promise<FormProfile> {
  const src = await sourcesOf(deps);
  assertMayReport(caller, src.campaign, src.orgs, input.kind, input.orgId);
  if (input.mobilisationEventId) {
    const event = src.events.find((e) => e.id === input.mobilisationEventId);
    if (!event || event.unitId !== input.orgId) fail('VALIDATION_FAILED', '动员会须是本单位的活动');
  }
  const previous = await deps.store.getFormProfile(profileId(input.kind, input.orgId));
  const profile: FormProfile = {
    id: profileId(input.kind, input.orgId),
    kind: input.kind,
    orgId: input.orgId,
    fields: { ...(previous?.fields ?? {}), ...input.fields },
    mobilisationEventId:
      input.mobilisationEventId === undefined ? (previous?.mobilisationEventId ?? null) : input.mobilisationEventId,
    contentOverrides: { ...(previous?.contentOverrides ?? {}), ...(input.contentOverrides ?? {}) },
    expected: { ...(previous?.expected ?? {}), ...(input.expected ?? {}) },
    updatedAt: deps.clock.now(),
    updatedBy: caller.openid ?? '',
  };
  await deps.store.putFormProfile(profile);
  return profile;
}
