/** Cloud function `organizer`: live headcounts, entered figures, reconciliation on demand. */
import { cloudMain } from '../api/cloud-entry';

export const main = cloudMain('organizer');
