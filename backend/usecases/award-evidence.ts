/**
 * Reads what the orgs of the level below handed in to the evaluating org through the reporting
 * chain, as evidence for 领导重视、保障有力 and 宣传有力 (core/award-evidence.ts). Read only:
 * the tasks the evaluating org issued and their submissions, through the store.
 */
import { evidenceOf, mergeEvidence, type EvidenceByCriterion } from '../core/award-evidence';
import type { Deps } from './context';

/** The evidence of each of `orgIds` in the tasks `issuerOrgId` issued (empty where none). */
export async function submittedEvidence(
  deps: Deps,
  issuerOrgId: string,
  orgIds: readonly string[],
): Promise<Map<string, EvidenceByCriterion>> {
  const found = new Map<string, EvidenceByCriterion>(orgIds.map((id) => [id, { leadership: [], publicity: [] }]));
  for (const task of await deps.store.listReportTasks(issuerOrgId)) {
    if (!task.targetOrgIds.some((id) => found.has(id))) continue;
    for (const submission of await deps.store.listSubmissions(task.id)) {
      const sofar = found.get(submission.orgId);
      if (sofar) found.set(submission.orgId, mergeEvidence([sofar, evidenceOf(task, submission)]));
    }
  }
  return found;
}
