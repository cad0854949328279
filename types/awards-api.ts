/**
 * The evaluation actions of the `organizer` function and the published honours of the
 * `resident` function: views and outputs. Inputs are inferred from
 * backend/api/schemas/evaluation.ts and resident.ts (type-only).
 */
import type { EvaluationInputs } from '../backend/api/schemas/evaluation';
import type { ResidentInputs } from '../backend/api/schemas/resident';
import type {
  EvaluationSheet,
  HonourKind,
  Nomination,
  PublishedHonour,
  SampleResult,
  SatisfactionSample,
  SubmittedEvidence,
} from './awards';
import type { ActionsOf } from './api/envelope';
import type { DashboardFigures } from './figures';

type Figures = DashboardFigures;
type Satisfaction = DashboardFigures['satisfaction'];

export type { Interval, SampleResult } from './awards';

export interface SatisfactionView {
  campaignId: string;
  voluntary: Satisfaction;
  samples: { sample: SatisfactionSample; result: SampleResult }[];
}

export interface AwardSheetView {
  org: { id: string; name: string };
  sheet: EvaluationSheet;
  counted: {
    figures: Figures;
    unitsTakingPart: number;
    categories: number;
    audiences: number;
    sampled: SampleResult | null;
    meetsSatisfaction: boolean;
  };
  /** What the org handed in to the evaluating level through the reporting chain, by judged criterion. */
  submitted: { leadership: SubmittedEvidence[]; publicity: SubmittedEvidence[] };
  judgedTotal: number;
}

export interface NominationRowView {
  nomination: Nomination;
  kindName: string;
  orgName: string;
  atOrgName: string;
  /** Whether the caller's level acts on it now. */
  mine: boolean;
  quotaLeft: number | null;
}

export type PublishedHonourView = PublishedHonour;

export interface HonourPresetView extends Omit<HonourKind, 'id' | 'campaignId'> {
  preset: string;
  seed: string;
}

export interface FileOut {
  file: { url: string; fileId: string | null; fileName: string; expiresAt: number };
}

/** An honour kind as organisers enter it. */
export type HonourKindInput = EvaluationInputs['honours.saveKind'];

export interface EvaluationOutputs {
  /** Draw a stratified random sample of attendees and ask them to rate (抽样满意度). */
  /** The sample, and the 满意度调查邀请 subscription messages (sent, not subscribed, failed). */
  'sampling.draw': { sample: SatisfactionSample; messages: { sent: number; noCredit: number; failed: number } };
  /** 抽样满意度 (each sample, with its interval) beside 自愿评价. */
  'sampling.view': SatisfactionView;
  /** The evaluation sheets of the participating orgs of the level below. */
  'award.sheets': { sheets: AwardSheetView[] };
  'award.score': { sheet: EvaluationSheet };
  'award.evidence': { sheet: EvaluationSheet };
  'award.decide': { sheet: EvaluationSheet };
  'honours.kinds': { kinds: HonourKind[]; presets: HonourPresetView[] };
  'honours.saveKind': { kind: HonourKind };
  'nominations.list': { nominations: NominationRowView[] };
  'nomination.save': { nomination: Nomination };
  'nomination.act': { nomination: Nomination };
  'nomination.photo': FileOut;
}

export type EvaluationActions = ActionsOf<EvaluationInputs, EvaluationOutputs>;

export interface HonourResidentOutputs {
  /** The approved honours of the week, showing only what each nominee agreed to. */
  'honours.published': { campaignName: string; honours: PublishedHonourView[] };
}

export type HonourResidentActions = ActionsOf<Pick<ResidentInputs, 'honours.published'>, HonourResidentOutputs>;
