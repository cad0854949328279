/** 填报线上人数: the participant figure of an online activity, with where it comes from. */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Fragment, useState } from 'react';
import type { DashboardEventRow } from '../../../types/api';
import { BusyButton } from '../../components/busy-button';
import { useBusy } from '../../hooks/use-call';
import { TextField } from '../../platform/text-field';
import { callOrganizer } from '../api';

/** The panel's two fields: the figure, and where it comes from (the id says which, for tests). */
const FIELDS = [
  { key: 'participants', id: 'count', label: '线上参与人数（人次）', placeholder: '例如 320', maxLength: 8 },
  { key: 'note', id: 'note', label: '数据来源说明', placeholder: '例如：直播平台后台观看人数', maxLength: 100 },
] as const;

export function EnterPanel({
  event,
  onSaved,
  onCancel,
}: {
  event: DashboardEventRow;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState({
    participants: event.entered === null ? '' : String(event.entered),
    note: '',
  });
  const { participants, note } = values;
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, run } = useBusy();

  const send = async (value: number | null, why: string) => {
    const res = await run(() =>
      callOrganizer('attendance.enter', { eventId: event.id, participants: value, note: why }),
    );
    if (!res) return;
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
      {FIELDS.map((f) => (
        <Fragment key={f.key}>
          <Text className="field-label">{f.label}</Text>
          <TextField
            id={`enter-${f.id}-${event.id}`}
            className="input"
            value={values[f.key]}
            onChange={(v) => setValues((current) => ({ ...current, [f.key]: v }))}
            placeholder={f.placeholder}
            maxLength={f.maxLength}
          />
        </Fragment>
      ))}
      <Text className="enter-panel__note">
        这是“填报”数：保存后计入参加人次，在统计表中注明为填报，并记录填报人和时间。
      </Text>
      {problem && (
        <View className="notice notice--error">
          <Text className="notice__text">{problem}</Text>
        </View>
      )}
      <View className="enter-panel__actions">
        <BusyButton className="btn--primary enter-panel__save" busy={busy} lock onClick={save}>
          保存填报
        </BusyButton>
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
