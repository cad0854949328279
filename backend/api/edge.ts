/**
 * The edge of one cloud function, shared with the local server: checks the envelope, finds
 * the action, validates its input, resolves the caller from the platform identity, enforces
 * the permission table, runs the use case, and maps every outcome to an ApiResult.
 * It never throws.
 */
import type { z } from 'zod';
import type { ApiError, ApiResult, FunctionName } from '../../types/api';
import { DomainError } from '../core/errors';
import { DuplicateKeyError, StoreTransientError } from '../store/port';
import type { Caller, Deps } from '../usecases/context';
import { resolveCaller } from '../usecases/identity';
import { isAllowed } from './permissions';
import { rateLimitOf } from '../core/rate-limits';
import { envelopeSchema } from './schemas/envelope';
import { prefetched } from './prefetch';

export interface ActionDef {
  schema: z.ZodType;
  run(deps: Deps, caller: Caller, input: unknown): Promise<unknown>;
  /**
   * The caller's lookup and the whole action run as one unit of work (`Store.atomic`): the
   * permission and the action read one snapshot (a member removed meanwhile cannot act), and on
   * the embedded store every read of the action comes from the writer's warm cache rather than
   * from the reader, which re-reads its pages after each commit. For the hot writes.
   */
  unit?: boolean;
}

export type ActionTable = Record<string, ActionDef>;

/**
 * One handler per action of a function (`ResidentActions`, …): it receives the input as the
 * action's schema parsed it and returns the output the contract names.
 */
export type HandlersOf<Actions extends Record<string, { input: unknown; output: unknown }>> = {
  [A in keyof Actions]: (deps: Deps, caller: Caller, input: Actions[A]['input']) => Promise<Actions[A]['output']>;
};

/**
 * Pairs each action's schema with its handler (every schema needs one); the actions in `units`
 * run whole as one unit of work (`ActionDef.unit`).
 */
export function actionTable<S extends Record<string, z.ZodType>>(
  schemas: S,
  handlers: Record<keyof S, (deps: Deps, caller: Caller, input: never) => Promise<unknown>>,
  units: readonly (keyof S & string)[] = [],
): ActionTable {
  const defs: ActionTable = Object.create(null);
  for (const action of Object.keys(schemas)) {
    defs[action] = { schema: schemas[action], run: handlers[action] as ActionDef['run'], unit: units.includes(action) };
  }
  return defs;
}

/** What a handler logs about a failure: never the payload, never personal data. */
export type ErrorLog = (entry: { fn: string; action: string; error: string }) => void;

const defaultLog: ErrorLog = (entry) => console.error(JSON.stringify({ level: 'error', ...entry }));

export async function dispatchTo(
  fn: FunctionName,
  defs: ActionTable,
  envelope: unknown,
  openid: string | null,
  deps: Deps,
  log: ErrorLog = defaultLog,
): Promise<ApiResult<unknown>> {
  let action = '?';
  try {
    const parsedEnvelope = envelopeSchema.safeParse(envelope);
    if (!parsedEnvelope.success) return failure(validationError(parsedEnvelope.error, '请求格式不正确'));
    action = parsedEnvelope.data.action;
    if (!Object.hasOwn(defs, action)) return failure(new DomainError('UNKNOWN_ACTION').toApiError());
    const def = defs[action];
    const raw = parsedEnvelope.data.data;
    const input = def.schema.safeParse(raw === undefined ? {} : raw);
    if (!input.success) return failure(validationError(input.error));
    // On CloudBase the action's first reads go out with the caller lookup (./prefetch.ts).
    const store = deps.later ? prefetched(deps.store, fn, action, input.data) : deps.store;
    const handle = async (): Promise<ApiResult<unknown>> => {
      const caller = await resolveCaller(deps.store, openid);
      if (!isAllowed(fn, action, caller.role)) {
        return failure(new DomainError(caller.role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN').toApiError());
      }
      const limit = rateLimitOf(fn, action);
      if (limit && deps.limiter && caller.openid) {
        const count = deps.limiter.hit(`${limit.bucket}|${caller.openid}`, limit.windowMs, deps.clock.now());
        if (count > limit.max) return failure(new DomainError('RATE_LIMITED').toApiError());
      }
      return { ok: true, data: await def.run(store === deps.store ? deps : { ...deps, store }, caller, input.data) };
    };
    return await (def.unit ? deps.store.atomic(handle) : handle());
  } catch (error) {
    return failure(toApiError(error, (message) => log({ fn, action, error: message })));
  }
}

function failure(error: ApiError): ApiResult<never> {
  return { ok: false, error };
}

function validationError(error: z.ZodError, message?: string): ApiError {
  const fields = error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.code === 'unrecognized_keys' ? '包含不支持的字段' : issue.message,
  }));
  return new DomainError('VALIDATION_FAILED', message ?? fields[0]?.message, fields).toApiError();
}

function toApiError(error: unknown, logInternal: (message: string) => void): ApiError {
  if (error instanceof DomainError) return error.toApiError();
  if (error instanceof StoreTransientError) {
    return new DomainError(error.kind === 'conflict' ? 'STORE_CONFLICT' : 'STORE_UNAVAILABLE').toApiError();
  }
  if (error instanceof DuplicateKeyError) return new DomainError('STORE_CONFLICT').toApiError();
  logInternal(error instanceof Error ? scrub(`${error.name}: ${error.message}`) : 'non-error thrown');
  return new DomainError('INTERNAL').toApiError();
}

/** What of an unexpected error may go to the log: no phone numbers or other long digit runs, short. */
export function scrub(text: string): string {
  return text
    .replace(/\d{7,}/g, '[数字]')
    .replace(/1[3-9]\d\*{0,4}\d{4}/g, '[手机]')
    .slice(0, 200);
}
