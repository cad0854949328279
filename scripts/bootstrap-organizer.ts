/**
 * `npm run bootstrap:organizer -- --openid <openid> --district <id> --district-name <名称> --name <姓名>`
 *
 * Binds the first organizer of a local non-demo development store (`DEMO=0`) and creates the
 * district if missing; everyone else is then invited from the app. The local server is a
 * development tool: its callers act through development identities (`DEV_IDENTITIES=1`), so the
 * organizer to bind there is `demo-openid-organizer`. Refuses to touch the demo store. (On CloudBase the same two documents are added in the
 * console: see README, "Deploy the backend to CloudBase".)
 */
import { resolve } from 'node:path';
import { readLocalConfig } from '../backend/config';
import { openSqliteStore } from '../backend/store/sqlite';

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) throw new Error(`missing --${name}`);
  return value;
}

async function main(): Promise<void> {
  const file = resolve(readLocalConfig().dataFile ?? 'data/week.sqlite');
  if (/demo/.test(file)) throw new Error('the demo store has its demo identities already');
  const openid = arg('openid');
  const districtId = arg('district');
  if (!/^[A-Za-z0-9_-]{1,96}$/.test(districtId)) throw new Error('--district: letters, digits, _ and - only');
  const store = openSqliteStore({ file });
  try {
    const orgs = await store.listOrgs(districtId);
    if (!orgs.some((o) => o.id === districtId)) {
      await store.putOrg({ id: districtId, name: arg('district-name'), kind: 'district', parentId: null, districtId });
    }
    await store.putMember({ openid, role: 'organizer', districtId, unitIds: [], name: arg('name') });
    console.log(`已将 ${openid} 设为 ${districtId} 的组织者 → ${file}`);
  } finally {
    store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
