/**
 * The store port: what the use cases need from a database, in the domain's words.
 * Each adapter implements every method with its own database's native atomic operations
 * (SQLite statements and transactions locally; CloudBase conditional updates, unique _id
 * and doc-only transactions in production). The contract suite in tests/contract/ runs
 * against every adapter.
 */
import type { SeatGuard } from '../core/seats';
import type {
  ActivityEvent,
  Campaign,
  Checkin,
  Day,
  Member,
  Org,
  Registration,
  RegistrationStatus,
  Rating,
  ScanLogEntry,
  Invite,
  Notice,
  AuditRecord,
  MessageKind,
  ReminderRecord,
} from '../../types/domain';
import type { FormProfile } from '../../types/forms';
import type { EvaluationSheet, HonourKind, Nomination, SatisfactionSample } from '../../types/awards';
import type { ReportSubmission, ReportTask } from '../../types/reporting';

/** What a conditional registration update expects to find. */
export interface RegistrationExpectation {
  status: RegistrationStatus;
  /** When given, the record must also still carry this updatedAt (optimistic version). */
  updatedAt?: number;
}

/** What may change on an event without touching its counters. */
export type EventFieldsPatch = Partial<
  Omit<ActivityEvent, 'id' | 'campaignId' | 'capacity' | 'seatsTaken' | 'waitingCount' | 'checkedIn' | 'walkIns'>
>;

export type RegistrationPatch = Partial<Omit<Registration, 'id' | 'eventId'>>;

/** Raised by adapters when an insert hits an existing id. */
export class DuplicateKeyError extends Error {
  constructor(readonly key: string) {
    super(`duplicate key ${key}`);
    this.name = 'DuplicateKeyError';
  }
}

/** Raised by adapters for a write conflict or timeout the caller may simply retry. */
export class StoreTransientError extends Error {
  constructor(
    readonly kind: 'conflict' | 'unavailable',
    cause?: unknown,
  ) {
    super(`store ${kind}`, { cause });
    this.name = 'StoreTransientError';
  }
}

/** Evaluation records: samples (written once), award sheets and nominations (versioned), honour kinds. */
export interface EvaluationPort {
  /** Inserts a drawn sample; DuplicateKeyError if its id exists. */
  insertSample(sample: SatisfactionSample): Promise<void>;
  getSample(id: string): Promise<SatisfactionSample | null>;
  /** Newest first. */
  listSamples(campaignId: string): Promise<SatisfactionSample[]>;
  /** Inserts a sheet at version 1; DuplicateKeyError if the org has one. */
  insertEvaluationSheet(sheet: EvaluationSheet): Promise<void>;
  /** Replaces the sheet only if the stored one is at `sheet.version - 1`; false otherwise. */
  replaceEvaluationSheet(sheet: EvaluationSheet): Promise<boolean>;
  getEvaluationSheet(id: string): Promise<EvaluationSheet | null>;
  listEvaluationSheets(campaignId: string): Promise<EvaluationSheet[]>;
  putHonourKind(kind: HonourKind): Promise<void>;
  listHonourKinds(campaignId: string): Promise<HonourKind[]>;
  /** Inserts a nomination; DuplicateKeyError if its id exists. */
  insertNomination(nomination: Nomination): Promise<void>;
  /** Replaces the nomination only if the stored one is at `nomination.version - 1`; false otherwise. */
  replaceNomination(nomination: Nomination): Promise<boolean>;
  getNomination(id: string): Promise<Nomination | null>;
  /** Oldest first. */
  listNominations(campaignId: string): Promise<Nomination[]>;
}

/** Campaigns are few (one per organisation per year): a resident's choice looks at this many at most. */
export const CAMPAIGNS_LISTED = 200;

export interface Store extends EvaluationPort {
  /** Runs `work` so that, where the database allows it, all its writes land or none does. */
  atomic<T>(work: () => Promise<T>): Promise<T>;

  // Reference data
  getCampaign(id: string): Promise<Campaign | null>;
  /** The campaign residents land on: the one whose week ends last. */
  latestCampaign(): Promise<Campaign | null>;
  /** Every campaign (at most CAMPAIGNS_LISTED), the week ending last first. */
  listCampaigns(): Promise<Campaign[]>;
  putCampaign(campaign: Campaign): Promise<void>;
  listOrgs(districtId: string): Promise<Org[]>;
  putOrg(org: Org): Promise<void>;
  getMember(openid: string): Promise<Member | null>;
  putMember(member: Member): Promise<void>;

  // Events
  getEvent(id: string): Promise<ActivityEvent | null>;
  getEvents(ids: readonly string[]): Promise<ActivityEvent[]>;
  /** Events of a campaign, optionally of one day, ordered by start time. */
  listEvents(campaignId: string, day?: Day): Promise<ActivityEvent[]>;
  putEvent(event: ActivityEvent): Promise<void>;

  // Seats: each one atomic on its own
  /** Takes `guard.party` seats if the guard holds on the counter before the update. */
  takeSeats(eventId: string, guard: SeatGuard): Promise<boolean>;
  releaseSeats(eventId: string, party: number): Promise<void>;
  /** Adds `delta` (+1 or -1) to the event's waiting count. */
  changeWaiting(eventId: string, delta: 1 | -1): Promise<void>;

  // Registrations
  /** Inserts a new registration; DuplicateKeyError if its id exists. */
  insertRegistration(reg: Registration): Promise<void>;
  /** Applies `patch` only if the record still matches `expect`; false otherwise. */
  updateRegistration(id: string, expect: RegistrationExpectation, patch: RegistrationPatch): Promise<boolean>;
  getRegistration(id: string): Promise<Registration | null>;
  listRegistrationsOfOwner(ownerId: string): Promise<Registration[]>;
  listRegistrationsOfEvent(eventId: string): Promise<Registration[]>;
  /** The first `limit` waitlisted registrations of an event, in waitlist order. */
  listWaitlisted(eventId: string, limit: number): Promise<Registration[]>;
  /**
   * How many waitlisted registrations stand before (ticket, id). The event's `waitingCount` is the
   * number waiting (kept in the same unit of work as every waitlist change), so an adapter may
   * count those from (ticket, id) on and subtract.
   */
  countWaitlistedBefore(eventId: string, waitTicket: number, id: string): Promise<number>;

  // Attendance: each one atomic on its own
  /** Adds to the event's attendance counters (negative to undo). */
  changeAttendance(eventId: string, delta: { checkedIn?: number; walkIns?: number }): Promise<void>;
  /** Inserts a check-in; DuplicateKeyError if its id exists (the person is already checked in). */
  insertCheckin(checkin: Checkin): Promise<void>;
  getCheckin(id: string): Promise<Checkin | null>;
  /** Applies `patch` only if the check-in still has status `expectStatus`; false otherwise. */
  updateCheckin(id: string, expectStatus: Checkin['status'], patch: Partial<Omit<Checkin, 'id'>>): Promise<boolean>;
  listCheckinsOfEvent(eventId: string): Promise<Checkin[]>;
  /**
   * Claims the check-in's outbox for `scanId` at `at`, if it is waiting (claim 0) or its claim is
   * older than `staleBefore`; false if there is none or another drain holds it.
   */
  claimOutbox(id: string, scanId: string, at: number, staleBefore: number): Promise<boolean>;
  /** Empties the check-in's outbox for `scanId` (its writes are done). */
  clearOutbox(id: string, scanId: string): Promise<void>;

  // Summary counters of a campaign: small, incremented in the same step as the records
  /** Adds each delta to the campaign's named counter (creating it at 0). */
  bumpCounters(campaignId: string, deltas: Readonly<Record<string, number>>): Promise<void>;
  /** Every counter of the campaign: a constant number of documents, whatever the attendance. */
  readCounters(campaignId: string): Promise<Record<string, number>>;
  /** Adds `delta` to a person's visit count under `marker` and returns the count after. */
  addVisit(campaignId: string, marker: string, delta: 1 | -1): Promise<number>;
  /** Every visit marker of the campaign with a count above zero (for reconciliation only). */
  listVisits(campaignId: string): Promise<Record<string, number>>;
  /**
   * How many distinct markers starting with `prefix` hold a count above zero in any of the
   * campaigns (a marker in two campaigns counts once): with the whole-scope prefix, the distinct
   * registered people of several campaigns, counted where the markers are kept.
   */
  countDistinctMarkers(campaignIds: readonly string[], prefix: string): Promise<number>;
  /** Changes an event's descriptive fields (undefined ones stay as they are); never its counters. */
  updateEventFields(id: string, patch: EventFieldsPatch): Promise<boolean>;

  // Ratings and saved form fields
  /** Inserts a rating; DuplicateKeyError if this registration rated before. */
  insertRating(rating: Rating): Promise<void>;
  getRating(id: string): Promise<Rating | null>;
  listRatingsOfEvent(eventId: string): Promise<Rating[]>;
  getFormProfile(id: string): Promise<FormProfile | null>;
  putFormProfile(profile: FormProfile): Promise<void>;

  // Organising the week
  listMembers(districtId: string): Promise<Member[]>;
  removeMember(openid: string): Promise<void>;
  /** Changes the capacity only if the seats already taken fit in it; false otherwise. */
  setCapacity(eventId: string, capacity: number | null): Promise<boolean>;
  /** Inserts an invitation; DuplicateKeyError if the code exists. */
  insertInvite(invite: Invite): Promise<void>;
  getInvite(code: string): Promise<Invite | null>;
  /** Marks an unused, unrevoked invitation used by `openid`; false if it was used or revoked meanwhile. */
  useInvite(code: string, openid: string, at: number): Promise<boolean>;
  /** Revokes an unused invitation; false if it was used or revoked already. */
  revokeInvite(code: string, at: number): Promise<boolean>;
  listInvites(districtId: string): Promise<Invite[]>;
  insertNotice(notice: Notice): Promise<void>;
  /** Newest first, at most `limit`. */
  listNotices(ownerId: string, limit: number): Promise<Notice[]>;
  markNoticeRead(id: string, ownerId: string, at: number): Promise<boolean>;
  insertAudit(record: AuditRecord): Promise<void>;
  /** Newest first. */
  listAudit(districtId: string, offset: number, limit: number): Promise<{ records: AuditRecord[]; total: number }>;

  // Reminders: subscription credits (one send per acceptance) and the record of each reminder
  /** Adds credits (one per acceptance of the template in WeChat). */
  addCredits(openid: string, kind: MessageKind, n: number): Promise<void>;
  /** Takes one credit if there is one; false if none is left. */
  takeCredit(openid: string, kind: MessageKind): Promise<boolean>;
  getCredits(openid: string, kind: MessageKind): Promise<number>;
  /** Inserts a reminder record; DuplicateKeyError if this reminder was handled before. */
  insertReminder(record: ReminderRecord): Promise<void>;
  /** Replaces a reminder record with its outcome. */
  putReminder(record: ReminderRecord): Promise<void>;
  listReminders(ownerId: string, limit: number): Promise<ReminderRecord[]>;

  // Audit log of the door
  /** Inserts a scan log entry; DuplicateKeyError if this scanId was recorded before. */
  insertScanLog(entry: ScanLogEntry): Promise<void>;
  getScanLog(id: string): Promise<ScanLogEntry | null>;
  /** Newest first. */
  listScanLog(eventId: string, offset: number, limit: number): Promise<{ entries: ScanLogEntry[]; total: number }>;

  // The organisation tree above a district, and reporting tasks (上报任务)
  getOrg(id: string): Promise<Org | null>;
  /** The orgs hanging directly below `parentId`, by id. */
  listChildOrgs(parentId: string): Promise<Org[]>;
  /** The campaigns an org runs (its `districtId`), the one whose week ends last first. */
  listCampaignsOfOrg(orgId: string): Promise<Campaign[]>;
  /** The campaigns that joined `parentCampaignId`, by id. */
  listChildCampaigns(parentCampaignId: string): Promise<Campaign[]>;
  putReportTask(task: ReportTask): Promise<void>;
  getReportTask(id: string): Promise<ReportTask | null>;
  /** Tasks an org issued, newest first. */
  listReportTasks(issuerOrgId: string): Promise<ReportTask[]>;
  getSubmission(id: string): Promise<ReportSubmission | null>;
  listSubmissions(taskId: string): Promise<ReportSubmission[]>;
  /**
   * Writes the submission only if the stored one is still at `expectRevision` (null: none may
   * exist yet); false otherwise (someone changed it meanwhile). Every version travels inside it.
   */
  saveSubmission(submission: ReportSubmission, expectRevision: number | null): Promise<boolean>;
}

/** The methods of the organisation tree above a district and of reporting tasks (one module per adapter). */
export type ReportingMethods = Pick<
  Store,
  | 'getOrg'
  | 'listChildOrgs'
  | 'listCampaignsOfOrg'
  | 'listChildCampaigns'
  | 'putReportTask'
  | 'getReportTask'
  | 'listReportTasks'
  | 'getSubmission'
  | 'listSubmissions'
  | 'saveSubmission'
>;

/** The smallest string above every string that starts with `prefix` (a range end for prefix queries). */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
