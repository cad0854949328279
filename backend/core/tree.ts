/**
 * The organisation tree of any depth (province → city → district/county → street/town → unit,
 * units at any level): which kind may hang below which, which orgs run a campaign of their own,
 * and subtree/ancestor questions over a list of orgs. Pure: callers load the orgs.
 */
import type { Org, OrgKind } from '../../types/domain';

/** Depth of each kind; a unit's depth is one below whatever it hangs from. */
export const LEVEL_OF: Record<Exclude<OrgKind, 'unit'>, number> = {
  province: 0,
  city: 1,
  district: 2,
  county: 2,
  street: 3,
  town: 3,
};

const CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  province: ['city', 'unit'],
  city: ['district', 'county', 'unit'],
  district: ['street', 'town', 'unit'],
  county: ['street', 'town', 'unit'],
  street: ['unit'],
  town: ['unit'],
  unit: [],
};

export function mayHang(parentKind: OrgKind, kind: OrgKind): boolean {
  return CHILD_KINDS[parentKind].includes(kind);
}

/** Orgs that run a week of their own (their `districtId` is their own id). */
export function runsCampaign(kind: OrgKind): boolean {
  return kind === 'province' || kind === 'city' || kind === 'district' || kind === 'county';
}

/** The `districtId` a new org gets: its own id where it runs a campaign, else its parent's. */
export function campaignOwnerOf(kind: OrgKind, id: string, parent: Org | null): string {
  if (runsCampaign(kind) || !parent) return id;
  return parent.districtId;
}

/** The ids from `id` up to the root, `id` first. Stops on a cycle. */
export function ancestorsOf(orgs: ReadonlyMap<string, Org>, id: string): string[] {
  const path: string[] = [];
  let current: string | null = id;
  while (current !== null && !path.includes(current)) {
    path.push(current);
    current = orgs.get(current)?.parentId ?? null;
  }
  return path;
}

/** Whether `rootId` is `id` or one of its ancestors. */
export function isWithin(orgs: ReadonlyMap<string, Org>, rootId: string, id: string): boolean {
  return ancestorsOf(orgs, id).includes(rootId);
}

/** The children of `parentId` that run a campaign of their own: the level a roll-up breaks down by. */
export function levelBelow(orgs: readonly Org[], parentId: string): Org[] {
  return orgs.filter((o) => o.parentId === parentId).sort((a, b) => a.id.localeCompare(b.id));
}

export function indexOrgs(orgs: readonly Org[]): Map<string, Org> {
  return new Map(orgs.map((o) => [o.id, o]));
}
