/**
 * Every action of every function × every kind of caller, against an access table written out
 * by hand below (EXPECTED), one line per action, independent of the table the edge enforces
 * (backend/api/permissions.ts). Any difference fails, in either direction.
 */
import { PERMISSIONS } from '../../backend/api/permissions';
import type { ErrorCode, FunctionName } from '../../types/api';
import { at } from '../../backend/core/time';
import { world, type World } from './permission-world';
import { anEventInput } from '../support/builders';
import { EVALUATION_INPUTS, HONOUR_RESIDENT_INPUTS } from '../support/evaluation-inputs';

/** The callers, in the column order of EXPECTED. */
const ACTORS = {
  anonymous: null,
  /** The resident who owns the registration and the notice in the world below. */
  resident: 'res-a',
  otherResident: 'res-b',
  /** Staff of unit u1, which holds event e1. */
  unitStaff: 'staff-u1',
  /** Staff of unit u2, same street and district. */
  otherUnitStaff: 'staff-u2',
  /** Supervisor of unit u1. */
  unitSupervisor: 'sup-u1',
  /** Organizer of district d1, the campaign's district. */
  organizer: 'org-d1',
  /** Organizer of another district, d2. */
  otherOrganizer: 'org-d2',
  admin: 'admin-1',
} as const satisfies Record<string, string | null>;
type Actor = keyof typeof ACTORS;
const COLUMNS = Object.keys(ACTORS) as Actor[];

/**
 * ok: allowed (it succeeds, or fails for a business reason that is not a refusal).
 * Refusals: U = UNAUTHENTICATED, F = FORBIDDEN, NF = REGISTRATION_NOT_FOUND (someone else's
 * registration reads as missing), VF = VALIDATION_FAILED (another district's organisation,
 * member or the notice of someone else reads as not one of yours), INF = INVITE_NOT_FOUND,
 * RN = REPORT_NOT_YOUR_ORG (submitting for another org).
 */
const ok = 'ok';
const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const NF = 'REGISTRATION_NOT_FOUND';
const VF = 'VALIDATION_FAILED';
const INF = 'INVITE_NOT_FOUND';
const RN = 'REPORT_NOT_YOUR_ORG';
type Cell = typeof ok | ErrorCode;

// prettier-ignore
const EXPECTED: Record<string, readonly Cell[]> = {
  //                              anon  res  other  staff1 staff2 sup1 org1 org2  admin
  // Public reads: anyone, signed in or not.
  'resident/system.ping':          [ok,  ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  'resident/me.get':               [ok,  ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  'resident/week.get':             [ok,  ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  'resident/events.list':          [ok,  ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  'resident/event.get':            [ok,  ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  // Anyone signed in signs up themselves (staff and organizers are residents too).
  'resident/signup.create':        [U,   ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  // Only the owner acts on a registration; for everyone else it does not exist.
  'resident/signup.cancel':        [U,   ok,  NF,   NF,    NF,    NF,  NF,  NF,   NF],
  'resident/signup.mine':          [U,   ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  // Joining an online activity is one's own participation: anyone signed in (e1 being offline,
  // it answers with a business refusal, which is not a permission refusal).
  'resident/online.join':          [U,   ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  'resident/checkin.codes':        [U,   ok,  NF,   NF,    NF,    NF,  NF,  NF,   NF],
  // Self check-in with a venue code: anyone signed in may try; it admits only the caller's own
  // sign-up of the event the code names (a code that is not genuine answers with an outcome).
  'resident/checkin.self':         [U,   ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  'resident/rating.submit':        [U,   ok,  NF,   NF,    NF,    NF,  NF,  NF,   NF],
  // Anyone with a WeChat identity may take an invitation, except admins (bound at deployment).
  'resident/invite.accept':        [U,   ok,  ok,   ok,    ok,    ok,  ok,  ok,   F],
  'resident/notices.list':         [U,   ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  // Someone else's notice reads like a missing one.
  'resident/notices.read':         [U,   ok,  VF,   VF,    VF,    VF,  VF,  VF,   VF],
  'resident/reminders.config':     [U,   ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  'resident/reminders.subscribe':  [U,   ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  'resident/reminders.mine':       [U,   ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  // The published honours list: public, showing only what each nominee agreed to.
  'resident/honours.published':    [ok,  ok,  ok,   ok,    ok,    ok,  ok,  ok,   ok],
  // The door: any door role lists its own events and fetches the public key.
  'staff/staff.events':            [U,   F,   F,    ok,    ok,    ok,  ok,  ok,   ok],
  'staff/checkin.config':          [U,   F,   F,    ok,    ok,    ok,  ok,  ok,   ok],
  // Working event e1's door: its unit's staff and supervisor, its district's organizer, admins.
  'staff/checkin.roster':          [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'staff/checkin.scan':            [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'staff/checkin.manual':          [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'staff/checkin.walkin':          [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'staff/checkin.sync':            [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'staff/checkin.find':            [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'staff/signup.proxy':            [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  // The answers to e1's sign-up questions beside its roster: personal data for whoever works e1's
  // door (its unit's staff and supervisor, its district's organizer, admins); not a resident, not
  // another unit's staff, not another district's organizer.
  'staff/roster.answers':          [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  // Venue codes admit anyone signed up to e1 without staff: only whoever works e1's door may show
  // or print them (its unit's staff and supervisor, its district's organizer, admins).
  'staff/venue.codes':             [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  // Staff cancelling a resident's sign-up (with a reason, audited): whoever works e1's door; a
  // resident, even the owner, may not use it (her own way is signup.cancel); staff of unit u2
  // and another district's organizer do not work this door.
  'staff/signup.staffCancel':      [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  // Undoing a check-in and reading the door's audit log: supervisors and above, not plain staff.
  'staff/checkin.undo':            [U,   F,   F,    F,     F,     ok,  ok,  F,    ok],
  'staff/audit.list':              [U,   F,   F,    F,     F,     ok,  ok,  F,    ok],
  // The district's dashboard: every door role of the district; not another district's organizer.
  'organizer/dashboard.get':       [U,   F,   F,    ok,    ok,    ok,  ok,  F,    ok],
  // A unit's figures and forms: the unit's own staff and supervisor, the district organizer.
  'organizer/attendance.enter':    [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'organizer/forms.preview':       [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'organizer/forms.saveProfile':   [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  // Writing to everyone signed up for e1: its unit's staff and supervisor, its district's
  // organizer, admins; residents never, nor another unit's staff nor another district.
  'organizer/registrants.notify':  [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'organizer/event.save':          [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'organizer/event.review':        [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'organizer/event.setCapacity':   [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'organizer/event.poster':        [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  // Reading the organisation tree and the events one manages: any door role.
  'organizer/org.list':            [U,   F,   F,    ok,    ok,    ok,  ok,  ok,   ok],
  'organizer/events.managed':      [U,   F,   F,    ok,    ok,    ok,  ok,  ok,   ok],
  // Running the district: its organizers and admins only.
  'organizer/reconcile.run':       [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  'organizer/campaign.save':       [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  'organizer/org.save':            [U,   F,   F,    F,     F,     F,   ok,  VF,   ok],
  'organizer/staff.update':        [U,   F,   F,    F,     F,     F,   ok,  VF,   ok],
  'organizer/staff.revoke':        [U,   F,   F,    F,     F,     F,   ok,  VF,   ok],
  'organizer/invite.create':       [U,   F,   F,    F,     F,     F,   ok,  VF,   ok],
  'organizer/invite.revoke':       [U,   F,   F,    F,     F,     F,   ok,  INF,  ok],
  // Lists scoped to the caller's own district, and the reminder run: any organizer, admins.
  'organizer/staff.list':          [U,   F,   F,    F,     F,     F,   ok,  ok,   ok],
  'organizer/invite.list':         [U,   F,   F,    F,     F,     F,   ok,  ok,   ok],
  'organizer/setupAudit.list':     [U,   F,   F,    F,     F,     F,   ok,  ok,   ok],
  'organizer/reminders.run':       [U,   F,   F,    F,     F,     F,   ok,  ok,   ok],
  // Evaluation of the district's campaign: sampling, award sheets, decisions, honour kinds — its
  // organizers and admins; another district's organizer is refused.
  'organizer/sampling.draw':       [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  'organizer/sampling.view':       [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  'organizer/award.sheets':        [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  'organizer/award.score':         [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  'organizer/award.evidence':      [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  'organizer/award.decide':        [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  'organizer/honours.saveKind':    [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  // Honour kinds and the nominations list: any door role (the list shows each only its own part).
  'organizer/honours.kinds':       [U,   F,   F,    ok,    ok,    ok,  ok,  ok,   ok],
  'organizer/nominations.list':    [U,   F,   F,    ok,    ok,    ok,  ok,  ok,   ok],
  // Nominating for unit u1 and uploading its photos: u1's staff and supervisor, d1's organizer.
  'organizer/nomination.save':     [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'organizer/nomination.photo':    [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  // Acting on nomination nm1, which waits at district d1: d1's organizers and admins only.
  'organizer/nomination.act':      [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  // The reporting chain. d1 sits under city 'city'; task t-city asks d1, task t-d1 (d1's) asks s1.
  // d1's roll-up: its organizers and admins.
  'organizer/rollup.get':          [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  // Presets, issuing a task to the level below one's own org (d2 has street s2), one's task list.
  'organizer/report.presets':      [U,   F,   F,    F,     F,     F,   ok,  ok,   ok],
  'organizer/report.create':       [U,   F,   F,    F,     F,     F,   ok,  ok,   ok],
  'organizer/report.list':         [U,   F,   F,    F,     F,     F,   ok,  ok,   ok],
  // Submitting d1's answer to the city: d1's organizers (admins act for any org); d2's may not.
  'organizer/report.submit':       [U,   F,   F,    F,     F,     F,   ok,  RN,   ok],
  // Reading, deciding, tracking and reminding d1's own task: d1's organizers, admins.
  'organizer/report.get':          [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  'organizer/report.decide':       [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  'organizer/report.track':        [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  'organizer/report.remind':       [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  // Subscribing to 上报提醒 is an organizer's own credit: any organizer, admins.
  'organizer/report.subscribe':    [U,   F,   F,    F,     F,     F,   ok,  ok,   ok],
  // The exports function (workbooks, schedule import): the same as a unit's forms — u1's staff and
  // supervisor, d1's organizer, admins.
  'exports/forms.export':          [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'exports/attendance.export':     [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  'exports/events.import':         [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  // Before the event, the people signed up for e1: its unit's staff and supervisor (full names),
  // its district's organizer (masked names), admins; not another unit's staff nor another district.
  'exports/registrants.export':    [U,   F,   F,    ok,    F,     ok,  ok,  F,    ok],
  // Packaging d1's task t-d1 as a .zip: d1's organizers and admins.
  'exports/report.package':        [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  // A file of street s1's submission to d1 (temporary link): s1 and the levels above it — d1's
  // organizers — and admins; not d2's organizer, nor d1's staff.
  'exports/report.file':           [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
  // An honour's 汇总表: any organizer; it lists only the nominations that caller's level can see.
  'exports/honours.export':        [U,   F,   F,    F,     F,     F,   ok,  ok,   ok],
  // The award decision list of d1's campaign: its organizers and admins.
  'exports/award.export':          [U,   F,   F,    F,     F,     F,   ok,  F,    ok],
};

const door = { eventId: 'e1', deviceId: 'device-1', scanId: 'scan-00000001' };
const event = anEventInput({
  eventId: 'e1',
  content: '',
  venue: '教室',
  endAt: at('2026-11-15', '10:00'),
  capacity: 20,
});

function inputs(w: World): Record<FunctionName, Record<string, unknown>> {
  const person = { name: '赵大爷', phone: '13700001111', companions: 0, consent: true };
  return {
    resident: {
      'system.ping': {},
      'me.get': {},
      'week.get': {},
      'events.list': {},
      'event.get': { eventId: 'e1' },
      'signup.create': { eventId: 'e1', ...person },
      'signup.cancel': { registrationId: w.registrationId },
      'signup.mine': {},
      'online.join': { eventId: 'e1' },
      'checkin.codes': { registrationId: w.registrationId },
      'checkin.self': { code: 'V1.e1.p.not-a-signature' },
      'rating.submit': { registrationId: w.registrationId, score: 5, comment: '' },
      'invite.accept': { code: 'ABCD2345' },
      'notices.list': {},
      'notices.read': { id: w.noticeId },
      'reminders.config': {},
      'reminders.subscribe': { accepted: ['event_reminder'] },
      'reminders.mine': {},
      ...HONOUR_RESIDENT_INPUTS,
    },
    staff: {
      'staff.events': {},
      'checkin.config': {},
      'checkin.roster': { eventId: 'e1' },
      'roster.answers': { eventId: 'e1' },
      'venue.codes': { eventId: 'e1' },
      'checkin.scan': { ...door, code: 'not-a-code' },
      'checkin.manual': { ...door, registrationId: w.registrationId },
      'checkin.walkin': { ...door, companions: 0 },
      'checkin.sync': { eventId: 'e1', deviceId: 'device-1', scans: [] },
      'checkin.find': { eventId: 'e1', query: '王' },
      'checkin.undo': { ...door, registrationId: w.registrationId, reason: '误扫' },
      'signup.proxy': { eventId: 'e1', ...person },
      'signup.staffCancel': { ...door, registrationId: w.registrationId, reason: '本人要求取消' },
      'audit.list': { eventId: 'e1' },
    },
    organizer: {
      'dashboard.get': {},
      'attendance.enter': { eventId: 'e1', participants: 5, note: '' },
      'reconcile.run': {},
      'forms.preview': { kind: 'F1', orgId: 'u1' },
      'forms.saveProfile': { kind: 'F1', orgId: 'u1', fields: { leader: '甲' } },
      'registrants.notify': { eventId: 'e1', text: '活动改在二楼教室' },
      'campaign.save': {
        id: 'c1',
        name: '测试区活动周',
        theme: '全民智学',
        weekStart: '2026-11-14',
        weekEnd: '2026-11-20',
        hosts: [],
        coHosts: [],
        undertakers: [],
      },
      'org.list': {},
      'org.save': { id: 'u1', name: '一号中心', kind: 'unit', parentId: 's1' },
      'staff.list': {},
      'staff.update': { openid: 'staff-u2', role: 'staff', unitIds: ['u2'], name: '二' },
      'staff.revoke': { openid: 'staff-u2' },
      'invite.create': { role: 'staff', unitId: 'u1', name: '乙', hours: 24 },
      'invite.list': {},
      'invite.revoke': { code: 'ABCD2345' },
      'events.managed': {},
      'event.save': event,
      'event.review': { eventId: 'e1', action: 'submit', reason: '' },
      'event.setCapacity': { eventId: 'e1', capacity: 30 },
      'setupAudit.list': {},
      'reminders.run': {},
      'event.poster': { eventId: 'e1' },
      ...EVALUATION_INPUTS,
      'rollup.get': { campaignId: 'c1' },
      'report.presets': {},
      'report.create': { preset: 'jintan-summary', year: 2026, targetKind: 'street' },
      'report.list': {},
      'report.submit': { taskId: 't-city', orgId: 'd1', answers: { summary: { kind: 'text', text: '本区总结' } } },
      'report.get': { taskId: 't-d1', orgId: 's1' },
      'report.decide': { taskId: 't-d1', orgId: 's1', action: 'return', reason: '请补充' },
      'report.track': { taskId: 't-d1' },
      'report.remind': { taskId: 't-d1' },
      'report.subscribe': { accepted: true },
    },
    exports: {
      'forms.export': { kind: 'F2', orgId: 'u1', mode: 'plan' },
      'attendance.export': { eventId: 'e1' },
      'events.import': { unitId: 'u1', fileId: 'u-AAAAAAAAAAAAAAAAAAAAAA' },
      'registrants.export': { eventId: 'e1' },
      'award.export': { campaignId: 'c1' },
      'honours.export': { campaignId: 'c1', kindId: 'k1' },
      'report.package': { taskId: 't-d1' },
      'report.file': { taskId: 't-d1', orgId: 's1', fileId: w.scanId },
    },
  };
}

/** Answers that mean "not for you": an allowed caller must never get one. */
const REFUSALS = new Set<ErrorCode>([U, F, NF, VF, INF, RN]);

describe('permission matrix', () => {
  const cases: [string, Actor, Cell][] = [];
  for (const [key, row] of Object.entries(EXPECTED)) {
    row.forEach((cell, i) => cases.push([key, COLUMNS[i], cell]));
  }

  it('has one hand-written line for every action of every function, and a cell for every caller', () => {
    const actions = (Object.keys(PERMISSIONS) as FunctionName[]).flatMap((fn) =>
      Object.keys(PERMISSIONS[fn]).map((action) => `${fn}/${action}`),
    );
    expect(Object.keys(EXPECTED).sort()).toEqual(actions.sort());
    for (const row of Object.values(EXPECTED)) expect(row).toHaveLength(COLUMNS.length);
    const w = { h: null as never, registrationId: 'r', noticeId: 'n', scanId: 's' };
    for (const fn of Object.keys(PERMISSIONS) as FunctionName[]) {
      expect(Object.keys(inputs(w)[fn]).sort()).toEqual(Object.keys(PERMISSIONS[fn]).sort());
    }
    expect(cases.length).toBeGreaterThan(400);
  });

  it.each(cases)('%s by %s → %s', async (key, actor, outcome) => {
    const [fn, action] = key.split('/') as [FunctionName, string];
    const w = await world();
    try {
      const result = await w.h.call(fn, action as never, inputs(w)[fn][action], ACTORS[actor]);
      if (outcome === ok) {
        // Allowed: it succeeded, or failed for a business reason that is not a refusal.
        if (!result.ok) expect(REFUSALS.has(result.error.code) ? result.error : 'not refused').toBe('not refused');
      } else {
        expect(result.ok ? 'allowed' : result.error.code).toBe(outcome);
      }
      expect(w.h.errors).toEqual([]);
    } finally {
      w.h.close();
    }
  });
});
