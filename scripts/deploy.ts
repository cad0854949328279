/**
 * `npm run deploy`: builds every cloud function and deploys it to CloudBase with its settings and
 * triggers (cloudbaserc.json), creates the collections, then prints what must be done by hand in
 * WeChat DevTools and why. `npm run deploy -- --dry-run` prints the plan and touches nothing
 * (offline; no credentials needed).
 *
 * Needs: ENV_ID (the CloudBase environment), the functions' variables (CHECKIN_SIGNING_SEED, …),
 * and a Tencent Cloud API key in TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY.
 */
import { join } from 'node:path';
import { COLLECTIONS } from '../backend/store/cloudbase';
import { applyPlan, resolveVariables, type DeployManager } from './deploy/apply';
import { planDeploy, renderPlan } from './deploy/plan';

const root = join(__dirname, '..');

async function main(): Promise<number> {
  const dryRun = process.argv.includes('--dry-run');
  const plan = planDeploy(root, Object.values(COLLECTIONS));
  for (const line of renderPlan(plan)) console.log(line);
  if (plan.problems.length) return 1;
  if (dryRun) {
    console.log('\n(dry run: nothing was built or deployed)');
    return 0;
  }
  const env = process.env;
  const { values, missing } = resolveVariables(plan, env);
  for (const key of ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']) if (!env[key]) missing.push(key);
  if (missing.length) {
    console.error(`\nMissing in the environment: ${missing.join(', ')}`);
    return 1;
  }
  const { buildFunctions } = await import('./build-functions');
  console.log('\nbuilding functions …');
  await buildFunctions();
  // Loaded only for a real deploy, so that a dry run needs nothing but this repository.
  const { default: CloudBase } = (await import('@cloudbase/manager-node')) as unknown as {
    default: new (config: { secretId?: string; secretKey?: string; envId: string }) => DeployManager;
  };
  const manager = new CloudBase({
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
    envId: env[plan.envFrom]!,
  });
  await applyPlan(plan, manager, values, join(root, 'cloudfunctions'), (line) => console.log(line));
  console.log('\nDeployed. Now do the steps "By hand afterwards" listed above.');
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
