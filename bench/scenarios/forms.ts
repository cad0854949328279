/**
 * forms: a generated district week of 1,000 events and 200,000 check-ins in the embedded store;
 * the time to produce F1 for every unit and F3 for the district from one read of their sources
 * (`districtForms`, without HTTP), and the same at half the size to show how the cost grows.
 * Extra: the same forms also rendered as .xlsx workbooks, and one unit's F1 alone (`formPreview`,
 * as `forms.preview` runs it).
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, dayOf, systemClock } from '../../backend/core/time';
import { renderF1 } from '../../backend/forms/workbook-f1';
import { renderF3 } from '../../backend/forms/workbook-f3';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite';
import type { Deps } from '../../backend/usecases/context';
import { districtForms, formPreview } from '../../backend/usecases/forms';
import { type Figures, log } from '../lib/report';
import { median, round, since } from '../lib/stats';
import { generateWeek, type GeneratedWeek, type WeekSize } from '../lib/week';

const FULL: WeekSize = { events: 1_000, checkins: 200_000 };
const HALF: WeekSize = { events: 500, checkins: 100_000 };
const RUNS = 7;

interface Sized {
  store: SqliteStore;
  week: GeneratedWeek;
  deps: Deps;
}

async function prepare(dir: string, size: WeekSize): Promise<Sized> {
  const file = join(dir, `forms-${size.events}.sqlite`);
  for (const stale of [file, `${file}-wal`, `${file}-shm`]) rmSync(stale, { force: true });
  const now = Date.now();
  const started = performance.now();
  const writing = openSqliteStore({ file });
  const week = await generateWeek(writing, size, { weekStart: addDays(dayOf(now), -8), now, writeCheckins: true });
  // Closing checkpoints the write-ahead log into the file, as a running store would have long
  // since done; reading through a 200 MB log would be slower than any real week.
  writing.close();
  const mb = statSync(file).size / 2 ** 20;
  log(
    `forms: generated ${size.events} events, ${week.checkins} check-ins (${week.attendance} 人次, ` +
      `${week.distinctPeople} distinct people) in ${Math.round(since(started))} ms; store ${round(mb)} MB`,
  );
  const store = openSqliteStore({ file });
  return { store, week, deps: { store, clock: systemClock, signer: null } };
}

/** F1 of every unit, then F3 of the district; optionally rendered as workbooks too. */
async function allForms({ deps, week }: Sized, render: boolean): Promise<string> {
  const { f1, f3 } = await districtForms(deps, week.organizer, week.campaign.id);
  if (f1.length !== week.unitIds.length) throw new Error(`${f1.length} F1 forms for ${week.unitIds.length} units`);
  if (render) {
    for (const { data } of f1) await renderF1(data);
    await renderF3(f3);
  }
  return f3.participation.participants.value;
}

/** One unit's F1 alone, as `forms.preview` builds it (its own read of the sources). */
async function oneF1Ms({ deps, week }: Sized): Promise<number> {
  const started = performance.now();
  await formPreview(deps, week.organizer, { kind: 'F1', orgId: week.unitIds[0] });
  return round(since(started));
}

/** Checks that F3 counts exactly the generated attendance (and warms the code paths up). */
async function check(sized: Sized): Promise<void> {
  const participants = await allForms(sized, false);
  if (!participants.startsWith(`${sized.week.attendance} 人次`)) {
    throw new Error(`F3 says ${participants}, the generated week has ${sized.week.attendance} 人次`);
  }
}

async function timed(sized: Sized): Promise<number> {
  const started = performance.now();
  await allForms(sized, false);
  return since(started);
}

/** What every single preview reads before building its form (see sourcesOf in usecases/forms.ts). */
async function sourcesMs({ store, week }: Sized): Promise<number> {
  const started = performance.now();
  await Promise.all([store.listOrgs(week.campaign.districtId), store.listEvents(week.campaign.id)]);
  await store.readCounters(week.campaign.id);
  return round(since(started));
}

export async function runForms(dir: string): Promise<Figures> {
  const full = await prepare(dir, FULL);
  try {
    const half = await prepare(dir, HALF);
    try {
      await check(full);
      await check(half);
      // Alternating, so that whatever else the machine does hits both sizes alike.
      const fullRuns: number[] = [];
      const halfRuns: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        fullRuns.push(await timed(full));
        halfRuns.push(await timed(half));
      }
      const show = (runs: number[]) => runs.map((ms) => Math.round(ms)).join(', ');
      log(
        `forms: ${full.week.unitIds.length} × F1 + F3: full size ${show(fullRuns)} ms; half size ${show(halfRuns)} ms; ` +
          `one read of orgs + events + summary counters (done by every form): ` +
          `${await sourcesMs(full)} ms full, ${await sourcesMs(half)} ms half; one unit's F1 alone ${await oneF1Ms(full)} ms`,
      );
      await allForms(full, true); // warm-up of the workbook renderer
      const started = performance.now();
      await allForms(full, true);
      const xlsxMs = since(started);
      log(`forms: full size with .xlsx rendering: ${Math.round(xlsxMs)} ms`);
      return {
        'forms.ms': round(median(fullRuns), 0),
        'forms.ms_half_size': round(median(halfRuns), 0),
        'forms.xlsx_ms': round(xlsxMs, 0),
      };
    } finally {
      half.store.close();
    }
  } finally {
    full.store.close();
  }
}
