/**
 * The one place the organisation award reads the dashboard's counting core: an org's figures
 * are the dashboard's `figuresOf` over the org's approved events and the summary counters, so an
 * evaluation sheet equals the dashboard's row of that org. (The counting core is being reworked;
 * at merge only this function is rewired.)
 */
import type { ActivityEvent } from '../../types/domain';
import { figuresOf, type Figures } from './dashboard';

export type OrgFigures = Figures;

export function orgFigures(events: readonly ActivityEvent[], counters: Readonly<Record<string, number>>): OrgFigures {
  return figuresOf(events, null, counters);
}
