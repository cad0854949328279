/**
 * Evaluation at the end of the week: the satisfaction sample, the organisation award
 * (优秀组织奖 / 组织奖, seed 002 附件3) and honours (评选: 学习之星, 学习型家庭 …).
 * Plain data shared by the app and the backend.
 */
import type { SubmissionStatus } from './reporting';

/** One activity's share of a sample. */
export interface SampleStratum {
  /** The event id. */
  key: string;
  /** Reachable attendees of the activity (the frame). */
  population: number;
  allocated: number;
}

/**
 * A random sample of attendees asked to rate (抽样满意度). Reproducible: drawing again from the
 * same frame with `seed` gives `drawn`. Never changed after it is drawn.
 */
export interface SatisfactionSample {
  id: string;
  campaignId: string;
  districtId: string;
  /** The stated margin of error (0–1) at 95 % confidence. */
  margin: number;
  seed: number;
  /** Size of the frame: attendees who can be asked. */
  population: number;
  strata: SampleStratum[];
  /** Registration ids drawn, stratum by stratum. */
  drawn: string[];
  drawnAt: number;
  drawnBy: string;
  /** How many in-app notices were sent. */
  notified: number;
}

/** A proportion's confidence interval, both ends within 0–1. */
export interface Interval {
  low: number;
  high: number;
}

/** What a sample says: who answered and how many of them were satisfied. */
export interface SampleResult {
  /** How many were drawn. */
  sampleSize: number;
  /** How many of them rated. */
  responses: number;
  /** responses / sampleSize; null for an empty sample. */
  responseRate: number | null;
  /** Ratings of 4–5 among the responses. */
  satisfied: number;
  /** satisfied / responses; null without responses. */
  rate: number | null;
  /** 95 % Wilson interval of the rate; null without responses. */
  interval: Interval | null;
}

export const AWARD_CRITERIA = ['leadership', 'organisation', 'content', 'effect', 'publicity'] as const;
export type AwardCriterion = (typeof AWARD_CRITERIA)[number];
/** Criteria scored by the reviewers of the level above; the others are counted from the data. */
export const JUDGED_CRITERIA = ['leadership', 'publicity'] as const satisfies readonly AwardCriterion[];
export type JudgedCriterion = (typeof JUDGED_CRITERIA)[number];

export interface EvidenceLink {
  title: string;
  /** A link or a stored file's path. */
  url: string;
}

/**
 * One piece of evidence an org handed in through the reporting chain to the level that
 * evaluates it (core/award-evidence.ts): a text with its opening, a plan form, a scan, a photo,
 * a video or a typical case, with the task and the submission's state.
 */
export interface SubmittedEvidence {
  kind: 'text' | 'form' | 'file' | 'photo' | 'video' | 'case';
  title: string;
  /** The opening of a text item. */
  excerpt?: string;
  /** The stored file (cloud file id or local upload id). */
  fileId?: string;
  /** The reporting task's title. */
  task: string;
  status: SubmissionStatus;
  submittedAt: number;
}

export interface CriterionScore {
  /** 0–20 per criterion (five criteria, 100 in all). */
  score: number;
  comment: string;
  by: string;
  at: number;
}

export const AWARD_DECISIONS = ['excellent', 'organisation', 'none'] as const;
/** 优秀组织奖 / 组织奖 / none. */
export type AwardDecision = (typeof AWARD_DECISIONS)[number];

/** The judged parts of one org's evaluation sheet (the counted parts are computed on read). */
export interface EvaluationSheet {
  /** `${campaignId}|${orgId}`. */
  id: string;
  campaignId: string;
  orgId: string;
  /** 领导重视、保障有力: the plan, the documents, the budget. */
  evidence: EvidenceLink[];
  /** 宣传有力: 宣传报道 entries and links. */
  publicity: EvidenceLink[];
  scores: Partial<Record<JudgedCriterion, CriterionScore>>;
  decision: AwardDecision | null;
  decidedBy: string | null;
  decidedAt: number | null;
  /** Optimistic version: each change applies only to the version it read. */
  version: number;
  updatedAt: number;
}

export const HONOUR_SUBJECTS = ['person', 'family', 'organisation', 'volunteer', 'team', 'activity', 'brand'] as const;
export type HonourSubject = (typeof HONOUR_SUBJECTS)[number];

export interface HonourField {
  key: string;
  label: string;
  /** Personal data of a private person: shown to residents only where the nominee agreed. */
  personal: boolean;
}

/** A kind of honour of one campaign (学习之星 …), with its nomination form. */
export interface HonourKind {
  id: string;
  campaignId: string;
  name: string;
  subject: HonourSubject;
  fields: HonourField[];
  /** Length rules of the 事迹 text, in characters. */
  textMin: number;
  textMax: number;
  photoRequired: boolean;
  /** Nominations each org may send up; null: no quota. */
  quotaPerOrg: number | null;
  /** The 汇总表 columns: field keys, in order (name, org and the text are always there). */
  columns: string[];
}

export type NominationStatus = 'draft' | 'submitted' | 'returned' | 'recommended' | 'approved';

export interface NominationStep {
  action: 'submit' | 'return' | 'recommend' | 'approve';
  orgId: string;
  by: string;
  at: number;
  reason: string;
}

/** A private person's consent to be nominated, and what residents may see. */
export interface NomineeConsent {
  at: number;
  /** How it was obtained (e.g. 本人签字的申报表), as the unit recorded it. */
  how: string;
  /** Field keys the nominee agreed to show on the published list. */
  publicFields: string[];
  /** Whether the photo may be shown. */
  photoPublic: boolean;
}

export interface Nomination {
  id: string;
  campaignId: string;
  kindId: string;
  /** The nominating unit. */
  orgId: string;
  /** The org whose reviewers act next (the unit while draft/returned). */
  atOrgId: string;
  nomineeName: string;
  fields: Record<string, string>;
  text: string;
  photos: string[];
  files: EvidenceLink[];
  consent: NomineeConsent | null;
  status: NominationStatus;
  history: NominationStep[];
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** What residents see of an approved nomination (core/honours.ts `publicView`). */
export interface PublishedHonour {
  id: string;
  kindName: string;
  nomineeName: string;
  orgName: string;
  /** Only fields that are not personal, or that the nominee agreed to show. */
  fields: { label: string; value: string }[];
  text: string;
  photos: string[];
}
