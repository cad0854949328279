import type { HonourKind, Nomination } from '../../types/awards';
import { ancestorsOf, nominationProblems, publicView, quotaLeft, transition } from '../../backend/core/honours';
import { judgedTotal, scoreSheet, blankSheet } from '../../backend/core/award';

const kind: HonourKind = {
  id: 'k',
  campaignId: 'c',
  name: '学习之星',
  subject: 'person',
  fields: [
    { key: 'phone', label: '联系电话', personal: true },
    { key: 'title', label: '称号', personal: false },
  ],
  textMin: 5,
  textMax: 10,
  photoRequired: true,
  quotaPerOrg: 2,
  columns: ['title'],
};

const nomination = (patch: Partial<Nomination> = {}): Nomination => ({
  id: 'n',
  campaignId: 'c',
  kindId: 'k',
  orgId: 'u1',
  atOrgId: 'u1',
  nomineeName: '王芳',
  fields: { phone: '13912345678', title: '书法班班长' },
  text: '一二三四五六',
  photos: ['/p.png'],
  files: [],
  consent: { at: 1, how: '签字', publicFields: [], photoPublic: false },
  status: 'draft',
  history: [],
  version: 1,
  createdAt: 1,
  updatedAt: 1,
  ...patch,
});

describe('nomination form rules', () => {
  it('counts characters, not UTF-16 units, for the text length', () => {
    expect(nominationProblems(kind, nomination({ text: '𠀀𠀀𠀀𠀀𠀀' }))).toEqual([]);
    expect(nominationProblems(kind, nomination({ text: '一二三四' })).map((p) => p.path)).toEqual(['text']);
    expect(nominationProblems(kind, nomination({ text: '一'.repeat(11) })).map((p) => p.path)).toEqual(['text']);
  });

  it('needs every field, a photo and, for a private person, consent', () => {
    const problems = nominationProblems(
      kind,
      nomination({ nomineeName: ' ', fields: { phone: '' }, photos: [], consent: null }),
    ).map((p) => p.path);
    expect(problems).toEqual(['nomineeName', 'fields.phone', 'fields.title', 'photos', 'consent']);
    expect(nominationProblems({ ...kind, subject: 'organisation' }, nomination({ consent: null }))).toEqual([]);
  });
});

describe('quota', () => {
  it('counts what the org sent of this kind, not drafts, returns or other orgs', () => {
    const list = [
      nomination({ id: 'a', status: 'submitted' }),
      nomination({ id: 'b', status: 'approved' }),
      nomination({ id: 'c', status: 'returned' }),
      nomination({ id: 'd', status: 'draft' }),
      nomination({ id: 'e', status: 'submitted', orgId: 'u2' }),
      nomination({ id: 'f', status: 'submitted', kindId: 'other' }),
    ];
    expect(quotaLeft(kind, list, 'u1')).toBe(0);
    expect(quotaLeft(kind, list, 'u1', 'a')).toBe(1);
    expect(quotaLeft(kind, list, 'u2')).toBe(1);
    expect(quotaLeft({ ...kind, quotaPerOrg: null }, list, 'u1')).toBeNull();
  });
});

describe('review chain', () => {
  it('walks parentId upward and stops at a cycle', () => {
    const orgs = [
      { id: 'u1', parentId: 's1' },
      { id: 's1', parentId: 'd1' },
      { id: 'd1', parentId: 'cz' },
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ];
    expect(ancestorsOf(orgs, 'u1')).toEqual(['s1', 'd1', 'cz']);
    expect(ancestorsOf(orgs, 'x')).toEqual(['y', 'x']);
  });

  it('moves submit → recommend → approve, each by the level where it sits', () => {
    const step = (actorOrgId: string, nextOrgId: string | null) => ({
      actorOrgId,
      nextOrgId,
      by: 'p',
      at: 5,
      reason: '',
    });
    const submitted = transition(nomination(), 'submit', step('u1', 'd1'));
    expect(submitted).toMatchObject({ status: 'submitted', atOrgId: 'd1', version: 2 });
    expect(() => transition(submitted, 'approve', step('u1', 'd1'))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    const recommended = transition(submitted, 'recommend', step('d1', 'cz'));
    expect(recommended).toMatchObject({ status: 'recommended', atOrgId: 'cz' });
    expect(() => transition(recommended, 'recommend', step('cz', null))).toThrow(
      expect.objectContaining({ code: 'NOMINATION_STATE_CONFLICT' }),
    );
    const approved = transition(recommended, 'approve', step('cz', null));
    expect(approved).toMatchObject({ status: 'approved', atOrgId: 'cz', version: 4 });
    expect(approved.history.map((h) => `${h.action}@${h.orgId}`)).toEqual(['submit@u1', 'recommend@d1', 'approve@cz']);
    expect(() => transition(approved, 'return', { ...step('cz', null), reason: 'x' })).toThrow(
      expect.objectContaining({ code: 'NOMINATION_STATE_CONFLICT' }),
    );
  });

  it('returns to the unit only with a reason', () => {
    const submitted = transition(nomination(), 'submit', {
      actorOrgId: 'u1',
      nextOrgId: 'd1',
      by: 'p',
      at: 5,
      reason: '',
    });
    expect(() =>
      transition(submitted, 'return', { actorOrgId: 'd1', nextOrgId: 'cz', by: 'q', at: 6, reason: '  ' }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    const back = transition(submitted, 'return', {
      actorOrgId: 'd1',
      nextOrgId: 'cz',
      by: 'q',
      at: 6,
      reason: ' 补材料 ',
    });
    expect(back).toMatchObject({ status: 'returned', atOrgId: 'u1' });
    expect(back.history[1].reason).toBe('补材料');
  });
});

describe('what residents see', () => {
  it('shows a private person only as agreed; an organisation in full', () => {
    expect(publicView(nomination(), kind, '尧塘中心')).toEqual({
      id: 'n',
      kindName: '学习之星',
      nomineeName: '王*',
      orgName: '尧塘中心',
      fields: [{ label: '称号', value: '书法班班长' }],
      text: '',
      photos: [],
    });
    const agreed = nomination({
      consent: { at: 1, how: '签字', publicFields: ['name', 'text', 'phone'], photoPublic: true },
    });
    expect(publicView(agreed, kind, '尧塘中心')).toMatchObject({
      nomineeName: '王芳',
      text: '一二三四五六',
      photos: ['/p.png'],
      fields: [
        { label: '联系电话', value: '13912345678' },
        { label: '称号', value: '书法班班长' },
      ],
    });
    const org = publicView(nomination({ consent: null }), { ...kind, subject: 'organisation' }, '尧塘中心');
    expect(org).toMatchObject({ nomineeName: '王芳', text: '一二三四五六', photos: ['/p.png'] });
  });
});

describe('award sheet scores', () => {
  it('takes whole scores 0–20 and totals the judged criteria', () => {
    const sheet = blankSheet('c', 's1', 1);
    const a = scoreSheet(sheet, 'leadership', 18, ' 好 ', 'p', 2);
    const b = scoreSheet(a, 'publicity', 15, '', 'p', 3);
    expect(judgedTotal(b)).toBe(33);
    expect(b).toMatchObject({ version: 2, scores: { leadership: { comment: '好' } } });
    for (const bad of [-1, 21, 1.5]) {
      expect(() => scoreSheet(sheet, 'leadership', bad, '', 'p', 2)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
  });
});
