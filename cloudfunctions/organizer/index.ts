/** Cloud function `organizer`: live headcounts, entered figures, reconciliation on demand. */
import { cloudMain } from '../../backend/api/cloud-entry';
import { organizerTable } from '../../backend/api/organizer';

export const main = cloudMain('organizer', organizerTable);
