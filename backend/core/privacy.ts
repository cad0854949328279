/**
 * Who sees whose name in an export. Phone numbers are always masked in exports.
 *
 * Full names go only to the staff and supervisors of the unit that held the event: they met
 * these people at the door and keep the unit's own sign-in list (签到名单), so they need to know
 * who came. Organizers (street, district) and admins work with counts, not people: they get
 * masked names (王*明), enough to see that a line is a person and to recount.
 */
import type { Role } from '../../types/domain';

export function exportShowsFullNames(caller: { role: Role; unitIds: readonly string[] }, unitId: string): boolean {
  return (caller.role === 'staff' || caller.role === 'supervisor') && caller.unitIds.includes(unitId);
}
