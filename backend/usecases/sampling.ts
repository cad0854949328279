/**
 * 抽样满意度: the organizer draws a stratified random sample of a campaign's attendees (the
 * frame: active check-ins on a registration held by a WeChat identity, one per registration,
 * strata = activities of the campaign and of every campaign that joined it), stores it with its
 * seed, tells each sampled person in the app and, where they subscribed, by the 满意度调查邀请
 * subscription message, and reads the result from their ratings. Shown beside the voluntary
 * ratings (自愿评价).
 */
import type { SampleResult, SatisfactionSample } from '../../types/awards';
import type { ActivityEvent, Campaign } from '../../types/domain';
import { satisfactionOf, type Satisfaction } from '../core/dashboard';
import { fail } from '../core/errors';
import { drawStratified, MARGIN_RANGE, sampleResult, sampleSize } from '../core/sampling';
import type { Caller, Deps } from './context';
import { audit } from './audit';
import { randomInt } from './ids';
import { eachLimited } from './each-limited';
import { homeOrgsOf } from './levels';
import { notify } from './notices';
import { outboxSender, sendRatingInvite } from './reminders';

export async function campaignOrLatest(deps: Deps, campaignId?: string): Promise<Campaign> {
  const campaign = campaignId ? await deps.store.getCampaign(campaignId) : await deps.store.latestCampaign();
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  return campaign;
}

/**
 * The campaign named, else the caller's own org's campaign (the one whose week ends last: a
 * city organizer gets the city's), else the latest campaign.
 */
export async function callerCampaign(deps: Deps, caller: Caller, campaignId?: string): Promise<Campaign> {
  const home = caller.role === 'organizer' || caller.role === 'admin' ? homeOrgsOf(caller)[0] : undefined;
  if (!campaignId && home) {
    const own = (await deps.store.listCampaignsOfOrg(home))[0];
    if (own) return own;
  }
  return campaignOrLatest(deps, campaignId);
}

/** The campaign and every campaign that joined it, at any depth (the roll-up's tree). */
export async function campaignTree(deps: Deps, campaign: Campaign): Promise<Campaign[]> {
  const all = [campaign];
  for (let i = 0; i < all.length; i += 1) {
    for (const child of await deps.store.listChildCampaigns(all[i].id)) {
      if (!all.some((c) => c.id === child.id)) all.push(child);
    }
  }
  return all;
}

/** Organizers of the campaign's district and admins. */
export function requireCampaignOrganizer(caller: Caller, campaign: Campaign): void {
  const ok = caller.role === 'admin' || (caller.role === 'organizer' && caller.districtId === campaign.districtId);
  if (!ok) fail('FORBIDDEN', '只有本级组织者可以进行此操作');
}

/** The approved events of the campaign's tree. */
async function approvedEvents(deps: Deps, campaign: Campaign): Promise<ActivityEvent[]> {
  const lists = await Promise.all((await campaignTree(deps, campaign)).map((c) => deps.store.listEvents(c.id)));
  return lists.flat().filter((e) => e.status === 'approved');
}

/** The summary counters of the campaign's tree, added up (the rating counters are per event). */
async function treeCounters(deps: Deps, campaign: Campaign): Promise<Record<string, number>> {
  const all: Record<string, number> = {};
  for (const c of await campaignTree(deps, campaign)) {
    for (const [key, n] of Object.entries(await deps.store.readCounters(c.id))) all[key] = (all[key] ?? 0) + n;
  }
  return all;
}

export interface MessageCounts {
  sent: number;
  noCredit: number;
  failed: number;
}

/**
 * The 满意度调查邀请 subscription message to each sampled person holding a credit for it (once
 * per sample and registration). A failure is recorded on the reminder and never undoes the
 * in-app notice, which is written before.
 */
async function messageSampled(
  deps: Deps,
  sample: SatisfactionSample,
  events: readonly ActivityEvent[],
  ownerOf: ReadonlyMap<string, string>,
): Promise<MessageCounts> {
  const counts: MessageCounts = { sent: 0, noCredit: 0, failed: 0 };
  const sender = deps.reminders ?? outboxSender;
  const byId = new Map(events.map((e) => [e.id, e]));
  const jobs = [...drawnByEvent(sample)].flatMap(([eventId, ids]) => ids.map((id) => ({ eventId, id })));
  await eachLimited(jobs, 8, async ({ eventId, id }) => {
    const event = byId.get(eventId);
    const owner = ownerOf.get(id);
    if (!event || !owner) return;
    const record = await sendRatingInvite(deps, sender, sample.id, id, owner, event);
    if (record?.status === 'sent') counts.sent += 1;
    else if (record?.status === 'no_credit') counts.noCredit += 1;
    else if (record) counts.failed += 1;
  });
  return counts;
}

/** Registration ids of the attendees who can be asked, per event. */
async function frameOf(deps: Deps, events: readonly ActivityEvent[]) {
  const strata: { key: string; ids: string[]; owners: Map<string, string> }[] = [];
  for (const e of events) {
    const [checkins, registrations] = await Promise.all([
      deps.store.listCheckinsOfEvent(e.id),
      deps.store.listRegistrationsOfEvent(e.id),
    ]);
    const present = new Set(
      checkins.filter((c) => c.status === 'active' && c.registrationId).map((c) => c.registrationId),
    );
    const owners = new Map<string, string>();
    for (const r of registrations) if (r.ownerId && present.has(r.id)) owners.set(r.id, r.ownerId);
    if (owners.size > 0) strata.push({ key: e.id, ids: [...owners.keys()], owners });
  }
  return strata;
}

export async function drawSample(
  deps: Deps,
  caller: Caller,
  input: { campaignId?: string; margin: number; seed?: number },
): Promise<{ sample: SatisfactionSample; messages: MessageCounts }> {
  const campaign = await callerCampaign(deps, caller, input.campaignId);
  requireCampaignOrganizer(caller, campaign);
  if (input.margin < MARGIN_RANGE.min || input.margin > MARGIN_RANGE.max) {
    fail('VALIDATION_FAILED', '误差范围应在1%–20%之间');
  }
  const events = await approvedEvents(deps, campaign);
  const strata = await frameOf(deps, events);
  const population = strata.reduce((n, s) => n + s.ids.length, 0);
  if (population === 0) fail('SAMPLE_EMPTY');
  const seed = input.seed ?? randomInt(deps, 1, 2 ** 31);
  const draw = drawStratified(strata, sampleSize(population, input.margin), seed);
  const now = deps.clock.now();
  const titles = new Map(events.map((e) => [e.id, e.title]));
  const ownerOf = new Map(strata.flatMap((s) => [...s.owners.entries()]));
  const sample: SatisfactionSample = {
    id: `${campaign.id}-sample-${now.toString(36)}-${seed.toString(36)}`,
    campaignId: campaign.id,
    districtId: campaign.districtId,
    margin: input.margin,
    seed,
    population,
    strata: draw.allocation,
    drawn: draw.drawn,
    drawnAt: now,
    drawnBy: caller.name ?? caller.openid ?? 'system',
    notified: 0,
  };
  let notified = 0;
  for (const [eventId, ids] of drawnByEvent(sample)) {
    notified += await notify(
      deps,
      ids.map((id) => ownerOf.get(id) ?? null),
      eventId,
      'rating_invite',
      `您被随机抽中参加满意度调查：请为“${titles.get(eventId) ?? ''}”打分（在“我的”中评价），您的评价将用于统计群众满意度。`,
    );
  }
  const stored = { ...sample, notified };
  await deps.store.insertSample(stored);
  await audit(
    deps,
    caller,
    campaign.districtId,
    'sample.draw',
    stored.id,
    `抽样满意度：总体${population}人，误差±${Math.round(input.margin * 100)}%，抽取${stored.drawn.length}人，种子${seed}`,
  );
  const messages = await messageSampled(deps, stored, events, ownerOf);
  await audit(
    deps,
    caller,
    campaign.districtId,
    'sample.message',
    stored.id,
    `满意度调查邀请：订阅消息${messages.sent}条，未订阅${messages.noCredit}人，发送失败${messages.failed}条`,
  );
  return { sample: stored, messages };
}

/** The drawn registration ids of each activity (the list is stored stratum by stratum). */
export function drawnByEvent(sample: SatisfactionSample): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  let at = 0;
  for (const s of sample.strata) {
    groups.set(s.key, sample.drawn.slice(at, at + s.allocated));
    at += s.allocated;
  }
  return groups;
}

/** The result of a sample, over the activities `keep` accepts (all by default). */
export async function resultOf(
  deps: Deps,
  sample: SatisfactionSample,
  keep: (eventId: string) => boolean = () => true,
): Promise<SampleResult> {
  const scores = new Map<string, number>();
  const drawn: string[] = [];
  for (const [eventId, ids] of drawnByEvent(sample)) {
    if (!keep(eventId) || ids.length === 0) continue;
    drawn.push(...ids);
    const wanted = new Set(ids);
    for (const r of await deps.store.listRatingsOfEvent(eventId)) if (wanted.has(r.id)) scores.set(r.id, r.score);
  }
  return sampleResult(drawn, (id) => scores.get(id) ?? null);
}

export interface SatisfactionView {
  campaignId: string;
  /** 自愿评价: everyone who chose to rate. */
  voluntary: Satisfaction;
  /** 抽样满意度: newest sample first. */
  samples: { sample: SatisfactionSample; result: SampleResult }[];
}

export async function satisfactionView(deps: Deps, caller: Caller, campaignId?: string): Promise<SatisfactionView> {
  const campaign = await callerCampaign(deps, caller, campaignId);
  requireCampaignOrganizer(caller, campaign);
  const [events, counters, samples] = await Promise.all([
    approvedEvents(deps, campaign),
    treeCounters(deps, campaign),
    deps.store.listSamples(campaign.id),
  ]);
  return {
    campaignId: campaign.id,
    voluntary: satisfactionOf(events, counters),
    samples: await Promise.all(samples.map(async (sample) => ({ sample, result: await resultOf(deps, sample) }))),
  };
}
