/**
 * Browsing the week: the campaign with its days and streets, a filtered page of events,
 * and one event with the caller's own sign-up.
 */
import type { EventFilter, EventView, RegistrationView, WeekView } from '../../types/api';
import type { Campaign } from '../../types/domain';
import { fail } from '../core/errors';
import { compareEvents, isPublic, matchesFilter } from '../core/events';
import { chooseCampaign, isCurrentCampaign, rankCampaigns } from '../core/resident-campaign';
import { dayOf, daysBetween } from '../core/time';
import type { Caller, Deps } from './context';
import { holderKey } from './identity';
import { registrationId } from '../core/registration';
import { orgIndex, toEventView, toRegistrationView } from './views';
import { doorOf, waitPosition } from './signup';

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 100;

const hasPublicEvents = (deps: Deps) => async (c: Campaign) =>
  (await deps.store.listEvents(c.id)).some((e) => isPublic(e));

/** The named campaign, or the residents' one (core/resident-campaign.ts), never one dated far ahead. */
async function campaignOf(deps: Deps, campaignId?: string): Promise<Campaign> {
  const campaign = campaignId
    ? await deps.store.getCampaign(campaignId)
    : await chooseCampaign(await deps.store.listCampaigns(), dayOf(deps.clock.now()), hasPublicEvents(deps));
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  return campaign;
}

export async function getWeek(deps: Deps, campaignId?: string): Promise<WeekView> {
  const today = dayOf(deps.clock.now());
  const all = await deps.store.listCampaigns();
  const campaign = campaignId
    ? await deps.store.getCampaign(campaignId)
    : await chooseCampaign(all, today, hasPublicEvents(deps));
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  const orgs = await deps.store.listOrgs(campaign.districtId);
  const streets = orgs
    .filter((o) => o.kind === 'street' || o.kind === 'town')
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  // Other current campaigns with events, to switch to (a city's and a second district's week).
  const others: WeekView['others'] = [];
  for (const c of rankCampaigns(all, today)) {
    if (c.id === campaign.id || !isCurrentCampaign(c, today) || !(await hasPublicEvents(deps)(c))) continue;
    others.push({ id: c.id, name: c.name, weekStart: c.weekStart, weekEnd: c.weekEnd });
  }
  return { campaign, days: daysBetween(campaign.weekStart, campaign.weekEnd), streets, others };
}

export async function listEvents(
  deps: Deps,
  input: EventFilter & { campaignId?: string; offset?: number; limit?: number },
): Promise<{ events: EventView[]; total: number }> {
  const campaign = await campaignOf(deps, input.campaignId);
  const [events, orgs] = await Promise.all([
    deps.store.listEvents(campaign.id, input.day),
    deps.store.listOrgs(campaign.districtId),
  ]);
  const names = orgIndex(orgs);
  const matching = events
    .filter(
      (e) =>
        isPublic(e) && matchesFilter(e, input, { unitName: names.name(e.unitId), streetName: names.name(e.streetId) }),
    )
    .sort(compareEvents);
  const offset = input.offset ?? 0;
  const limit = Math.min(input.limit ?? PAGE_DEFAULT, PAGE_MAX);
  const now = deps.clock.now();
  return {
    events: matching.slice(offset, offset + limit).map((e) => toEventView(e, names, now)),
    total: matching.length,
  };
}

export async function getEventDetail(
  deps: Deps,
  caller: Caller,
  eventId: string,
): Promise<{ event: EventView; mine: RegistrationView | null }> {
  const event = await deps.store.getEvent(eventId);
  if (!event || !isPublic(event)) fail('EVENT_NOT_FOUND');
  const now = deps.clock.now();
  const names = orgIndex(await deps.store.listOrgs(event.districtId));
  let mine: RegistrationView | null = null;
  if (caller.openid) {
    const reg = await deps.store.getRegistration(registrationId(event.id, holderKey(caller.openid)));
    if (reg && reg.status !== 'pending') {
      mine = toRegistrationView(reg, event, caller, await waitPosition(deps, reg), now, await doorOf(deps, reg));
    }
  }
  return { event: toEventView(event, names, now), mine };
}
