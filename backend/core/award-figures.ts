/**
 * The one place the organisation award reads the dashboard's counting core: an org's figures
 * are the dashboard's `figuresOf` over the org's approved events and the summary counters, so an
 * evaluation sheet equals the dashboard's row of that org (counting rules: core/counting.ts).
 * A campaign that joined the evaluating one (a district under a city) is its dashboard's period
 * figures with the counts and people of the roll-up (core/rollup.ts), so that its sheet equals
 * the roll-up's row of it and the reporting chain's counted form.
 */
import type { ActivityEvent } from '../../types/domain';
import { AttendanceIndex, distinctOf, figuresOf, type Figures } from './counting';
import type { LevelFigures } from './rollup';

export type OrgFigures = Figures;

/** An org's figures over the whole period (docs/counting.md), as the dashboard's 全年 row of that org. */
export function orgFigures(events: readonly ActivityEvent[], counters: Readonly<Record<string, number>>): OrgFigures {
  return figuresOf(events, new AttendanceIndex(counters, events), null, null);
}

/**
 * A joined campaign's figures: its dashboard's period figures (own approved events, own
 * counters) whose counts and people are the roll-up's total of it and the campaigns below it.
 * For a campaign nobody joined the two agree; the roll-up is what the level above counts.
 */
export function joinedCampaignFigures(
  events: readonly ActivityEvent[],
  counters: Readonly<Record<string, number>>,
  total: LevelFigures,
): OrgFigures {
  const own = events.filter((e) => e.status === 'approved');
  const dashboard = figuresOf(
    own,
    new AttendanceIndex(counters, own),
    null,
    distinctOf(counters, null, { kind: 'all' }),
  );
  return {
    ...dashboard,
    eventsScheduled: total.eventsScheduled,
    eventsHeld: total.eventsHeld,
    checkedIn: total.checkedIn,
    walkIns: total.walkIns,
    online: total.online,
    entered: total.entered,
    attendance: total.attendance,
    distinctPeople: total.distinctPeople,
  };
}
