/**
 * F2 (活动项目安排表) exported as a plan imports back cleanly (#11): every row, including an
 * online activity with a typed expected figure, a multi-day activity and one crossing midnight,
 * becomes an event with the same title, venue, times and expected people.
 */
import { at } from '../../backend/core/time';
import { KeptFiles } from '../support/kept-files';
import type { F2Data } from '../../types/forms';
import { anEvent, anOrg } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localUploads, type LocalUploads } from '../../server/uploads';
import { yaotangWorld } from '../support/one-unit';

const ORGANIZER = 'openid-organizer';

describe('F2 round trip', () => {
  let h: Harness;
  let files: KeptFiles;
  let uploads: LocalUploads;
  beforeEach(async () => {
    h = openHarness();
    files = new KeptFiles();
    h.deps.files = files;
    uploads = localUploads(mkdtempSync(join(tmpdir(), 'f2-uploads-')));
    h.deps.uploads = uploads;
    await yaotangWorld(h.store);
    await h.store.putOrg(anOrg({ id: 'u2', parentId: 's1', name: '金城镇社区教育中心' }));
    await h.store.putMember({ openid: ORGANIZER, role: 'organizer', districtId: 'd1', unitIds: [], name: '区' });
    const events = [
      anEvent({
        id: 'talk',
        title: '健康讲座',
        startAt: at('2026-11-15', '09:00'),
        endAt: at('2026-11-15', '11:00'),
        capacity: 40,
      }),
      anEvent({
        id: 'stream',
        title: '网课直播',
        venue: '线上直播',
        startAt: at('2026-11-16', '19:00'),
        endAt: at('2026-11-16', '20:30'),
        capacity: null,
        mode: 'online',
      }),
      anEvent({
        id: 'show',
        title: '书法作品展',
        startAt: at('2026-11-17', '09:00'),
        endAt: at('2026-11-19', '17:00'),
        capacity: null,
      }),
      anEvent({
        id: 'night',
        title: '夜读会',
        startAt: at('2026-11-18', '23:00'),
        endAt: at('2026-11-19', '01:00'),
        capacity: 20,
      }),
    ];
    for (const e of events) await h.store.putEvent(e);
  });
  afterEach(() => h.close());

  it('takes a typed expected figure for an online activity and imports its own export back', async () => {
    await h.ok(
      'organizer',
      'forms.saveProfile',
      { kind: 'F2', orgId: 'u1', fields: {}, expected: { stream: 300 } },
      ORGANIZER,
    );
    const plan = (await h.ok('organizer', 'forms.preview', { kind: 'F2', orgId: 'u1', mode: 'plan' }, ORGANIZER)).form
      .data as F2Data;
    expect(plan.rows.map((r) => [r.title, r.participants.value, r.time])).toEqual([
      ['健康讲座', 40, '11月15日 09:00–11:00'],
      ['网课直播', 300, '11月16日 19:00–20:30'],
      ['书法作品展', 0, '11月17日 09:00–11月19日 17:00'],
      ['夜读会', 20, '11月18日 23:00–次日01:00'],
    ]);
    expect(plan.total.value).toBe(360);

    const file = await h.ok('exports', 'forms.export', { kind: 'F2', orgId: 'u1', mode: 'plan' }, ORGANIZER);
    const fileId = uploads.save(ORGANIZER, new Uint8Array(files.files.get(file.fileName)!))!.id;
    const report = await h.ok('exports', 'events.import', { unitId: 'u2', fileId }, ORGANIZER);
    expect(report.problems).toEqual([]);
    expect(report.created).toHaveLength(4);
    const imported = (await h.store.listEvents('c1')).filter((e) => e.unitId === 'u2');
    expect(imported.map((e) => [e.title, e.venue, e.startAt, e.endAt, e.capacity, e.mode])).toEqual([
      ['健康讲座', '社区教育中心三楼', at('2026-11-15', '09:00'), at('2026-11-15', '11:00'), 40, 'offline'],
      ['网课直播', '线上直播', at('2026-11-16', '19:00'), at('2026-11-16', '20:30'), 300, 'online'],
      ['书法作品展', '社区教育中心三楼', at('2026-11-17', '09:00'), at('2026-11-19', '17:00'), null, 'offline'],
      ['夜读会', '社区教育中心三楼', at('2026-11-18', '23:00'), at('2026-11-19', '01:00'), 20, 'offline'],
    ]);
  });

  it('imports an exported actual F2 back too', async () => {
    const file = await h.ok('exports', 'forms.export', { kind: 'F2', orgId: 'u1', mode: 'actual' }, ORGANIZER);
    const fileId = uploads.save(ORGANIZER, new Uint8Array(files.files.get(file.fileName)!))!.id;
    const report = await h.ok('exports', 'events.import', { unitId: 'u2', fileId }, ORGANIZER);
    expect(report.problems).toEqual([]);
    expect(report.created).toHaveLength(4);
  });
});
