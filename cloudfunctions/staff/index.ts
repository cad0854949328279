/** Cloud function `staff`: door check-in, roster, walk-ins, proxy sign-up and the audit log. */
import { cloudMain } from '../api/cloud-entry';
import { staffTable } from '../api/staff';

export const main = cloudMain('staff', staffTable);
