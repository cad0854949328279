/**
 * TEST DOUBLE, part of tests/doubles/cloudbase-fake.ts: the `db.command` operators it supports
 * and how it evaluates filters, sort orders and updates, after CloudBase's MongoDB semantics.
 */
import type {
  DbCommand,
  DbDocument,
  DbFilter,
  DbQueryCommand,
  DbUpdateCommand,
} from '../../backend/store/cloudbase/sdk';

type Comparison = 'eq' | 'lt' | 'lte' | 'gt' | 'in';
type Logic = 'and' | 'or';

export class FakeQueryCommand implements DbQueryCommand {
  constructor(
    readonly operator: Comparison,
    readonly operands: unknown[],
  ) {}
}

export class FakeLogicCommand implements DbQueryCommand {
  constructor(
    readonly operator: Logic,
    readonly operands: DbFilter[],
  ) {}
}

export class FakeUpdateCommand implements DbUpdateCommand {
  constructor(
    readonly operator: 'inc' | 'set',
    readonly operands: [unknown],
  ) {}
}

/** An error shaped like node-sdk's TcbError: `{ code, message, requestId }`. */
export class FakeSdkError extends Error {
  readonly requestId = 'fake-request';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TcbError';
  }
}

export const fakeCommand: DbCommand = {
  eq: (value) => new FakeQueryCommand('eq', [value]),
  lt: (value) => new FakeQueryCommand('lt', [value]),
  lte: (value) => new FakeQueryCommand('lte', [value]),
  gt: (value) => new FakeQueryCommand('gt', [value]),
  in: (values) => new FakeQueryCommand('in', [...values]),
  // Like the SDK, accept either varargs or one array.
  and: (...conditions) => new FakeLogicCommand('and', flattenArgs(conditions)),
  or: (...conditions) => new FakeLogicCommand('or', flattenArgs(conditions)),
  inc: (by) => new FakeUpdateCommand('inc', [by]),
  set: (value) => new FakeUpdateCommand('set', [value]),
};

function flattenArgs(args: unknown[]): DbFilter[] {
  return (args.length === 1 && Array.isArray(args[0]) ? args[0] : args) as DbFilter[];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** A JSON round trip, as the SDK's EJSON serialisation does: drops `undefined`, copies deeply. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function getPath(doc: DbDocument, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * Sets a dotted path like MongoDB's `$set` / `$inc`: missing parents are created, but a parent
 * that holds anything other than an object (null included) makes the update fail
 * ("Cannot create field … in element …", MongoDB's PathNotViable). Array indexes are not faked.
 */
function setPath(doc: DbDocument, path: string, value: unknown): void {
  const parts = path.split('.');
  let current = doc;
  for (const [index, part] of parts.slice(0, -1).entries()) {
    if (current[part] === undefined) current[part] = {};
    if (!isPlainObject(current[part])) {
      throw new FakeSdkError(
        'DATABASE_REQUEST_FAILED',
        `Cannot create field '${parts[index + 1]}' in element {${part}: ${JSON.stringify(current[part])}}`,
      );
    }
    current = current[part] as DbDocument;
  }
  current[parts[parts.length - 1]] = value;
}

/**
 * Whether `doc` matches `filter`. Keys whose value is `undefined` are ignored (the SDK drops them),
 * nested plain objects match sub-fields (the SDK flattens them to dotted paths), `null` matches
 * null or missing, and comparisons only hold between values of the same type (numbers, strings).
 */
export function matches(doc: DbDocument, filter: DbFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (filter instanceof FakeLogicCommand) return matchesLogic(doc, filter);
  if (filter instanceof FakeQueryCommand) throw new Error('a comparison needs a field name');
  return Object.entries(filter).every(([key, condition]) => matchesField(doc, key, condition));
}

function matchesLogic(doc: DbDocument, command: FakeLogicCommand): boolean {
  const results = command.operands.map((operand) => matches(doc, operand));
  return command.operator === 'and' ? results.every(Boolean) : results.some(Boolean);
}

function matchesField(doc: DbDocument, path: string, condition: unknown): boolean {
  if (condition === undefined) return true;
  const value = getPath(doc, path);
  if (condition instanceof FakeQueryCommand) return compare(value, condition);
  if (condition instanceof FakeLogicCommand) {
    // A field-level and/or: its operands are comparisons or plain values for this field.
    const results = condition.operands.map((operand) => matchesField(doc, path, operand));
    return condition.operator === 'and' ? results.every(Boolean) : results.some(Boolean);
  }
  if (isPlainObject(condition)) {
    return Object.entries(condition).every(([key, sub]) => matchesField(doc, `${path}.${key}`, sub));
  }
  return equalsOrContains(value, condition);
}

function equalsOrContains(value: unknown, expected: unknown): boolean {
  if (expected === null) return value === null || value === undefined;
  if (Array.isArray(value) && !Array.isArray(expected)) return value.some((item) => deepEqual(item, expected));
  return deepEqual(value, expected);
}

function compare(value: unknown, command: FakeQueryCommand): boolean {
  const [operand] = command.operands;
  switch (command.operator) {
    case 'eq':
      return equalsOrContains(value, operand);
    case 'in':
      return command.operands.some((candidate) => equalsOrContains(value, candidate));
    default: {
      const bothNumbers = typeof value === 'number' && typeof operand === 'number';
      const bothStrings = typeof value === 'string' && typeof operand === 'string';
      if (!bothNumbers && !bothStrings) return false;
      const a = value as number | string;
      const b = operand as number | string;
      if (command.operator === 'lt') return a < b;
      if (command.operator === 'lte') return a <= b;
      return a > b;
    }
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** MongoDB's order of types: missing/null, numbers, strings, objects, arrays, booleans. */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (Array.isArray(value)) return 4;
  if (typeof value === 'object') return 3;
  return 5;
}

function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0) return rank;
  if (typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean') {
    return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0;
  }
  return 0;
}

/** Sorts by the fields of `order` in their insertion order (1 ascending, -1 descending). */
export function sortDocuments(docs: DbDocument[], order: Record<string, 1 | -1>): DbDocument[] {
  const keys = Object.entries(order);
  if (keys.length === 0) return docs;
  return [...docs].sort((x, y) => {
    for (const [field, direction] of keys) {
      const c = compareValues(getPath(x, field), getPath(y, field));
      if (c !== 0) return c * direction;
    }
    return 0;
  });
}

/**
 * Applies an update in place, with the SDK's merge semantics (it flattens nested plain objects
 * into dotted paths before sending): `inc` and `set` apply to their field as a whole, nested
 * plain objects update sub-fields (an empty one updates nothing), dotted keys address sub-fields,
 * other values (null, arrays included) replace the field. Returns whether the document changed.
 * Like one MongoDB update, it applies entirely or not at all: callers pass a copy and keep it
 * only if this returns without throwing.
 */
export function applyUpdate(doc: DbDocument, update: Record<string, unknown>, prefix = ''): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined) continue;
    const path = prefix + key;
    const before = getPath(doc, path);
    if (value instanceof FakeUpdateCommand && value.operator === 'set') {
      const next = clone(value.operands[0]);
      if (!deepEqual(before, next)) changed = true;
      setPath(doc, path, next);
    } else if (value instanceof FakeUpdateCommand) {
      const by = value.operands[0] as number;
      if (before !== undefined && typeof before !== 'number') {
        throw new FakeSdkError(
          'DATABASE_REQUEST_FAILED',
          `Cannot apply $inc to a value of non-numeric type at ${path}`,
        );
      }
      setPath(doc, path, (typeof before === 'number' ? before : 0) + by);
      changed = changed || by !== 0;
    } else if (isPlainObject(value)) {
      changed = applyUpdate(doc, value, `${path}.`) || changed;
    } else {
      const next = clone(value);
      if (!deepEqual(before, next)) changed = true;
      setPath(doc, path, next);
    }
  }
  return changed;
}

/** Whether an object contains an update operator anywhere (the SDK refuses them in `set`). */
export function hasUpdateCommand(value: unknown): boolean {
  if (value instanceof FakeUpdateCommand) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(hasUpdateCommand);
}

export function invalidParam(message: string): FakeSdkError {
  return new FakeSdkError('INVALID_PARAM', message);
}

export function checkWritable(data: unknown, allowOperators: boolean): asserts data is DbDocument {
  if (!isPlainObject(data)) throw invalidParam('参数必需是非空对象');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw invalidParam('不能更新_id的值');
  if (!allowOperators && hasUpdateCommand(data)) {
    throw new FakeSdkError('DATABASE_REQUEST_FAILED', 'update operator complicit');
  }
}
