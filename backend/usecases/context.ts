/**
 * What every use case receives: its ports, and who is calling (resolved by the edge from the
 * platform's identity, never from the payload).
 */
import type { Role } from '../../types/domain';
import type { Clock } from '../core/time';
import type { Store } from '../store/port';
import type { CodeSigner } from './signing';
import type { ExportFiles, UploadedFiles } from '../store/files';
import type { Ids, ReminderSender } from './ports';

export interface Deps {
  store: Store;
  clock: Clock;
  /** The check-in code key; null where none is configured (code actions then refuse). */
  signer: CodeSigner | null;
  /**
   * Keys the registration ids of sign-ups made on behalf of others (REGISTRATION_ID_SECRET, 64 hex
   * characters); absent: those sign-ups refuse with a typed error naming the variable.
   */
  registrationSecret?: string | null;
  /** Where exported workbooks go; absent where exports are not offered. */
  files?: ExportFiles;
  /** Files users uploaded before a call (the call carries the id); absent where none are read. */
  uploads?: UploadedFiles;
  /** Delivers reminders: WeChat in production, the outbox locally. */
  reminders?: ReminderSender;
  /** Subscription template ids by kind; absent locally (the dialog is simulated). */
  templates?: Partial<Record<import('../../types/domain').MessageKind, string>>;
  /** Makes an event's 小程序码 (production); absent locally, where the client draws a QR code. */
  wxacode?: (scene: string, page: string) => Promise<Uint8Array>;
  /** The random part of new ids; absent: node:crypto (usecases/ids.ts). */
  ids?: Ids;
  /**
   * CloudBase's shape of a unit of work (production): a check-in answers after its one insert and
   * hands what it implies to `later` (usecases/outbox.ts), and each call's independent reads go
   * out with the caller lookup (`api/prefetch.ts`). Absent (SQLite): everything runs inside the
   * unit of work before the answer.
   */
  later?: (work: () => Promise<void>) => void;
  /** Counts calls for the rate limits; absent: no limits (tests of other things). */
  limiter?: { hit(key: string, windowMs: number, now: number): number };
}

export interface Caller {
  /** The platform identity (WeChat openid); null when anonymous. */
  openid: string | null;
  role: Role;
  districtId: string | null;
  unitIds: string[];
  name: string | null;
}

export const ANONYMOUS: Caller = { openid: null, role: 'anonymous', districtId: null, unitIds: [], name: null };

/** The backend itself, for scheduled jobs (timer triggers, local commands). */
export const SYSTEM: Caller = { openid: null, role: 'admin', districtId: null, unitIds: [], name: '系统任务' };
