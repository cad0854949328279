/**
 * The CloudBase side of the edge: initialises the SDK once per instance (module scope, for
 * cold starts), reads the function's configuration once (backend/config.ts), takes the
 * caller's openid from the platform, and hands the client's `{ action, data }` to the shared
 * dispatcher. Fields the platform injects into the event (such as `userInfo`) are never read
 * as identity and never reach validation.
 */
import tcb from '@cloudbase/node-sdk';
import type { ApiResult, FunctionName } from '../../types/api';
import { systemClock } from '../core/time';
import { createCloudbaseStore } from '../store/cloudbase';
import type { CloudbaseDb } from '../store/cloudbase/sdk';
import type { Deps } from '../usecases/context';
import { signerFromSeed } from '../usecases/signing';
import { readCloudConfig, type CloudConfig, type DeployedFunction } from '../config';
import { DomainError } from '../core/errors';
import { dispatchTo, type ActionTable } from './edge';
import { cloudExportFiles, cloudUploadedFiles, type CloudDownload, type CloudStorage } from './cloud-files';
import { memoryLimiter } from './limiter';
import { wechatSender, wxacode } from './wechat';

const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
const store = createCloudbaseStore(app.database() as unknown as CloudbaseDb);
const files = cloudExportFiles(app as unknown as CloudStorage);
const uploads = cloudUploadedFiles(app as unknown as CloudDownload);
const limiter = memoryLimiter();

/** The client's part of a cloud function event. */
export function clientEnvelope(event: unknown): unknown {
  if (typeof event !== 'object' || event === null) return event;
  const { action, data } = event as { action?: unknown; data?: unknown };
  return data === undefined ? { action } : { action, data };
}

/** What a function's configuration gives its use cases: a missing secret leaves its slot empty. */
export function configuredPorts(config: CloudConfig): Pick<Deps, 'signer' | 'registrationSecret' | 'templates'> {
  return {
    // The seed was validated by the config schema, so this cannot throw at load.
    signer: config.signingSeed ? signerFromSeed(config.signingSeed) : null,
    registrationSecret: config.registrationSecret,
    templates: config.templates,
  };
}

/**
 * The cloud composition root: every port a deployed function's use cases get, wired once per
 * cold start from its configuration (backend/config.ts). Client functions and timers alike.
 */
export function cloudDeps(fn: DeployedFunction): Deps {
  const ports = configuredPorts(readCloudConfig(fn));
  return {
    store,
    clock: systemClock,
    files,
    uploads,
    limiter,
    reminders: wechatSender(ports.templates ?? {}),
    wxacode,
    // A check-in's outbox is drained after the answer; what a frozen instance leaves, reconciliation takes over.
    later: (work) => {
      work().catch((error: unknown) =>
        console.error(JSON.stringify({ level: 'error', fn, action: 'outbox', error: String(error).slice(0, 200) })),
      );
    },
    ...ports,
  };
}

export function cloudMain(fn: FunctionName, actions: ActionTable): (event: unknown) => Promise<ApiResult<unknown>> {
  // Called at module scope of the function's index.ts: once per cold start.
  const deps = cloudDeps(fn);
  return async (event) => {
    const { openId } = app.auth().getUserInfo();
    return dispatchTo(fn, actions, clientEnvelope(event), openId || null, deps);
  };
}

/**
 * A timer function (`reconcile`, `reminders`): runs `job` on its trigger only; a call from a
 * client (which carries a WeChat identity) or any other event is refused. Logs `summary`.
 */
export function timerMain<T>(
  fn: 'reconcile' | 'reminders',
  job: (deps: Deps) => Promise<T>,
  summary: (result: T) => Record<string, unknown>,
): (event: { Type?: string } | null) => Promise<ApiResult<T>> {
  const deps = cloudDeps(fn);
  return async (event) => {
    const { openId } = app.auth().getUserInfo();
    if (openId || event?.Type !== 'Timer') return { ok: false, error: new DomainError('FORBIDDEN').toApiError() };
    const result = await job(deps);
    console.log(JSON.stringify({ level: 'info', job: fn, ...summary(result) }));
    return { ok: true, data: result };
  };
}
