/**
 * The organisation award (优秀组织奖 / 组织奖): evaluation sheets of the participating orgs of the
 * level below the caller's, scored and decided by the caller's level (the committee), and the
 * decision list as a workbook.
 *
 * The level below is, at any depth of the tree: the campaigns that joined the caller's campaign
 * (a city's districts, a province's cities: figures from the roll-up, core/rollup.ts) or, where
 * none joined, the child orgs of the caller's org with activities in its campaign (a district's
 * streets and towns: figures as the dashboard's rows).
 */
import type { AwardDecision, EvaluationSheet, EvidenceLink, JudgedCriterion } from '../../types/awards';
import type { ActivityEvent, Campaign, Org } from '../../types/domain';
import { blankSheet, countedParts, decideSheet, judgedTotal, scoreSheet, type CountedParts } from '../core/award';
import type { EvidenceByCriterion } from '../core/award-evidence';
import { joinedCampaignFigures, orgFigures, type OrgFigures } from '../core/award-figures';
import { fail } from '../core/errors';
import { ancestorsOf } from '../core/honours';
import { DuplicateKeyError } from '../store/port';
import type { Caller, Deps } from './context';
import { audit } from './audit';
import { submittedEvidence } from './award-evidence';
import { callerCampaign, campaignTree, requireCampaignOrganizer, resultOf } from './sampling';
import { rollupTree } from './tree';

export interface SheetView {
  org: { id: string; name: string };
  sheet: EvaluationSheet;
  counted: CountedParts;
  /** What the org handed in to this level through the reporting chain, by judged criterion. */
  submitted: EvidenceByCriterion;
  judgedTotal: number;
}

export const DECISION_LABELS: Record<AwardDecision, string> = {
  excellent: '优秀组织奖',
  organisation: '组织奖',
  none: '不授奖',
};

/** Events of the org or of any org below it. */
function eventsUnder(orgs: readonly Org[], events: readonly ActivityEvent[], orgId: string): ActivityEvent[] {
  return events.filter((e) => e.unitId === orgId || ancestorsOf(orgs, e.unitId).includes(orgId));
}

/** One participating org of the level below: its approved activities and its figures. */
interface Participant {
  org: Pick<Org, 'id' | 'name'>;
  events: ActivityEvent[];
  counters: Readonly<Record<string, number>>;
  figures: OrgFigures;
}

/** A district's level below: its child orgs with activities, figured as the dashboard's rows. */
async function orgsBelow(deps: Deps, campaign: Campaign): Promise<Participant[]> {
  const [orgs, all, counters] = await Promise.all([
    deps.store.listOrgs(campaign.districtId),
    deps.store.listEvents(campaign.id),
    deps.store.readCounters(campaign.id),
  ]);
  const events = all.filter((e) => e.status === 'approved');
  return orgs
    .filter((o) => o.parentId === campaign.districtId)
    .map((org) => ({ org, events: eventsUnder(orgs, events, org.id) }))
    .filter((x) => x.events.length > 0)
    .map(({ org, events: mine }) => ({ org, events: mine, counters, figures: orgFigures(mine, counters) }));
}

/** A city's (a province's) level below: the campaigns that joined it, figured as the roll-up's rows. */
async function campaignsBelow(deps: Deps, joined: readonly Campaign[]): Promise<Participant[]> {
  return Promise.all(
    joined.map(async (child) => {
      const [org, tree, own, counters, lists] = await Promise.all([
        deps.store.getOrg(child.districtId),
        rollupTree(deps, child),
        deps.store.listEvents(child.id),
        deps.store.readCounters(child.id),
        campaignTree(deps, child).then((cs) => Promise.all(cs.map((c) => deps.store.listEvents(c.id)))),
      ]);
      return {
        org: { id: child.districtId, name: org?.name ?? child.districtId },
        events: lists.flat().filter((e) => e.status === 'approved'),
        counters,
        figures: joinedCampaignFigures(own, counters, tree.total),
      };
    }),
  );
}

async function context(deps: Deps, caller: Caller, campaignId?: string) {
  const campaign = await callerCampaign(deps, caller, campaignId);
  requireCampaignOrganizer(caller, campaign);
  const [joined, sheets, samples] = await Promise.all([
    deps.store.listChildCampaigns(campaign.id),
    deps.store.listEvaluationSheets(campaign.id),
    deps.store.listSamples(campaign.id),
  ]);
  const below = joined.length > 0 ? await campaignsBelow(deps, joined) : await orgsBelow(deps, campaign);
  return { campaign, below, sheets: new Map(sheets.map((s) => [s.orgId, s])), latest: samples[0] ?? null };
}

export async function awardSheets(deps: Deps, caller: Caller, campaignId?: string): Promise<SheetView[]> {
  const { campaign, below, sheets, latest } = await context(deps, caller, campaignId);
  const now = deps.clock.now();
  const evidence = await submittedEvidence(
    deps,
    campaign.districtId,
    below.map((x) => x.org.id),
  );
  return Promise.all(
    below.map(async ({ org, events, counters, figures }) => {
      const ids = new Set(events.map((e) => e.id));
      // The evaluating level's own sample, over this org's activities.
      const sampled = latest ? await resultOf(deps, latest, (id) => ids.has(id)) : null;
      const sheet = sheets.get(org.id) ?? blankSheet(campaign.id, org.id, now);
      return {
        org: { id: org.id, name: org.name },
        sheet,
        counted: countedParts(events, counters, sampled, figures),
        submitted: evidence.get(org.id) ?? { leadership: [], publicity: [] },
        judgedTotal: judgedTotal(sheet),
      };
    }),
  );
}

/** The stored sheet of an org the caller's level evaluates, or a blank one. */
async function sheetOf(deps: Deps, caller: Caller, campaignId: string | undefined, orgId: string, version: number) {
  const { campaign, below, sheets } = await context(deps, caller, campaignId);
  if (!below.some((x) => x.org.id === orgId)) fail('FORBIDDEN', '该单位不在本级评审范围内');
  const sheet = sheets.get(orgId) ?? blankSheet(campaign.id, orgId, deps.clock.now());
  if (sheet.version !== version) fail('STORE_CONFLICT', '评审表已被他人修改，请刷新后再试');
  return { campaign, sheet };
}

async function save(deps: Deps, next: EvaluationSheet): Promise<EvaluationSheet> {
  try {
    if (next.version === 1) await deps.store.insertEvaluationSheet(next);
    else if (!(await deps.store.replaceEvaluationSheet(next)))
      fail('STORE_CONFLICT', '评审表已被他人修改，请刷新后再试');
  } catch (error) {
    if (error instanceof DuplicateKeyError) fail('STORE_CONFLICT', '评审表已被他人修改，请刷新后再试');
    throw error;
  }
  return next;
}

const actor = (caller: Caller) => caller.name ?? caller.openid ?? 'system';

export async function scoreCriterion(
  deps: Deps,
  caller: Caller,
  input: {
    campaignId?: string;
    orgId: string;
    criterion: JudgedCriterion;
    score: number;
    comment: string;
    version: number;
  },
): Promise<EvaluationSheet> {
  const { campaign, sheet } = await sheetOf(deps, caller, input.campaignId, input.orgId, input.version);
  const next = await save(
    deps,
    scoreSheet(sheet, input.criterion, input.score, input.comment, actor(caller), deps.clock.now()),
  );
  await audit(deps, caller, campaign.districtId, 'award.score', input.orgId, `评分 ${input.criterion}：${input.score}`);
  return next;
}

export async function setEvidence(
  deps: Deps,
  caller: Caller,
  input: { campaignId?: string; orgId: string; evidence: EvidenceLink[]; publicity: EvidenceLink[]; version: number },
): Promise<EvaluationSheet> {
  const { sheet } = await sheetOf(deps, caller, input.campaignId, input.orgId, input.version);
  const now = deps.clock.now();
  return save(deps, {
    ...sheet,
    evidence: input.evidence,
    publicity: input.publicity,
    version: sheet.version + 1,
    updatedAt: now,
  });
}

export async function decideAward(
  deps: Deps,
  caller: Caller,
  input: { campaignId?: string; orgId: string; decision: AwardDecision; version: number },
): Promise<EvaluationSheet> {
  const { campaign, sheet } = await sheetOf(deps, caller, input.campaignId, input.orgId, input.version);
  const next = await save(deps, decideSheet(sheet, input.decision, actor(caller), deps.clock.now()));
  await audit(deps, caller, campaign.districtId, 'award.decide', input.orgId, DECISION_LABELS[input.decision]);
  return next;
}
