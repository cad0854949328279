/**
 * `npm run reconcile`: recounts every counter of the latest campaign in the local store from
 * its raw records, repairs drift and prints what it repaired. (In production the `reconcile`
 * cloud function does the same on a timer.)
 */
import { resolve } from 'node:path';
import { readLocalConfig } from '../backend/config';
import { systemClock } from '../backend/core/time';
import { openSqliteStore } from '../backend/store/sqlite';
import { SYSTEM } from '../backend/usecases/context';
import { reconcile } from '../backend/usecases/dashboard';

async function main(): Promise<void> {
  const file = resolve(readLocalConfig().dataFile ?? 'data/demo.sqlite');
  const store = openSqliteStore({ file });
  try {
    const report = await reconcile({ store, clock: systemClock, signer: null }, SYSTEM, process.argv[2]);
    console.log(`核对 ${report.campaignId}：${report.checkedEvents} 场活动，修复 ${report.repairs.length} 处`);
    for (const r of report.repairs) console.log(`  ${r.target} ${r.field}: ${r.was} → ${r.now}`);
  } finally {
    store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
