/**
 * The caller's place in the organisation tree: an organizer is bound to one org at any level
 * (`Member.districtId` names it) and acts on its subtree. Also the live roll-up of a campaign
 * and the campaigns that joined it, broken down by the level below.
 */
import type { Campaign, Org } from '../../types/domain';
import type { RollupView } from '../../types/api';
import { fail } from '../core/errors';
import {
  campaignCounts,
  campaignFigures,
  combine,
  combineCounts,
  PERSON_MARKER_PREFIX,
  type LevelCounts,
  type LevelFigures,
} from '../core/rollup';
import type { Caller, Deps } from './context';

/** The org and every ancestor of it, the org first. */
export async function pathUp(deps: Deps, orgId: string): Promise<Org[]> {
  const path: Org[] = [];
  let id: string | null = orgId;
  while (id !== null && !path.some((o) => o.id === id)) {
    const org = await deps.store.getOrg(id);
    if (!org) break;
    path.push(org);
    id = org.parentId;
  }
  return path;
}

/** Whether the caller's org is `orgId` or one of its ancestors (admins: always). */
export async function isAbove(deps: Deps, caller: Caller, orgId: string): Promise<boolean> {
  if (caller.role === 'admin') return true;
  if (caller.role !== 'organizer' || !caller.districtId) return false;
  return (await pathUp(deps, orgId)).some((o) => o.id === caller.districtId);
}

export async function assertAbove(deps: Deps, caller: Caller, orgId: string): Promise<void> {
  if (!(await isAbove(deps, caller, orgId))) fail('FORBIDDEN', '只能查看本级及下级单位');
}

export function callerOrgId(caller: Caller): string {
  if (caller.role !== 'organizer' && caller.role !== 'admin') fail('FORBIDDEN');
  if (!caller.districtId) fail('FORBIDDEN', '请先绑定所属单位');
  return caller.districtId;
}

export interface RollupNode {
  campaign: Campaign;
  own: LevelFigures;
  total: LevelFigures;
  children: RollupNode[];
}

/** A campaign's own figures combined with those of every campaign that joined it, recursively. */
export async function rollupTree(deps: Deps, campaign: Campaign, seen = new Set<string>()): Promise<RollupNode> {
  seen.add(campaign.id);
  const [events, counters, visits, joined] = await Promise.all([
    deps.store.listEvents(campaign.id),
    deps.store.readCounters(campaign.id),
    deps.store.listVisits(campaign.id),
    deps.store.listChildCampaigns(campaign.id),
  ]);
  const own = campaignFigures(events, counters, visits);
  const children: RollupNode[] = [];
  for (const child of joined) if (!seen.has(child.id)) children.push(await rollupTree(deps, child, seen));
  return { campaign, own, total: combine([own, ...children.map((c) => c.total)]), children };
}

export interface CountNode {
  campaign: Campaign;
  /** This campaign and every campaign below it. */
  campaignIds: string[];
  own: LevelCounts;
  total: LevelCounts;
  children: CountNode[];
}

/**
 * The roll-up as counts: per campaign its events and summary counters (cost grows with events,
 * not attendance), and the distinct people of each subtree counted by the store over the
 * subtree's whole-scope visit markers (one person in two districts counts once). Campaigns of
 * one level are read together.
 */
export async function countTree(deps: Deps, campaign: Campaign, seen = new Set<string>()): Promise<CountNode> {
  seen.add(campaign.id);
  const [events, counters, personKeys, joined] = await Promise.all([
    deps.store.listEvents(campaign.id),
    deps.store.readCounters(campaign.id),
    deps.store.countDistinctMarkers([campaign.id], PERSON_MARKER_PREFIX),
    deps.store.listChildCampaigns(campaign.id),
  ]);
  const own = campaignCounts(events, counters, personKeys);
  const below = joined.filter((child) => !seen.has(child.id));
  for (const child of below) seen.add(child.id);
  const children = await Promise.all(below.map((child) => countTree(deps, child, seen)));
  const campaignIds = [campaign.id, ...children.flatMap((c) => c.campaignIds)];
  const united =
    children.length === 0 ? personKeys : await deps.store.countDistinctMarkers(campaignIds, PERSON_MARKER_PREFIX);
  return { campaign, campaignIds, own, total: combineCounts([own, ...children.map((c) => c.total)], united), children };
}

const shown = ({ personKeys: _personKeys, ...figures }: LevelCounts) => figures;

/** The live roll-up of a campaign for an organizer above its org, with the level below. */
export async function rollup(deps: Deps, caller: Caller, campaignId?: string): Promise<RollupView> {
  const campaign = campaignId
    ? await deps.store.getCampaign(campaignId)
    : ((await deps.store.listCampaignsOfOrg(callerOrgId(caller)))[0] ?? null);
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  await assertAbove(deps, caller, campaign.districtId);
  const tree = await countTree(deps, campaign);
  const name = async (orgId: string) => (await deps.store.getOrg(orgId))?.name ?? orgId;
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      orgId: campaign.districtId,
      orgName: await name(campaign.districtId),
    },
    figures: shown(tree.total),
    own: shown(tree.own),
    below: await Promise.all(
      tree.children.map(async (c) => ({
        campaignId: c.campaign.id,
        orgId: c.campaign.districtId,
        orgName: await name(c.campaign.districtId),
        weekStart: c.campaign.weekStart,
        weekEnd: c.campaign.weekEnd,
        figures: shown(c.total),
      })),
    ),
  };
}
