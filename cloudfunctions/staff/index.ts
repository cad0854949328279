/** Cloud function `staff`: door check-in, roster, walk-ins, proxy sign-up and the audit log. */
import { cloudMain } from '../../backend/api/cloud-entry';
import { staffTable } from '../../backend/api/staff';

export const main = cloudMain('staff', staffTable);
