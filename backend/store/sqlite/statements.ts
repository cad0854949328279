/**
 * The SQLite adapter's write statements, prepared once on the writer connection (the guarded
 * updates of counters and the document rewrites; inserts of documents go through documents.ts).
 */
import type Database from 'better-sqlite3';

export function prepareWrites(writer: Database.Database) {
  const bumps = new Map<number, Database.Statement>();
  return {
    /** Adds to `n` counters of one campaign in one statement: (campaign, key, delta) × n. */
    bumpCounters(n: number): Database.Statement {
      let statement = bumps.get(n);
      if (!statement) {
        statement = writer.prepare(
          `INSERT INTO counters (campaign_id, key, value) VALUES ${Array.from({ length: n }, () => '(?, ?, ?)').join(', ')}
         ON CONFLICT (campaign_id, key) DO UPDATE SET value = value + excluded.value`,
        );
        bumps.set(n, statement);
      }
      return statement;
    },
    putCampaign: writer.prepare('INSERT OR REPLACE INTO campaigns (id, week_end, doc) VALUES (?, ?, ?)'),
    putOrg: writer.prepare('INSERT OR REPLACE INTO orgs (id, district_id, doc) VALUES (?, ?, ?)'),
    putMember: writer.prepare('INSERT OR REPLACE INTO members (openid, doc) VALUES (?, ?)'),
    putEvent: writer.prepare(
      `INSERT OR REPLACE INTO events (id, campaign_id, day, start_at, capacity, seats_taken, waiting_count,
       checked_in, walk_ins, updated_at, doc)
     VALUES (@id, @campaignId, @day, @startAt, @capacity, @seatsTaken, @waitingCount, @checkedIn, @walkIns,
       @updatedAt, @doc)`,
    ),
    takeSeats: writer.prepare(
      `UPDATE events SET seats_taken = seats_taken + @party
     WHERE id = @id AND capacity = @capacity AND seats_taken <= @maxTakenBefore
       AND (@requireEmpty = 0 OR waiting_count = 0)`,
    ),
    releaseSeats: writer.prepare('UPDATE events SET seats_taken = seats_taken - @party WHERE id = @id'),
    changeWaiting: writer.prepare('UPDATE events SET waiting_count = waiting_count + @delta WHERE id = @id'),
    changeAttendance: writer.prepare(
      'UPDATE events SET checked_in = checked_in + @checkedIn, walk_ins = walk_ins + @walkIns WHERE id = @id',
    ),
    selectCheckinForUpdate: writer.prepare('SELECT doc FROM checkins WHERE id = ?'),
    updateCheckin: writer.prepare('UPDATE checkins SET status = @status, doc = @doc WHERE id = @id'),
    addVisit: writer.prepare(
      `INSERT INTO visits (campaign_id, marker, visits) VALUES (@campaignId, @marker, MAX(@delta, 0))
     ON CONFLICT (campaign_id, marker) DO UPDATE SET visits = MAX(visits + @delta, 0)
     RETURNING visits`,
    ),
    selectEventForUpdate: writer.prepare('SELECT doc FROM events WHERE id = ?'),
    updateEventDoc: writer.prepare('UPDATE events SET day = @day, start_at = @startAt, doc = @doc WHERE id = @id'),
    putFormProfile: writer.prepare('INSERT OR REPLACE INTO form_profiles (id, doc) VALUES (?, ?)'),
    setCapacity: writer.prepare(
      `UPDATE events SET capacity = @capacity
     WHERE id = @id AND (CASE WHEN @capacity IS NULL THEN seats_taken = 0 ELSE seats_taken <= @capacity END)`,
    ),
    selectEventDoc: writer.prepare('SELECT doc FROM events WHERE id = ?'),
    writeEventDoc: writer.prepare('UPDATE events SET doc = ? WHERE id = ?'),
    selectInvite: writer.prepare('SELECT doc FROM invites WHERE code = ?'),
    writeInvite: writer.prepare('UPDATE invites SET doc = ? WHERE code = ?'),
    selectNotice: writer.prepare('SELECT doc FROM notices WHERE id = ?'),
    writeNotice: writer.prepare('UPDATE notices SET doc = ? WHERE id = ?'),
    removeMember: writer.prepare('DELETE FROM members WHERE openid = ?'),
    addCredits: writer.prepare(
      `INSERT INTO credits (openid, kind, n) VALUES (@openid, @kind, @n)
     ON CONFLICT (openid, kind) DO UPDATE SET n = n + @n`,
    ),
    takeCredit: writer.prepare('UPDATE credits SET n = n - 1 WHERE openid = @openid AND kind = @kind AND n > 0'),
    selectRegistrationForUpdate: writer.prepare('SELECT doc FROM registrations WHERE id = ?'),
    updateRegistration: writer.prepare(
      `UPDATE registrations SET owner_id = @ownerId, status = @status, wait_ticket = @waitTicket,
       updated_at = @updatedAt, doc = @doc WHERE id = @id`,
    ),
  };
}
