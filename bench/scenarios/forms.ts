/**
 * forms: a generated district week of 1,000 events and 200,000 check-ins in the embedded store;
 * the time to produce F1 for every unit and F3 for the district from one read of their sources
 * (`districtForms`, without HTTP), and the same at half the size to show how the cost grows.
 * Extra: the same forms also rendered as .xlsx workbooks, and one unit's F1 alone (`formPreview`,
 * as `forms.preview` runs it).
 *
 * City: 10 such districts (10,000 events, 2,000,000 check-ins) joined to a city campaign, drawing
 * on one pool of residents; `forms.city_ms` is the city's live roll-up (`rollup`, as `rollup.get`
 * runs it) with the districts below it, and the same at half the size. The roll-up reads events,
 * summary counters and a count of distinct people per subtree (the store counts the whole-scope
 * visit markers), never check-ins, so the city store holds no check-in rows: only the counters
 * and the people's markers they imply. Checked: the city's 人次 and 人 equal the generated records'
 * (people in several districts counted once).
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, dayOf, systemClock } from '../../backend/core/time';
import { renderF1 } from '../../backend/forms/workbook-f1';
import { renderF3 } from '../../backend/forms/workbook-f3';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite';
import type { Caller, Deps } from '../../backend/usecases/context';
import type { Campaign } from '../../types/domain';
import { districtForms, formPreview } from '../../backend/usecases/forms';
import { rollup } from '../../backend/usecases/tree';
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

const CITY_DISTRICTS = 10;

interface City {
  store: SqliteStore;
  deps: Deps;
  campaign: Campaign;
  organizer: Caller;
  attendance: number;
  distinctPeople: number;
  events: number;
  checkins: number;
}

/** A city of CITY_DISTRICTS generated districts of `size` each, joined to the city's campaign. */
async function prepareCity(dir: string, size: WeekSize): Promise<City> {
  const file = join(dir, `city-${size.events}.sqlite`);
  for (const stale of [file, `${file}-wal`, `${file}-shm`]) rmSync(stale, { force: true });
  const now = Date.now();
  const weekStart = addDays(dayOf(now), -8);
  const started = performance.now();
  const writing = openSqliteStore({ file });
  const cityId = 'bench-city';
  await writing.putOrg({ id: cityId, name: '基准市', kind: 'city', parentId: null, districtId: cityId });
  const campaign: Campaign = {
    id: `bench-city-campaign-${size.events}`,
    districtId: cityId,
    name: '基准市2026年度全民终身学习活动周',
    theme: '全民智学，助力“双战双赢”',
    weekStart,
    weekEnd: addDays(weekStart, 6),
    hosts: ['基准市教育局'],
    coHosts: [],
    undertakers: [],
    demo: false,
  };
  await writing.putCampaign(campaign);
  let attendance = 0;
  let checkins = 0;
  let extraPeople = 0;
  const people = new Set<string>();
  for (let d = 0; d < CITY_DISTRICTS; d++) {
    const week = await generateWeek(writing, size, {
      weekStart,
      now,
      seed: 1_000 + d,
      writeCheckins: false,
      writePeople: true,
      district: { id: `bench-city-d${d}`, name: `基准${d + 1}区`, parentId: cityId },
      parentCampaignId: campaign.id,
    });
    attendance += week.attendance;
    checkins += week.checkins;
    extraPeople += week.distinctPeople - week.personKeys.size;
    for (const key of week.personKeys) people.add(key);
  }
  writing.close();
  const distinctPeople = people.size + extraPeople;
  log(
    `forms: generated a city of ${CITY_DISTRICTS} districts, ${size.events * CITY_DISTRICTS} events, ${checkins} check-ins ` +
      `(${attendance} 人次, ${distinctPeople} distinct people, ${people.size} person keys) in ${Math.round(since(started))} ms; ` +
      `store ${round(statSync(file).size / 2 ** 20)} MB`,
  );
  const store = openSqliteStore({ file });
  return {
    store,
    deps: { store, clock: systemClock, signer: null },
    campaign,
    organizer: { openid: 'bench-city-organizer', role: 'organizer', districtId: cityId, unitIds: [], name: '市教育局' },
    attendance,
    distinctPeople,
    events: size.events * CITY_DISTRICTS,
    checkins,
  };
}

/** The city's roll-up; throws unless it counts exactly the generated attendance and people. */
async function cityRollup(city: City): Promise<number> {
  const started = performance.now();
  const view = await rollup(city.deps, city.organizer, city.campaign.id);
  const ms = since(started);
  const { attendance, distinctPeople } = view.figures;
  if (
    attendance !== city.attendance ||
    distinctPeople !== city.distinctPeople ||
    view.below.length !== CITY_DISTRICTS
  ) {
    throw new Error(
      `city roll-up says ${attendance} 人次 (${distinctPeople} 人) over ${view.below.length} districts; ` +
        `generated ${city.attendance} 人次 (${city.distinctPeople} 人) over ${CITY_DISTRICTS}`,
    );
  }
  return ms;
}

async function runCity(dir: string): Promise<Figures> {
  const full = await prepareCity(dir, FULL);
  try {
    const half = await prepareCity(dir, HALF);
    try {
      const fullRuns: number[] = [];
      const halfRuns: number[] = [];
      await cityRollup(full); // checks, and warms up
      await cityRollup(half);
      for (let i = 0; i < RUNS; i++) {
        fullRuns.push(await cityRollup(full));
        halfRuns.push(await cityRollup(half));
      }
      const show = (runs: number[]) => runs.map((ms) => Math.round(ms)).join(', ');
      log(
        `forms: city roll-up (${full.events} events, ${full.checkins} check-ins): ${show(fullRuns)} ms; ` +
          `half size (${half.events} events, ${half.checkins} check-ins): ${show(halfRuns)} ms`,
      );
      return {
        'forms.city_ms': round(median(fullRuns), 0),
        'forms.city_ms_half_size': round(median(halfRuns), 0),
      };
    } finally {
      half.store.close();
    }
  } finally {
    full.store.close();
  }
}

export async function runForms(dir: string): Promise<Figures> {
  return { ...(await runDistrict(dir)), ...(await runCity(dir)) };
}

async function runDistrict(dir: string): Promise<Figures> {
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
