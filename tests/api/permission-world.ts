/**
 * The world of the permission matrix (permission-matrix.test.ts): district d1 with street s1 and
 * units u1 (event e1) and u2, a second district d2, one member of each door and organizer role,
 * res-a's sign-up and notice, an invitation, an honour kind with a nomination, and the reporting
 * chain (a city above d1 with a task to its districts, d1's task to its streets).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localUploads } from '../../server/uploads';
import { at } from '../../backend/core/time';
import { aCampaign, anEvent, anOrg, aSignupInput } from '../support/builders';
import { EVALUATION_INPUTS } from '../support/evaluation-inputs';
import { openHarness, type Harness } from '../support/harness';

export interface World {
  h: Harness;
  registrationId: string;
  noticeId: string;
  /** The stamped scan street s1 uploaded with its submission to d1. */
  scanId: string;
}

export async function world(): Promise<World> {
  const h = openHarness(at('2026-11-10', '09:00'));
  h.deps.files = { publish: async (fileName) => ({ url: `/x/${fileName}`, fileId: null, fileName, expiresAt: 0 }) };
  await h.store.putCampaign(aCampaign());
  await h.store.putOrg(anOrg({ id: 'd1', kind: 'district', parentId: null, name: '测试区' }));
  await h.store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1', name: '尧塘街道' }));
  await h.store.putOrg(anOrg({ id: 'u1', parentId: 's1', name: '一号中心' }));
  await h.store.putOrg(anOrg({ id: 'u2', parentId: 's1', name: '二号中心' }));
  await h.store.putOrg(anOrg({ id: 'd2', kind: 'district', parentId: null, districtId: 'd2', name: '邻区' }));
  await h.store.putEvent(anEvent({ id: 'e1', unitId: 'u1', streetId: 's1', capacity: 10 }));
  await h.store.putMember({ openid: 'staff-u1', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '一' });
  await h.store.putMember({ openid: 'staff-u2', role: 'staff', districtId: 'd1', unitIds: ['u2'], name: '二' });
  await h.store.putMember({ openid: 'sup-u1', role: 'supervisor', districtId: 'd1', unitIds: ['u1'], name: '主管' });
  await h.store.putMember({ openid: 'org-d1', role: 'organizer', districtId: 'd1', unitIds: [], name: '区' });
  await h.store.putMember({ openid: 'org-d2', role: 'organizer', districtId: 'd2', unitIds: [], name: '邻' });
  await h.store.putMember({ openid: 'admin-1', role: 'admin', districtId: 'd1', unitIds: [], name: '管理员' });
  const signup = await h.ok('resident', 'signup.create', aSignupInput(), 'res-a');
  await h.store.insertNotice({
    id: 'n-a',
    ownerId: 'res-a',
    eventId: 'e1',
    kind: 'event_changed',
    text: '改期',
    createdAt: 1,
    readAt: null,
  });
  await h.store.insertInvite({
    code: 'ABCD2345',
    districtId: 'd1',
    role: 'staff',
    unitIds: ['u1'],
    name: '新人',
    createdBy: 'org-d1',
    createdAt: 1,
    expiresAt: at('2026-12-01', '00:00'),
    usedBy: null,
    usedAt: null,
    revokedAt: null,
  });
  // Honour kind k1 is the one the matrix's own `honours.saveKind` input describes.
  await h.store.putHonourKind({ ...EVALUATION_INPUTS['honours.saveKind'], id: 'k1', campaignId: 'c1' });
  await h.store.insertNomination({
    id: 'nm1',
    campaignId: 'c1',
    kindId: 'k1',
    orgId: 'u1',
    atOrgId: 'd1',
    nomineeName: '王芳',
    fields: { gender: '女' },
    text: '坚持学习',
    photos: ['/files/p.png'],
    files: [],
    consent: { at: 1, how: '本人签字', publicFields: [], photoPublic: false },
    status: 'submitted',
    history: [{ action: 'submit', orgId: 'u1', by: '一', at: 1, reason: '' }],
    version: 2,
    createdAt: 1,
    updatedAt: 1,
  });
  const scanId = await reportingWorld(h);
  return { h, registrationId: signup.registration.id, noticeId: 'n-a', scanId };
}

/**
 * The reporting chain's part of the world: a city above d1 with a task to its districts, d1's
 * task to its streets with s1's submission in, and a street under d2 so that d2 can issue too.
 */
async function reportingWorld(h: Harness): Promise<string> {
  // The street's stamped scan, uploaded by its organizer 'x' before it submitted.
  const uploads = localUploads(mkdtempSync(join(tmpdir(), 'matrix-uploads-')));
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
  const scanId = uploads.save('x', Uint8Array.from([...png, 0, 0, 5, 0, 0, 0, 2, 0xd0]))?.id ?? '';
  h.deps.uploads = uploads;
  await h.store.putOrg(anOrg({ id: 'city', kind: 'city', parentId: null, districtId: 'city', name: '市' }));
  await h.store.putOrg(anOrg({ id: 'd1', kind: 'district', parentId: 'city', name: '测试区' }));
  await h.store.putOrg(anOrg({ id: 's2', kind: 'street', parentId: 'd2', districtId: 'd2', name: '邻区街道' }));
  const items = [{ kind: 'text' as const, key: 'summary', label: '总结', required: true, minChars: 2, maxChars: 100 }];
  const base = { deadline: '2026-11-23', closesOn: null, campaignId: null, items, preset: null, createdAt: 1 };
  await h.store.putReportTask({
    ...base,
    id: 't-city',
    issuerOrgId: 'city',
    title: '市级总结',
    targetKind: 'district',
    targetOrgIds: ['d1'],
    createdBy: 'x',
  });
  await h.store.putReportTask({
    ...base,
    id: 't-d1',
    issuerOrgId: 'd1',
    title: '街道总结',
    targetKind: 'street',
    targetOrgIds: ['s1'],
    createdBy: 'org-d1',
  });
  await h.store.saveSubmission(
    {
      id: 't-d1_s1',
      taskId: 't-d1',
      orgId: 's1',
      status: 'submitted',
      versions: [
        {
          n: 1,
          answers: {
            summary: { kind: 'text', text: '街道总结' },
            scan: { kind: 'scan', file: { fileId: scanId, name: '盖章.png', mime: 'image/png', size: 24 } },
          },
          submittedAt: 1,
          submittedBy: 'x',
          late: false,
        },
      ],
      returnReason: null,
      decidedAt: null,
      decidedBy: null,
      revision: 1,
    },
    null,
  );
  return scanId;
}
