/**
 * The store contract of evaluation records (satisfaction samples, evaluation sheets, honour kinds, nominations); run on every adapter from store-contract.ts.
 */
import type { Store } from '../../backend/store/port';
import type { EvaluationSheet, HonourKind, Nomination, SatisfactionSample } from '../../types/awards';
import { DuplicateKeyError } from '../../backend/store/port';

export function runEvaluationContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  const sample = (id: string, drawnAt: number, campaignId = 'c1'): SatisfactionSample => ({
    id,
    campaignId,
    districtId: 'd1',
    margin: 0.05,
    seed: 42,
    population: 3,
    strata: [{ key: 'e1', population: 3, allocated: 2 }],
    drawn: ['r1', 'r3'],
    drawnAt,
    drawnBy: '凌老师',
    notified: 2,
  });
  const sheet = (version: number, patch: Partial<EvaluationSheet> = {}): EvaluationSheet => ({
    id: 'c1|s1',
    campaignId: 'c1',
    orgId: 's1',
    evidence: [{ title: '活动方案', url: 'https://example.org/plan.pdf' }],
    publicity: [],
    scores: {},
    decision: null,
    decidedBy: null,
    decidedAt: null,
    version,
    updatedAt: 1000 + version,
    ...patch,
  });
  const nomination = (version: number, patch: Partial<Nomination> = {}): Nomination => ({
    id: 'n1',
    campaignId: 'c1',
    kindId: 'k1',
    orgId: 'u1',
    atOrgId: 'u1',
    nomineeName: '王芳',
    fields: { age: '56' },
    text: '事迹',
    photos: ['p1.jpg'],
    files: [],
    consent: null,
    status: 'draft',
    history: [],
    version,
    createdAt: 5,
    updatedAt: 5,
    ...patch,
  });

  it('keeps samples once, newest first, per campaign', async () => {
    await store.insertSample(sample('s-old', 1));
    await store.insertSample(sample('s-new', 2));
    await store.insertSample(sample('s-other', 3, 'c2'));
    await expect(store.insertSample(sample('s-old', 9))).rejects.toBeInstanceOf(DuplicateKeyError);
    expect((await store.listSamples('c1')).map((s) => s.id)).toEqual(['s-new', 's-old']);
    expect(await store.getSample('s-old')).toEqual(sample('s-old', 1));
    expect(await store.getSample('missing')).toBeNull();
  });

  it('replaces a sheet only from the version it read, whole', async () => {
    await store.insertEvaluationSheet(
      sheet(1, { scores: { leadership: { score: 15, comment: '好', by: 'a', at: 1 } } }),
    );
    await expect(store.insertEvaluationSheet(sheet(1))).rejects.toBeInstanceOf(DuplicateKeyError);
    const next = sheet(2, { evidence: [], scores: { publicity: { score: 18, comment: '', by: 'b', at: 2 } } });
    expect(await store.replaceEvaluationSheet(next)).toBe(true);
    expect(await store.replaceEvaluationSheet(sheet(2, { decision: 'none' }))).toBe(false);
    expect(await store.getEvaluationSheet('c1|s1')).toEqual(next);
    expect(await store.listEvaluationSheets('c1')).toEqual([next]);
    expect(await store.listEvaluationSheets('c2')).toEqual([]);
  });

  it('keeps honour kinds per campaign, replaced by id', async () => {
    const kind: HonourKind = {
      id: 'k1',
      campaignId: 'c1',
      name: '学习之星',
      subject: 'person',
      fields: [{ key: 'age', label: '年龄', personal: true }],
      textMin: 10,
      textMax: 1500,
      photoRequired: true,
      quotaPerOrg: 2,
      columns: ['age'],
    };
    await store.putHonourKind(kind);
    await store.putHonourKind({ ...kind, quotaPerOrg: 3 });
    expect(await store.listHonourKinds('c1')).toEqual([{ ...kind, quotaPerOrg: 3 }]);
    expect(await store.listHonourKinds('c2')).toEqual([]);
  });

  it('moves a nomination on only from the version it read', async () => {
    await store.insertNomination(nomination(1));
    await expect(store.insertNomination(nomination(1))).rejects.toBeInstanceOf(DuplicateKeyError);
    const submitted = nomination(2, {
      status: 'submitted',
      atOrgId: 's1',
      photos: [],
      history: [{ action: 'submit', orgId: 'u1', by: 'x', at: 6, reason: '' }],
    });
    const [a, b] = await Promise.all([
      store.replaceNomination(submitted),
      store.replaceNomination(nomination(2, { status: 'draft' })),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await store.getNomination('n1')).toEqual(a ? submitted : nomination(2, { status: 'draft' }));
    expect((await store.listNominations('c1')).map((n) => n.id)).toEqual(['n1']);
    expect(await store.getNomination('missing')).toBeNull();
  });
}
