/**
 * Renders one example of each form to a folder (default /tmp/forms-preview) for a look in a
 * spreadsheet program or, converted to PDF, on paper: `npx tsx tests/forms/preview.ts [dir]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderF1 } from '../../backend/forms/workbook-f1';
import { renderF2 } from '../../backend/forms/workbook-f2';
import { renderF3 } from '../../backend/forms/workbook-f3';
import { renderAttendance } from '../../backend/forms/workbook-attendance';
import { attendanceLines, f1Data, f2Data, f3Data } from './fixtures';

async function main(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const files: [string, Buffer][] = [
    ['f1.xlsx', await renderF1(f1Data())],
    ['f2-plan.xlsx', await renderF2(f2Data('plan'))],
    ['f3.xlsx', await renderF3(f3Data())],
    ['attendance.xlsx', await renderAttendance('签到明细（2020年11月14日—11月20日）', attendanceLines())],
  ];
  for (const [name, buffer] of files) {
    writeFileSync(join(dir, name), buffer);
    console.log(join(dir, name));
  }
}

main(process.argv[2] ?? '/tmp/forms-preview').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
