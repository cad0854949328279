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
import { docTable, type Prepare } from './documents';

export function reportingMethods(
  read: Prepare,
  writer: Database.Database,
  write: <T>(fn: () => T) => Promise<T>,
): ReportingMethods {
  // Read here by key and by the documents' fields; written by the main store or below.
  const orgs = docTable<Org>(writer, read, 'orgs', { id: (o) => o.id });
  const campaigns = docTable<Campaign>(writer, read, 'campaigns', { id: (c) => c.id });
  const tasks = docTable<ReportTask>(writer, read, 'report_tasks', { id: (t) => t.id });
  const submissions = docTable<ReportSubmission>(writer, read, 'report_submissions', { id: (s) => s.id });
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
    getOrg: async (id) => orgs.get(id),
    listChildOrgs: async (parentId) => orgs.list("json_extract(doc, '$.parentId') = ? ORDER BY id", parentId),
    listCampaignsOfOrg: async (orgId) =>
      campaigns.list("json_extract(doc, '$.districtId') = ? ORDER BY week_end DESC, id", orgId),
    listChildCampaigns: async (parentCampaignId) =>
      campaigns.list("json_extract(doc, '$.parentCampaignId') = ? ORDER BY id", parentCampaignId),
    putReportTask: (task) =>
      write(() => void putTask.run(task.id, task.issuerOrgId, task.createdAt, JSON.stringify(task))),
    getReportTask: async (id) => tasks.get(id),
    listReportTasks: async (issuerOrgId) => tasks.list('issuer_org_id = ? ORDER BY created_at DESC, id', issuerOrgId),
    getSubmission: async (id) => submissions.get(id),
    listSubmissions: async (taskId) => submissions.list('task_id = ? ORDER BY id', taskId),
    saveSubmission: (sub, expect) => write(() => save(sub, expect)),
  };
}
