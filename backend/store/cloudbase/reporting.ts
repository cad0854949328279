/**
 * The CloudBase side of the organisation tree above a district and of reporting tasks (see
 * ../port.ts).
 *
 * - `orgs` and `campaigns` (main collections): children listed with `where({ parentId })` and
 *   `where({ parentCampaignId })`, by `_id`.
 * - `report_tasks`: `_id` = task id, replaced whole with `doc(id).set(...)`; listed per issuer
 *   newest first.
 * - `report_submissions`: `_id` = `${taskId}_${orgId}`, every version inside the document.
 *   `saveSubmission` with no expected revision is an `add` (a concurrent first submission fails
 *   with DATABASE_DUPLICATE_WRITE → false); otherwise ONE conditional update
 *   `where({ _id, revision }).update(...)`, MongoDB single-document atomic, so of two concurrent
 *   decisions on the same revision exactly one lands. Objects and arrays are written with
 *   `_.set(...)` so that they replace the old value instead of merging into it.
 *
 * Indexes: report_tasks (issuerOrgId, createdAt); report_submissions (taskId, _id); orgs
 * (parentId); campaigns (parentCampaignId). All ADMINONLY like the other collections.
 */
import type { Campaign, Org } from '../../../types/domain';
import type { ReportSubmission, ReportTask } from '../../../types/reporting';
import { DuplicateKeyError, type ReportingMethods } from '../port';
import { firstOrNull, fromDocument, toFields, toNewDocument } from './documents';
import { type Send, readAll } from './operations';
import type { CloudbaseDb, DbFilter, DbUpdate } from './sdk';

export const REPORTING_COLLECTIONS = {
  reportTasks: 'report_tasks',
  reportSubmissions: 'report_submissions',
} as const;

export function reportingMethods(
  db: CloudbaseDb,
  send: Send,
  names: { orgs: string; campaigns: string },
): ReportingMethods {
  const _ = db.command;
  const { reportTasks, reportSubmissions } = REPORTING_COLLECTIONS;

  async function byId<T>(collection: string, id: string): Promise<T | null> {
    const result = await send('read', collection, () => db.collection(collection).doc(id).get());
    return firstOrNull<T>(result.data);
  }

  async function listBy<T>(collection: string, filter: DbFilter, order: [string, 'asc' | 'desc'][]): Promise<T[]> {
    let query = db.collection(collection).where(filter);
    for (const [field, direction] of order) query = query.orderBy(field, direction);
    const docs = await readAll(send, collection, query);
    return docs.map((doc) => fromDocument<T>(doc));
  }

  return {
    getOrg: (id) => byId<Org>(names.orgs, id),
    listChildOrgs: (parentId) => listBy<Org>(names.orgs, { parentId }, [['_id', 'asc']]),
    listCampaignsOfOrg: (districtId) =>
      listBy<Campaign>(names.campaigns, { districtId }, [
        ['weekEnd', 'desc'],
        ['_id', 'asc'],
      ]),
    listChildCampaigns: (parentCampaignId) => listBy<Campaign>(names.campaigns, { parentCampaignId }, [['_id', 'asc']]),
    async putReportTask(task) {
      await send('write', reportTasks, () => db.collection(reportTasks).doc(task.id).set(toFields(task)), task.id);
    },
    getReportTask: (id) => byId<ReportTask>(reportTasks, id),
    listReportTasks: (issuerOrgId) =>
      listBy<ReportTask>(reportTasks, { issuerOrgId }, [
        ['createdAt', 'desc'],
        ['_id', 'asc'],
      ]),
    getSubmission: (id) => byId<ReportSubmission>(reportSubmissions, id),
    listSubmissions: (taskId) => listBy<ReportSubmission>(reportSubmissions, { taskId }, [['_id', 'asc']]),
    async saveSubmission(sub, expect) {
      if (expect === null) {
        try {
          await send(
            'write',
            reportSubmissions,
            () => db.collection(reportSubmissions).add(toNewDocument(sub.id, sub)),
            sub.id,
          );
          return true;
        } catch (error) {
          if (error instanceof DuplicateKeyError) return false;
          throw error;
        }
      }
      const update: DbUpdate = {};
      for (const [key, value] of Object.entries(toFields(sub))) {
        update[key] = typeof value === 'object' && value !== null ? _.set(value) : value;
      }
      const result = await send(
        'write',
        reportSubmissions,
        () => db.collection(reportSubmissions).where({ _id: sub.id, revision: expect }).update(update),
        sub.id,
      );
      return result.updated === 1;
    },
  };
}
