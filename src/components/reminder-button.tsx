/**
 * 开启活动提醒: one tap asks WeChat's subscription dialog for the templates the backend names
 * (`reminders.config`) and tells the backend which ones the resident accepted — one reminder
 * each (WeChat allows one message per acceptance). The dialog is called in the tap handler
 * itself, before anything is awaited, as WeChat requires; the template ids are fetched when the
 * button appears. Against the local server (`simulated`) a confirmation dialog stands in for
 * WeChat's. Shows how many reminders are left.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ActionOutput } from '../../types/api';
import { REMINDER_KINDS, type ReminderKind } from '../../types/domain';
import { callResident } from '../api/client';
import { REMINDER_KIND_LABELS } from '../labels';
import { requestSubscribe, subscribeDialogAvailable } from '../platform/subscribe';
import { dialogColours } from '../theme';

type Config = ActionOutput<'resident', 'reminders.config'>;
export type Credits = Record<ReminderKind, number>;

export function creditsText(credits: Credits): string {
  return REMINDER_KINDS.map((k) => `${REMINDER_KIND_LABELS[k]} ${credits[k]} 次`).join('，');
}

export function ReminderButton({
  className,
  onCredits,
}: {
  className?: string;
  /** Told the credits whenever they are known (after loading and after subscribing). */
  onCredits?: (credits: Credits) => void;
}) {
  const [config, setConfig] = useState<Config | null>(null);
  const [credits, setCredits] = useState<Credits | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'muted' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void callResident('reminders.config', {}).then((res) => {
      if (live && res.ok) setConfig(res.data);
    });
    void callResident('reminders.mine', {}).then((res) => {
      if (!live || !res.ok) return;
      setCredits(res.data.credits);
      onCredits?.(res.data.credits);
    });
    return () => {
      live = false;
    };
    // onCredits is a notification only; loading once per mount is what we want.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const finish = async (accepted: ReminderKind[]) => {
    if (accepted.length === 0) {
      setBusy(false);
      setMessage({ tone: 'muted', text: '您没有允许提醒。需要时可以再点这个按钮开启。' });
      return;
    }
    const res = await callResident('reminders.subscribe', { accepted });
    setBusy(false);
    if (!res.ok) {
      setMessage({ tone: 'error', text: res.error.message });
      return;
    }
    setCredits(res.data.credits);
    onCredits?.(res.data.credits);
    setMessage({
      tone: 'ok',
      text: `已开启：${accepted.map((k) => REMINDER_KIND_LABELS[k]).join('、')}。活动开始前会在微信里提醒您。`,
    });
  };

  const tap = () => {
    if (!config || busy) return;
    if (config.simulated) {
      setBusy(true);
      void Taro.showModal({
        title: '开启活动提醒',
        content: `允许给您发送：${REMINDER_KINDS.map((k) => REMINDER_KIND_LABELS[k]).join('、')}。（本地演示：此对话框代替微信的订阅提醒对话框）`,
        confirmText: '允许',
        cancelText: '不允许',
        ...dialogColours(),
      }).then(
        ({ confirm }) => finish(confirm ? [...REMINDER_KINDS] : []),
        () => finish([]),
      );
      return;
    }
    const kinds = REMINDER_KINDS.filter((k) => config.templates[k]);
    if (!subscribeDialogAvailable || kinds.length === 0) {
      setMessage({
        tone: 'muted',
        text: subscribeDialogAvailable ? '活动提醒暂未开通' : '请在微信小程序中开启活动提醒',
      });
      return;
    }
    const ids = kinds.map((k) => config.templates[k] as string);
    // Called here, synchronously inside the tap: WeChat shows the dialog only for a user's tap.
    const answer = requestSubscribe(ids);
    setBusy(true);
    void answer.then((result) =>
      finish(result ? kinds.filter((k) => result[config.templates[k] as string] === 'accept') : []),
    );
  };

  return (
    <View className={`reminder ${className ?? ''}`.trim()}>
      <Button
        className={`btn btn--secondary btn--block reminder__button${!config || busy ? ' btn--disabled' : ''}`}
        disabled={!config || busy || undefined}
        loading={busy || undefined}
        onClick={tap}
      >
        开启活动提醒
      </Button>
      {credits && <Text className="reminder__credits">剩余提醒：{creditsText(credits)}</Text>}
      {message && (
        <View
          className={`notice notice--${message.tone === 'error' ? 'error' : message.tone === 'ok' ? 'ok' : 'muted'}`}
        >
          <Text className="notice__text">{message.text}</Text>
        </View>
      )}
    </View>
  );
}
