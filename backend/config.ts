/**
 * The backend's configuration: the one place backend code (cloud functions, the local server
 * and its scripts) reads the process environment. Parsed once, at cold start, with zod.
 *
 * Cloud functions fail narrowly: each variable is parsed on its own, a missing or malformed
 * secret disables only the actions that need it (with a typed error naming the variable, see
 * `CHECKIN_KEY_MISSING`) and is reported once in the log; browsing keeps working. Each function
 * reads only the secrets it uses (`SECRETS_OF`; cloudbaserc.json gives it exactly those).
 *
 * The local server fails early instead: a malformed local option stops it at start.
 */
import * as z from 'zod';
import type { MessageKind, ReminderKind } from '../types/domain';

/** The check-in code key (Ed25519 seed): signs codes (resident) and checks them (staff). */
export const SIGNING_SEED = 'CHECKIN_SIGNING_SEED';
/** Keys the registration ids of sign-ups staff make on behalf of others (HMAC-SHA256). */
export const REGISTRATION_ID_SECRET = 'REGISTRATION_ID_SECRET';
export type SecretName = typeof SIGNING_SEED | typeof REGISTRATION_ID_SECRET;

export const TEMPLATE_VARIABLES: Record<ReminderKind, string> = {
  event_reminder: 'REMINDER_TEMPLATE_ID',
  promoted: 'PROMOTED_TEMPLATE_ID',
  rating_invite: 'RATING_TEMPLATE_ID',
};

/** The organizers' 上报提醒 template (report.remind), read by the organizer function only. */
export const ORGANIZER_TEMPLATE_VARIABLES: Partial<Record<MessageKind, string>> = {
  report_reminder: 'REPORT_TEMPLATE_ID',
};

export type DeployedFunction = 'resident' | 'staff' | 'organizer' | 'exports' | 'reconcile' | 'reminders';

/** Which secrets each deployed function uses; the organizer function never signs nor keys ids. */
export const SECRETS_OF: Record<DeployedFunction, readonly SecretName[]> = {
  resident: [SIGNING_SEED],
  staff: [SIGNING_SEED, REGISTRATION_ID_SECRET],
  organizer: [],
  exports: [],
  reconcile: [],
  reminders: [],
};

/** Which functions send subscription messages (reminders, waitlist promotions, rating invitations) and need the template ids. */
export const SENDS_MESSAGES: Record<DeployedFunction, boolean> = {
  resident: true,
  staff: true,
  organizer: true,
  exports: false,
  reconcile: false,
  reminders: true,
};

/** 32 bytes as 64 hex characters (e.g. `openssl rand -hex 32`). */
export const hexSecretSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, '64 hex characters')
  .transform((hex) => hex.toLowerCase());

/** A subscription template id as the mini-program console shows it; an unreplaced `{{env.X}}` is not one. */
const templateIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,128}$/);

export interface ConfigProblem {
  variable: string;
  problem: 'missing' | 'malformed';
}

export type ConfigLog = (problem: ConfigProblem & { effect: string }) => void;

const defaultLog: ConfigLog = (entry) => console.error(JSON.stringify({ level: 'error', kind: 'config', ...entry }));

type Env = Record<string, string | undefined>;

/** A secret's value, or why there is none. The value itself is never logged. */
export function readSecret(env: Env, variable: SecretName): { hex: string } | ConfigProblem {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return { variable, problem: 'missing' };
  const parsed = hexSecretSchema.safeParse(raw);
  return parsed.success ? { hex: parsed.data } : { variable, problem: 'malformed' };
}

export interface CloudConfig {
  signingSeed: string | null;
  registrationSecret: string | null;
  templates: Partial<Record<MessageKind, string>>;
  problems: ConfigProblem[];
}

const EFFECTS: Record<SecretName, string> = {
  CHECKIN_SIGNING_SEED: 'check-in code actions disabled',
  REGISTRATION_ID_SECRET: 'staff sign-ups on behalf of others disabled',
};

/**
 * A deployed function's configuration, read once at cold start. Never throws: each problem is
 * logged once (variable and problem, never the value) and disables only what needs it.
 */
export function readCloudConfig(
  fn: DeployedFunction,
  env: Env = process.env,
  log: ConfigLog = defaultLog,
): CloudConfig {
  const config: CloudConfig = { signingSeed: null, registrationSecret: null, templates: {}, problems: [] };
  for (const variable of SECRETS_OF[fn]) {
    const secret = readSecret(env, variable);
    if ('hex' in secret) {
      if (variable === SIGNING_SEED) config.signingSeed = secret.hex;
      else config.registrationSecret = secret.hex;
    } else {
      config.problems.push(secret);
      log({ ...secret, effect: EFFECTS[variable] });
    }
  }
  if (SENDS_MESSAGES[fn]) {
    const variables = { ...TEMPLATE_VARIABLES, ...(fn === 'organizer' ? ORGANIZER_TEMPLATE_VARIABLES : {}) };
    for (const [kind, variable] of Object.entries(variables) as [MessageKind, string][]) {
      const raw = env[variable];
      const parsed = templateIdSchema.safeParse(raw);
      if (parsed.success) config.templates[kind] = parsed.data;
      else {
        const problem: ConfigProblem = { variable, problem: raw?.trim() ? 'malformed' : 'missing' };
        config.problems.push(problem);
        log({ ...problem, effect: `${kind} messages not sent` });
      }
    }
  }
  return config;
}

/** Thrown at start of the local server for a malformed local option: names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    expected: string,
  ) {
    super(`${variable}: expected ${expected}`);
    this.name = 'ConfigError';
  }
}

const flag = z.enum(['0', '1']).transform((v) => v === '1');

const localSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  DATA_FILE: z.string().min(1).optional(),
  STATIC_DIR: z.string().min(1).optional(),
  DEMO: flag.optional(),
  DEV_IDENTITIES: flag.optional(),
  DEMO_WEEK_START: z.union([z.literal('today'), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).optional(),
  LOCAL_RATE_LIMITS: flag.optional(),
  CHECKIN_SIGNING_SEED: hexSecretSchema.optional(),
  REGISTRATION_ID_SECRET: hexSecretSchema.optional(),
});

const EXPECTED: Record<keyof z.infer<typeof localSchema>, string> = {
  PORT: 'a port number',
  DATA_FILE: 'a file path',
  STATIC_DIR: 'a folder path',
  DEMO: '0 or 1',
  DEV_IDENTITIES: '0 or 1',
  DEMO_WEEK_START: 'YYYY-MM-DD or today',
  LOCAL_RATE_LIMITS: '0 or 1',
  CHECKIN_SIGNING_SEED: '64 hex characters',
  REGISTRATION_ID_SECRET: '64 hex characters',
};

export interface LocalConfig {
  port: number;
  /** As given; each command applies its own default (the demo store or data/week.sqlite). */
  dataFile: string | undefined;
  staticDir: string;
  /** The demo store with its generated week (default on; DEMO=0 for an empty non-demo store). */
  demo: boolean;
  /**
   * Identity switching by the `x-demo-identity` header: a development feature, on for the demo
   * store unless DEV_IDENTITIES=0, off otherwise unless DEV_IDENTITIES=1. Off: every caller is
   * anonymous, no header is read.
   */
  devIdentities: boolean;
  demoWeekStart: string | undefined;
  rateLimits: boolean;
  /** Set only when given in the environment; else the local key files are used. */
  signingSeed: string | undefined;
  registrationSecret: string | undefined;
}

export const DEFAULT_PORT = 8787;

/** The local server's and scripts' options; throws ConfigError naming the first bad variable. */
export function readLocalConfig(env: Env = process.env): LocalConfig {
  const present = Object.fromEntries(
    Object.keys(localSchema.shape).flatMap((key) =>
      env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]],
    ),
  );
  const parsed = localSchema.safeParse(present);
  if (!parsed.success) {
    const variable = String(parsed.error.issues[0]?.path[0] ?? 'environment') as keyof typeof EXPECTED;
    throw new ConfigError(variable, EXPECTED[variable] ?? 'a valid value');
  }
  const c = parsed.data;
  const demo = c.DEMO ?? true;
  return {
    port: c.PORT ?? DEFAULT_PORT,
    dataFile: c.DATA_FILE,
    staticDir: c.STATIC_DIR ?? 'dist-h5',
    demo,
    devIdentities: c.DEV_IDENTITIES ?? demo,
    demoWeekStart: c.DEMO_WEEK_START,
    rateLimits: c.LOCAL_RATE_LIMITS ?? true,
    signingSeed: c.CHECKIN_SIGNING_SEED,
    registrationSecret: c.REGISTRATION_ID_SECRET,
  };
}
