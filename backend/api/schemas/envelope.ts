/** What a client sends to a cloud function: an action and its data (checked before the action's own schema). */
import * as z from 'zod';

export const envelopeSchema = z.strictObject({
  action: z.string().min(1).max(64),
  data: z.unknown().optional(),
});
