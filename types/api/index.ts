/**
 * The contract between the mini-program and the cloud functions: function names, actions,
 * their inputs and outputs, and the result envelope. Each action's input is inferred from its
 * zod schema (backend/api/schemas/, the one source of every field rule) through type-only
 * imports, so the app never loads zod; its output is written in this folder, one module per
 * function. How to add an action: docs/architecture.md.
 */
import type { ResidentActions } from './resident';
import type { StaffActions } from './staff';
import type { OrganizerActions } from './organizer';
import type { ExportsActions } from './exports';

export * from './envelope';
export * from './resident';
export * from './staff';
export * from './setup';
export * from './organizer';
export * from './reporting';
export * from './exports';
export type { DashboardFigures } from '../figures';

/** The cloud functions (thin routers) and the actions each one routes. */
export interface FunctionActions {
  resident: ResidentActions;
  staff: StaffActions;
  organizer: OrganizerActions;
  exports: ExportsActions;
}
export type FunctionName = keyof FunctionActions;

export type ActionName<F extends FunctionName> = keyof FunctionActions[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = FunctionActions[F][A] extends {
  input: infer I;
}
  ? I
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = FunctionActions[F][A] extends {
  output: infer O;
}
  ? O
  : never;
