/**
 * The evaluation actions of the `organizer` function and the published honours of the
 * `resident` function (contract; schemas in backend/api/schemas.ts).
 */
import type {
  AwardDecision,
  EvaluationSheet,
  EvidenceLink,
  HonourField,
  HonourKind,
  HonourSubject,
  JudgedCriterion,
  Nomination,
  NomineeConsent,
  SatisfactionSample,
  SubmittedEvidence,
} from './awards';
import type { DashboardFigures } from './figures';

type Figures = DashboardFigures;
type Satisfaction = DashboardFigures['satisfaction'];

export interface Interval {
  low: number;
  high: number;
}

export interface SampleResult {
  sampleSize: number;
  responses: number;
  responseRate: number | null;
  satisfied: number;
  rate: number | null;
  interval: Interval | null;
}

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
  mine: boolean;
  quotaLeft: number | null;
}

export interface PublishedHonourView {
  id: string;
  kindName: string;
  nomineeName: string;
  orgName: string;
  fields: { label: string; value: string }[];
  text: string;
  photos: string[];
}

export interface HonourPresetView extends Omit<HonourKind, 'id' | 'campaignId'> {
  preset: string;
  seed: string;
}

export interface FileOut {
  file: { url: string; fileId: string | null; fileName: string; expiresAt: number };
}

export type HonourKindInput = {
  campaignId?: string;
  id?: string;
  name: string;
  subject: HonourSubject;
  fields: HonourField[];
  textMin: number;
  textMax: number;
  photoRequired: boolean;
  quotaPerOrg: number | null;
  columns: string[];
};

export interface EvaluationActions {
  /** Draw a stratified random sample of attendees and ask them to rate (抽样满意度). */
  'sampling.draw': {
    input: { campaignId?: string; margin: number; seed?: number };
    /** The sample, and the 满意度调查邀请 subscription messages (sent, not subscribed, failed). */
    output: { sample: SatisfactionSample; messages: { sent: number; noCredit: number; failed: number } };
  };
  /** 抽样满意度 (each sample, with its interval) beside 自愿评价. */
  'sampling.view': { input: { campaignId?: string }; output: SatisfactionView };
  /** The evaluation sheets of the participating orgs of the level below. */
  'award.sheets': { input: { campaignId?: string }; output: { sheets: AwardSheetView[] } };
  'award.score': {
    input: {
      campaignId?: string;
      orgId: string;
      criterion: JudgedCriterion;
      score: number;
      comment: string;
      version: number;
    };
    output: { sheet: EvaluationSheet };
  };
  'award.evidence': {
    input: { campaignId?: string; orgId: string; evidence: EvidenceLink[]; publicity: EvidenceLink[]; version: number };
    output: { sheet: EvaluationSheet };
  };
  'award.decide': {
    input: { campaignId?: string; orgId: string; decision: AwardDecision; version: number };
    output: { sheet: EvaluationSheet };
  };
  'honours.kinds': {
    input: { campaignId?: string };
    output: { kinds: HonourKind[]; presets: HonourPresetView[] };
  };
  'honours.saveKind': { input: HonourKindInput; output: { kind: HonourKind } };
  'nominations.list': { input: { campaignId?: string }; output: { nominations: NominationRowView[] } };
  'nomination.save': {
    input: {
      id?: string;
      campaignId?: string;
      kindId: string;
      orgId: string;
      nomineeName: string;
      fields: Record<string, string>;
      text: string;
      photos: string[];
      files: EvidenceLink[];
      consent: NomineeConsent | null;
      version?: number;
    };
    output: { nomination: Nomination };
  };
  'nomination.act': {
    input: { id: string; action: 'submit' | 'return' | 'recommend' | 'approve'; reason: string; version: number };
    output: { nomination: Nomination };
  };
  'nomination.photo': { input: { orgId: string; fileId: string }; output: FileOut };
}

export interface HonourResidentActions {
  /** The approved honours of the week, showing only what each nominee agreed to. */
  'honours.published': {
    input: { campaignId?: string };
    output: { campaignName: string; honours: PublishedHonourView[] };
  };
}
