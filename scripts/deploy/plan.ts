/**
 * What `npm run deploy` does, worked out offline from cloudbaserc.json and each function's
 * config.json: the functions with their settings and triggers, the collections, and the steps that
 * only WeChat DevTools or the console can do. Pure: reads files, touches no network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Node runtimes CloudBase offers that are not end-of-life. */
export const CURRENT_RUNTIMES = ['Nodejs18.15', 'Nodejs20.19'] as const;

export interface Trigger {
  name: string;
  type: string;
  config: string;
}

export interface FunctionPlan {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  handler: string;
  /** Variable name → the process environment variable its value comes from (`{{env.X}}`), or a literal. */
  envVariables: Record<string, { from: string } | { value: string }>;
  triggers: Trigger[];
  /** WeChat open APIs the function calls (config.json `permissions.openapi`). */
  openapi: string[];
}

export interface DeployPlan {
  envFrom: string;
  functions: FunctionPlan[];
  collections: string[];
  /** Environment variables the deploy needs (env id, function variables). */
  needs: string[];
  /** Steps a person must do in WeChat DevTools or the CloudBase console, each with why. */
  manual: string[];
  /** Problems that stop a deploy (a stale runtime, a trigger config.json and cloudbaserc disagree on). */
  problems: string[];
}

interface RcFunction {
  name: string;
  timeout?: number;
  runtime?: string;
  memorySize?: number;
  handler?: string;
  envVariables?: Record<string, string>;
  triggers?: Trigger[];
}

const ENV_REF = /^\{\{env\.([A-Z0-9_]+)\}\}$/;

export function planDeploy(root: string, collections: string[]): DeployPlan {
  const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as {
    envId: string;
    functions: RcFunction[];
  };
  const problems: string[] = [];
  const needs = new Set<string>();
  const envFrom = ENV_REF.exec(rc.envId)?.[1] ?? 'ENV_ID';
  needs.add(envFrom);

  const functions = rc.functions.map((fn): FunctionPlan => {
    const config = JSON.parse(readFileSync(join(root, 'cloudfunctions', fn.name, 'config.json'), 'utf8')) as {
      runtime?: string;
      permissions?: { openapi?: string[] };
      triggers?: Trigger[];
    };
    const runtime = fn.runtime ?? 'Nodejs18.15';
    if (!(CURRENT_RUNTIMES as readonly string[]).includes(runtime))
      problems.push(`${fn.name}: runtime ${runtime} is not one of ${CURRENT_RUNTIMES.join(', ')}`);
    if (config.runtime && config.runtime !== runtime)
      problems.push(`${fn.name}: config.json runtime ${config.runtime} differs from cloudbaserc.json ${runtime}`);
    const triggers = fn.triggers ?? [];
    if (JSON.stringify(config.triggers ?? []) !== JSON.stringify(triggers))
      problems.push(`${fn.name}: config.json and cloudbaserc.json list different triggers`);
    const envVariables: FunctionPlan['envVariables'] = {};
    for (const [key, value] of Object.entries(fn.envVariables ?? {})) {
      const ref = ENV_REF.exec(value)?.[1];
      if (ref) {
        envVariables[key] = { from: ref };
        needs.add(ref);
      } else envVariables[key] = { value };
    }
    return {
      name: fn.name,
      runtime,
      timeout: fn.timeout ?? 10,
      memorySize: fn.memorySize ?? 256,
      handler: fn.handler ?? 'index.main',
      envVariables,
      triggers,
      openapi: config.permissions?.openapi ?? [],
    };
  });

  const withOpenapi = functions.filter((f) => f.openapi.length > 0);
  const manual = [
    ...(withOpenapi.length
      ? [
          `In WeChat DevTools, right-click each of ${withOpenapi.map((f) => f.name).join(', ')} under cloudfunctions/ → ` +
            '上传并部署：云端安装依赖. Why: only WeChat\'s own upload applies config.json "permissions.openapi" ' +
            `(${[...new Set(withOpenapi.flatMap((f) => f.openapi))].join(', ')}); the CloudBase API cannot, ` +
            'and without it subscription messages and 小程序码 posters fail with -604101.',
        ]
      : []),
    'In the CloudBase console (数据库), give `summaries` the custom rule {"read": "auth != null", "write": false} ' +
      'and create the indexes listed in backend/store/cloudbase/index.ts. Why: the manager API creates ' +
      'collections but this deploy does not change security rules or indexes on a live database.',
    'In WeChat DevTools, build the mini-program with `TARO_APP_CLOUD_ENV=<env id> npm run build:weapp:release`, ' +
      "then 上传 and submit it for review at mp.weixin.qq.com. Why: uploading needs the app's own key and a person " +
      'to fill in the version and the 用户隐私保护指引 (README, "Before releasing the mini-program").',
  ];

  return { envFrom, functions, collections, needs: [...needs], manual, problems };
}

/** The plan as the lines `npm run deploy -- --dry-run` prints. */
export function renderPlan(plan: DeployPlan): string[] {
  const lines = [`CloudBase environment: $${plan.envFrom}`, '', 'Automatic (npm run deploy):'];
  lines.push('  1. npm run build:functions (esbuild, minified bundles)');
  let step = 2;
  for (const fn of plan.functions) {
    const vars = Object.entries(fn.envVariables)
      .map(([k, v]) => ('from' in v ? `${k}=$${v.from}` : `${k}=${v.value}`))
      .join(', ');
    const triggers = fn.triggers.map((t) => `${t.type} ${t.name} "${t.config}"`).join('; ');
    lines.push(
      `  ${step}. function ${fn.name}: ${fn.runtime}, timeout ${fn.timeout}s, ${fn.memorySize} MB, ${fn.handler}` +
        (vars ? `, env ${vars}` : '') +
        (triggers ? `, triggers ${triggers}` : ''),
    );
    step += 1;
  }
  lines.push(`  ${step}. collections (created if missing): ${plan.collections.join(', ')}`);
  lines.push(
    '',
    'Needs in the environment: ' + plan.needs.join(', ') + ', TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY',
  );
  lines.push('', 'By hand afterwards (WeChat DevTools / console):');
  plan.manual.forEach((m, i) => lines.push(`  ${i + 1}. ${m}`));
  if (plan.problems.length) {
    lines.push('', 'Problems (deploy refuses until fixed):');
    for (const p of plan.problems) lines.push(`  - ${p}`);
  }
  return lines;
}
