/** Which roles see the door-staff pages. The backend checks the role of every staff call again. */
import type { Role } from '../types/domain';

export function isDoorStaff(role: Role | null | undefined): boolean {
  return role === 'staff' || role === 'supervisor' || role === 'organizer' || role === 'admin';
}

/** Supervisors and above may undo a check-in. */
export function maySupervise(role: Role | null | undefined): boolean {
  return role === 'supervisor' || role === 'organizer' || role === 'admin';
}

/** The roles' Chinese names: one table with the backend's exports (backend/core/labels.ts). */
export { ROLE_LABELS } from '@backend/core/labels';

/** An invitation code: 8 letters and digits without the look-alikes 0, O, 1, I. */
export const INVITE_CODE_PATTERN = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/;

/** What a typed code becomes: upper case, without spaces and dashes. */
export function normaliseInviteCode(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/** ABCD EFGH: easier to read aloud and to type. */
export function groupInviteCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}
