/**
 * Runs the counting property in a plain Node process, so that the caller can choose its time
 * zone (TZ): prints the process's UTC offset and the number of weeks checked, or fails.
 */
import fc from 'fast-check';
import { checkWeek, genWeek } from './week-property';

const runs = Number(process.env.COUNTING_RUNS ?? 8);
fc.assert(fc.asyncProperty(genWeek, checkWeek), { numRuns: runs })
  .then(() => {
    process.stdout.write(JSON.stringify({ offset: new Date(Date.UTC(2026, 10, 15)).getTimezoneOffset(), runs }));
  })
  .catch((error: unknown) => {
    process.stderr.write(String(error instanceof Error ? error.message : error));
    process.exit(1);
  });
