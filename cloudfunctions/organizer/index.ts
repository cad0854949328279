/** Cloud function `organizer`: live headcounts, entered figures, reconciliation on demand. */
import { cloudMain } from '../api/cloud-entry';
import { organizerTable } from '../api/organizer';

export const main = cloudMain('organizer', organizerTable);
