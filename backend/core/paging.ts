/**
 * Page sizes that bound the work of one call (shared by the use case and the action's schema).
 */

/** Events reconciled per `reconcile.run` call: a page stays far inside the 10 s call limit. */
export const RECONCILE_PAGE = 25;
