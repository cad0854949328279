/**
 * Before an event, for its unit's staff and the district's organizers (on the roster page and in
 * 活动管理): 导出报名名单 (.xlsx of everyone signed up) and 通知报名者 (a short text to every
 * confirmed and waitlisted registrant, in the app and by subscription message). The backend
 * checks who may (registrants.export / registrants.notify).
 */
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionInput, ActionOutput } from '../../types/api';
import { callFunction } from '../platform/call';
import { openDownload } from '../platform/download';
import { TextField } from '../platform/text-field';
import './registrant-tools.css';

const TEXT_MAX = 200;

/** The list is a workbook: it comes from the `exports` function (exceljs, 60 s); the notice from `organizer`. */
function exportRegistrants(data: ActionInput<'exports', 'registrants.export'>) {
  return callFunction<ActionOutput<'exports', 'registrants.export'>>('exports', 'registrants.export', data);
}

function notifyRegistrants(data: ActionInput<'organizer', 'registrants.notify'>) {
  return callFunction<ActionOutput<'organizer', 'registrants.notify'>>('organizer', 'registrants.notify', data);
}

export function RegistrantTools({ eventId }: { eventId: string }) {
  const [busy, setBusy] = useState<'export' | 'notify' | null>(null);
  const [writing, setWriting] = useState(false);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const exportList = async () => {
    setBusy('export');
    setMessage(null);
    const res = await exportRegistrants({ eventId });
    const outcome = res.ok ? await openDownload(res.data) : { ok: false, message: res.error.message };
    setBusy(null);
    setMessage({ ok: outcome.ok, text: outcome.message });
  };

  const send = async () => {
    const words = text.trim();
    if (words.length < 2) {
      setMessage({ ok: false, text: '请填写通知内容（至少 2 个字）' });
      return;
    }
    setBusy('notify');
    setMessage(null);
    const res = await notifyRegistrants({ eventId, text: words });
    setBusy(null);
    if (!res.ok) {
      setMessage({ ok: false, text: res.error.message });
      return;
    }
    const { recipients, notices, messages } = res.data;
    setWriting(false);
    setText('');
    setMessage({
      ok: true,
      text: `已通知 ${recipients} 位报名者：站内通知 ${notices} 条，微信订阅消息 ${messages.sent} 条（未订阅 ${messages.noCredit} 人${messages.failed ? `，发送失败 ${messages.failed} 条` : ''}）`,
    });
  };

  return (
    <View className="registrant-tools">
      <View className="registrant-tools__actions">
        <Button
          className={`btn btn--secondary btn--small registrants-export${busy ? ' btn--disabled' : ''}`}
          disabled={busy !== null || undefined}
          loading={busy === 'export' || undefined}
          onClick={() => void exportList()}
        >
          导出报名名单
        </Button>
        {!writing && (
          <Button
            className="btn btn--secondary btn--small registrants-notify"
            onClick={() => {
              setWriting(true);
              setMessage(null);
            }}
          >
            通知报名者
          </Button>
        )}
      </View>
      {writing && (
        <View className="registrant-tools__form">
          <Text className="registrant-tools__label">通知内容（发给所有已报名和候补的居民）</Text>
          <TextField
            className="registrant-tools__input"
            placeholder="例如：活动改在二楼教室，请提前十分钟到"
            maxLength={TEXT_MAX}
            value={text}
            onChange={setText}
          />
          <View className="registrant-tools__actions">
            <Button
              className={`btn btn--primary btn--small registrants-send${busy ? ' btn--disabled' : ''}`}
              disabled={busy !== null || undefined}
              loading={busy === 'notify' || undefined}
              onClick={() => void send()}
            >
              发送通知
            </Button>
            <Button className="btn btn--secondary btn--small" onClick={() => setWriting(false)}>
              不发了
            </Button>
          </View>
        </View>
      )}
      {message && (
        <View className={`notice ${message.ok ? 'notice--ok' : 'notice--error'} registrant-tools__message`}>
          <Text className="notice__text">{message.text}</Text>
        </View>
      )}
    </View>
  );
}
