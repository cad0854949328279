/**
 * 新建/编辑活动: every field of an event (EventInput) — unit, title, content, venue, start and
 * end (day and clock time in Asia/Shanghai), category, audiences, online/offline with its link,
 * 惠民 (with the price of a 收费 one), 主会场/分会场, sign-up (a positive number of seats, or 无需报名)
 * with companions, and the optional contact and map point (an emptied one is cleared on save).
 * Checked here first as the backend checks; the backend's per-field messages show beside the
 * fields. Unit staff save drafts (then 提交审核 in 活动管理); organizers' events are published.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo } from 'react';
import type { ApiResult, WeekView } from '../../../types/api';
import type { Audience, Category, Day, EventMode, Org, Role } from '../../../types/domain';
import { COMPANIONS_CEILING } from '@backend/core/registration';
import { addDays, dayOf, daysBetween } from '@backend/core/time';
import { callResident } from '../../api/client';
import { PageStates } from '../../components/states';
import { useCall } from '../../hooks/use-call';
import { useFormDraft } from '../../hooks/use-form-draft';
import { AUDIENCE_LABELS, AUDIENCE_OPTIONS, CATEGORY_LABELS, CATEGORY_OPTIONS, MODE_LABELS } from '../../labels';
import { TextField } from '../../platform/text-field';
import { routeParam } from '../../route';
import { isOrganizer } from '../access';
import { callOrganizer } from '../api';
import { Chips, DateField, FormRow, Stepper, TimeField, dayText, FormErrorBox, SaveButton } from '../components/form';
import { Segmented } from '../components/segmented';
import { TextArea } from '../components/text-area';
import { UnitChooser } from '../components/unit-chooser';
import {
  CONTENT_MAX,
  EVENT_FIELDS,
  FEE_MAX,
  TITLE_MAX,
  VENUE_MAX,
  checkEventDraft,
  draftOf,
  eventDayRange,
  eventInputOf,
  newEventDraft,
  type EventDraft,
} from '../event-form';
import { EVENT_STATUS_LABELS } from '../labels';
import { rememberSaved } from '../saved';
import { ContactSection } from './contact-section';
import { QuestionsSection } from './questions-section';
import '../organizer.css';
import '../organizer-forms.css';
import './index.css';
import { ThemedPage } from '../../theme';

const MODES: EventMode[] = ['offline', 'online', 'hybrid'];

/** The day a new event starts on: tomorrow when it falls in the week, else the week's first day. */
function defaultDay(week: WeekView['campaign'], now: number): Day {
  const tomorrow = addDays(dayOf(now), 1);
  return tomorrow >= week.weekStart && tomorrow <= week.weekEnd ? tomorrow : week.weekStart;
}

interface Loaded {
  week: WeekView;
  role: Role;
  /** The units the caller may hold events for. */
  units: Org[];
  draft: EventDraft;
  status: string | null;
}

/** The week, the caller, their units and the event (or a new draft for it). */
async function loadEditor(eventId: string | undefined): Promise<ApiResult<Loaded>> {
  const [weekRes, me, orgs, managed] = await Promise.all([
    callResident('week.get', {}),
    callResident('me.get', {}),
    callOrganizer('org.list', {}),
    eventId ? callOrganizer('events.managed', {}) : Promise.resolve(null),
  ]);
  if (!weekRes.ok) return weekRes;
  if (!me.ok) return me;
  if (!orgs.ok) return orgs;
  if (managed && !managed.ok) return managed;
  const units = isOrganizer(me.data.role)
    ? orgs.data.orgs.filter((o) => o.kind === 'unit')
    : orgs.data.orgs.filter((o) => o.kind === 'unit' && me.data.unitIds.includes(o.id));
  const base = { week: weekRes.data, role: me.data.role, units };
  if (!eventId) {
    const unitId = units.length === 1 ? units[0].id : '';
    return {
      ok: true,
      data: { ...base, draft: newEventDraft(unitId, defaultDay(weekRes.data.campaign, Date.now())), status: null },
    };
  }
  const found = managed?.ok ? managed.data.events.find((e) => e.id === eventId) : undefined;
  if (!found)
    return {
      ok: false,
      error: { code: 'EVENT_NOT_FOUND', message: '没有找到该活动，或您不能管理它', retryable: false },
    };
  return { ok: true, data: { ...base, draft: draftOf(found), status: found.status } };
}

export default function EventEditPage() {
  const { params } = useRouter();
  const eventId = routeParam(params, 'id');
  const call = useCall(() => loadEditor(eventId), [eventId]);
  const form = useFormDraft<EventDraft>();
  const { draft, errors, formError, saving, update } = form;
  const { reset } = form;
  useEffect(() => {
    if (call.data) reset(call.data.draft);
  }, [call.data, reset]);
  const week = call.data?.week ?? null;
  const weekDays = useMemo(() => (week ? daysBetween(week.campaign.weekStart, week.campaign.weekEnd) : []), [week]);

  if (call.error || !call.data || !week || !draft) {
    return <PageStates className="organizer-page event-edit-page" error={call.error} />;
  }
  const { role, units, status } = call.data;

  const organizer = isOrganizer(role);
  const range = eventDayRange(week.campaign);
  const year = week.campaign.weekStart.slice(0, 4);

  const setStartDay = (day: Day) =>
    // The end day follows the start day while they are the same (a one-day event).
    update(
      { startDay: day, endDay: draft.endDay === draft.startDay || draft.endDay < day ? day : draft.endDay },
      'startAt',
      'endAt',
    );

  const save = async () => {
    const res = await form.submit({
      check: () => checkEventDraft(draft, week.campaign),
      send: () => callOrganizer('event.save', eventInputOf(draft)),
      fields: EVENT_FIELDS,
    });
    if (!res) return;
    const saved = res.event;
    rememberSaved(saved);
    void Taro.showToast({
      title: saved.status === 'approved' ? '已保存，居民可以看到' : '已保存为草稿，请提交审核',
      icon: 'none',
    });
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: '/organizer/events/index' });
  };

  return (
    <ThemedPage className="organizer-page event-edit-page">
      <View className="org-header">
        <Text className="org-header__title">{draft.eventId ? '编辑活动' : '新建活动'}</Text>
        <Text className="org-header__line">
          {draft.eventId && status
            ? `当前状态：${EVENT_STATUS_LABELS[status as keyof typeof EVENT_STATUS_LABELS]}。`
            : ''}
          {organizer ? '组织者新建的活动保存后即发布。' : '保存后为草稿，在“活动管理”中提交审核，通过后居民即可报名。'}
        </Text>
      </View>

      <View className="section">
        <Text className="section__title">基本信息</Text>
        <FormRow label="主办单位" error={errors.unitId} required>
          {draft.eventId ? (
            <Text className="form-static">{units.find((u) => u.id === draft.unitId)?.name ?? draft.unitId}</Text>
          ) : (
            <UnitChooser
              units={units.map((u) => ({ id: u.id, name: u.name }))}
              value={draft.unitId || null}
              onChange={(id) => update({ unitId: id }, 'unitId')}
            />
          )}
        </FormRow>
        <FormRow label="活动项目" error={errors.title} hint={`最多 ${TITLE_MAX} 个字`} required>
          <TextField
            className="input input-title"
            placeholder="活动名称"
            maxLength={TITLE_MAX}
            value={draft.title}
            onChange={(v) => update({ title: v }, 'title')}
          />
        </FormRow>
        <FormRow label="形式与内容" error={errors.content} hint={`最多 ${CONTENT_MAX} 个字`}>
          <TextArea
            className="input-content"
            placeholder="活动的形式和主要内容"
            maxLength={CONTENT_MAX}
            value={draft.content}
            onChange={(v) => update({ content: v }, 'content')}
          />
        </FormRow>
      </View>

      <View className="section">
        <Text className="section__title">时间和地点</Text>
        <FormRow
          label="活动日期"
          error={errors.startAt}
          hint={`活动周 ${weekDays.length} 天；其他日期须在 ${range.first} 至 ${range.last} 之间`}
          required
        >
          <View className="chips day-chips" role="radiogroup" aria-label="活动日期">
            {weekDays.map((d) => (
              <View
                key={d}
                id={`day-chip-${d}`}
                className={`chip${draft.startDay === d ? ' chip--on' : ''}`}
                role="radio"
                aria-checked={draft.startDay === d}
                aria-label={dayText(d)}
                onClick={() => setStartDay(d)}
              >
                <Text>{dayText(d)}</Text>
              </View>
            ))}
          </View>
          <DateField
            className="other-day"
            label="其他日期"
            value={weekDays.includes(draft.startDay) ? '' : draft.startDay}
            placeholder="其他日期…"
            start={range.first}
            end={range.last}
            onChange={setStartDay}
          />
        </FormRow>
        <FormRow label="开始时间" required>
          <TimeField
            label="开始时间"
            className="start-time"
            value={draft.startTime}
            onChange={(t) => update({ startTime: t }, 'startAt', 'endAt')}
          />
        </FormRow>
        <FormRow label="结束" error={errors.endAt} required>
          <View className="time-row">
            <View className="time-row__day">
              <DateField
                label="结束日期"
                className="end-day"
                value={draft.endDay}
                start={draft.startDay}
                end={range.last}
                onChange={(d) => update({ endDay: d }, 'endAt')}
              />
            </View>
            <View className="time-row__time">
              <TimeField
                label="结束时间"
                className="end-time"
                value={draft.endTime}
                onChange={(t) => update({ endTime: t }, 'endAt')}
              />
            </View>
          </View>
        </FormRow>
        <FormRow label="活动地点" error={errors.venue} hint={`最多 ${VENUE_MAX} 个字`} required>
          <TextField
            className="input input-venue"
            placeholder="例如：尧塘街道社区教育中心多功能教室"
            maxLength={VENUE_MAX}
            value={draft.venue}
            onChange={(v) => update({ venue: v }, 'venue')}
          />
        </FormRow>
        <FormRow label="会场" error={errors.venueRole}>
          <Segmented
            options={[
              { value: 'none', label: '不区分' },
              { value: 'main', label: '主会场' },
              { value: 'sub', label: '分会场' },
            ]}
            value={draft.venueRole ?? 'none'}
            onChange={(v) => update({ venueRole: v === 'none' ? null : (v as 'main' | 'sub') }, 'venueRole')}
            label="会场"
          />
        </FormRow>
      </View>

      <View className="section">
        <Text className="section__title">类别和对象</Text>
        <FormRow label="活动类别" error={errors.category} required>
          <View className="chips" role="radiogroup" aria-label="活动类别">
            {CATEGORY_OPTIONS.map((c: Category) => (
              <View
                key={c}
                className={`chip${draft.category === c ? ' chip--on' : ''}`}
                role="radio"
                aria-checked={draft.category === c}
                aria-label={CATEGORY_LABELS[c]}
                data-value={c}
                onClick={() => update({ category: c }, 'category')}
              >
                <Text>{CATEGORY_LABELS[c]}</Text>
              </View>
            ))}
          </View>
        </FormRow>
        <FormRow label="参与对象（可多选）" error={errors.audiences} required>
          <Chips
            label="参与对象"
            options={AUDIENCE_OPTIONS.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
            values={draft.audiences}
            onToggle={(a: Audience) =>
              update(
                {
                  audiences: draft.audiences.includes(a)
                    ? draft.audiences.filter((x) => x !== a)
                    : [...draft.audiences, a],
                },
                'audiences',
              )
            }
          />
        </FormRow>
        <FormRow label="参与方式" error={errors.mode} required>
          <Segmented
            options={MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
            value={draft.mode}
            onChange={(m) => update({ mode: m }, 'mode', 'onlineUrl')}
            label="参与方式"
          />
        </FormRow>
        {draft.mode !== 'offline' && (
          <FormRow label="线上参与链接" error={errors.onlineUrl} hint="https:// 开头的网址，例如直播间链接" required>
            <TextField
              className="input input-url"
              placeholder="https://"
              maxLength={300}
              value={draft.onlineUrl}
              onChange={(v) => update({ onlineUrl: v.trim() }, 'onlineUrl')}
            />
          </FormRow>
        )}
        <FormRow label="惠民（免费）" error={errors.free}>
          <Segmented
            options={[
              { value: 'free', label: '免费' },
              { value: 'paid', label: '收费' },
            ]}
            value={draft.free ? 'free' : 'paid'}
            onChange={(v) => update({ free: v === 'free' }, 'free')}
            label="是否免费"
          />
        </FormRow>
        {!draft.free && (
          <FormRow label="收费说明" error={errors.fee} hint={`选填，最多 ${FEE_MAX} 字，例如 30元/人（含材料费）`}>
            <TextField
              className="input input-fee"
              placeholder="例如 30元/人"
              maxLength={FEE_MAX}
              value={draft.fee}
              onChange={(v) => update({ fee: v }, 'fee')}
            />
          </FormRow>
        )}
      </View>

      <ContactSection draft={draft} errors={errors} update={update} />

      <View className="section">
        <Text className="section__title">报名</Text>
        <FormRow label="是否需要报名" error={errors.capacity}>
          <Segmented
            options={[
              { value: 'signup', label: '需要报名（限定名额）' },
              { value: 'open', label: '不限，无需报名' },
            ]}
            value={draft.needsSignup ? 'signup' : 'open'}
            onChange={(v) => update({ needsSignup: v === 'signup' }, 'capacity')}
            label="是否需要报名"
          />
          {draft.needsSignup && (
            <View className="capacity-row">
              <Text className="capacity-row__label">名额</Text>
              <TextField
                className="input input-capacity"
                kind="phone"
                placeholder="名额（人）"
                maxLength={6}
                value={draft.capacity}
                onChange={(v) => update({ capacity: v.replace(/\D+/g, '') }, 'capacity')}
              />
              <Text className="capacity-row__unit">人</Text>
            </View>
          )}
        </FormRow>
        {draft.needsSignup && (
          <FormRow label="每份报名可带同行家属" error={errors.maxCompanions} hint="家属也占名额">
            <Stepper
              label="同行家属"
              value={draft.maxCompanions}
              min={0}
              max={COMPANIONS_CEILING}
              unit="位"
              onChange={(n) => update({ maxCompanions: n }, 'maxCompanions')}
            />
          </FormRow>
        )}
      </View>

      {draft.needsSignup && (
        <QuestionsSection
          questions={draft.questions}
          error={errors.questions}
          onChange={(questions) => update({ questions }, 'questions')}
        />
      )}

      <FormErrorBox error={formError} />

      <SaveButton hook="save-event" saving={saving} onSave={() => void save()}>
        {draft.eventId ? '保存修改' : organizer ? '保存并发布' : '保存为草稿'}
      </SaveButton>
      <Text className="edit-year-note">日期均为北京时间（{year} 年）。</Text>
    </ThemedPage>
  );
}
