/**
 * Cloud function `reminders`, run by its timer trigger every 15 minutes: sends the reminders
 * that are due by WeChat subscription message (cloud call `subscribeMessage.send`, declared in
 * config.json). Answers only its timer.
 */
import { timerMain } from '../../backend/api/cloud-entry';
import { outboxSender, runReminders } from '../../backend/usecases/reminders';

export const main = timerMain(
  'reminders',
  (deps) => runReminders(deps, deps.reminders ?? outboxSender),
  (run) => ({ ...run }),
);
