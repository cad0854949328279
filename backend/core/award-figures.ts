/**
 * The one place the organisation award reads the dashboard's counting core: an org's figures
 * are the dashboard's `figuresOf` over the org's approved events and the summary counters, so an
 * evaluation sheet equals the dashboard's row of that org (counting rules: core/counting.ts).
 */
import type { ActivityEvent } from '../../types/domain';
import { AttendanceIndex, figuresOf, type Figures } from './counting';

export type OrgFigures = Figures;

/** An org's figures over the whole period (docs/counting.md), as the dashboard's 全年 row of that org. */
export function orgFigures(events: readonly ActivityEvent[], counters: Readonly<Record<string, number>>): OrgFigures {
  return figuresOf(events, new AttendanceIndex(counters, events), null, null);
}
