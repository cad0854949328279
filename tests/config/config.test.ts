/**
 * The one configuration module (backend/config.ts) and what a cloud function does with
 * it at cold start: a missing or malformed secret disables only the actions that need it, with
 * a typed error naming the variable, reported once in the log; browsing keeps working; each
 * function is given only the secrets it uses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigError,
  readCloudConfig,
  readLocalConfig,
  SECRETS_OF,
  SENDS_MESSAGES,
  ORGANIZER_TEMPLATE_VARIABLES,
  type ConfigProblem,
  type DeployedFunction,
} from '../../backend/config';

const GOOD_SEED = '3c'.repeat(32);
const SHORT_SEED = 'a'.repeat(63);
const PLACEHOLDER = '{{env.CHECKIN_SIGNING_SEED}}';

describe('cloud configuration', () => {
  it('takes a well-formed seed and secret, and the template ids', () => {
    const log = jest.fn();
    const config = readCloudConfig(
      'staff',
      {
        CHECKIN_SIGNING_SEED: ` ${GOOD_SEED.toUpperCase()} `,
        REGISTRATION_ID_SECRET: '7f'.repeat(32),
        REMINDER_TEMPLATE_ID: 'AbC_123-xyzAbC_123-xyz',
        PROMOTED_TEMPLATE_ID: 'ZZZ_999-abcZZZ_999-abc',
        RATING_TEMPLATE_ID: 'Rate_42-abcRate_42-abc',
      },
      log,
    );
    expect(config).toEqual({
      signingSeed: GOOD_SEED,
      registrationSecret: '7f'.repeat(32),
      templates: {
        event_reminder: 'AbC_123-xyzAbC_123-xyz',
        promoted: 'ZZZ_999-abcZZZ_999-abc',
        rating_invite: 'Rate_42-abcRate_42-abc',
      },
      problems: [],
    });
    expect(log).not.toHaveBeenCalled();
  });

  it.each([
    ['63 hex characters', SHORT_SEED, 'malformed'],
    ['the unreplaced placeholder', PLACEHOLDER, 'malformed'],
    ['not hex', 'g'.repeat(64), 'malformed'],
    ['empty', '', 'missing'],
    ['absent', undefined, 'missing'],
  ])('a seed that is %s is reported once, by name, never by value', (_label, seed, problem) => {
    const lines: string[] = [];
    const log = (entry: object) => lines.push(JSON.stringify(entry));
    const config = readCloudConfig('resident', { CHECKIN_SIGNING_SEED: seed }, log);
    expect(config.signingSeed).toBeNull();
    const seedProblems = lines.filter((l) => l.includes('CHECKIN_SIGNING_SEED'));
    expect(seedProblems).toHaveLength(1);
    expect(JSON.parse(seedProblems[0])).toMatchObject({ variable: 'CHECKIN_SIGNING_SEED', problem });
    if (seed) expect(lines.join('\n')).not.toContain(seed);
  });

  it('never reads the seed in the organizer function, which does not sign', () => {
    const log = jest.fn();
    const config = readCloudConfig(
      'organizer',
      { CHECKIN_SIGNING_SEED: GOOD_SEED, REGISTRATION_ID_SECRET: GOOD_SEED },
      log,
    );
    expect(config.signingSeed).toBeNull();
    expect(config.registrationSecret).toBeNull();
    expect(log.mock.calls.map(([e]: [ConfigProblem][]) => e)).not.toContainEqual(
      expect.objectContaining({ variable: 'CHECKIN_SIGNING_SEED' }),
    );
  });

  it('gives each function in cloudbaserc.json exactly the secrets it uses', () => {
    const rc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'cloudbaserc.json'), 'utf8')) as {
      functions: { name: DeployedFunction; envVariables?: Record<string, string> }[];
    };
    // Written out by hand: who signs codes, who checks them, who keys proxy sign-up ids.
    const expected: Record<DeployedFunction, string[]> = {
      resident: ['CHECKIN_SIGNING_SEED', 'PROMOTED_TEMPLATE_ID', 'RATING_TEMPLATE_ID', 'REMINDER_TEMPLATE_ID'],
      staff: [
        'CHECKIN_SIGNING_SEED',
        'PROMOTED_TEMPLATE_ID',
        'RATING_TEMPLATE_ID',
        'REGISTRATION_ID_SECRET',
        'REMINDER_TEMPLATE_ID',
      ],
      // The organizer function also sends 上报提醒 (report.remind).
      organizer: ['PROMOTED_TEMPLATE_ID', 'RATING_TEMPLATE_ID', 'REMINDER_TEMPLATE_ID', 'REPORT_TEMPLATE_ID'],
      // Exports and the schedule import: no code, no id, no message.
      exports: [],
      reconcile: [],
      reminders: ['PROMOTED_TEMPLATE_ID', 'RATING_TEMPLATE_ID', 'REMINDER_TEMPLATE_ID'],
    };
    for (const fn of rc.functions) {
      expect([fn.name, Object.keys(fn.envVariables ?? {}).sort()]).toEqual([fn.name, expected[fn.name]]);
      const read = [
        ...SECRETS_OF[fn.name],
        ...(SENDS_MESSAGES[fn.name] ? ['PROMOTED_TEMPLATE_ID', 'RATING_TEMPLATE_ID', 'REMINDER_TEMPLATE_ID'] : []),
        ...(fn.name === 'organizer' ? Object.values(ORGANIZER_TEMPLATE_VARIABLES) : []),
      ];
      expect([fn.name, read.sort()]).toEqual([fn.name, expected[fn.name]]);
    }
    expect(rc.functions.map((f) => f.name).sort()).toEqual(Object.keys(expected).sort());
  });
});

describe('local configuration', () => {
  it('turns development identities on for the demo store only, unless told', () => {
    expect(readLocalConfig({}).devIdentities).toBe(true);
    expect(readLocalConfig({ DEMO: '0' }).devIdentities).toBe(false);
    expect(readLocalConfig({ DEMO: '0', DEV_IDENTITIES: '1' }).devIdentities).toBe(true);
    expect(readLocalConfig({ DEV_IDENTITIES: '0' }).devIdentities).toBe(false);
  });

  it('stops at start on a malformed option, naming it', () => {
    expect(() => readLocalConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => readLocalConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readLocalConfig({ DEV_IDENTITIES: 'yes' })).toThrow(/DEV_IDENTITIES/);
    expect(() => readLocalConfig({ CHECKIN_SIGNING_SEED: SHORT_SEED })).toThrow(/CHECKIN_SIGNING_SEED/);
    expect(() => readLocalConfig({ DEMO_WEEK_START: 'tomorrow' })).toThrow(/DEMO_WEEK_START/);
  });
});
