/**
 * The call contract's source: the input schemas of every action, one module per function
 * (and per area of the organizer function), checked at the edge before any use case runs.
 * Unknown fields are refused (strict objects), strings are bounded, numbers are whole and
 * ranged. types/api/ infers every action's input type from these schemas (type-only imports:
 * the app never loads zod). How to add an action: docs/architecture.md.
 *
 * A deployed function imports only its own module (./resident, ./staff, …), not this index.
 */
export { CALL_BUDGET_BYTES } from '../limits';
export { residentSchemas, type ResidentInputs } from './resident';
export { staffSchemas, type StaffInputs } from './staff';
export { organizerSchemas, organizerOwnSchemas, type OrganizerInputs } from './organizer';
export { setupSchemas, type SetupInputs } from './setup';
export { evaluationSchemas, type EvaluationInputs } from './evaluation';
export { reportingSchemas, type ReportingInputs } from './reporting';
export { exportsSchemas, type ExportsInputs } from './exports';
export type { InputsOf } from './common';
export { envelopeSchema } from './envelope';
