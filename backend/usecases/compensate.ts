/**
 * Undoing the steps of a unit of work that failed halfway. SQLite rolls back the whole
 * transaction anyway; CloudBase cannot (its transactions hold no where-updates), so each use
 * case registers how to undo every write it made, and a failure (a write conflict, a timeout)
 * runs them in reverse before the error reaches the client. A write whose outcome is unknown
 * (a timeout that may still have applied) leaves drift that reconciliation repairs.
 */
export type Undo = (step: () => Promise<unknown>) => void;

export async function compensated<T>(work: (undo: Undo) => Promise<T>): Promise<T> {
  const steps: (() => Promise<unknown>)[] = [];
  try {
    return await work((step) => steps.push(step));
  } catch (error) {
    for (const step of steps.reverse()) {
      try {
        await step();
      } catch {
        // Best effort: what cannot be undone now is repaired by reconciliation.
      }
    }
    throw error;
  }
}
