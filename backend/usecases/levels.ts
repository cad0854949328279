/**
 * Levels of the organisation tree for evaluation: who acts for which org, and which org reviews
 * next. Built on the `parentId` chain only, so it holds for district → street → unit today and
 * for any depth (province → city → district → street → unit).
 *
 * - An organizer or admin acts for the org named by their binding's `districtId` (their home
 *   org: a district, or a city for a city organizer); staff and supervisors for their units.
 * - The level above an org is its nearest ancestor that has organizers bound to it (a street
 *   without its own organizers is passed through).
 */
import type { Org } from '../../types/domain';
import { ancestorsOf } from '../core/honours';
import { fail } from '../core/errors';
import type { Caller, Deps } from './context';

/** The orgs the caller acts for. */
export function homeOrgsOf(caller: Caller): string[] {
  if (caller.role === 'organizer' || caller.role === 'admin') return caller.districtId ? [caller.districtId] : [];
  if (caller.role === 'staff' || caller.role === 'supervisor') return caller.unitIds;
  return [];
}

/** Whether some organizer is bound to `orgId`. */
async function hasOrganizers(deps: Deps, orgId: string): Promise<boolean> {
  return (await deps.store.listMembers(orgId)).some((m) => m.role === 'organizer' || m.role === 'admin');
}

/** The reviewing level above `orgId` (null at the top). */
export async function levelAbove(deps: Deps, orgs: readonly Org[], orgId: string): Promise<string | null> {
  for (const ancestor of ancestorsOf(orgs, orgId)) if (await hasOrganizers(deps, ancestor)) return ancestor;
  return null;
}

/** The org the caller acts for at `orgId`'s level, or a refusal. */
export function actingFor(caller: Caller, orgId: string, message = '不是本级的审核人员'): string {
  if (!homeOrgsOf(caller).includes(orgId)) fail('FORBIDDEN', message);
  return orgId;
}

/** The name of every org the chain touches: the district's tree and the levels above it. */
export async function orgsAround(deps: Deps, districtId: string): Promise<Org[]> {
  const orgs = await deps.store.listOrgs(districtId);
  const seen = new Set(orgs.map((o) => o.id));
  const all = [...orgs];
  for (const id of ancestorsOf(orgs, districtId)) {
    if (seen.has(id)) continue;
    const upper = await deps.store.listOrgs(id);
    for (const o of upper) {
      if (seen.has(o.id)) continue;
      all.push(o);
      seen.add(o.id);
    }
  }
  return all;
}

/**
 * Whether the caller may act on behalf of unit `orgId`: its own staff and supervisors, and the
 * organizers of an org above it (who may enter a paper nomination for the unit).
 */
export async function mayActForUnit(deps: Deps, caller: Caller, districtId: string, orgId: string): Promise<boolean> {
  const homes = homeOrgsOf(caller);
  if (homes.includes(orgId)) return true;
  if (caller.role !== 'organizer' && caller.role !== 'admin') return false;
  const orgs = await deps.store.listOrgs(districtId);
  if (!orgs.some((o) => o.id === orgId)) return false;
  return ancestorsOf(orgs, orgId).some((id) => homes.includes(id));
}
