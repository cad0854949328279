/**
 * The organisation award (优秀组织奖 / 组织奖, seed 002 附件3): one evaluation sheet per
 * participating org of the level below, on five criteria. Three are counted from the data
 * (the dashboard's figures, the sampled satisfaction); two are judged by the reviewers of the
 * level above, each scored 0–20 with a comment. Pure.
 */
import type { AwardDecision, EvaluationSheet, JudgedCriterion, SampleResult } from '../../types/awards';
import type { ActivityEvent } from '../../types/domain';
import { orgFigures, type OrgFigures } from './award-figures';
import { EXCELLENCE_RATE } from './dashboard';
import { fail } from './errors';

export const MAX_CRITERION_SCORE = 20;

export interface CountedParts {
  /** 科学组织、广泛参与: activities held, units taking part, 人次 (and the dashboard's figures). */
  figures: OrgFigures;
  unitsTakingPart: number;
  /** 主题鲜明、内容丰富: categories and audiences of the activities held. */
  categories: number;
  audiences: number;
  /** 贴近百姓、效果显著: the sampled satisfaction of the org's activities (null: no sample yet). */
  sampled: SampleResult | null;
  /** The sampled rate is at least 80 %. */
  meetsSatisfaction: boolean;
}

export function countedParts(
  events: readonly ActivityEvent[],
  counters: Readonly<Record<string, number>>,
  sampled: SampleResult | null,
  figures: OrgFigures = orgFigures(events, counters),
): CountedParts {
  const held = events.filter((e) => e.checkedIn + e.walkIns + (e.entered?.participants ?? 0) > 0);
  return {
    figures,
    unitsTakingPart: new Set(held.map((e) => e.unitId)).size,
    categories: new Set(held.map((e) => e.category)).size,
    audiences: new Set(held.flatMap((e) => e.audiences)).size,
    sampled,
    meetsSatisfaction: sampled?.rate != null && sampled.rate >= EXCELLENCE_RATE,
  };
}

/** A new, empty sheet for an org. */
export function blankSheet(campaignId: string, orgId: string, at: number): EvaluationSheet {
  return {
    id: `${campaignId}|${orgId}`,
    campaignId,
    orgId,
    evidence: [],
    publicity: [],
    scores: {},
    decision: null,
    decidedBy: null,
    decidedAt: null,
    version: 0,
    updatedAt: at,
  };
}

export function scoreSheet(
  sheet: EvaluationSheet,
  criterion: JudgedCriterion,
  score: number,
  comment: string,
  by: string,
  at: number,
): EvaluationSheet {
  if (!Number.isInteger(score) || score < 0 || score > MAX_CRITERION_SCORE) {
    fail('VALIDATION_FAILED', `评分应为0–${MAX_CRITERION_SCORE}的整数`);
  }
  return {
    ...sheet,
    scores: { ...sheet.scores, [criterion]: { score, comment: comment.trim(), by, at } },
    version: sheet.version + 1,
    updatedAt: at,
  };
}

export function decideSheet(sheet: EvaluationSheet, decision: AwardDecision, by: string, at: number): EvaluationSheet {
  return { ...sheet, decision, decidedBy: by, decidedAt: at, version: sheet.version + 1, updatedAt: at };
}

/** The judged total (0–40) of a sheet. */
export function judgedTotal(sheet: Pick<EvaluationSheet, 'scores'>): number {
  return Object.values(sheet.scores).reduce((n, s) => n + (s?.score ?? 0), 0);
}
