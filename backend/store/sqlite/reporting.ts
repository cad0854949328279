/**
 * The SQLite side of the organisation tree above a district and of reporting tasks (see
 * "The organisation tree above a district" in ../port.ts). Parents are read from the JSON
 * documents (`json_extract`): the tree is small and read rarely, so no column is added.
 * `saveSubmission` is one synchronous transaction: read the revision, compare, write.
 */
import type Database from 'better-sqlite3';
import type { Campaign, Org } from '../../../types/domain';
import type { ReportSubmission, ReportTask } from '../../../types/reporting';
import type { ReportingMethods } from '../port';

type Row = { doc: string };
type Prepare = (text: string) => Database.Statement;

export function reportingMethods(
  read: Prepare,
  writer: Database.Database,
  write: <T>(fn: () => T) => Promise<T>,
): ReportingMethods {
  const one = <T>(text: string, ...params: unknown[]): T | null => {
    const row = read(text).get(...params) as Row | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  };
  const all = <T>(text: string, ...params: unknown[]): T[] =>
    (read(text).all(...params) as Row[]).map((r) => JSON.parse(r.doc) as T);
  const putTask = writer.prepare(
    'INSERT OR REPLACE INTO report_tasks (id, issuer_org_id, created_at, doc) VALUES (?, ?, ?, ?)',
  );
  const selectRevision = writer.prepare('SELECT revision FROM report_submissions WHERE id = ?');
  const putSubmission = writer.prepare(
    'INSERT OR REPLACE INTO report_submissions (id, task_id, revision, doc) VALUES (?, ?, ?, ?)',
  );
  const save = writer.transaction((sub: ReportSubmission, expect: number | null) => {
    const row = selectRevision.get(sub.id) as { revision: number } | undefined;
    if ((row?.revision ?? null) !== expect) return false;
    putSubmission.run(sub.id, sub.taskId, sub.revision, JSON.stringify(sub));
    return true;
  });

  return {
    async getOrg(id) {
      return one<Org>('SELECT doc FROM orgs WHERE id = ?', id);
    },
    async listChildOrgs(parentId) {
      return all<Org>("SELECT doc FROM orgs WHERE json_extract(doc, '$.parentId') = ? ORDER BY id", parentId);
    },
    async listCampaignsOfOrg(orgId) {
      return all<Campaign>(
        "SELECT doc FROM campaigns WHERE json_extract(doc, '$.districtId') = ? ORDER BY week_end DESC, id",
        orgId,
      );
    },
    async listChildCampaigns(parentCampaignId) {
      return all<Campaign>(
        "SELECT doc FROM campaigns WHERE json_extract(doc, '$.parentCampaignId') = ? ORDER BY id",
        parentCampaignId,
      );
    },
    putReportTask: (task) =>
      write(() => void putTask.run(task.id, task.issuerOrgId, task.createdAt, JSON.stringify(task))),
    async getReportTask(id) {
      return one<ReportTask>('SELECT doc FROM report_tasks WHERE id = ?', id);
    },
    async listReportTasks(issuerOrgId) {
      return all<ReportTask>(
        'SELECT doc FROM report_tasks WHERE issuer_org_id = ? ORDER BY created_at DESC, id',
        issuerOrgId,
      );
    },
    async getSubmission(id) {
      return one<ReportSubmission>('SELECT doc FROM report_submissions WHERE id = ?', id);
    },
    async listSubmissions(taskId) {
      return all<ReportSubmission>('SELECT doc FROM report_submissions WHERE task_id = ? ORDER BY id', taskId);
    },
    saveSubmission: (sub, expect) => write(() => save(sub, expect)),
  };
}
