/**
 * Schema of the embedded store. Records are kept as JSON documents; the fields that
 * queries filter on or that change atomically live in their own columns and are the
 * truth for those fields.
 */
export const SCHEMA_VERSION = 7;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS campaigns (
  id TEXT PRIMARY KEY,
  week_end TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS orgs (
  id TEXT PRIMARY KEY,
  district_id TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orgs_by_district ON orgs (district_id);
CREATE TABLE IF NOT EXISTS members (
  openid TEXT PRIMARY KEY,
  doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL,
  day TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  capacity INTEGER,
  seats_taken INTEGER NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
  waiting_count INTEGER NOT NULL DEFAULT 0 CHECK (waiting_count >= 0),
  checked_in INTEGER NOT NULL DEFAULT 0 CHECK (checked_in >= 0),
  walk_ins INTEGER NOT NULL DEFAULT 0 CHECK (walk_ins >= 0),
  updated_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_day ON events (campaign_id, day, start_at);
CREATE TABLE IF NOT EXISTS registrations (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL,
  owner_id TEXT,
  status TEXT NOT NULL,
  wait_ticket INTEGER,
  updated_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS registrations_by_owner ON registrations (owner_id);
CREATE INDEX IF NOT EXISTS registrations_by_event ON registrations (event_id, status, wait_ticket, id);
CREATE TABLE IF NOT EXISTS checkins (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL,
  status TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS checkins_by_event ON checkins (event_id);
CREATE TABLE IF NOT EXISTS scan_log (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS scan_log_by_event ON scan_log (event_id, recorded_at);
CREATE TABLE IF NOT EXISTS counters (
  campaign_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ratings (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ratings_by_event ON ratings (event_id);
CREATE TABLE IF NOT EXISTS form_profiles (
  id TEXT PRIMARY KEY,
  doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS invites (
  code TEXT PRIMARY KEY,
  district_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS invites_by_district ON invites (district_id, created_at);
CREATE TABLE IF NOT EXISTS notices (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notices_by_owner ON notices (owner_id, created_at);
CREATE TABLE IF NOT EXISTS audit (
  id TEXT PRIMARY KEY,
  district_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_district ON audit (district_id, at);
CREATE TABLE IF NOT EXISTS credits (
  openid TEXT NOT NULL,
  kind TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (openid, kind)
);
CREATE TABLE IF NOT EXISTS reminders (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reminders_by_owner ON reminders (owner_id, at);
CREATE TABLE IF NOT EXISTS visits (
  campaign_id TEXT NOT NULL,
  marker TEXT NOT NULL,
  visits INTEGER NOT NULL CHECK (visits >= 0),
  PRIMARY KEY (campaign_id, marker)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS report_tasks (
  id TEXT PRIMARY KEY,
  issuer_org_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS report_tasks_by_issuer ON report_tasks (issuer_org_id, created_at);
CREATE TABLE IF NOT EXISTS report_submissions (
  id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS report_submissions_by_task ON report_submissions (task_id, id);
`;

/**
 * Tables kept WITHOUT ROWID since version 7: the row is its primary key's B-tree, so a visit
 * marker or counter changed at each check-in writes one tree instead of a table, its key index
 * and (visits) a covering index, and distinct people are counted from that tree alone. Stores made
 * before are rebuilt once (rows.ts `migrate`).
 */
export const WITHOUT_ROWID_TABLES = ['visits', 'counters'] as const;

/** Columns added after version 1, for stores created before them: [table, column, definition]. */
export const ADDED_COLUMNS: [string, string, string][] = [
  ['events', 'checked_in', 'INTEGER NOT NULL DEFAULT 0 CHECK (checked_in >= 0)'],
  ['events', 'walk_ins', 'INTEGER NOT NULL DEFAULT 0 CHECK (walk_ins >= 0)'],
];
