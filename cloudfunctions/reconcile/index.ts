/**
 * Cloud function `reconcile`, run by its timer trigger (config.json, 03:00 daily): recounts
 * every counter of the latest campaign from raw records and repairs drift. It answers only
 * its timer: a call from a client (which carries a WeChat identity) is refused.
 */
import { timerMain } from '../../backend/api/cloud-entry';
import { SYSTEM } from '../../backend/usecases/context';
import { reconcile } from '../../backend/usecases/dashboard';

export const main = timerMain(
  'reconcile',
  (deps) => reconcile(deps, SYSTEM),
  (report) => ({ repairs: report.repairs.length }),
);
