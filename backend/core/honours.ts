/**
 * Honours (评选): the kinds the seeds name, the nomination form's rules, quotas, the review
 * chain's transitions and what residents may see of a nominee. Pure.
 *
 * Review chain: a nomination starts at its unit; each step up goes to the nearest ancestor
 * (by `parentId`) that has reviewers, i.e. organizers bound to that org (the use case says
 * which orgs do). There it is returned with a reason, recommended further up, or approved.
 */
import type {
  HonourField,
  HonourKind,
  HonourSubject,
  Nomination,
  NominationStep,
  NomineeConsent,
  PublishedHonour,
} from '../../types/awards';
import type { Org } from '../../types/domain';
import { DomainError, fail } from './errors';
import { maskName } from './registration';

/** Subjects that are private people: their nomination needs their recorded consent. */
export const PRIVATE_SUBJECTS: ReadonlySet<HonourSubject> = new Set(['person', 'family', 'volunteer']);

const field = (key: string, label: string, personal = false): HonourField => ({ key, label, personal });
const PERSON_FIELDS = [
  field('gender', '性别', true),
  field('birthYear', '出生年份', true),
  field('occupation', '职业', true),
  field('phone', '联系电话', true),
];
const ORG_FIELDS = [field('contact', '联系人'), field('phone', '联系电话')];

export type HonourPreset = Omit<HonourKind, 'id' | 'campaignId'> & { preset: string; seed: string };

/** The rules of an organisation's honour (学习型组织, 先进单位): its contact, 300–2000 characters, one a unit. */
const ORGANISATION_RULES = {
  subject: 'organisation',
  fields: ORG_FIELDS,
  textMin: 300,
  textMax: 2000,
  photoRequired: false,
  quotaPerOrg: 1,
  columns: ['contact'],
} as const satisfies Partial<HonourPreset>;

/** The kinds the seeds' notices name, as presets for a campaign's configuration. */
export const HONOUR_PRESETS: readonly HonourPreset[] = [
  {
    preset: 'learning_star',
    seed: '000 金坛',
    name: '学习之星',
    subject: 'person',
    fields: PERSON_FIELDS,
    textMin: 200,
    textMax: 1500,
    photoRequired: true,
    quotaPerOrg: 2,
    columns: ['gender', 'birthYear', 'occupation'],
  },
  {
    preset: 'learning_family',
    seed: '000 金坛',
    name: '学习型家庭',
    subject: 'family',
    fields: [field('members', '家庭成员', true), field('address', '住址', true), field('phone', '联系电话', true)],
    textMin: 200,
    textMax: 1500,
    photoRequired: true,
    quotaPerOrg: 1,
    columns: ['members'],
  },
  {
    preset: 'learning_org',
    seed: '000 金坛',
    name: '学习型组织',
    ...ORGANISATION_RULES,
  },
  {
    preset: 'volunteer',
    seed: '000 金坛',
    name: '优秀志愿者（团队）',
    subject: 'volunteer',
    fields: [...PERSON_FIELDS, field('team', '所属团队')],
    textMin: 200,
    textMax: 1500,
    photoRequired: true,
    quotaPerOrg: 2,
    columns: ['team', 'gender'],
  },
  {
    preset: 'citizen_star',
    seed: '003 南昌',
    name: '百姓学习之星',
    subject: 'person',
    fields: PERSON_FIELDS,
    textMin: 500,
    textMax: 1500,
    photoRequired: true,
    quotaPerOrg: 1,
    columns: ['gender', 'birthYear', 'occupation'],
  },
  {
    preset: 'brand',
    seed: '003 南昌',
    name: '终身学习品牌项目',
    subject: 'brand',
    fields: [...ORG_FIELDS, field('since', '创办时间')],
    textMin: 500,
    textMax: 3000,
    photoRequired: false,
    quotaPerOrg: 1,
    columns: ['since', 'contact'],
  },
  {
    preset: 'model_activity',
    seed: '004 吉林',
    name: '示范活动',
    subject: 'activity',
    fields: [field('day', '活动时间'), field('venue', '活动地点'), field('participants', '参与人数')],
    textMin: 100,
    textMax: 800,
    photoRequired: true,
    quotaPerOrg: null,
    columns: ['day', 'venue', 'participants'],
  },
  {
    preset: 'advanced_unit',
    seed: '004 吉林',
    name: '先进单位',
    ...ORGANISATION_RULES,
  },
  {
    preset: 'advanced_person',
    seed: '004 吉林',
    name: '先进个人',
    subject: 'person',
    fields: [...PERSON_FIELDS, field('position', '职务')],
    textMin: 300,
    textMax: 1500,
    photoRequired: true,
    quotaPerOrg: 1,
    columns: ['position', 'gender'],
  },
];

export interface NominationDraft {
  nomineeName: string;
  fields: Record<string, string>;
  text: string;
  photos: readonly string[];
  consent: NomineeConsent | null;
}

/** The form's problems, by field path (empty: the nomination may be submitted). */
export function nominationProblems(kind: HonourKind, draft: NominationDraft): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!draft.nomineeName.trim()) problems.push({ path: 'nomineeName', message: '请填写被推荐对象名称' });
  for (const f of kind.fields) {
    if (!draft.fields[f.key]?.trim()) problems.push({ path: `fields.${f.key}`, message: `请填写${f.label}` });
  }
  const length = [...draft.text.trim()].length;
  if (length < kind.textMin || length > kind.textMax) {
    problems.push({ path: 'text', message: `事迹材料应为${kind.textMin}–${kind.textMax}字（现${length}字）` });
  }
  if (kind.photoRequired && draft.photos.length === 0) problems.push({ path: 'photos', message: '请上传照片' });
  if (PRIVATE_SUBJECTS.has(kind.subject) && !draft.consent) {
    problems.push({ path: 'consent', message: '推荐个人须先取得本人同意并记录' });
  }
  return problems;
}

/** Statuses that use a place of the org's quota. */
const COUNTED: ReadonlySet<Nomination['status']> = new Set(['submitted', 'recommended', 'approved']);

/** Places of the quota the org has left for this kind (null: no quota). */
export function quotaLeft(
  kind: HonourKind,
  nominations: readonly Pick<Nomination, 'kindId' | 'orgId' | 'status' | 'id'>[],
  orgId: string,
  except?: string,
): number | null {
  if (kind.quotaPerOrg === null) return null;
  const used = nominations.filter(
    (n) => n.kindId === kind.id && n.orgId === orgId && n.id !== except && COUNTED.has(n.status),
  ).length;
  return Math.max(0, kind.quotaPerOrg - used);
}

/** The orgs above `orgId`, nearest first (stops at an org not in the list or a cycle). */
export function ancestorsOf(orgs: readonly Pick<Org, 'id' | 'parentId'>[], orgId: string): string[] {
  const parent = new Map(orgs.map((o) => [o.id, o.parentId]));
  const chain: string[] = [];
  let next = parent.get(orgId) ?? null;
  while (next && !chain.includes(next)) {
    chain.push(next);
    next = parent.get(next) ?? null;
  }
  return chain;
}

export type ReviewAction = 'submit' | 'return' | 'recommend' | 'approve';

/**
 * The nomination after `action` by a reviewer acting for `actorOrgId`. `nextOrgId` is the
 * reviewing level above the one acting (null at the top). Throws a DomainError for a step the
 * nomination's state does not allow.
 */
export function transition(
  nomination: Nomination,
  action: ReviewAction,
  step: { actorOrgId: string; nextOrgId: string | null; by: string; at: number; reason: string },
): Nomination {
  const conflict = (message: string): never => {
    throw new DomainError('NOMINATION_STATE_CONFLICT', message);
  };
  const open = nomination.status === 'submitted' || nomination.status === 'recommended';
  if (action === 'submit') {
    if (nomination.status !== 'draft' && nomination.status !== 'returned') conflict('该推荐已报送');
    if (step.actorOrgId !== nomination.orgId) fail('FORBIDDEN', '只能由推荐单位报送');
  } else {
    if (!open) conflict(nomination.status === 'approved' ? '该推荐已审定' : '该推荐尚未报送');
    if (step.actorOrgId !== nomination.atOrgId) fail('FORBIDDEN', '该推荐不在本级审核');
  }
  if (action === 'return' && !step.reason.trim()) fail('VALIDATION_FAILED', '退回须说明理由');
  if ((action === 'submit' || action === 'recommend') && !step.nextOrgId) conflict('没有上一级可以报送');
  const status: Nomination['status'] = {
    submit: 'submitted' as const,
    return: 'returned' as const,
    recommend: 'recommended' as const,
    approve: 'approved' as const,
  }[action];
  const atOrgId =
    action === 'submit' || action === 'recommend'
      ? (step.nextOrgId as string)
      : action === 'return'
        ? nomination.orgId
        : nomination.atOrgId;
  const entry: NominationStep = {
    action,
    orgId: step.actorOrgId,
    by: step.by,
    at: step.at,
    reason: step.reason.trim(),
  };
  return {
    ...nomination,
    status,
    atOrgId,
    history: [...nomination.history, entry],
    version: nomination.version + 1,
    updatedAt: step.at,
  };
}

/** What residents see of an approved nomination: no more than the nominee agreed to. */
export function publicView(n: Nomination, kind: HonourKind, orgName: string): PublishedHonour {
  const isPrivate = PRIVATE_SUBJECTS.has(kind.subject);
  const agreed = new Set(n.consent?.publicFields ?? []);
  const shows = (key: string, personal: boolean) => !isPrivate || !personal || agreed.has(key);
  return {
    id: n.id,
    kindName: kind.name,
    nomineeName: shows('name', true) ? n.nomineeName : maskName(n.nomineeName),
    orgName,
    fields: kind.fields
      .filter((f) => shows(f.key, f.personal) && n.fields[f.key])
      .map((f) => ({ label: f.label, value: n.fields[f.key] })),
    text: shows('text', true) ? n.text : '',
    photos: !isPrivate || n.consent?.photoPublic ? n.photos : [],
  };
}
