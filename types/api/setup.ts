/**
 * The organizer's setup actions (campaign, organisation tree, staff, invitations, events and
 * their review): what organisers see and each action's output. Inputs are inferred from
 * backend/api/schemas/setup.ts (type-only).
 */
import type { SetupInputs } from '../../backend/api/schemas/setup';
import type { ActivityEvent, AuditRecord, Campaign, Invite, Member, Org } from '../domain';
import type { ActionsOf } from './envelope';
import type { StaffEventView } from './staff';

/** A campaign as an organizer enters it (the district comes from the caller, never the payload). */
export type CampaignInput = SetupInputs['campaign.save'];
/** An event as its organisers enter it (absent eventId: create). */
export type EventInput = SetupInputs['event.save'];

/** An event as its organisers see it: every state, counters, review note. */
export interface ManagedEventView extends StaffEventView {
  status: ActivityEvent['status'];
  reviewNote: string | null;
}

export interface SetupOutputs {
  'campaign.save': { campaign: Campaign };
  'org.list': { orgs: Org[] };
  'org.save': { org: Org };
  'staff.list': { members: Member[] };
  'staff.update': { member: Member };
  'staff.revoke': { revoked: true };
  'invite.create': { invite: Invite; path: string };
  'invite.list': { invites: (Invite & { state: string })[] };
  'invite.revoke': { revoked: true };
  'events.managed': { events: ManagedEventView[] };
  'event.save': { event: ManagedEventView };
  'event.review': { event: ManagedEventView };
  'event.setCapacity': { event: ManagedEventView };
  'setupAudit.list': { records: AuditRecord[]; total: number };
  'reminders.run': { sent: number; refused: number; noCredit: number; failed: number };
  'event.poster': { scene: string; page: string; wxacodeBase64: string | null };
}

export type SetupActions = ActionsOf<SetupInputs, SetupOutputs>;
