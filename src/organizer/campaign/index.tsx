/**
 * 活动周设置: the campaign as the district's notice announces it — name, theme, the week's dates
 * and the year-round period, 主办/协办/承办 units, the opening ceremony's place and time, and the
 * reporting deadlines. Checked here as the backend checks (dates in order, the week inside the
 * period); the backend's per-field messages show beside the fields. Organizers only.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { addDays, dayOf } from '@backend/core/time';
import { callResident } from '../../api/client';
import { PageStates } from '../../components/states';
import { useCall } from '../../hooks/use-call';
import { useFormDraft } from '../../hooks/use-form-draft';
import { TextField } from '../../platform/text-field';
import { callOrganizer } from '../api';
import {
  CAMPAIGN_FIELDS,
  campaignDraftOf,
  campaignInputOf,
  checkCampaignDraft,
  newCampaignDraft,
  type CampaignDraft,
} from '../campaign-form';
import { DateField, FormRow, TimeField, FormErrorBox, SaveButton } from '../components/form';
import { Segmented } from '../components/segmented';
import { TextArea } from '../components/text-area';
import '../organizer.css';
import '../organizer-forms.css';
import './index.css';
import { ThemedPage } from '../../theme';

/** The name and the theme: the draft's field, its label, the example, the test hook. */
const TEXT_ROWS = [
  ['name', '活动名称', '例如：金坛区2026年全民终身学习活动周', 'input-name'],
  ['theme', '活动主题', '例如：全民智学，助力发展', 'input-theme'],
] as const;

/** The year-round period's two ends: the draft's field, the picker's label, its placeholder, the test hook. */
const PERIOD_ENDS = [
  ['periodStart', '全年活动期开始', '开始日期', 'period-start'],
  ['periodEnd', '全年活动期结束', '结束日期', 'period-end'],
] as const;

/** The three lists of units, one per line: the draft's field, its label, the test hook. */
const HOST_ROWS = [
  ['hosts', '主办单位', 'input-hosts'],
  ['coHosts', '协办单位', 'input-cohosts'],
  ['undertakers', '承办单位', 'input-undertakers'],
] as const;

export default function CampaignPage() {
  const [demo, setDemo] = useState(false);
  const form = useFormDraft<CampaignDraft>();
  const { draft, errors, formError, saving, update, reset } = form;
  const call = useCall(async () => {
    const res = await callResident('week.get', {});
    if (res.ok)
      return { ok: true as const, data: { draft: campaignDraftOf(res.data.campaign), demo: res.data.campaign.demo } };
    if (res.error.code !== 'CAMPAIGN_NOT_FOUND') return res;
    const start = addDays(dayOf(Date.now()), 30);
    return { ok: true as const, data: { draft: newCampaignDraft(start, addDays(start, 6)), demo: false } };
  }, []);
  useEffect(() => {
    if (!call.data) return;
    reset(call.data.draft);
    setDemo(call.data.demo);
  }, [call.data, reset]);

  if (call.error || !draft) return <PageStates className="organizer-page campaign-page" error={call.error} />;

  const startNew = async () => {
    const { confirm } = await Taro.showModal({
      title: '新建活动周',
      content: '新建后，居民看到的将是新的活动周。当前活动周的活动和统计不受影响。',
      confirmText: '新建',
      cancelText: '取消',
    });
    if (!confirm) return;
    const start = addDays(draft.weekEnd, 300);
    reset(newCampaignDraft(start, addDays(start, 6)));
    setDemo(false);
  };

  const save = async () => {
    const res = await form.submit({
      check: () => checkCampaignDraft(draft),
      send: () => callOrganizer('campaign.save', campaignInputOf(draft)),
      fields: CAMPAIGN_FIELDS,
    });
    if (!res) return;
    reset(campaignDraftOf(res.campaign));
    void Taro.showToast({ title: '活动周已保存', icon: 'success' });
  };

  const setDeadline = (i: number, patch: Partial<{ label: string; day: string }>) =>
    update({ deadlines: draft.deadlines.map((d, j) => (j === i ? { ...d, ...patch } : d)) }, 'deadlines');

  return (
    <ThemedPage className="organizer-page campaign-page">
      <View className="org-header">
        <Text className="org-header__title">{draft.id ? '活动周设置' : '新建活动周'}</Text>
        <Text className="org-header__line">按区里的活动通知填写；居民在首页看到名称、主题和日期。</Text>
        {demo && <Text className="org-header__line campaign-demo">当前为演示数据。</Text>}
      </View>

      <View className="section">
        <Text className="section__title">名称和主题</Text>
        {TEXT_ROWS.map(([field, label, example, hook]) => (
          <FormRow key={field} label={label} error={errors[field]} required>
            <TextField
              className={`input ${hook}`}
              placeholder={example}
              maxLength={60}
              value={draft[field]}
              onChange={(v) => update({ [field]: v }, field)}
            />
          </FormRow>
        ))}
      </View>

      <View className="section">
        <Text className="section__title">日期</Text>
        <FormRow label="活动周开始" error={errors.weekStart} required>
          <DateField
            label="活动周开始"
            className="week-start"
            value={draft.weekStart}
            onChange={(d) => update({ weekStart: d }, 'weekStart', 'weekEnd', 'periodStart')}
          />
        </FormRow>
        <FormRow label="活动周结束" error={errors.weekEnd} required>
          <DateField
            label="活动周结束"
            className="week-end"
            value={draft.weekEnd}
            onChange={(d) => update({ weekEnd: d }, 'weekEnd', 'periodStart')}
          />
        </FormRow>
        <FormRow
          label="全年活动期（可不填）"
          error={errors.periodStart ?? errors.periodEnd}
          hint="活动周须在全年活动期之内"
        >
          <View className="time-row">
            {PERIOD_ENDS.map(([field, label, placeholder, hook]) => (
              <View key={field} className="time-row__day">
                <DateField
                  label={label}
                  className={hook}
                  value={draft[field]}
                  placeholder={placeholder}
                  onChange={(d) => update({ [field]: d }, 'periodStart', 'periodEnd')}
                />
              </View>
            ))}
          </View>
          {(draft.periodStart || draft.periodEnd) && (
            <View
              className="link clear-period"
              role="button"
              onClick={() => update({ periodStart: '', periodEnd: '' }, 'periodStart', 'periodEnd')}
            >
              <Text>不设全年活动期</Text>
            </View>
          )}
        </FormRow>
      </View>

      <View className="section">
        <Text className="section__title">举办单位</Text>
        <Text className="section__hint">每行一个单位</Text>
        {HOST_ROWS.map(([field, label, hook]) => (
          <FormRow key={field} label={label} error={errors[field]}>
            <TextArea
              className={hook}
              placeholder="每行一个"
              value={draft[field]}
              onChange={(v) => update({ [field]: v }, field)}
            />
          </FormRow>
        ))}
      </View>

      <View className="section">
        <Text className="section__title">开幕式</Text>
        <Segmented
          options={[
            { value: 'yes', label: '有开幕式' },
            { value: 'no', label: '没有' },
          ]}
          value={draft.hasOpening ? 'yes' : 'no'}
          onChange={(v) => update({ hasOpening: v === 'yes' }, 'opening')}
          label="是否有开幕式"
        />
        {draft.hasOpening && (
          <FormRow label="开幕式地点和时间" error={errors.opening} required>
            <TextField
              className="input input-opening-place"
              placeholder="开幕式地点"
              maxLength={60}
              value={draft.openingPlace}
              onChange={(v) => update({ openingPlace: v }, 'opening')}
            />
            <View className="time-row opening-time">
              <View className="time-row__day">
                <DateField
                  label="开幕式日期"
                  value={draft.openingDay}
                  onChange={(d) => update({ openingDay: d }, 'opening')}
                />
              </View>
              <View className="time-row__time">
                <TimeField
                  label="开幕式时间"
                  value={draft.openingTime}
                  onChange={(t) => update({ openingTime: t }, 'opening')}
                />
              </View>
            </View>
          </FormRow>
        )}
      </View>

      <View className="section">
        <Text className="section__title">报送时间</Text>
        <Text className="section__hint">例如：计划表 10月30日前报送，总结 11月23日前报送</Text>
        {draft.deadlines.map((d, i) => (
          <View key={i} className="deadline-row" id={`deadline-${i}`}>
            <TextField
              className="input deadline-row__label"
              placeholder="报送事项"
              maxLength={40}
              value={d.label}
              onChange={(v) => setDeadline(i, { label: v })}
            />
            <View className="time-row">
              <View className="time-row__day">
                <DateField label={`报送日期 ${i + 1}`} value={d.day} onChange={(day) => setDeadline(i, { day })} />
              </View>
              <Button
                className="btn btn--danger btn--small deadline-row__remove"
                aria-label={`删除第 ${i + 1} 项报送时间`}
                onClick={() => update({ deadlines: draft.deadlines.filter((_, j) => j !== i) }, 'deadlines')}
              >
                删除
              </Button>
            </View>
          </View>
        ))}
        {errors.deadlines && <Text className="form-row__error">{errors.deadlines}</Text>}
        {draft.deadlines.length < 10 && (
          <Button
            className="btn btn--secondary btn--block add-deadline"
            onClick={() => update({ deadlines: [...draft.deadlines, { label: '', day: draft.weekEnd }] }, 'deadlines')}
          >
            添加报送时间
          </Button>
        )}
      </View>

      <FormErrorBox error={formError} />

      <SaveButton hook="save-campaign" saving={saving} onSave={() => void save()}>
        保存活动周
      </SaveButton>
      {draft.id && (
        <View className="link new-campaign" role="button" onClick={() => void startNew()}>
          <Text>新建下一届活动周</Text>
        </View>
      )}
    </ThemedPage>
  );
}
