/** Cloud function `resident`: browsing the week and residents' own sign-ups. */
import { cloudMain } from '../api/cloud-entry';

export const main = cloudMain('resident');
