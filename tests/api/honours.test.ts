/**
 * 评选 through the API: a unit nominates with the honour's form, the level above returns,
 * recommends or approves, quotas hold, and residents see only what the nominee agreed to.
 */
import ExcelJS from 'exceljs';
import type { HonourKind } from '../../types/awards';
import type { Harness } from '../support/harness';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localUploads, type LocalUploads } from '../../server/uploads';
import { PNG_BASE64 } from '../support/evaluation-inputs';
import {
  CITY,
  evaluationWorld,
  ORGANIZER,
  OTHER_ORGANIZER,
  STAFF_U1,
  STAFF_U2,
  writtenFiles,
} from './evaluation-fixtures';

const STORY = '坚持在社区学习中心参加书法与智能手机课程，并带动邻里共同学习。'.repeat(2);

describe('honours', () => {
  let h: Harness;
  let kind: HonourKind;
  let uploads: LocalUploads;
  /** What the phone uploads first (server/uploads.ts): the call then carries only the id. */
  const upload = (base64: string, owner = STAFF_U1) =>
    uploads.save(owner, new Uint8Array(Buffer.from(base64, 'base64')))?.id ?? 'u-AAAAAAAAAAAAAAAAAAAAAA';
  beforeEach(async () => {
    h = await evaluationWorld();
    uploads = localUploads(mkdtempSync(join(tmpdir(), 'honours-uploads-')));
    h.deps.uploads = uploads;
    const { presets } = await h.ok('organizer', 'honours.kinds', {}, ORGANIZER);
    const star = presets.find((p) => p.name === '学习之星')!;
    const { preset: _p, seed: _s, ...config } = star;
    ({ kind } = await h.ok('organizer', 'honours.saveKind', { ...config, textMin: 20, quotaPerOrg: 1 }, ORGANIZER));
  });
  afterEach(() => h.close());

  const form = (patch: Record<string, unknown> = {}) => ({
    kindId: kind.id,
    orgId: 'u1',
    nomineeName: '王芳',
    fields: { gender: '女', birthYear: '1968', occupation: '退休教师', phone: '13912345678' },
    text: STORY,
    photos: ['/files/wang.png'],
    files: [],
    consent: { at: 1_790_000_000_000, how: '本人签字的申报表', publicFields: ['occupation'], photoPublic: false },
    ...patch,
  });

  it('offers the seeds’ kinds as presets', async () => {
    const { presets } = await h.ok('organizer', 'honours.kinds', {}, STAFF_U1);
    expect(presets.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        '学习之星',
        '学习型家庭',
        '学习型组织',
        '优秀志愿者（团队）',
        '百姓学习之星',
        '终身学习品牌项目',
        '示范活动',
        '先进单位',
        '先进个人',
      ]),
    );
  });

  it('goes unit → district → city, with a return on the way, and is published as agreed', async () => {
    const photo = await h.ok('organizer', 'nomination.photo', { orgId: 'u1', fileId: upload(PNG_BASE64) }, STAFF_U1);
    expect(photo.file.fileName).toMatch(/\.png$/);
    let { nomination } = await h.ok('organizer', 'nomination.save', form({ photos: [photo.file.url] }), STAFF_U1);
    expect(nomination).toMatchObject({ status: 'draft', atOrgId: 'u1', version: 1 });
    const act = (action: string, who: string, reason = '') =>
      h.call('organizer', 'nomination.act', { id: nomination.id, action, reason, version: nomination.version }, who);

    ({ nomination } = await h.ok(
      'organizer',
      'nomination.act',
      { id: nomination.id, action: 'submit', reason: '', version: 1 },
      STAFF_U1,
    ));
    // The street has no organizers of its own: the district reviews next.
    expect(nomination).toMatchObject({ status: 'submitted', atOrgId: 'd1' });
    expect(await act('approve', STAFF_U1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await act('approve', CITY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await act('approve', OTHER_ORGANIZER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await act('return', ORGANIZER)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    let result = await act('return', ORGANIZER, '请补充近三年学习情况');
    expect(result).toMatchObject({ ok: true, data: { nomination: { status: 'returned', atOrgId: 'u1' } } });
    nomination = result.ok ? result.data.nomination : nomination;
    ({ nomination } = await h.ok(
      'organizer',
      'nomination.save',
      { ...form({ photos: [photo.file.url] }), id: nomination.id, version: nomination.version },
      STAFF_U1,
    ));
    result = await act('submit', STAFF_U1);
    nomination = result.ok ? result.data.nomination : nomination;
    result = await act('recommend', ORGANIZER);
    expect(result).toMatchObject({ ok: true, data: { nomination: { status: 'recommended', atOrgId: 'cz' } } });
    nomination = result.ok ? result.data.nomination : nomination;
    expect(await act('approve', ORGANIZER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Nothing is published before the decision.
    expect((await h.ok('resident', 'honours.published', {}, null)).honours).toEqual([]);
    result = await act('approve', CITY);
    expect(result).toMatchObject({ ok: true, data: { nomination: { status: 'approved' } } });
    nomination = result.ok ? result.data.nomination : nomination;
    expect(nomination.history.map((s) => s.action)).toEqual(['submit', 'return', 'submit', 'recommend', 'approve']);
    expect(await act('return', CITY, '撤回')).toMatchObject({
      ok: false,
      error: { code: 'NOMINATION_STATE_CONFLICT' },
    });

    // Residents (even anonymous) see the list; only the agreed fields, a masked name, no photo.
    const { honours } = await h.ok('resident', 'honours.published', {}, null);
    expect(honours).toEqual([
      {
        id: nomination.id,
        kindName: '学习之星',
        nomineeName: '王*',
        orgName: '尧塘社区教育中心',
        fields: [{ label: '职业', value: '退休教师' }],
        text: '',
        photos: [],
      },
    ]);
    const shown = JSON.stringify(honours);
    for (const secret of ['13912345678', '1968', '王芳', photo.file.url]) expect(shown).not.toContain(secret);

    // The district's 汇总表: one row per nominee with the notice's columns.
    const { file } = await h.ok('exports', 'honours.export', { kindId: kind.id }, ORGANIZER);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(writtenFiles(h)[file.fileName]) as never);
    const ws = wb.worksheets[0];
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号',
      '推荐单位',
      '姓名',
      '性别',
      '出生年份',
      '职业',
      '事迹简介',
      '状态',
    ]);
    expect((ws.getRow(3).values as unknown[]).slice(1, 7)).toEqual([
      1,
      '尧塘社区教育中心',
      '王芳',
      '女',
      '1968',
      '退休教师',
    ]);
    expect(ws.getRow(4).values).toEqual([]);
  });

  it('shows everything the nominee agreed to show', async () => {
    let { nomination } = await h.ok(
      'organizer',
      'nomination.save',
      form({
        consent: { at: 1_790_000_000_000, how: '签字', publicFields: ['name', 'text', 'gender'], photoPublic: true },
      }),
      STAFF_U1,
    );
    for (const [action, who] of [
      ['submit', STAFF_U1],
      ['approve', ORGANIZER],
    ] as const) {
      ({ nomination } = await h.ok(
        'organizer',
        'nomination.act',
        { id: nomination.id, action, reason: '', version: nomination.version },
        who,
      ));
    }
    const { honours } = await h.ok('resident', 'honours.published', {}, 'openid-resident');
    expect(honours[0]).toMatchObject({
      nomineeName: '王芳',
      text: STORY,
      photos: ['/files/wang.png'],
      fields: [{ label: '性别', value: '女' }],
    });
  });

  it('refuses to submit without consent, photo or the text length, and keeps the quota', async () => {
    const submit = async (id: string, version: number, who = STAFF_U1) =>
      h.call('organizer', 'nomination.act', { id, action: 'submit', reason: '', version }, who);
    const noConsent = (await h.ok('organizer', 'nomination.save', form({ consent: null }), STAFF_U1)).nomination;
    expect(await submit(noConsent.id, 1)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'consent' }] },
    });
    const short = (await h.ok('organizer', 'nomination.save', form({ text: '太短', photos: [] }), STAFF_U1)).nomination;
    const shortResult = await submit(short.id, 1);
    expect(shortResult.ok ? [] : shortResult.error.fields?.map((f) => f.path)).toEqual(['text', 'photos']);
    // Another unit's staff may not submit for u1, nor nominate for it.
    const first = (await h.ok('organizer', 'nomination.save', form(), STAFF_U1)).nomination;
    expect(await submit(first.id, 1, STAFF_U2)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.call('organizer', 'nomination.save', form(), STAFF_U2)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // Quota 1 per org: the second submission is refused until the first is returned.
    const second = (await h.ok('organizer', 'nomination.save', form({ nomineeName: '李华' }), STAFF_U1)).nomination;
    const sent = await submit(first.id, 1);
    expect(sent.ok).toBe(true);
    expect(await submit(second.id, 1)).toMatchObject({ ok: false, error: { code: 'QUOTA_FULL' } });
    await h.ok(
      'organizer',
      'nomination.act',
      { id: first.id, action: 'return', reason: '名额让给李华', version: 2 },
      ORGANIZER,
    );
    expect((await submit(second.id, 1)).ok).toBe(true);
    // A unit's list shows its quota; the district sees submitted ones but not other units' drafts.
    const mine = await h.ok('organizer', 'nominations.list', {}, STAFF_U1);
    expect(mine.nominations.find((r) => r.nomination.id === second.id)?.quotaLeft).toBe(0);
    const district = await h.ok('organizer', 'nominations.list', {}, ORGANIZER);
    expect(district.nominations.map((r) => r.nomination.status).sort()).toEqual(['returned', 'submitted']);
  });

  it('refuses a photo that is not an image', async () => {
    // An upload of another type (an .xlsx, which the upload endpoint accepts) is no photo.
    const workbook = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]).toString('base64');
    expect(
      await h.call('organizer', 'nomination.photo', { orgId: 'u1', fileId: upload(workbook) }, STAFF_U1),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '照片须为 JPG 或 PNG 格式' },
    });
    // Someone else's upload, or none, is not found.
    expect(
      await h.call('organizer', 'nomination.photo', { orgId: 'u1', fileId: upload(PNG_BASE64, 'someone') }, STAFF_U1),
    ).toMatchObject({ ok: false, error: { code: 'UPLOAD_NOT_FOUND' } });
  });
});
