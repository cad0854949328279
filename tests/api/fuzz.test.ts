/**
 * At least 10,000 generated malformed payloads per function: wrong types, missing and extra
 * fields, huge strings, prototype-pollution keys, unicode, negative and enormous numbers.
 * Never a crash, never an internal error, never a change to stored data.
 */
import fc from 'fast-check';
import { exportsSchemas, organizerSchemas, residentSchemas, staffSchemas } from '../../backend/api/schemas';
import { dispatch } from '../../backend/api/dispatch';
import type { FunctionName } from '../../types/api';
import { at } from '../../backend/core/time';
import { aCampaign, anEvent, anOrg } from '../support/builders';
import { dumpStore } from '../support/dump';
import { openHarness, type Harness } from '../support/harness';

const PER_FUNCTION = 10_000;

const SCHEMAS: Record<FunctionName, Record<string, { safeParse(v: unknown): { success: boolean } }>> = {
  resident: residentSchemas,
  staff: staffSchemas,
  organizer: organizerSchemas,
  exports: exportsSchemas,
};

const nasty = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    0.5,
    '',
    ' ',
    '__proto__',
    'constructor',
    '\u0000',
    '\u202e反转',
    '👨‍👩‍👧‍👦',
    '\ud800',
    'a'.repeat(100_000),
    '学'.repeat(5_000),
    '13812345678',
    'L1.e1.x.1.y',
    'e1',
    '2026-11-15',
    [],
    {},
    [[[[[]]]]],
  ),
  fc.string({ maxLength: 50, unit: 'grapheme' }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', 'openid', '_id', 'eventId', 'action', 'data'),
  fc.string({ maxLength: 12 }),
);

/** A payload: a mutation of a plausible one, or anything at all. */
function payloadOf(actions: string[]) {
  const data = fc.oneof(
    fc.dictionary(key, nasty, { maxKeys: 8 }),
    nasty,
    fc.record(
      { eventId: nasty, name: nasty, phone: nasty, companions: nasty, consent: nasty, code: nasty },
      { requiredKeys: [] },
    ),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ action: fc.constantFrom(...actions), data }) },
    {
      weight: 2,
      arbitrary: fc.record(
        { action: fc.oneof(fc.constantFrom(...actions), nasty), data, extra: nasty },
        { requiredKeys: ['action'] },
      ),
    },
    { weight: 1, arbitrary: nasty },
    { weight: 1, arbitrary: fc.dictionary(key, nasty) },
  );
}

describe('fuzzing every function', () => {
  let h: Harness;
  let before: string;

  beforeAll(async () => {
    h = openHarness(at('2026-11-10', '09:00'));
    await h.store.putCampaign(aCampaign());
    await h.store.putOrg(anOrg({ id: 'd1', kind: 'district', parentId: null }));
    await h.store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1' }));
    await h.store.putOrg(anOrg({ id: 'u1', parentId: 's1' }));
    await h.store.putEvent(anEvent({ id: 'e1', capacity: 10 }));
    await h.store.putMember({ openid: 'admin-1', role: 'admin', districtId: 'd1', unitIds: [], name: '管理员' });
    await h.ok(
      'resident',
      'signup.create',
      { eventId: 'e1', name: '王小明', phone: '13912345678', companions: 0, consent: true },
      'res-a',
    );
    before = dumpStore(h.store.file);
  });
  afterAll(() => h.close());

  it.each(Object.keys(SCHEMAS) as FunctionName[])(
    '%s: 10,000 malformed payloads, as an admin, change nothing and never fail inside',
    async (fn) => {
      const actions = Object.keys(SCHEMAS[fn]);
      const samples = fc.sample(payloadOf(actions), { numRuns: PER_FUNCTION * 2, seed: 20201114 + fn.length });
      // Malformed only: a payload that happens to be valid is not what this test is about.
      const malformed = samples.filter((p) => {
        const envelope = p as { action?: unknown; data?: unknown } | null;
        if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) return true;
        if (Object.keys(envelope).some((k) => k !== 'action' && k !== 'data')) return true;
        if (typeof envelope.action !== 'string' || !Object.hasOwn(SCHEMAS[fn], envelope.action)) return true;
        return !SCHEMAS[fn][envelope.action].safeParse(envelope.data === undefined ? {} : envelope.data).success;
      });
      expect(malformed.length).toBeGreaterThanOrEqual(PER_FUNCTION);
      const internal: string[] = [];
      for (const payload of malformed.slice(0, PER_FUNCTION)) {
        const result = await dispatch(fn, payload, 'admin-1', h.deps, (e) => internal.push(e.error));
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(['VALIDATION_FAILED', 'UNKNOWN_ACTION']).toContain(result.error.code);
          expect(typeof result.error.message).toBe('string');
        }
      }
      expect(internal).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('eventId');
      expect(dumpStore(h.store.file)).toBe(before);
    },
    120_000,
  );
});
