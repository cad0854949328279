/**
 * Type-level proof that the real database handle fits `CloudbaseDb`. Never imported: `tsc` checks
 * it, and type-only imports keep the SDK out of every runtime bundle and test.
 */
import type { CloudBase } from '@cloudbase/node-sdk';
import type { CloudbaseDb } from './sdk';

/** What `tcb.init(...).database()` returns: the `Db` class of @cloudbase/database. */
type RealDb = ReturnType<CloudBase['database']>;

type IsAny<T> = 0 extends 1 & T ? true : false;

/** Guards the check below: an unresolved SDK type would be `any` and prove nothing. */
export const realDbIsTyped: IsAny<RealDb> = false;

export const realDbFitsPort = (db: RealDb): CloudbaseDb => db;
