/**
 * 上报任务: for an organizer at any level — the tasks it issued to the level below (new task from a
 * notice's preset, tracker with reporting rates and states, return with a reason, approve,
 * reminders, .zip download) and the tasks the level above addressed to it (fill and submit).
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../types/api';
import type { OrgKind } from '../../../types/domain';
import type { ReportTask, TrackerState, TrackerView } from '../../../types/reporting';
import { Badge } from '../../components/badge';
import { Empty, ErrorState, Loading } from '../../components/states';
import { openDownload } from '../../platform/download';
import { callResident } from '../../api/client';
import { callExports, callOrganizer, type OrganizerOutput } from '../api';
import { Segmented } from '../components/segmented';
import { SubmitForm } from './submit-form';
import { SubmittedFiles } from './submitted-files';
import { SubscribeReminder } from './subscribe-reminder';
import { TextArea } from '../components/text-area';
import { TextField } from '../../platform/text-field';
import { ORG_KIND_LABELS } from '../labels';
import '../organizer.css';
import '../organizer-forms.css';
import './index.css';
import { ThemedPage } from '../../theme';

const STATE_LABELS: Record<TrackerState, string> = {
  missing: '未提交',
  submitted: '已提交',
  late: '逾期提交',
  returned: '已退回',
  approved: '已通过',
};
const STATE_TONES = { missing: 'muted', submitted: 'info', late: 'wait', returned: 'wait', approved: 'ok' } as const;
const TARGET_KINDS: OrgKind[] = ['city', 'district', 'county', 'street', 'town', 'unit'];
const percent = (x: number) => `${Math.round(x * 100)}%`;

function countdown(ms: number): string {
  if (ms <= 0) return '已过截止日期';
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  return `距截止 ${days} 天 ${hours} 小时`;
}

type Presets = OrganizerOutput<'report.presets'>['presets'];

function CreateTask({ presets, onCreated }: { presets: Presets; onCreated: () => void }) {
  const [preset, setPreset] = useState(presets[0]?.id ?? '');
  const [kind, setKind] = useState<OrgKind>('district');
  /** Empty: the preset's own day (this year); otherwise YYYY-MM-DD. */
  const [deadline, setDeadline] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const create = async () => {
    setBusy(true);
    const res = await callOrganizer('report.create', {
      preset,
      targetKind: kind,
      ...(deadline.trim() ? { deadline: deadline.trim() } : { year: new Date().getFullYear() }),
    });
    setBusy(false);
    setMessage(
      res.ok ? `已发布：${res.data.task.title}（${res.data.task.targetOrgIds.length} 个单位）` : res.error.message,
    );
    if (res.ok) onCreated();
  };
  return (
    <View className="section" id="report-create">
      <Text className="section__title">新建上报任务</Text>
      <Text className="section__hint">按通知预设：截止日期和上报材料与通知一致</Text>
      <Segmented
        options={presets.map((p) => ({
          value: p.id,
          label: `${p.notice}：${p.title}（${p.deadline.replace('-', '月')}日）`,
        }))}
        value={preset}
        onChange={setPreset}
        label="通知预设"
        className="segmented--stack"
      />
      <Segmented
        options={TARGET_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))}
        value={kind}
        onChange={setKind}
        label="上报单位层级"
      />
      <Text className="section__hint">截止日期（留空则按通知的日期）</Text>
      <TextField value={deadline} onChange={setDeadline} placeholder="YYYY-MM-DD" maxLength={10} id="report-deadline" />
      <Button
        id="report-publish"
        className={`btn btn--primary btn--block${busy ? ' btn--disabled' : ''}`}
        onClick={() => void create()}
      >
        发布任务
      </Button>
      {message && <Text className="section__note report-create__result">{message}</Text>}
    </View>
  );
}

function Tracker({ taskId }: { taskId: string }) {
  const [view, setView] = useState<TrackerView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const load = useCallback(async () => {
    const res = await callOrganizer('report.track', { taskId });
    if (res.ok) setView(res.data);
    else setError(res.error);
  }, [taskId]);
  // Mounted after the page was shown (when a task is opened): load on mount, not on page show.
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <ErrorState error={error} onRetry={() => void load()} />;
  if (!view) return <Loading />;
  const decide = async (orgId: string, action: 'return' | 'approve') => {
    const res = await callOrganizer('report.decide', {
      taskId,
      orgId,
      action,
      ...(action === 'return' ? { reason } : {}),
    });
    setNote(res.ok ? (action === 'approve' ? '已通过' : '已退回') : res.error.message);
    if (res.ok) await load();
  };
  const remind = async () => {
    const res = await callOrganizer('report.remind', { taskId });
    setNote(
      res.ok
        ? `已提醒 ${res.data.orgs} 个单位（${res.data.notices} 条通知，${res.data.messages.sent} 条订阅消息）`
        : res.error.message,
    );
  };
  const download = async () => {
    const res = await callExports('report.package', { taskId });
    if (!res.ok) return setNote(res.error.message);
    const outcome = await openDownload(res.data);
    setNote(outcome.message);
  };
  return (
    <View className="section report-tracker" id="report-tracker">
      <Text className="section__title">{view.task.title}</Text>
      <View className="report-rates">
        <Text id="report-completeness">完成率 {percent(view.completeness)}</Text>
        <Text id="report-ontime">及时率 {percent(view.onTime)}</Text>
        <Text>{countdown(view.remainingMs)}</Text>
      </View>
      <Text className="section__hint">
        已通过 {view.approved.orgs} 个单位：参加 {view.approved.attendance} 人次、{view.approved.distinctPeople} 人
      </Text>
      <TextArea
        value={reason}
        onChange={setReason}
        placeholder="退回原因（退回时必填）"
        maxLength={200}
        id="report-reason"
      />
      {view.rows.map((r) => (
        <View key={r.orgId} className="report-row" id={`report-row-${r.orgId}`}>
          <Text className="report-row__title">{r.orgName}</Text>
          <Badge text={STATE_LABELS[r.state]} tone={STATE_TONES[r.state]} className="report-row__state" />
          <Text className="report-row__meta">
            提交 {r.versions} 次
            {r.figures ? ` · 参加 ${r.figures.attendance} 人次、${r.figures.distinctPeople} 人` : ''}
            {r.sinceSubmitted && r.sinceSubmitted.attendance !== 0
              ? ` · 上报后变化 ${r.sinceSubmitted.attendance} 人次`
              : ''}
            {r.returnReason ? ` · 退回原因：${r.returnReason}` : ''}
          </Text>
          {r.versions > 0 && <SubmittedFiles taskId={taskId} orgId={r.orgId} />}
          {(r.state === 'submitted' || r.state === 'late') && (
            <View className="report-actions">
              <Button className="btn btn--primary report-approve" onClick={() => void decide(r.orgId, 'approve')}>
                通过
              </Button>
              <Button className="btn btn--secondary report-return" onClick={() => void decide(r.orgId, 'return')}>
                退回
              </Button>
            </View>
          )}
        </View>
      ))}
      <View className="report-actions">
        <Button className="btn btn--secondary report-remind" onClick={() => void remind()}>
          提醒未提交单位
        </Button>
        <Button className="btn btn--secondary report-download" onClick={() => void download()}>
          下载全部材料（.zip）
        </Button>
      </View>
      {note && <Text className="section__note report-note">{note}</Text>}
    </View>
  );
}

export default function ReportsPage() {
  const [tab, setTab] = useState<'issued' | 'received'>('issued');
  const [lists, setLists] = useState<OrganizerOutput<'report.list'> | null>(null);
  const [presets, setPresets] = useState<Presets>([]);
  const [orgId, setOrgId] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    setError(null);
    const [list, pre, me] = await Promise.all([
      callOrganizer('report.list', {}),
      callOrganizer('report.presets', {}),
      callerOrg(),
    ]);
    if (!list.ok) return setError(list.error);
    setLists(list.data);
    if (pre.ok) setPresets(pre.data.presets);
    setOrgId(me);
  }, []);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));
  const tasks = lists ? lists[tab] : [];
  return (
    <ThemedPage className="organizer-page reports-page">
      <View className="org-header">
        <Text className="org-header__title">上报任务</Text>
        <Text className="org-header__line">逐级填报、逐级审核、逐级汇总</Text>
      </View>
      <Segmented
        options={[
          { value: 'issued', label: '我发布的' },
          { value: 'received', label: '上级下发的' },
        ]}
        value={tab}
        onChange={(t) => {
          setTab(t);
          setOpen(null);
        }}
        label="任务"
      />
      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !lists ? (
        <Loading />
      ) : (
        <>
          {tab === 'issued' && (
            <Button
              className="btn btn--secondary btn--block"
              id="report-levels-link"
              onClick={() => void Taro.navigateTo({ url: '/organizer/levels/index' })}
            >
              查看下级汇总（按下一级分列）
            </Button>
          )}
          {tab === 'received' && lists.reminder && <SubscribeReminder config={lists.reminder} />}
          {tab === 'issued' && presets.length > 0 && <CreateTask presets={presets} onCreated={() => void load()} />}
          {tasks.length === 0 ? (
            <Empty text={tab === 'issued' ? '还没有发布任务' : '上级还没有下发任务'} />
          ) : (
            tasks.map((t) => (
              <View
                key={t.id}
                className="report-row"
                id={`report-task-${t.id}`}
                onClick={() => setOpen(t.id)}
                role="link"
              >
                <Text className="report-row__title">{t.title}</Text>
                <Text className="report-row__meta">
                  截止 {t.deadline} · {t.targetOrgIds.length} 个单位
                </Text>
              </View>
            ))
          )}
          {open && tab === 'issued' && <Tracker key={open} taskId={open} />}
          {open && tab === 'received' && (
            <SubmitForm key={open} task={tasks.find((t) => t.id === open) as ReportTask} orgId={orgId} />
          )}
        </>
      )}
    </ThemedPage>
  );
}

/** The org the caller is bound to (the org it submits for). */
async function callerOrg(): Promise<string> {
  const res = await callResident('me.get', {});
  return res.ok ? (res.data.districtId ?? '') : '';
}
