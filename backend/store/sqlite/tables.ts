/**
 * The document tables of the SQLite store, one line each (documents.ts): which field of a
 * record fills which indexed column; the first column is the key.
 */
import type Database from 'better-sqlite3';
import type {
  AuditRecord,
  Campaign,
  Checkin,
  Invite,
  Member,
  Notice,
  Rating,
  Registration,
  ReminderRecord,
  ScanLogEntry,
} from '../../../types/domain';
import type { FormProfile } from '../../../types/forms';
import { docTable, type Prepare } from './documents';

export function documentTables(writer: Database.Database, read: Prepare) {
  return {
    registrations: docTable<Registration>(writer, read, 'registrations', {
      id: (r) => r.id,
      event_id: (r) => r.eventId,
      owner_id: (r) => r.ownerId,
      status: (r) => r.status,
      wait_ticket: (r) => r.waitTicket,
      updated_at: (r) => r.updatedAt,
    }),
    checkins: docTable<Checkin>(writer, read, 'checkins', {
      id: (c) => c.id,
      event_id: (c) => c.eventId,
      status: (c) => c.status,
    }),
    scanLog: docTable<ScanLogEntry>(writer, read, 'scan_log', {
      id: (e) => e.id,
      event_id: (e) => e.eventId,
      recorded_at: (e) => e.recordedAt,
    }),
    ratings: docTable<Rating>(writer, read, 'ratings', { id: (r) => r.id, event_id: (r) => r.eventId }),
    invites: docTable<Invite>(writer, read, 'invites', {
      code: (i) => i.code,
      district_id: (i) => i.districtId,
      created_at: (i) => i.createdAt,
    }),
    notices: docTable<Notice>(writer, read, 'notices', {
      id: (n) => n.id,
      owner_id: (n) => n.ownerId,
      created_at: (n) => n.createdAt,
    }),
    audit: docTable<AuditRecord>(writer, read, 'audit', {
      id: (a) => a.id,
      district_id: (a) => a.districtId,
      at: (a) => a.at,
    }),
    reminders: docTable<ReminderRecord>(writer, read, 'reminders', {
      id: (r) => r.id,
      owner_id: (r) => r.ownerId,
      at: (r) => r.at,
    }),
    members: docTable<Member>(writer, read, 'members', { openid: (m) => m.openid }),
    formProfiles: docTable<FormProfile>(writer, read, 'form_profiles', { id: (f) => f.id }),
    campaigns: docTable<Campaign>(writer, read, 'campaigns', { id: (c) => c.id }),
  };
}
