/** Which roles see the door-staff pages. The backend checks the role of every staff call again. */
import type { Role } from '../types/domain';

export function isDoorStaff(role: Role | null | undefined): boolean {
  return role === 'staff' || role === 'supervisor' || role === 'organizer' || role === 'admin';
}

/** Supervisors and above may undo a check-in. */
export function maySupervise(role: Role | null | undefined): boolean {
  return role === 'supervisor' || role === 'organizer' || role === 'admin';
}
