/**
 * The event the editor saved last, for 活动管理 to open its tab when the user comes back (both
 * pages live in this subpackage and share the module).
 */
import type { ManagedEventView } from '../../types/api';

let saved: Pick<ManagedEventView, 'id' | 'status'> | null = null;

export function rememberSaved(event: Pick<ManagedEventView, 'id' | 'status'>): void {
  saved = { id: event.id, status: event.status };
}

/** The last saved event, once. */
export function takeSaved(): Pick<ManagedEventView, 'id' | 'status'> | null {
  const last = saved;
  saved = null;
  return last;
}
