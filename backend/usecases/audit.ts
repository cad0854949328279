/**
 * The setup audit log: who changed which campaign, unit, staff binding or event, and when.
 * Summaries name what changed, never personal data.
 */
import type { Caller, Deps } from './context';
import { randomHex } from './ids';
import { ROLE_LABELS } from '../core/labels';

export async function audit(
  deps: Deps,
  caller: Caller,
  districtId: string,
  action: string,
  target: string,
  summary: string,
): Promise<void> {
  await deps.store.insertAudit({
    id: `${deps.clock.now().toString(36)}-${randomHex(deps, 6)}`,
    districtId,
    actor: caller.name ? `${caller.name}（${ROLE_LABELS[caller.role]}）` : (caller.openid ?? 'system'),
    at: deps.clock.now(),
    action,
    target,
    summary: summary.slice(0, 200),
  });
}
