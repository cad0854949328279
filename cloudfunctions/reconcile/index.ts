/**
 * Cloud function `reconcile`, run by its timer trigger (config.json, 03:00 daily): recounts
 * every counter of the latest campaign from raw records and repairs drift. It answers only
 * its timer: a call from a client (which carries a WeChat identity) is refused.
 */
import tcb from '@cloudbase/node-sdk';
import { DomainError } from '../../backend/core/errors';
import { systemClock } from '../../backend/core/time';
import { createCloudbaseStore } from '../../backend/store/cloudbase';
import type { CloudbaseDb } from '../../backend/store/cloudbase/sdk';
import { SYSTEM } from '../../backend/usecases/context';
import { reconcile } from '../../backend/usecases/dashboard';

const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
const store = createCloudbaseStore(app.database() as unknown as CloudbaseDb);

export async function main(event: { Type?: string } | null) {
  const { openId } = app.auth().getUserInfo();
  if (openId || event?.Type !== 'Timer') return { ok: false, error: new DomainError('FORBIDDEN').toApiError() };
  const report = await reconcile({ store, clock: systemClock, signer: null }, SYSTEM);
  console.log(JSON.stringify({ level: 'info', job: 'reconcile', repairs: report.repairs.length }));
  return { ok: true, data: report };
}
