/**
 * `npm run test:e2e`: the browser suite. Builds the H5 app for the local demo if needed,
 * starts the local server on a free port with a fresh demo store, and walks the journeys in
 * headless Chromium, saving a screenshot of every step under artifacts/e2e/.
 * Ends with the line `e2e: N passed, N failed`. E2E_ONLY=<text> runs only the journeys whose
 * name contains the text (while working on one).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildH5ForLocal, h5BuildIsCurrent } from '../../scripts/start';
import { startLocal } from '../../server/main';
import { launchChromium } from './browser';
import { residentSignsUp } from './journeys/resident-signup';
import { staffChecksIn } from './journeys/staff-checkin';
import { organizerSeesLive } from './journeys/organizer-live';
import { organizerExportsF1 } from './journeys/organizer-export';
import { organizerInvitesAndApproves } from './journeys/setup-review';
import { residentLargeFont } from './journeys/large-font';
import { honoursAndAward } from './journeys/honours-award';
import { reportingChain } from './journeys/reporting';
import { a11ySweep } from './journeys/a11y-sweep';
import { viewportSweep } from './journeys/viewport-sweep';
import { signupQuestionJourney, walkinQuestionJourney } from './journeys/signup-questions';
import { selfCheckinJourney } from './journeys/self-checkin';
import { registrantExport, registrantNotice, residentSchedule } from './journeys/before-event';
import {
  newcomerDoorAndAudit,
  newcomerForms,
  newcomerLargeFont,
  newcomerResident,
  residentSeesPracticalCard,
} from './journeys/newcomer';

export interface JourneyContext {
  url: string;
  page: Page;
  /** Saves a screenshot named for the step; returns its path. */
  shot(step: string): Promise<string>;
}

export type Journey = { name: string; run(ctx: JourneyContext): Promise<void> };

const JOURNEYS: Journey[] = [
  residentSignsUp,
  staffChecksIn,
  organizerSeesLive,
  organizerExportsF1,
  organizerInvitesAndApproves,
  residentLargeFont,
  honoursAndAward,
  reportingChain,
  newcomerForms,
  newcomerLargeFont,
  newcomerResident,
  newcomerDoorAndAudit,
  residentSeesPracticalCard,
  residentSchedule,
  registrantExport,
  registrantNotice,
  signupQuestionJourney,
  walkinQuestionJourney,
  selfCheckinJourney,
  a11ySweep,
  viewportSweep,
];
const ARTIFACTS = join('artifacts', 'e2e');

async function main(): Promise<number> {
  if (!h5BuildIsCurrent()) buildH5ForLocal();
  const dataDir = mkdtempSync(join(tmpdir(), 'llw-e2e-'));
  process.env.DATA_FILE = join(dataDir, 'demo.sqlite');
  process.env.PORT = '0';
  const server = await startLocal();
  if (!process.env.E2E_ONLY) rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  let browser: Browser | null = null;
  let passed = 0;
  let failed = 0;
  try {
    browser = await launchChromium();
    // E2E_ONLY=<text> walks only the journeys whose name contains it (e.g. E2E_ONLY=评选).
    const only = process.env.E2E_ONLY;
    for (const journey of JOURNEYS.filter((j) => !only || j.name.includes(only))) {
      const context = await browser.newContext({ viewport: { width: 414, height: 896 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      let step = 0;
      const slug = journey.name.replace(/[^A-Za-z0-9]+/g, '-');
      const shot = async (name: string) => {
        step += 1;
        // Let page transitions settle so that the picture shows the page, not the slide.
        await page.waitForTimeout(450);
        const file = join(ARTIFACTS, `${slug}-${String(step).padStart(2, '0')}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      };
      const started = Date.now();
      try {
        await journey.run({ url: server.url, page, shot });
        passed += 1;
        console.log(`✓ ${journey.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        await shot('failure').catch(() => undefined);
        console.log(`✕ ${journey.name}\n  ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser?.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`screenshots: ${ARTIFACTS}/`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  });
