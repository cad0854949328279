import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlan, resolveVariables, type DeployManager } from '../../scripts/deploy/apply';
import { planDeploy, renderPlan } from '../../scripts/deploy/plan';
import { FUNCTION_NAMES } from '../../backend/api/dispatch';

const root = join(__dirname, '..', '..');
const COLLECTIONS = ['events', 'summaries'];

describe('deploy plan', () => {
  const plan = planDeploy(root, COLLECTIONS);

  it('deploys every function on a current runtime with its timeout and triggers', () => {
    expect(plan.problems).toEqual([]);
    expect(plan.functions.map((f) => [f.name, f.runtime, f.timeout])).toEqual([
      ['resident', 'Nodejs18.15', 10],
      ['staff', 'Nodejs18.15', 10],
      ['organizer', 'Nodejs18.15', 10],
      ['exports', 'Nodejs18.15', 60],
      ['reconcile', 'Nodejs18.15', 60],
      ['reminders', 'Nodejs18.15', 60],
    ]);
    expect(plan.functions.find((f) => f.name === 'reconcile')?.triggers).toEqual([
      { name: 'nightly', type: 'timer', config: '0 0 3 * * * *' },
    ]);
    expect(plan.functions.find((f) => f.name === 'reminders')?.openapi).toEqual(['subscribeMessage.send']);
  });

  it('deploys every function the app calls, exports with the 60 s its config.json asks for', () => {
    expect(plan.functions.map((f) => f.name)).toEqual(expect.arrayContaining(FUNCTION_NAMES));
    const config = JSON.parse(readFileSync(join(root, 'cloudfunctions', 'exports', 'config.json'), 'utf8')) as {
      timeout: number;
      runtime: string;
    };
    expect(config).toEqual({ runtime: 'Nodejs18.15', timeout: 60 });
    expect(plan.functions.find((f) => f.name === 'exports')).toMatchObject({ timeout: 60, openapi: [] });
  });

  it('says which DevTools steps are needed and why (openapi permissions)', () => {
    const text = renderPlan(plan).join('\n');
    expect(text).toContain('right-click each of resident, staff, organizer, reminders');
    expect(text).toContain('permissions.openapi');
    expect(text).toContain('-604101');
    expect(text).toContain('Needs in the environment: ENV_ID, CHECKIN_SIGNING_SEED');
  });

  it('refuses an end-of-life runtime and triggers that disagree between the two files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-plan-'));
    try {
      cpSync(join(root, 'cloudbaserc.json'), join(dir, 'cloudbaserc.json'));
      for (const f of plan.functions) {
        cpSync(join(root, 'cloudfunctions', f.name, 'config.json'), join(dir, 'cloudfunctions', f.name, 'config.json'));
      }
      const rc = readFileSync(join(dir, 'cloudbaserc.json'), 'utf8').replace('"Nodejs18.15"', '"Nodejs16.13"');
      writeFileSync(join(dir, 'cloudbaserc.json'), rc);
      writeFileSync(
        join(dir, 'cloudfunctions', 'reconcile', 'config.json'),
        JSON.stringify({ runtime: 'Nodejs18.15' }),
      );
      expect(planDeploy(dir, COLLECTIONS).problems).toEqual([
        'resident: runtime Nodejs16.13 is not one of Nodejs18.15, Nodejs20.19',
        'resident: config.json runtime Nodejs18.15 differs from cloudbaserc.json Nodejs16.13',
        'reconcile: config.json and cloudbaserc.json list different triggers',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fills variables from the environment and lists the missing ones', () => {
    const { values, missing } = resolveVariables(plan, { ENV_ID: 'prod-1a2b', CHECKIN_SIGNING_SEED: 'ab' });
    expect(missing).toEqual([
      'REMINDER_TEMPLATE_ID',
      'PROMOTED_TEMPLATE_ID',
      'RATING_TEMPLATE_ID',
      'REGISTRATION_ID_SECRET',
      'REPORT_TEMPLATE_ID',
    ]);
    expect(values.get('staff')).toEqual({ CHECKIN_SIGNING_SEED: 'ab' });
    expect(values.get('reconcile')).toEqual({});
  });

  it('creates or overwrites each function with its settings, then the collections', async () => {
    const calls: unknown[] = [];
    const manager: DeployManager = {
      functions: { createFunction: async (param) => void calls.push(['function', param]) },
      database: { createCollectionIfNotExists: async (name) => void calls.push(['collection', name]) },
    };
    const variables = new Map([['reminders', { REMINDER_TEMPLATE_ID: 't1' }]]);
    await applyPlan(plan, manager, variables, '/repo/cloudfunctions', () => undefined);
    expect(calls).toHaveLength(8);
    expect(calls[5]).toEqual([
      'function',
      {
        func: {
          name: 'reminders',
          runtime: 'Nodejs18.15',
          timeout: 60,
          memorySize: 256,
          handler: 'index.main',
          envVariables: { REMINDER_TEMPLATE_ID: 't1' },
          triggers: [{ name: 'every15min', type: 'timer', config: '0 */15 * * * * *' }],
          installDependency: true,
          ignore: ['*.ts', 'node_modules', 'node_modules/**/*'],
        },
        functionRootPath: '/repo/cloudfunctions',
        force: true,
      },
    ]);
    expect(calls.slice(6)).toEqual([
      ['collection', 'events'],
      ['collection', 'summaries'],
    ]);
  });

  it('npm run deploy -- --dry-run prints the plan offline, with no credentials', () => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    const out = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/deploy.ts', '--dry-run'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(out).toContain('function organizer: Nodejs18.15, timeout 10s');
    expect(out).toContain('(dry run: nothing was built or deployed)');
  }, 60_000);
});
