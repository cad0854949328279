/** Carries out a deploy plan through the CloudBase manager SDK (@cloudbase/manager-node). */
import type { DeployPlan } from './plan';

/** The part of the manager SDK the deploy uses (`new CloudBase({ secretId, secretKey, envId })`). */
export interface DeployManager {
  functions: {
    createFunction(param: {
      func: Record<string, unknown> & { name: string };
      functionRootPath: string;
      force: boolean;
    }): Promise<unknown>;
  };
  database: { createCollectionIfNotExists(name: string): Promise<unknown> };
}

/** Resolves each function's `{{env.X}}` variables; lists the ones missing. */
export function resolveVariables(
  plan: DeployPlan,
  env: Record<string, string | undefined>,
): { values: Map<string, Record<string, string>>; missing: string[] } {
  const values = new Map<string, Record<string, string>>();
  const missing = new Set<string>();
  for (const need of plan.needs) if (!env[need]) missing.add(need);
  for (const fn of plan.functions) {
    const vars: Record<string, string> = {};
    for (const [key, v] of Object.entries(fn.envVariables)) {
      if ('value' in v) vars[key] = v.value;
      else if (env[v.from]) vars[key] = env[v.from]!;
    }
    values.set(fn.name, vars);
  }
  return { values, missing: [...missing] };
}

/**
 * Creates or overwrites every function (code, runtime, timeout, memory, variables, triggers:
 * `force: true` replaces what is there), then creates missing collections. Stops at the first failure.
 */
export async function applyPlan(
  plan: DeployPlan,
  manager: DeployManager,
  variables: Map<string, Record<string, string>>,
  functionRootPath: string,
  log: (line: string) => void,
): Promise<void> {
  for (const fn of plan.functions) {
    log(`deploying function ${fn.name} …`);
    await manager.functions.createFunction({
      func: {
        name: fn.name,
        runtime: fn.runtime,
        timeout: fn.timeout,
        memorySize: fn.memorySize,
        handler: fn.handler,
        envVariables: variables.get(fn.name) ?? {},
        triggers: fn.triggers,
        installDependency: true,
        // Ship the bundle (index.js) and package.json; the sources stay home.
        ignore: ['*.ts', 'node_modules', 'node_modules/**/*'],
      },
      functionRootPath,
      force: true,
    });
  }
  for (const name of plan.collections) {
    await manager.database.createCollectionIfNotExists(name);
  }
  log(`collections ready: ${plan.collections.join(', ')}`);
}
