/** Cloud function `exports`: forms and attendance as .xlsx, schedule import (60 s, bundles exceljs). */
import { cloudMain } from '../../backend/api/cloud-entry';
import { exportsTable } from '../../backend/api/exports';

export const main = cloudMain('exports', exportsTable);
