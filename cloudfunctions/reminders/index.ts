/**
 * Cloud function `reminders`, run by its timer trigger every 15 minutes: sends the reminders
 * that are due by WeChat subscription message (cloud call `subscribeMessage.send`, declared in
 * config.json). Answers only its timer.
 */
import tcb from '@cloudbase/node-sdk';
import { DomainError } from '../../backend/core/errors';
import { systemClock } from '../../backend/core/time';
import { createCloudbaseStore } from '../../backend/store/cloudbase';
import type { CloudbaseDb } from '../../backend/store/cloudbase/sdk';
import { runReminders } from '../../backend/usecases/reminders';
import { wechatSender } from '../../backend/api/wechat';
import { readCloudConfig } from '../../backend/config';

const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
const store = createCloudbaseStore(app.database() as unknown as CloudbaseDb);
const sender = wechatSender(readCloudConfig('reminders').templates);

export async function main(event: { Type?: string } | null) {
  const { openId } = app.auth().getUserInfo();
  if (openId || event?.Type !== 'Timer') return { ok: false, error: new DomainError('FORBIDDEN').toApiError() };
  const run = await runReminders({ store, clock: systemClock, signer: null }, sender);
  console.log(JSON.stringify({ level: 'info', job: 'reminders', ...run }));
  return { ok: true, data: run };
}
