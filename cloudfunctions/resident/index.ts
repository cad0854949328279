/** Cloud function `resident`: browsing the week and residents' own sign-ups. */
import { cloudMain } from '../api/cloud-entry';
import { residentTable } from '../api/resident';

export const main = cloudMain('resident', residentTable);
