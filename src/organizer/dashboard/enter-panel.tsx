/** 填报线上人数: the participant figure of an online activity, with where it comes from. */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { DashboardEventRow } from '../../../types/api';
import { TextField } from '../../platform/text-field';
import { callOrganizer } from '../api';

export function EnterPanel({
  event,
  onSaved,
  onCancel,
}: {
  event: DashboardEventRow;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [participants, setParticipants] = useState(event.entered === null ? '' : String(event.entered));
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (value: number | null, why: string) => {
    setBusy(true);
    const res = await callOrganizer('attendance.enter', { eventId: event.id, participants: value, note: why });
    setBusy(false);
    if (res.ok) {
      void Taro.showToast({ title: value === null ? '已清除填报' : '已保存填报', icon: 'success' });
      onSaved();
    } else {
      setProblem(res.error.fields?.[0]?.message ?? res.error.message);
    }
  };

  const save = () => {
    const text = participants.trim();
    if (!/^\d{1,8}$/.test(text)) return setProblem('请填写参与人数（整数）');
    if (!note.trim()) return setProblem('请说明数据来源，例如“直播平台后台观看人数”');
    setProblem(null);
    void send(Number(text), note.trim());
  };

  const clear = () => {
    setProblem(null);
    void send(null, note.trim() || '清除填报');
  };

  return (
    <View className="enter-panel" id={`enter-${event.id}`}>
      <Text className="field-label">线上参与人数（人次）</Text>
      <TextField
        id={`enter-count-${event.id}`}
        className="input"
        value={participants}
        onChange={setParticipants}
        placeholder="例如 320"
        maxLength={8}
      />
      <Text className="field-label">数据来源说明</Text>
      <TextField
        id={`enter-note-${event.id}`}
        className="input"
        value={note}
        onChange={setNote}
        placeholder="例如：直播平台后台观看人数"
        maxLength={100}
      />
      <Text className="enter-panel__note">
        这是“填报”数：保存后计入参加人次，在统计表中注明为填报，并记录填报人和时间。
      </Text>
      {problem && (
        <View className="notice notice--error">
          <Text className="notice__text">{problem}</Text>
        </View>
      )}
      <View className="enter-panel__actions">
        <Button
          className={`btn btn--primary enter-panel__save${busy ? ' btn--disabled' : ''}`}
          disabled={busy || undefined}
          loading={busy || undefined}
          onClick={save}
        >
          保存填报
        </Button>
        <Button className="btn btn--secondary" onClick={onCancel}>
          取消
        </Button>
      </View>
      {event.entered !== null && (
        <Text className="link enter-panel__clear" onClick={clear}>
          清除填报
        </Text>
      )}
    </View>
  );
}
