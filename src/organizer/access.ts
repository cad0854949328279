/**
 * Who sees what of 组织者工作台. The backend checks every call again: organizers and admins see
 * the district; staff and supervisors see their own units' figures and forms.
 */
import type { Role } from '../../types/domain';

/** 组织者工作台 (实时统计, 统计报表): door staff and above. */
export function mayOpenWorkbench(role: Role | null | undefined): boolean {
  return role === 'staff' || role === 'supervisor' || role === 'organizer' || role === 'admin';
}

/** District-wide actions: 填报线上人数, 重新核对, F3, any unit's forms. */
export function isOrganizer(role: Role | null | undefined): boolean {
  return role === 'organizer' || role === 'admin';
}
