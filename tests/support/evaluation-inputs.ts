/**
 * A valid input of every evaluation action, for the permission matrix and the bad-input suite.
 * Ids refer to the matrix world: campaign c1 of district d1, street s1, unit u1, honour kind k1
 * and nomination nm1 (submitted by u1, waiting at d1, version 2).
 */
import type { EvaluationActions, HonourResidentActions } from '../../types/awards-api';

/** The first bytes of a PNG file: enough for the photo check. */
export const PNG_BASE64 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

export const EVALUATION_INPUTS: { [A in keyof EvaluationActions]: EvaluationActions[A]['input'] } = {
  'sampling.draw': { campaignId: 'c1', margin: 0.05, seed: 7 },
  'sampling.view': { campaignId: 'c1' },
  'award.sheets': { campaignId: 'c1' },
  'award.score': { campaignId: 'c1', orgId: 's1', criterion: 'leadership', score: 16, comment: '方案完整', version: 0 },
  'award.evidence': {
    campaignId: 'c1',
    orgId: 's1',
    evidence: [{ title: '活动方案', url: 'https://example.org/plan.pdf' }],
    publicity: [],
    version: 0,
  },
  'award.decide': { campaignId: 'c1', orgId: 's1', decision: 'excellent', version: 0 },
  'honours.kinds': { campaignId: 'c1' },
  'honours.saveKind': {
    campaignId: 'c1',
    name: '学习之星',
    subject: 'person',
    fields: [{ key: 'gender', label: '性别', personal: true }],
    textMin: 1,
    textMax: 500,
    photoRequired: true,
    quotaPerOrg: 2,
    columns: ['gender'],
  },
  'nominations.list': { campaignId: 'c1' },
  'nomination.save': {
    campaignId: 'c1',
    kindId: 'k1',
    orgId: 'u1',
    nomineeName: '王芳',
    fields: { gender: '女' },
    text: '坚持学习',
    photos: ['/files/p.png'],
    files: [],
    consent: { at: 1_800_000_000_000, how: '本人签字', publicFields: ['name'], photoPublic: false },
  },
  'nomination.act': { id: 'nm1', action: 'approve', reason: '', version: 2 },
  'nomination.photo': { orgId: 'u1', fileId: 'u-AAAAAAAAAAAAAAAAAAAAAA' },
};

export const HONOUR_RESIDENT_INPUTS: { [A in keyof HonourResidentActions]: HonourResidentActions[A]['input'] } = {
  'honours.published': { campaignId: 'c1' },
};
