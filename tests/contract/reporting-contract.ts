/**
 * The store contract of the organisation tree above a district and of reporting tasks; run on
 * every adapter from store-contract.ts.
 */
import type { Store } from '../../backend/store/port';
import type { ReportSubmission, ReportTask } from '../../types/reporting';
import { aCampaign, anOrg } from '../support/builders';

const task = (id: string, issuerOrgId: string, createdAt: number): ReportTask => ({
  id,
  issuerOrgId,
  title: '活动总结',
  deadline: '2026-11-23',
  closesOn: null,
  campaignId: 'cz',
  targetKind: 'district',
  targetOrgIds: ['d1', 'd2'],
  items: [{ kind: 'text', key: 'summary', label: '活动总结', required: true, minChars: 10, maxChars: 100 }],
  preset: null,
  createdAt,
  createdBy: 'o-city',
});

const submission = (revision: number, status: ReportSubmission['status']): ReportSubmission => ({
  id: 't1_d1',
  taskId: 't1',
  orgId: 'd1',
  status,
  versions: Array.from({ length: revision }, (_, i) => ({
    n: i + 1,
    answers: { summary: { kind: 'text' as const, text: `第${i + 1}版总结` } },
    submittedAt: 1000 + i,
    submittedBy: 'o-d1',
    late: false,
  })),
  returnReason: status === 'returned' ? '照片不清楚' : null,
  decidedAt: null,
  decidedBy: null,
  revision,
});

export function runReportingContract(store: () => Store): void {
  it('finds an org by id and the orgs hanging below another', async () => {
    await store().putOrg(anOrg({ id: 'city', kind: 'city', parentId: null, districtId: 'city' }));
    await store().putOrg(anOrg({ id: 'd2', kind: 'district', parentId: 'city', districtId: 'd2' }));
    await store().putOrg(anOrg({ id: 'd1', kind: 'district', parentId: 'city', districtId: 'd1' }));
    await store().putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1', districtId: 'd1' }));
    expect((await store().getOrg('d1'))?.parentId).toBe('city');
    expect(await store().getOrg('missing')).toBeNull();
    expect((await store().listChildOrgs('city')).map((o) => o.id)).toEqual(['d1', 'd2']);
    expect((await store().listChildOrgs('s1')).map((o) => o.id)).toEqual([]);
  });

  it('lists the campaigns that joined a campaign', async () => {
    await store().putCampaign(aCampaign({ id: 'cz', districtId: 'city' }));
    await store().putCampaign(aCampaign({ id: 'jt', districtId: 'd1', parentCampaignId: 'cz' }));
    await store().putCampaign(aCampaign({ id: 'ly', districtId: 'd2', parentCampaignId: 'cz' }));
    await store().putCampaign(aCampaign({ id: 'other', districtId: 'd3' }));
    expect((await store().listChildCampaigns('cz')).map((c) => c.id)).toEqual(['jt', 'ly']);
    expect(await store().listChildCampaigns('other')).toEqual([]);
    await store().putCampaign(aCampaign({ id: 'jt-old', districtId: 'd1', weekEnd: '2025-11-20' }));
    expect((await store().listCampaignsOfOrg('d1')).map((c) => c.id)).toEqual(['jt', 'jt-old']);
    expect(await store().listCampaignsOfOrg('nobody')).toEqual([]);
  });

  it('keeps tasks per issuer, newest first', async () => {
    await store().putReportTask(task('t1', 'city', 100));
    await store().putReportTask(task('t2', 'city', 200));
    await store().putReportTask(task('t3', 'province', 300));
    expect((await store().listReportTasks('city')).map((t) => t.id)).toEqual(['t2', 't1']);
    expect(await store().getReportTask('t1')).toEqual(task('t1', 'city', 100));
    expect(await store().getReportTask('nope')).toBeNull();
  });

  it('writes a submission only at the revision the caller read, keeping every version', async () => {
    expect(await store().saveSubmission(submission(1, 'submitted'), null)).toBe(true);
    // A second first submission (a concurrent one) is refused.
    expect(await store().saveSubmission(submission(1, 'submitted'), null)).toBe(false);
    // A decision made on a stale revision is refused; on the current one it lands.
    expect(await store().saveSubmission(submission(2, 'returned'), 0)).toBe(false);
    expect(await store().saveSubmission(submission(2, 'returned'), 1)).toBe(true);
    expect(await store().saveSubmission(submission(3, 'submitted'), 1)).toBe(false);
    const stored = await store().getSubmission('t1_d1');
    expect(stored).toEqual(submission(2, 'returned'));
    expect(stored?.versions.map((v) => v.n)).toEqual([1, 2]);
    expect((await store().listSubmissions('t1')).map((s) => s.id)).toEqual(['t1_d1']);
    expect(await store().listSubmissions('t9')).toEqual([]);
  });
}
