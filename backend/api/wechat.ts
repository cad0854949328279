/**
 * WeChat cloud calls (wx-server-sdk `openapi`): subscription messages and 小程序码. Loaded only
 * inside cloud functions that declare the calls in their config.json; never locally.
 */
import type { MessageKind } from '../../types/domain';
import type { ReminderSender } from '../usecases/reminders';

interface OpenApi {
  subscribeMessage: {
    send(args: {
      touser: string;
      templateId: string;
      page: string;
      data: Record<string, { value: string }>;
      miniprogramState?: string;
    }): Promise<{ errCode?: number; errMsg?: string }>;
  };
  wxacode: {
    getUnlimited(args: { scene: string; page: string; checkPath?: boolean; width?: number }): Promise<{
      buffer?: Uint8Array;
      errCode?: number;
    }>;
  };
}

function openapi(): OpenApi {
  // Required lazily: the SDK exists only in the deployed function's node_modules.
  const cloud = require('wx-server-sdk') as { init(o: object): void; DYNAMIC_CURRENT_ENV: unknown; openapi: OpenApi };
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud.openapi;
}

/** Sends with the template ids from the function's configuration (backend/config.ts). */
export function wechatSender(templates: Partial<Record<MessageKind, string>>): ReminderSender {
  return {
    async send(openid, kind, fields, page) {
      const templateId = templates[kind];
      if (!templateId) return { status: 'failed', detail: '未配置订阅消息模板' };
      try {
        const result = await openapi().subscribeMessage.send({
          touser: openid,
          templateId,
          page,
          data: Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value }])),
        });
        if (result.errCode && result.errCode !== 0) {
          return { status: result.errCode === 43101 ? 'refused' : 'failed', detail: `${result.errCode}` };
        }
        return { status: 'sent', detail: '' };
      } catch (error) {
        const code = (error as { errCode?: number }).errCode;
        return { status: code === 43101 ? 'refused' : 'failed', detail: code ? String(code) : '发送失败' };
      }
    },
  };
}

/** The event's 小程序码 (scene ≤ 32 characters, page without query). */
export async function wxacode(scene: string, page: string): Promise<Uint8Array> {
  const result = await openapi().wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 });
  if (!result.buffer) throw new Error(`wxacode failed: ${result.errCode ?? 'no image'}`);
  return result.buffer;
}
