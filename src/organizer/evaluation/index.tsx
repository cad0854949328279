/**
 * 满意度抽样与组织奖评审: draw a random sample of attendees and read 抽样满意度 beside 自愿评价;
 * the evaluation sheets of the level below (counted parts from the data, judged parts scored
 * here), side by side, sorted and filtered; decide 优秀组织奖 / 组织奖 / 不授奖 and export the list.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ApiError } from '../../../types/api';
import type { AwardDecision, JudgedCriterion } from '../../../types/awards';
import type { AwardSheetView, SampleResult, SatisfactionView } from '../../../types/awards-api';
import { clockLabel, dayLabel, dayOf } from '@backend/core/time';
import { ErrorState, Loading } from '../../components/states';
import { openDownload } from '../../platform/download';
import { TextField } from '../../platform/text-field';
import { callExports, callOrganizer } from '../api';
import { Chips } from '../components/form';
import { SubmittedEvidenceList } from './submitted';
import '../organizer.css';
import '../organizer-forms.css';
import '../evaluation.css';
import { ThemedPage } from '../../theme';
import { NoticeLine } from '../components/notice-line';

const MARGINS = [
  { value: '0.03', label: '±3%' },
  { value: '0.05', label: '±5%' },
  { value: '0.1', label: '±10%' },
];
const DECISIONS: { value: AwardDecision; label: string }[] = [
  { value: 'excellent', label: '优秀组织奖' },
  { value: 'organisation', label: '组织奖' },
  { value: 'none', label: '不授奖' },
];
const CRITERIA: { value: JudgedCriterion; label: string }[] = [
  { value: 'leadership', label: '领导重视、保障有力' },
  { value: 'publicity', label: '宣传有力' },
];
type SortKey = 'attendance' | 'sampled' | 'judged';
const SORTS: { value: SortKey; label: string }[] = [
  { value: 'attendance', label: '按参与人次' },
  { value: 'sampled', label: '按抽样满意度' },
  { value: 'judged', label: '按评分' },
];
type Filter = 'all' | 'undecided' | AwardDecision;

const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);

function sampledText(r: SampleResult | null): string {
  if (!r) return '尚未抽样';
  const ci = r.interval ? `，95%置信区间 ${pct(r.interval.low)}–${pct(r.interval.high)}` : '';
  return `${pct(r.rate)}（样本 ${r.sampleSize} 人，应答 ${r.responses} 人，应答率 ${pct(r.responseRate)}${ci}）`;
}

export default function EvaluationPage() {
  const [view, setView] = useState<SatisfactionView | null>(null);
  const [sheets, setSheets] = useState<AwardSheetView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [margin, setMargin] = useState('0.05');
  const [sort, setSort] = useState<SortKey>('attendance');
  const [filter, setFilter] = useState<Filter>('all');
  const [notice, setNotice] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, { score: string; comment: string }>>({});
  const [links, setLinks] = useState<Record<string, { title: string; url: string }>>({});

  const load = useCallback(async () => {
    setError(null);
    const [s, a] = await Promise.all([callOrganizer('sampling.view', {}), callOrganizer('award.sheets', {})]);
    if (!s.ok) return setError(s.error);
    if (!a.ok) return setError(a.error);
    setView(s.data);
    setSheets(a.data.sheets);
  }, []);
  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const draw = async () => {
    setNotice(null);
    const res = await callOrganizer('sampling.draw', { margin: Number(margin) });
    if (!res.ok) return setNotice(res.error.message);
    setNotice(
      `已抽取 ${res.data.sample.drawn.length} 人，站内通知 ${res.data.sample.notified} 人评价，订阅消息 ${res.data.messages.sent} 条（种子 ${res.data.sample.seed}）`,
    );
    await load();
  };

  const draftKey = (orgId: string, c: JudgedCriterion) => `${orgId}|${c}`;
  const score = async (s: AwardSheetView, criterion: JudgedCriterion) => {
    const d = drafts[draftKey(s.org.id, criterion)] ?? { score: '', comment: '' };
    const res = await callOrganizer('award.score', {
      orgId: s.org.id,
      criterion,
      score: Number(d.score),
      comment: d.comment,
      version: s.sheet.version,
    });
    setNotice(res.ok ? `已保存${s.org.name}的评分` : res.error.message);
    await load();
  };
  const decide = async (s: AwardSheetView, decision: AwardDecision) => {
    const res = await callOrganizer('award.decide', { orgId: s.org.id, decision, version: s.sheet.version });
    setNotice(res.ok ? `${s.org.name}：${DECISIONS.find((d) => d.value === decision)?.label}` : res.error.message);
    await load();
  };
  const addLink = async (s: AwardSheetView, list: 'evidence' | 'publicity') => {
    const link = links[s.org.id] ?? { title: '', url: '' };
    const next = { evidence: s.sheet.evidence, publicity: s.sheet.publicity };
    next[list] = [...next[list], { title: link.title, url: link.url }];
    const res = await callOrganizer('award.evidence', { orgId: s.org.id, ...next, version: s.sheet.version });
    setNotice(res.ok ? `已添加${list === 'evidence' ? '证明材料' : '宣传报道'}` : res.error.message);
    if (res.ok) setLinks({ ...links, [s.org.id]: { title: '', url: '' } });
    await load();
  };
  const exportList = async () => {
    const res = await callExports('award.export', {});
    if (!res.ok) return setNotice(res.error.message);
    const outcome = await openDownload(res.data.file);
    setNotice(outcome.message);
  };

  if (error) return <ErrorState error={error} onRetry={() => void load()} />;
  if (!view || !sheets) return <Loading />;

  const key = (s: AwardSheetView) =>
    sort === 'attendance'
      ? s.counted.figures.attendance
      : sort === 'sampled'
        ? (s.counted.sampled?.rate ?? -1)
        : s.judgedTotal;
  const shown = sheets
    .filter((s) => filter === 'all' || (filter === 'undecided' ? !s.sheet.decision : s.sheet.decision === filter))
    .sort((a, b) => key(b) - key(a));

  return (
    <ThemedPage className="organizer-page evaluation-page">
      <View className="org-header">
        <Text className="org-header__title">满意度抽样与组织奖评审</Text>
        <Text className="org-header__line">按《优秀组织奖评选条件》：随机抽样的满意度达80%以上。</Text>
      </View>
      <NoticeLine id="evaluation-notice" text={notice} />

      <View className="section" id="satisfaction">
        <Text className="section__title">群众满意度</Text>
        <Text className="figure-line" id="voluntary">
          自愿评价：{pct(view.voluntary.rate)}（{view.voluntary.ratings} 人评价，自愿参与，非随机样本）
        </Text>
        {view.samples.map(({ sample, result }) => (
          <View key={sample.id} className="figure-block" id={`sample-${sample.id}`}>
            <Text className="figure-line">抽样满意度：{sampledText(result)}</Text>
            <Text className="section__hint">
              {dayLabel(dayOf(sample.drawnAt))} {clockLabel(sample.drawnAt)} · 总体 {sample.population} 人 · 误差 ±
              {Math.round(sample.margin * 100)}% · 按活动分层 {sample.strata.length} 层 · 种子 {sample.seed}
            </Text>
          </View>
        ))}
        <Text className="section__hint">误差范围（95%置信水平）</Text>
        <Chips label="误差范围" options={MARGINS} values={[margin]} onToggle={(v) => setMargin(v)} />
        <Button className="btn btn--primary" id="draw-sample" onClick={() => void draw()}>
          随机抽取样本并通知评价
        </Button>
      </View>

      <View className="section" id="award">
        <Text className="section__title">组织奖评审（{sheets.length} 个单位）</Text>
        <Chips label="排序" options={SORTS} values={[sort]} onToggle={(v) => setSort(v)} />
        <Chips
          label="筛选"
          options={[{ value: 'all', label: '全部' }, { value: 'undecided', label: '未评定' }, ...DECISIONS]}
          values={[filter]}
          onToggle={(v) => setFilter(v as Filter)}
        />
        {shown.map((s) => (
          <View key={s.org.id} className="sheet-card" id={`sheet-${s.org.id}`}>
            <Text className="sheet-card__title">{s.org.name}</Text>
            <Text className="figure-line">
              科学组织、广泛参与：活动 {s.counted.figures.eventsHeld} 场，参与单位 {s.counted.unitsTakingPart} 个，参与{' '}
              {s.counted.figures.attendance} 人次
              {s.counted.figures.distinctPeople == null ? '' : `，${s.counted.figures.distinctPeople} 人`}
            </Text>
            <Text className="figure-line">
              主题鲜明、内容丰富：活动类别 {s.counted.categories} 类，服务对象 {s.counted.audiences} 类
            </Text>
            <Text className="figure-line">
              贴近百姓、效果显著：{sampledText(s.counted.sampled)}
              {s.counted.meetsSatisfaction ? ' ✓ 达到80%' : ''}
            </Text>
            <SubmittedEvidenceList
              id={`submitted-${s.org.id}-leadership`}
              label="领导重视、保障有力"
              items={s.submitted.leadership}
            />
            <SubmittedEvidenceList
              id={`submitted-${s.org.id}-publicity`}
              label="宣传有力"
              items={s.submitted.publicity}
            />
            {[
              ...s.sheet.evidence.map((l) => ({ ...l, kind: '证明材料' })),
              ...s.sheet.publicity.map((l) => ({ ...l, kind: '宣传报道' })),
            ].map((l) => (
              <Text key={`${l.kind}-${l.url}`} className="figure-line">
                {l.kind}：{l.title}（{l.url}）
              </Text>
            ))}
            <View className="score-row">
              <TextField
                id={`link-title-${s.org.id}`}
                value={links[s.org.id]?.title ?? ''}
                placeholder="材料或报道名称"
                onChange={(v) => setLinks({ ...links, [s.org.id]: { url: links[s.org.id]?.url ?? '', title: v } })}
              />
              <TextField
                id={`link-url-${s.org.id}`}
                value={links[s.org.id]?.url ?? ''}
                placeholder="链接（https://…）"
                onChange={(v) => setLinks({ ...links, [s.org.id]: { title: links[s.org.id]?.title ?? '', url: v } })}
              />
              <View className="button-row">
                <Button className="btn btn--secondary btn--small" onClick={() => void addLink(s, 'evidence')}>
                  添加证明材料（方案、文件、经费）
                </Button>
                <Button className="btn btn--secondary btn--small" onClick={() => void addLink(s, 'publicity')}>
                  添加宣传报道
                </Button>
              </View>
            </View>
            {CRITERIA.map((c) => {
              const k = draftKey(s.org.id, c.value);
              const current = s.sheet.scores[c.value];
              const d = drafts[k] ?? { score: current ? String(current.score) : '', comment: current?.comment ?? '' };
              return (
                <View key={c.value} className="score-row">
                  <Text className="figure-line">
                    {c.label}：{current ? `${current.score} 分（${current.comment || '无意见'}）` : '未评分'}
                  </Text>
                  <TextField
                    id={`score-${s.org.id}-${c.value}`}
                    value={d.score}
                    placeholder="评分 0–20"
                    onChange={(v) => setDrafts({ ...drafts, [k]: { ...d, score: v } })}
                  />
                  <TextField
                    id={`comment-${s.org.id}-${c.value}`}
                    value={d.comment}
                    placeholder="评审意见"
                    onChange={(v) => setDrafts({ ...drafts, [k]: { ...d, comment: v } })}
                  />
                  <Button className="btn btn--secondary btn--small" onClick={() => void score(s, c.value)}>
                    保存评分
                  </Button>
                </View>
              );
            })}
            <Text className="figure-line">
              评定：{DECISIONS.find((d) => d.value === s.sheet.decision)?.label ?? '未评定'}
            </Text>
            <View className="button-row">
              {DECISIONS.map((d) => (
                <Button
                  key={d.value}
                  id={`decide-${s.org.id}-${d.value}`}
                  className={`btn btn--small ${s.sheet.decision === d.value ? 'btn--primary' : 'btn--secondary'}`}
                  onClick={() => void decide(s, d.value)}
                >
                  {d.label}
                </Button>
              ))}
            </View>
          </View>
        ))}
        <Button className="btn btn--primary" id="export-decisions" onClick={() => void exportList()}>
          导出评定结果（Excel）
        </Button>
      </View>
    </ThemedPage>
  );
}
