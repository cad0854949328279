/**
 * The `organizer` function: live headcounts, entered figures, reconciliation, the statistics
 * forms and notices to registrants, plus the setup, evaluation and reporting actions it routes.
 * Inputs are inferred from backend/api/schemas/organizer.ts (type-only).
 */
import type { OrganizerInputs } from '../../backend/api/schemas/organizer';
import type { Category, Day, EventMode } from '../domain';
import type { F1Data, F2Data, F3Data, FormProfile } from '../forms';
import type { DashboardFigures } from '../figures';
import type { EvaluationOutputs } from '../awards-api';
import type { ActionsOf } from './envelope';
import type { SetupOutputs } from './setup';
import type { ReportingOutputs } from './reporting';

export interface DashboardGroup {
  key: string;
  label: string;
  figures: DashboardFigures;
}

export interface DashboardEventRow {
  id: string;
  title: string;
  day: Day;
  startAt: number;
  endAt: number;
  unitName: string;
  streetName: string;
  category: Category;
  mode: EventMode;
  capacity: number | null;
  signups: number;
  checkedIn: number;
  walkIns: number;
  /** Online joins counted in the app. */
  online: number;
  entered: number | null;
  attendance: number;
  happeningNow: boolean;
}

export interface DashboardView {
  scope: { kind: 'district' | 'units'; name: string };
  campaign: { id: string; name: string; weekStart: Day; weekEnd: Day };
  today: Day;
  /** The launch week only (weekStart–weekEnd): 本周. */
  week: DashboardFigures;
  /** The whole campaign period, activities outside the week included: 全年. */
  period: DashboardFigures;
  todayFigures: DashboardFigures;
  byStreet: DashboardGroup[];
  byUnit: DashboardGroup[];
  byDay: DashboardGroup[];
  byCategory: DashboardGroup[];
  byAudience: DashboardGroup[];
  events: DashboardEventRow[];
  /** People arriving per hour (0–23) of `today`. */
  hourlyToday: number[];
  /** Changes whenever a figure may have changed: clients watch it to refresh. */
  version: number;
  generatedAt: number;
}

export interface ReconcileReport {
  campaignId: string;
  checkedEvents: number;
  repairs: { target: string; field: string; was: number; now: number }[];
  /** The cursor of the next page of `reconcile.run`; null when the whole campaign is reconciled. */
  next: number | null;
}

/** The organizer function's own actions (setup, evaluation and reporting have their modules). */
export interface OrganizerOwnOutputs {
  /** Recipients, in-app notices, and 活动提醒 messages sent, without credit, failed. */
  'registrants.notify': {
    recipients: number;
    notices: number;
    messages: { sent: number; noCredit: number; failed: number };
  };
  'dashboard.get': DashboardView;
  'attendance.enter': { eventId: string; entered: number | null };
  'reconcile.run': ReconcileReport;
  /** A form with its counted cells filled and the saved typed fields. */
  'forms.preview': {
    form: { kind: 'F1'; data: F1Data } | { kind: 'F2'; data: F2Data } | { kind: 'F3'; data: F3Data };
    profile: FormProfile | null;
    orgId: string;
    campaignId: string;
  };
  'forms.saveProfile': { profile: FormProfile };
}

export type OrganizerOutputs = OrganizerOwnOutputs & SetupOutputs & EvaluationOutputs & ReportingOutputs;
export type OrganizerActions = ActionsOf<OrganizerInputs, OrganizerOutputs>;
