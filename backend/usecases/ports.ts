/**
 * Ports the use cases speak to besides the store (backend/store/port.ts) and the clock: what
 * delivers a WeChat subscription message. Adapters: `outboxSender` (usecases/reminders.ts, local)
 * and the WeChat sender (api/wechat.ts, production), wired by each runtime's composition root.
 */
import type { MessageKind } from '../../types/domain';

export interface ReminderSender {
  send(
    openid: string,
    kind: MessageKind,
    fields: Record<string, string>,
    page: string,
  ): Promise<{ status: 'sent' | 'refused' | 'failed'; detail: string }>;
}

/** Where new record ids get their random part: a port so that tests may fix it. */
export interface Ids {
  /** `bytes` random bytes as lowercase hex. */
  hex(bytes: number): string;
  /** A uniformly random whole number with min ≤ n < max. */
  int(min: number, max: number): number;
}
