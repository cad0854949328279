/**
 * The dashboard's figures of a scope: one type for the API and the award sheets (a file of its own
 * so that types/api/ and types/awards-api.ts do not import each other).
 */
/** Figures of a scope (district, unit, street, day …), as the dashboard shows them. */
export interface DashboardFigures {
  eventsScheduled: number;
  eventsHeld: number;
  /** People holding confirmed seats (with companions). */
  signups: number;
  /** People checked in on a sign-up (人次). */
  checkedIn: number;
  walkIns: number;
  /** Online joins counted in the app (人次), once per person per day: shown apart. */
  online: number;
  /** Entered participant figures (online activities, activities without check-in): labelled 填报. */
  entered: number;
  /** checkedIn + walkIns + online + entered (人次), see docs/counting.md. */
  attendance: number;
  /** Distinct people at the door (人; companions and walk-ins one per attendance); null where the scope cannot tell. */
  distinctPeople: number | null;
  streets: number;
  /** 群众满意度: share (0–1) of ratings of 4–5, with the number of ratings; ≥ 0.8 meets 优秀组织奖. */
  satisfaction: { rate: number | null; ratings: number; good: number; meetsExcellence: boolean };
}
