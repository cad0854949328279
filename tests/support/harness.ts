/**
 * A backend under test: the real dispatcher and use cases over a fresh embedded store in a
 * temporary folder, with a clock the test controls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, ActionOutput, ApiResult, FunctionName } from '../../types/api';
import { dispatch } from '../../backend/api/dispatch';
import type { Deps } from '../../backend/usecases/context';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite';
import { FixedClock, T0 } from './builders';
import { signerFromSeed } from '../../backend/usecases/signing';

/** The fixed test key: tests sign and check codes with it. */
export const TEST_SIGNER = signerFromSeed('5eed'.repeat(16));
/** The fixed test key of proxy sign-up ids. */
export const TEST_REGISTRATION_SECRET = '1d5e'.repeat(16);

export interface Harness {
  deps: Deps & { store: SqliteStore; clock: FixedClock };
  store: SqliteStore;
  clock: FixedClock;
  errors: string[];
  call<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    action: A,
    data: unknown,
    openid?: string | null,
  ): Promise<ApiResult<ActionOutput<F, A>>>;
  /** Like call, but answers only 'ok' or the error's code. */
  code<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    action: A,
    data: unknown,
    openid?: string | null,
  ): Promise<string>;
  /** Like call, but fails the test unless the result is ok. */
  ok<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    action: A,
    data: unknown,
    openid?: string | null,
  ): Promise<ActionOutput<F, A>>;
  close(): void;
}

export function openHarness(now = T0): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'llw-harness-'));
  const store = openSqliteStore({ file: join(dir, 'store.sqlite') });
  const clock = new FixedClock(now);
  const errors: string[] = [];
  const deps: Harness['deps'] = { store, clock, signer: TEST_SIGNER, registrationSecret: TEST_REGISTRATION_SECRET };
  const call: Harness['call'] = async (fn, action, data, openid = 'openid-resident') =>
    (await dispatch(fn, { action, data }, openid, deps, (e) => errors.push(e.error))) as never;
  return {
    deps,
    store,
    clock,
    errors,
    call,
    async code(fn, action, data, openid) {
      const result = await call(fn, action, data, openid);
      return result.ok ? 'ok' : result.error.code;
    },
    async ok(fn, action, data, openid) {
      const result = await call(fn, action, data, openid);
      if (!result.ok) throw new Error(`${String(action)} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
