/**
 * Schema of the embedded store. Records are kept as JSON documents; the fields that
 * queries filter on or that change atomically live in their own columns and are the
 * truth for those fields.
 */
export const SCHEMA_VERSION = 7;

/**
 * Tables kept WITHOUT ROWID since version 7: the row is its primary key's B-tree, so a visit
 * marker or counter changed at each check-in writes one tree instead of a table, its key index
 * and (visits) a covering index, and distinct people are counted from that tree alone. Stores made
 * before are rebuilt once (rows.ts `migrate`).
 */
export const WITHOUT_ROWID_TABLES = ['visits', 'counters'] as const;

/** A table of one count under a two-part text key (no document); WITHOUT ROWID if listed above. */
function countTable(name: string, key: [string, string], count: string): string {
  const rowid = (WITHOUT_ROWID_TABLES as readonly string[]).includes(name) ? ' WITHOUT ROWID' : '';
  return [
    `CREATE TABLE IF NOT EXISTS ${name} (`,
    ...key.map((column) => `  ${column} TEXT NOT NULL,`),
    `  ${count},`,
    `  PRIMARY KEY (${key.join(', ')})`,
    `)${rowid};`,
  ].join('\n');
}

/**
 * A table that keeps its records as a JSON `doc` beside the given columns (the first is the key),
 * with its indexes (name → indexed columns).
 */
function documentTable(name: string, columns: string[], indexes: Record<string, string> = {}): string {
  return [
    `CREATE TABLE IF NOT EXISTS ${name} (`,
    ...columns.map((column) => `  ${column},`),
    '  doc TEXT NOT NULL',
    ');',
    ...Object.entries(indexes).map(([index, on]) => `CREATE INDEX IF NOT EXISTS ${index} ON ${name} (${on});`),
  ].join('\n');
}

const ID = 'id TEXT PRIMARY KEY';

export const SCHEMA_SQL = [
  'CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);',
  documentTable('campaigns', [ID, 'week_end TEXT NOT NULL']),
  documentTable('orgs', [ID, 'district_id TEXT NOT NULL'], { orgs_by_district: 'district_id' }),
  documentTable('members', ['openid TEXT PRIMARY KEY']),
  documentTable(
    'events',
    [
      ID,
      'campaign_id TEXT NOT NULL',
      'day TEXT NOT NULL',
      'start_at INTEGER NOT NULL',
      'capacity INTEGER',
      'seats_taken INTEGER NOT NULL DEFAULT 0 CHECK (seats_taken >= 0)',
      'waiting_count INTEGER NOT NULL DEFAULT 0 CHECK (waiting_count >= 0)',
      'checked_in INTEGER NOT NULL DEFAULT 0 CHECK (checked_in >= 0)',
      'walk_ins INTEGER NOT NULL DEFAULT 0 CHECK (walk_ins >= 0)',
      'updated_at INTEGER NOT NULL',
    ],
    { events_by_day: 'campaign_id, day, start_at' },
  ),
  documentTable(
    'registrations',
    [
      ID,
      'event_id TEXT NOT NULL',
      'owner_id TEXT',
      'status TEXT NOT NULL',
      'wait_ticket INTEGER',
      'updated_at INTEGER NOT NULL',
    ],
    { registrations_by_owner: 'owner_id', registrations_by_event: 'event_id, status, wait_ticket, id' },
  ),
  documentTable('checkins', [ID, 'event_id TEXT NOT NULL', 'status TEXT NOT NULL'], { checkins_by_event: 'event_id' }),
  documentTable('scan_log', [ID, 'event_id TEXT NOT NULL', 'recorded_at INTEGER NOT NULL'], {
    scan_log_by_event: 'event_id, recorded_at',
  }),
  countTable('counters', ['campaign_id', 'key'], 'value INTEGER NOT NULL'),
  documentTable('ratings', [ID, 'event_id TEXT NOT NULL'], { ratings_by_event: 'event_id' }),
  documentTable('form_profiles', [ID]),
  documentTable('invites', ['code TEXT PRIMARY KEY', 'district_id TEXT NOT NULL', 'created_at INTEGER NOT NULL'], {
    invites_by_district: 'district_id, created_at',
  }),
  documentTable('notices', [ID, 'owner_id TEXT NOT NULL', 'created_at INTEGER NOT NULL'], {
    notices_by_owner: 'owner_id, created_at',
  }),
  documentTable('audit', [ID, 'district_id TEXT NOT NULL', 'at INTEGER NOT NULL'], {
    audit_by_district: 'district_id, at',
  }),
  countTable('credits', ['openid', 'kind'], 'n INTEGER NOT NULL CHECK (n >= 0)'),
  documentTable('reminders', [ID, 'owner_id TEXT NOT NULL', 'at INTEGER NOT NULL'], {
    reminders_by_owner: 'owner_id, at',
  }),
  countTable('visits', ['campaign_id', 'marker'], 'visits INTEGER NOT NULL CHECK (visits >= 0)'),
  documentTable('report_tasks', [ID, 'issuer_org_id TEXT NOT NULL', 'created_at INTEGER NOT NULL'], {
    report_tasks_by_issuer: 'issuer_org_id, created_at',
  }),
  documentTable('report_submissions', [ID, 'task_id TEXT NOT NULL', 'revision INTEGER NOT NULL'], {
    report_submissions_by_task: 'task_id, id',
  }),
].join('\n');

/** Columns added after version 1, for stores created before them: [table, column, definition]. */
export const ADDED_COLUMNS: [string, string, string][] = [
  ['events', 'checked_in', 'INTEGER NOT NULL DEFAULT 0 CHECK (checked_in >= 0)'],
  ['events', 'walk_ins', 'INTEGER NOT NULL DEFAULT 0 CHECK (walk_ins >= 0)'],
];
