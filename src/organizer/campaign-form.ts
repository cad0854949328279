/**
 * The campaign editor's draft and its checks, mirroring the backend (schemas.ts campaign.save,
 * core/setup.ts assertCampaignDates). Unit lists (主办/协办/承办) are typed one per line.
 */
import type { CampaignInput } from '../../types/api';
import type { Campaign, Day } from '../../types/domain';
import { MAX_WEEK_DAYS } from '@backend/core/setup';
import { at, clockLabel, dayOf, daysBetween } from '@backend/core/time';
import type { FieldErrorMap } from './field-errors';

export const CAMPAIGN_FIELDS = [
  'name',
  'theme',
  'weekStart',
  'weekEnd',
  'periodStart',
  'periodEnd',
  'hosts',
  'coHosts',
  'undertakers',
  'opening',
  'deadlines',
] as const;

export interface CampaignDraft {
  id?: string;
  name: string;
  theme: string;
  weekStart: Day;
  weekEnd: Day;
  /** '' when the campaign has no year-round period. */
  periodStart: Day | '';
  periodEnd: Day | '';
  hosts: string;
  coHosts: string;
  undertakers: string;
  hasOpening: boolean;
  openingPlace: string;
  openingDay: Day;
  openingTime: string;
  deadlines: { label: string; day: Day }[];
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function lines(text: string): string[] {
  return text
    .split(/\n|；|;/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export function campaignDraftOf(campaign: Campaign): CampaignDraft {
  return {
    id: campaign.id,
    name: campaign.name,
    theme: campaign.theme,
    weekStart: campaign.weekStart,
    weekEnd: campaign.weekEnd,
    periodStart: campaign.periodStart ?? '',
    periodEnd: campaign.periodEnd ?? '',
    hosts: campaign.hosts.join('\n'),
    coHosts: campaign.coHosts.join('\n'),
    undertakers: campaign.undertakers.join('\n'),
    hasOpening: Boolean(campaign.opening),
    openingPlace: campaign.opening?.place ?? '',
    openingDay: campaign.opening ? dayOf(campaign.opening.startAt) : campaign.weekStart,
    openingTime: campaign.opening ? clockLabel(campaign.opening.startAt) : '09:00',
    deadlines: (campaign.deadlines ?? []).map((d) => ({ ...d })),
  };
}

export function newCampaignDraft(weekStart: Day, weekEnd: Day): CampaignDraft {
  return {
    name: '',
    theme: '',
    weekStart,
    weekEnd,
    periodStart: '',
    periodEnd: '',
    hosts: '',
    coHosts: '',
    undertakers: '',
    hasOpening: false,
    openingPlace: '',
    openingDay: weekStart,
    openingTime: '09:00',
    deadlines: [],
  };
}

function checkNames(text: string, label: string): string | undefined {
  const list = lines(text);
  if (list.length > 20) return `${label}最多 20 个`;
  const long = list.find((n) => Array.from(n).length > 60);
  return long ? `${label}每个最多 60 个字` : undefined;
}

export function checkCampaignDraft(d: CampaignDraft): FieldErrorMap {
  const errors: FieldErrorMap = {};
  const len = (s: string) => Array.from(s.trim()).length;
  if (!d.name.trim()) errors.name = '请填写活动名称';
  else if (len(d.name) > 60) errors.name = '活动名称最多 60 个字';
  if (!d.theme.trim()) errors.theme = '请填写活动主题';
  else if (len(d.theme) > 60) errors.theme = '活动主题最多 60 个字';
  if (!DAY_RE.test(d.weekStart)) errors.weekStart = '请选择活动周开始日期';
  if (!DAY_RE.test(d.weekEnd)) errors.weekEnd = '请选择活动周结束日期';
  if (!errors.weekStart && !errors.weekEnd) {
    if (d.weekEnd < d.weekStart) errors.weekEnd = '活动周的结束日期不能早于开始日期';
    else if (daysBetween(d.weekStart, d.weekEnd).length > MAX_WEEK_DAYS) errors.weekEnd = '活动周最长 31 天';
  }
  if (Boolean(d.periodStart) !== Boolean(d.periodEnd)) {
    errors[d.periodStart ? 'periodEnd' : 'periodStart'] = '全年活动期请同时选择开始和结束日期';
  } else if (d.periodStart && d.periodEnd) {
    if (d.periodEnd < d.periodStart) errors.periodEnd = '全年活动期的结束日期不能早于开始日期';
    else if (!errors.weekStart && !errors.weekEnd && (d.periodStart > d.weekStart || d.periodEnd < d.weekEnd)) {
      errors.periodStart = '活动周须在全年活动期之内';
    }
  }
  const hosts = checkNames(d.hosts, '主办单位');
  if (hosts) errors.hosts = hosts;
  const coHosts = checkNames(d.coHosts, '协办单位');
  if (coHosts) errors.coHosts = coHosts;
  const undertakers = checkNames(d.undertakers, '承办单位');
  if (undertakers) errors.undertakers = undertakers;
  if (d.hasOpening) {
    if (!d.openingPlace.trim()) errors.opening = '请填写开幕式地点';
    else if (len(d.openingPlace) > 60) errors.opening = '开幕式地点最多 60 个字';
    else {
      try {
        at(d.openingDay, d.openingTime);
      } catch {
        errors.opening = '请选择开幕式日期和时间';
      }
    }
  }
  if (d.deadlines.length > 10) errors.deadlines = '报送时间最多 10 项';
  else if (d.deadlines.some((x) => !x.label.trim())) errors.deadlines = '请填写报送事项';
  else if (d.deadlines.some((x) => len(x.label) > 40)) errors.deadlines = '报送事项最多 40 个字';
  else if (d.deadlines.some((x) => !DAY_RE.test(x.day))) errors.deadlines = '请选择报送日期';
  return errors;
}

export function campaignInputOf(d: CampaignDraft): CampaignInput {
  const input: CampaignInput = {
    name: d.name.trim(),
    theme: d.theme.trim(),
    weekStart: d.weekStart,
    weekEnd: d.weekEnd,
    hosts: lines(d.hosts),
    coHosts: lines(d.coHosts),
    undertakers: lines(d.undertakers),
    deadlines: d.deadlines.map((x) => ({ label: x.label.trim(), day: x.day })),
  };
  if (d.id) input.id = d.id;
  if (d.periodStart && d.periodEnd) {
    input.periodStart = d.periodStart;
    input.periodEnd = d.periodEnd;
  }
  if (d.hasOpening) input.opening = { place: d.openingPlace.trim(), startAt: at(d.openingDay, d.openingTime) };
  return input;
}
