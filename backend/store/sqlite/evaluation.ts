/**
 * Evaluation records on SQLite (see that section of ../port.ts): one table `evaluation`, keyed
 * by (collection, id), with the campaign, the creation time and the version in columns. A
 * versioned replace is one `UPDATE … WHERE version = expected`, so of two reviewers acting on
 * the same version exactly one wins.
 */
import type Database from 'better-sqlite3';
import type { EvaluationSheet, HonourKind, Nomination, SatisfactionSample } from '../../../types/awards';
import { DuplicateKeyError, type EvaluationPort } from '../port';

export const EVALUATION_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS evaluation (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  campaign_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE INDEX IF NOT EXISTS evaluation_by_campaign ON evaluation (collection, campaign_id, created_at);
`;

type EvaluationMethods = EvaluationPort;

interface Connection {
  prepare(text: string): Database.Statement;
}

type Collection = 'samples' | 'sheets' | 'honour_kinds' | 'nominations';

interface Stored {
  id: string;
  campaignId: string;
  version?: number;
}

export function evaluationMethods(
  writer: Database.Database,
  db: () => Connection,
  write: <T>(fn: () => T) => Promise<T>,
): EvaluationMethods {
  writer.exec(EVALUATION_SCHEMA_SQL);
  const insertSql = writer.prepare(
    'INSERT INTO evaluation (collection, id, campaign_id, created_at, version, doc) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const putSql = writer.prepare(
    `INSERT INTO evaluation (collection, id, campaign_id, created_at, version, doc) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc, version = excluded.version`,
  );
  const replaceSql = writer.prepare(
    'UPDATE evaluation SET doc = ?, version = ? WHERE collection = ? AND id = ? AND version = ?',
  );

  const insert = (collection: Collection, value: Stored, createdAt: number) =>
    write(() => {
      try {
        insertSql.run(collection, value.id, value.campaignId, createdAt, value.version ?? 0, JSON.stringify(value));
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateKeyError(value.id);
        throw error;
      }
    });
  const replace = (collection: Collection, value: Stored & { version: number }) =>
    write(
      () => replaceSql.run(JSON.stringify(value), value.version, collection, value.id, value.version - 1).changes === 1,
    );
  async function get<T>(collection: Collection, id: string): Promise<T | null> {
    const row = db().prepare('SELECT doc FROM evaluation WHERE collection = ? AND id = ?').get(collection, id) as
      { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }
  async function list<T>(collection: Collection, campaignId: string, order: 'ASC' | 'DESC'): Promise<T[]> {
    const rows = db()
      .prepare(`SELECT doc FROM evaluation WHERE collection = ? AND campaign_id = ? ORDER BY created_at ${order}, id`)
      .all(collection, campaignId) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as T);
  }

  return {
    insertSample: (sample) => insert('samples', sample, sample.drawnAt),
    getSample: (id) => get<SatisfactionSample>('samples', id),
    listSamples: (campaignId) => list<SatisfactionSample>('samples', campaignId, 'DESC'),
    insertEvaluationSheet: (sheet) => insert('sheets', sheet, sheet.updatedAt),
    replaceEvaluationSheet: (sheet) => replace('sheets', sheet),
    getEvaluationSheet: (id) => get<EvaluationSheet>('sheets', id),
    listEvaluationSheets: (campaignId) => list<EvaluationSheet>('sheets', campaignId, 'ASC'),
    putHonourKind: (kind) =>
      write(() => void putSql.run('honour_kinds', kind.id, kind.campaignId, 0, 0, JSON.stringify(kind))),
    listHonourKinds: (campaignId) => list<HonourKind>('honour_kinds', campaignId, 'ASC'),
    insertNomination: (nomination) => insert('nominations', nomination, nomination.createdAt),
    replaceNomination: (nomination) => replace('nominations', nomination),
    getNomination: (id) => get<Nomination>('nominations', id),
    listNominations: (campaignId) => list<Nomination>('nominations', campaignId, 'ASC'),
  };
}
