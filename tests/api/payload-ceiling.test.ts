/**
 * No call payload above 100 KB (WeChat refuses larger callFunction payloads): for every action
 * of every function, the largest JSON that its schema can accept is bounded from the schema's
 * own declared limits (string lengths, array sizes, entry counts, byte budgets) and must be at
 * most 100 KB. A string or array without a declared limit fails the walk. The bound is
 * conservative: a character may serialise to at most 6 bytes of JSON ("\u0001"), a number to 24.
 */
import { z } from 'zod';
import {
  envelopeSchema,
  exportsSchemas,
  organizerSchemas,
  residentSchemas,
  staffSchemas,
} from '../../backend/api/schemas';

const CEILING = 100 * 1024;
const BYTES_PER_CHAR = 6;
const NUMBER_BYTES = 24;

type Node = z.core.$ZodType;
interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (s: Node) => s._zod.def as unknown as Def;
/**
 * The smallest maximum length/size (`.max(n)`, `.length(n)`) declared before any check that
 * rewrites the value (`.trim()`, `.toUpperCase()`): a maximum after a trim bounds the trimmed
 * text, not what was sent.
 */
function maxLength(s: Node): number | undefined {
  const checks = (defOf(s).checks ?? []) as { _zod: { def: { check: string; maximum?: number; length?: number } } }[];
  const rewrite = checks.findIndex(({ _zod: { def } }) => def.check === 'overwrite');
  const raw = rewrite === -1 ? checks : checks.slice(0, rewrite);
  const maxima = raw.flatMap(({ _zod: { def } }) =>
    def.check === 'max_length' ? [def.maximum!] : def.check === 'length_equals' ? [def.length!] : [],
  );
  return maxima.length > 0 ? Math.min(...maxima) : undefined;
}
/** Limits a schema declares with .meta() where zod has no check of its own (see schemas.ts). */
const meta = (s: Node) => (z.globalRegistry.get(s) ?? {}) as { maxJsonBytes?: number; maxEntries?: number };

/** The most bytes of JSON any value accepted by `schema` can take; throws where nothing bounds it. */
export function maxJsonBytes(schema: Node, path = '$'): number {
  const declared = meta(schema).maxJsonBytes;
  const computed = (() => {
    const def = defOf(schema);
    switch (def.type) {
      case 'string': {
        const max = maxLength(schema);
        if (max === undefined) throw new Error(`${path}: string without a maximum length`);
        return 2 + BYTES_PER_CHAR * max;
      }
      case 'number':
        return NUMBER_BYTES;
      case 'boolean':
        return 5;
      case 'null':
        return 4;
      case 'literal':
        return Math.max(...(def.values as unknown[]).map((v) => JSON.stringify(v).length));
      case 'enum':
        return Math.max(
          ...Object.values(def.entries as Record<string, string>).map((v) => Buffer.byteLength(JSON.stringify(v))),
        );
      case 'optional':
      case 'default':
      case 'readonly':
        return maxJsonBytes(def.innerType as Node, path);
      case 'nullable':
        return Math.max(4, maxJsonBytes(def.innerType as Node, path));
      case 'pipe':
        return maxJsonBytes(def.in as Node, path);
      case 'union':
        return Math.max(...(def.options as Node[]).map((o, i) => maxJsonBytes(o, `${path}|${i}`)));
      case 'array': {
        const max = maxLength(schema);
        if (max === undefined) throw new Error(`${path}: array without a maximum size`);
        return 2 + max * (maxJsonBytes(def.element as Node, `${path}[]`) + 1);
      }
      case 'object': {
        const shape = def.shape as Record<string, Node>;
        let total = 2;
        for (const [key, value] of Object.entries(shape)) {
          total += Buffer.byteLength(JSON.stringify(key)) + 2 + maxJsonBytes(value, `${path}.${key}`);
        }
        return total;
      }
      case 'record': {
        const entries = meta(schema).maxEntries;
        if (entries === undefined) throw new Error(`${path}: record without a maximum number of entries`);
        const key = maxJsonBytes(def.keyType as Node, `${path}{key}`);
        return 2 + entries * (key + 2 + maxJsonBytes(def.valueType as Node, `${path}{}`));
      }
      case 'unknown':
      case 'any':
        if (declared === undefined) throw new Error(`${path}: unknown without a byte budget`);
        return Infinity;
      default:
        throw new Error(`${path}: no bound for a ${def.type}`);
    }
  })();
  return declared === undefined ? computed : Math.min(declared, computed);
}

const FUNCTIONS = {
  resident: residentSchemas,
  staff: staffSchemas,
  organizer: organizerSchemas,
  exports: exportsSchemas,
} as Record<string, Record<string, Node>>;

const ACTION_BYTES = maxJsonBytes((defOf(envelopeSchema).shape as Record<string, Node>).action);

describe('call payload ceiling', () => {
  const rows = Object.entries(FUNCTIONS).flatMap(([fn, schemas]) =>
    Object.entries(schemas).map(([action, schema]) => [`${fn}/${action}`, schema] as const),
  );

  it.each(rows)('%s accepts no payload above 100 KB', (_name, schema) => {
    // { "action": "...", "data": <data> }
    const envelope = 2 + '"action":'.length + ACTION_BYTES + 1 + '"data":'.length + maxJsonBytes(schema);
    expect(envelope).toBeLessThanOrEqual(CEILING);
  });

  it('walks every action of every function', () => {
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(FUNCTIONS)).toEqual(['resident', 'staff', 'organizer', 'exports']);
  });
});

describe('the payload bound itself', () => {
  it('fails on a string or array without a maximum, and on a maximum only after trimming', () => {
    expect(() => maxJsonBytes(z.strictObject({ a: z.string() }))).toThrow('$.a: string without a maximum length');
    expect(() => maxJsonBytes(z.array(z.int()))).toThrow('array without a maximum size');
    expect(() => maxJsonBytes(z.string().trim().max(5))).toThrow('string without a maximum length');
  });

  it('adds up declared limits (hand-computed)', () => {
    // {"a":"<10 chars, 6 bytes each>","b":[<3 numbers>]}: 2 + (3 + 2 + 62) + (3 + 2 + 2 + 3 × 25)
    expect(maxJsonBytes(z.strictObject({ a: z.string().max(10), b: z.array(z.int()).max(3) }))).toBe(151);
  });

  it('is held to byte budgets that the schemas really enforce', () => {
    const scan = (i: number) => ({
      scanId: `scan-${String(i).padStart(8, '0')}`,
      kind: 'code',
      code: 'x'.repeat(400),
      scannedAt: 1,
    });
    const sync = staffSchemas['checkin.sync'];
    // 200 scans of 400-character codes: each field within its limit, the whole over 90 KB.
    const tooMuch = { eventId: 'e1', deviceId: 'dev-1', scans: Array.from({ length: 200 }, (_, i) => scan(i)) };
    expect(JSON.stringify(tooMuch).length).toBeGreaterThan(90_000);
    const refused = sync.safeParse(tooMuch);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe('每批离线记录过多，请分批同步');
    const fits = { ...tooMuch, scans: tooMuch.scans.slice(0, 100) };
    expect(sync.safeParse(fits).success).toBe(true);
    const profile = organizerSchemas['forms.saveProfile'];
    const fields = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`f${'a'.repeat(i % 26)}x`, '字'.repeat(2000)]),
    );
    expect(profile.safeParse({ kind: 'F1', orgId: 'o1', fields }).success).toBe(false);
    expect(profile.safeParse({ kind: 'F1', orgId: 'o1', fields: { summary: '字'.repeat(2000) } }).success).toBe(true);
  });
});
