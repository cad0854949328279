/** Cloud function `resident`: browsing the week and residents' own sign-ups. */
import { cloudMain } from '../../backend/api/cloud-entry';
import { residentTable } from '../../backend/api/resident';

export const main = cloudMain('resident', residentTable);
