/**
 * The organisation award (优秀组织奖 / 组织奖): evaluation sheets of the participating orgs of the
 * level below the caller's, scored and decided by the caller's level (the committee), and the
 * decision list as a workbook.
 */
import type { AwardDecision, EvaluationSheet, EvidenceLink, JudgedCriterion } from '../../types/awards';
import type { ActivityEvent, Org } from '../../types/domain';
import { blankSheet, countedParts, decideSheet, judgedTotal, scoreSheet, type CountedParts } from '../core/award';
import { fail } from '../core/errors';
import { ancestorsOf } from '../core/honours';
import { DuplicateKeyError } from '../store/port';
import type { Caller, Deps } from './context';
import { audit } from './audit';
import { homeOrgsOf } from './levels';
import { campaignOrLatest, requireCampaignOrganizer, resultOf } from './sampling';

export interface SheetView {
  org: { id: string; name: string };
  sheet: EvaluationSheet;
  counted: CountedParts;
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

async function context(deps: Deps, caller: Caller, campaignId?: string) {
  const campaign = await campaignOrLatest(deps, campaignId);
  requireCampaignOrganizer(caller, campaign);
  const home = homeOrgsOf(caller)[0] ?? campaign.districtId;
  const [orgs, all, counters, sheets, samples] = await Promise.all([
    deps.store.listOrgs(campaign.districtId),
    deps.store.listEvents(campaign.id),
    deps.store.readCounters(campaign.id),
    deps.store.listEvaluationSheets(campaign.id),
    deps.store.listSamples(campaign.id),
  ]);
  const events = all.filter((e) => e.status === 'approved');
  // The participating orgs of the level below: the home org's children with activities.
  const below = orgs
    .filter((o) => o.parentId === home)
    .map((org) => ({ org, events: eventsUnder(orgs, events, org.id) }))
    .filter((x) => x.events.length > 0);
  return { campaign, below, counters, sheets: new Map(sheets.map((s) => [s.orgId, s])), latest: samples[0] ?? null };
}

export async function awardSheets(deps: Deps, caller: Caller, campaignId?: string): Promise<SheetView[]> {
  const { campaign, below, counters, sheets, latest } = await context(deps, caller, campaignId);
  const now = deps.clock.now();
  return Promise.all(
    below.map(async ({ org, events }) => {
      const ids = new Set(events.map((e) => e.id));
      const sampled = latest ? await resultOf(deps, latest, (id) => ids.has(id)) : null;
      const sheet = sheets.get(org.id) ?? blankSheet(campaign.id, org.id, now);
      return {
        org: { id: org.id, name: org.name },
        sheet,
        counted: countedParts(events, counters, sampled),
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
