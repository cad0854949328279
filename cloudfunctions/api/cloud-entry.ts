/**
 * The CloudBase side of the edge: initialises the SDK once per instance (module scope, for
 * cold starts), takes the caller's openid from the platform, and hands the client's
 * `{ action, data }` to the shared dispatcher. Fields the platform injects into the event
 * (such as `userInfo`) are never read as identity and never reach validation.
 */
import tcb from '@cloudbase/node-sdk';
import type { ApiResult, FunctionName } from '../../types/api';
import { systemClock } from '../core/time';
import { createCloudbaseStore } from '../store/cloudbase';
import { signerFromSeed } from '../usecases/signing';
import type { CloudbaseDb } from '../store/cloudbase/sdk';
import { dispatchTo, type ActionTable } from './edge';
import { cloudExportFiles, cloudUploadedFiles, type CloudDownload, type CloudStorage } from './cloud-files';
import { memoryLimiter } from './limiter';
import { templateIds, wechatSender, wxacode } from './wechat';

const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
const store = createCloudbaseStore(app.database() as unknown as CloudbaseDb);
/** Set CHECKIN_SIGNING_SEED (64 hex characters) in the function's environment variables. */
const seed = process.env.CHECKIN_SIGNING_SEED;
const signer = seed ? signerFromSeed(seed) : null;
const files = cloudExportFiles(app as unknown as CloudStorage);
const uploads = cloudUploadedFiles(app as unknown as CloudDownload);
const limiter = memoryLimiter();
const templates = templateIds();
const reminders = wechatSender();

/** The client's part of a cloud function event. */
export function clientEnvelope(event: unknown): unknown {
  if (typeof event !== 'object' || event === null) return event;
  const { action, data } = event as { action?: unknown; data?: unknown };
  return data === undefined ? { action } : { action, data };
}

export function cloudMain(fn: FunctionName, actions: ActionTable): (event: unknown) => Promise<ApiResult<unknown>> {
  return async (event) => {
    const { openId } = app.auth().getUserInfo();
    return dispatchTo(fn, actions, clientEnvelope(event), openId || null, {
      store,
      clock: systemClock,
      signer,
      files,
      uploads,
      limiter,
      reminders,
      templates,
      wxacode,
    });
  };
}
