/**
 * The reporting chain (上报任务): a level asks the orgs of a level below for items by a deadline,
 * they submit (every version kept), the level returns or approves. Plain data only.
 */
import type { Day, OrgKind } from './domain';

export type FormItemSource = 'F1' | 'F2' | 'F3' | 'rollup';

/** One thing a task asks for. `key` is unique within the task, e.g. 'summary'. */
export type ReportItem =
  | { kind: 'form'; key: string; label: string; required: boolean; form: FormItemSource; mode: 'plan' | 'actual' }
  | { kind: 'text'; key: string; label: string; required: boolean; minChars: number; maxChars: number }
  | {
      kind: 'photos';
      key: string;
      label: string;
      required: boolean;
      count: number;
      minWidth: number;
      minHeight: number;
      /** A video of at most this many seconds may stand in for the photos (000: 五张照片或视频). */
      orVideoSeconds?: number;
    }
  | { kind: 'video'; key: string; label: string; required: boolean; maxSeconds: number }
  | {
      kind: 'cases';
      key: string;
      label: string;
      required: boolean;
      count: number;
      titleMax: number;
      minChars: number;
      maxChars: number;
      images: number;
    }
  | { kind: 'scan'; key: string; label: string; required: boolean };

export type ReportItemKind = ReportItem['kind'];

/** A file uploaded from the phone (cloud storage file id) or locally (data folder id). */
export interface FileRef {
  fileId: string;
  name: string;
  mime: string;
  size: number;
  width?: number;
  height?: number;
  durationSec?: number;
  caption?: string;
}

/** What the submitter hands in per item. Counted forms carry no numbers: they are frozen by the backend. */
export type AnswerInput =
  | { kind: 'form' }
  | { kind: 'text'; text: string }
  | { kind: 'photos'; photos: FileRef[]; video?: FileRef }
  | { kind: 'video'; video: FileRef }
  | { kind: 'cases'; cases: { title: string; text: string; images: FileRef[] }[] }
  | { kind: 'scan'; file: FileRef };

/** The figures of a counted form at the moment it was submitted. */
export interface FrozenFigures {
  eventsScheduled: number;
  eventsHeld: number;
  /** 人次 */
  attendance: number;
  /** 人 */
  distinctPeople: number;
  /** Stable person keys (hashed holder keys; walk-ins one per visit), so levels above count people once. */
  people: string[];
}

export type Answer =
  | { kind: 'form'; form: FormItemSource; figures: FrozenFigures; fields: Record<string, string>; frozenAt: number }
  | Exclude<AnswerInput, { kind: 'form' }>;

export interface SubmissionVersion {
  n: number;
  answers: Record<string, Answer>;
  submittedAt: number;
  submittedBy: string;
  late: boolean;
}

export type SubmissionStatus = 'submitted' | 'returned' | 'approved';

export interface ReportSubmission {
  /** `${taskId}_${orgId}` */
  id: string;
  taskId: string;
  orgId: string;
  status: SubmissionStatus;
  versions: SubmissionVersion[];
  returnReason: string | null;
  decidedAt: number | null;
  decidedBy: string | null;
  /** Bumped by every change: the optimistic version of conditional writes. */
  revision: number;
}

export interface ReportTask {
  id: string;
  /** The org that asks (and receives). */
  issuerOrgId: string;
  title: string;
  /** Last day to hand in (Asia/Shanghai); submissions after its end are late (逾期提交). */
  deadline: Day;
  /** After the end of this day nothing more is accepted (REPORT_LATE); null: late ones are taken. */
  closesOn: Day | null;
  /** The issuer's campaign, whose joined campaigns the counted forms are frozen from. */
  campaignId: string | null;
  /** The expected orgs, fixed when the task is created. */
  targetKind: OrgKind;
  targetOrgIds: string[];
  items: ReportItem[];
  preset: string | null;
  createdAt: number;
  createdBy: string;
}

export type TrackerState = 'missing' | 'submitted' | 'late' | 'returned' | 'approved';

export interface TrackerRow {
  orgId: string;
  orgName: string;
  state: TrackerState;
  versions: number;
  lastSubmittedAt: number | null;
  returnReason: string | null;
  figures: FrozenFigures | null;
}

export interface TrackerView {
  task: ReportTask;
  rows: (TrackerRow & {
    /** Live figures now minus the frozen ones of the latest version (attendance changed since). */
    sinceSubmitted: { attendance: number; distinctPeople: number; eventsHeld: number } | null;
  })[];
  /** The issuer level's figures from the approved submissions' counted forms (people united). */
  approved: { orgs: number; attendance: number; distinctPeople: number; eventsHeld: number };
  /** DHIS2's reporting rates: submitted of expected, and on time of expected (0–1). */
  completeness: number;
  onTime: number;
  /** Milliseconds until the deadline's end (negative once passed). */
  remainingMs: number;
}

/** The 上报提醒 subscription for the caller: the template to ask for (null: simulated locally) and credits held. */
export interface ReportReminderConfig {
  template: string | null;
  simulated: boolean;
  credits: number;
}
