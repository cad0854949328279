/**
 * The reporting chain's actions of the `organizer` function: live roll-ups of the tree and
 * reporting tasks (上报任务). Inputs are inferred from backend/api/schemas/reporting.ts.
 */
import type { ReportingInputs } from '../../backend/api/schemas/reporting';
import type { ReportItem, ReportReminderConfig, ReportSubmission, ReportTask, TrackerView } from '../reporting';
import type { ActionsOf } from './envelope';

/** Figures of a level of the tree (people counted once across the levels below). */
export interface RollupFigures {
  eventsScheduled: number;
  eventsHeld: number;
  checkedIn: number;
  walkIns: number;
  /** Online joins counted in the app (线上参与), shown apart. */
  online: number;
  entered: number;
  attendance: number;
  distinctPeople: number;
}

/** A campaign with the campaigns that joined it: totals, its own part, and the level below. */
export interface RollupView {
  campaign: { id: string; name: string; orgId: string; orgName: string };
  figures: RollupFigures;
  own: RollupFigures;
  below: {
    campaignId: string;
    orgId: string;
    orgName: string;
    weekStart: string;
    weekEnd: string;
    figures: RollupFigures;
  }[];
}

/** A reporting task as its issuer creates it (from a preset, or items of its own). */
export type ReportTaskInput = ReportingInputs['report.create'];

export interface ReportingOutputs {
  'rollup.get': RollupView;
  'report.presets': { presets: { id: string; notice: string; title: string; deadline: string; items: ReportItem[] }[] };
  'report.create': { task: ReportTask };
  'report.list': { issued: ReportTask[]; received: ReportTask[]; reminder: ReportReminderConfig };
  'report.submit': { submission: ReportSubmission };
  'report.get': { submission: ReportSubmission | null };
  'report.decide': { submission: ReportSubmission };
  'report.track': TrackerView;
  'report.remind': { orgs: number; notices: number; messages: { sent: number; noCredit: number; failed: number } };
  /** The organizer accepted the 上报提醒 subscription dialog (or not): one credit per acceptance. */
  'report.subscribe': { credits: number };
}

export type ReportingActions = ActionsOf<ReportingInputs, ReportingOutputs>;
