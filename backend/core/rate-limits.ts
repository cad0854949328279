/**
 * How often one identity may call the actions worth protecting: sign-ups (seat grabbing),
 * door actions (a runaway scanner), invitation codes (guessing). Fixed windows per identity.
 */
export interface RateLimit {
  bucket: string;
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;

export const RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  'resident/signup.create': { bucket: 'signup', max: 10, windowMs: MINUTE },
  'resident/signup.cancel': { bucket: 'signup', max: 10, windowMs: MINUTE },
  'resident/rating.submit': { bucket: 'rating', max: 10, windowMs: MINUTE },
  'resident/online.join': { bucket: 'online', max: 20, windowMs: MINUTE },
  'resident/invite.accept': { bucket: 'invite', max: 5, windowMs: MINUTE },
  'resident/checkin.codes': { bucket: 'codes', max: 30, windowMs: MINUTE },
  'staff/signup.proxy': { bucket: 'proxy', max: 60, windowMs: MINUTE },
  'staff/checkin.scan': { bucket: 'door', max: 240, windowMs: MINUTE },
  'staff/checkin.manual': { bucket: 'door', max: 240, windowMs: MINUTE },
  'staff/checkin.walkin': { bucket: 'door', max: 240, windowMs: MINUTE },
  'staff/checkin.sync': { bucket: 'sync', max: 30, windowMs: MINUTE },
};

export function rateLimitOf(fn: string, action: string): RateLimit | null {
  const key = `${fn}/${action}`;
  return Object.hasOwn(RATE_LIMITS, key) ? RATE_LIMITS[key] : null;
}

/** The window a moment falls in, for fixed-window counting. */
export function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs);
}
