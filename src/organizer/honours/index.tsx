/**
 * 评选推荐: the campaign's honours (organizers add them from the notices' presets), a unit's
 * nomination form (fields, 事迹 with its length rule, photos, the nominee's consent), and the
 * nominations the caller's level handles: 报送 (unit), 退回 / 推荐上报 / 审定通过 (level above),
 * with the 汇总表 export.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ApiError } from '../../../types/api';
import type { HonourKind, NomineeConsent } from '../../../types/awards';
import type { HonourPresetView, NominationRowView } from '../../../types/awards-api';
import { callResident } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { openDownload } from '../../platform/download';
import { TextField } from '../../platform/text-field';
import { callExports, callOrganizer } from '../api';
import { isOrganizer } from '../access';
import { Chips } from '../components/form';
import { TextArea } from '../components/text-area';
import { pickPhoto } from '../platform/photo-file';
import '../organizer.css';
import '../organizer-forms.css';
import '../evaluation.css';
import { ThemedPage } from '../../theme';
import { NoticeLine } from '../components/notice-line';

const STATUS: Record<string, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  recommended: '已推荐上报',
  approved: '已审定',
};

interface Draft {
  kindId: string;
  nomineeName: string;
  fields: Record<string, string>;
  text: string;
  photos: string[];
  consented: boolean;
  consentHow: string;
  publicFields: string[];
  photoPublic: boolean;
}

const emptyDraft = (kindId: string): Draft => ({
  kindId,
  nomineeName: '',
  fields: {},
  text: '',
  photos: [],
  consented: false,
  consentHow: '',
  publicFields: [],
  photoPublic: false,
});

export default function HonoursPage() {
  const [kinds, setKinds] = useState<HonourKind[] | null>(null);
  const [presets, setPresets] = useState<HonourPresetView[]>([]);
  const [rows, setRows] = useState<NominationRowView[]>([]);
  const [me, setMe] = useState<{ role: string; unitIds: string[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    setError(null);
    const [k, n, m] = await Promise.all([
      callOrganizer('honours.kinds', {}),
      callOrganizer('nominations.list', {}),
      callResident('me.get', {}),
    ]);
    if (!k.ok) return setError(k.error);
    if (!n.ok) return setError(n.error);
    setKinds(k.data.kinds);
    setPresets(k.data.presets);
    setRows(n.data.nominations);
    if (m.ok) setMe({ role: m.data.role, unitIds: m.data.unitIds });
  }, []);
  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (error) return <ErrorState error={error} onRetry={() => void load()} />;
  if (!kinds || !me) return <Loading />;
  const organizer = isOrganizer(me.role as never);
  const unitId = me.unitIds[0] ?? null;
  const kind = draft ? kinds.find((k) => k.id === draft.kindId) : undefined;

  const addPreset = async (p: HonourPresetView) => {
    const { preset: _p, seed: _s, ...config } = p;
    const res = await callOrganizer('honours.saveKind', config);
    setNotice(res.ok ? `已添加评选项目：${p.name}` : res.error.message);
    await load();
  };

  const addPhoto = async () => {
    if (!draft || !unitId) return;
    const picked = await pickPhoto();
    if (!picked.ok) return picked.cancelled || setNotice(picked.message);
    const res = await callOrganizer('nomination.photo', { orgId: unitId, fileId: picked.fileId });
    if (!res.ok) return setNotice(res.error.message);
    setDraft({ ...draft, photos: [...draft.photos, res.data.file.url] });
    setNotice('照片已上传');
  };

  const save = async () => {
    if (!draft || !unitId) return;
    const consent: NomineeConsent | null = draft.consented
      ? {
          at: Date.now(),
          how: draft.consentHow || '本人签字同意',
          publicFields: draft.publicFields,
          photoPublic: draft.photoPublic,
        }
      : null;
    const res = await callOrganizer('nomination.save', {
      kindId: draft.kindId,
      orgId: unitId,
      nomineeName: draft.nomineeName,
      fields: draft.fields,
      text: draft.text,
      photos: draft.photos,
      files: [],
      consent,
    });
    if (!res.ok) return setNotice(res.error.message);
    setDraft(null);
    setNotice('已保存推荐草稿，可在下方报送');
    await load();
  };

  const act = async (row: NominationRowView, action: 'submit' | 'return' | 'recommend' | 'approve') => {
    const res = await callOrganizer('nomination.act', {
      id: row.nomination.id,
      action,
      reason: reasons[row.nomination.id] ?? '',
      version: row.nomination.version,
    });
    setNotice(res.ok ? `${row.nomination.nomineeName}：${STATUS[res.data.nomination.status]}` : res.error.message);
    await load();
  };

  const exportKind = async (k: HonourKind) => {
    const res = await callExports('honours.export', { kindId: k.id });
    if (!res.ok) return setNotice(res.error.message);
    setNotice((await openDownload(res.data.file)).message);
  };

  const configured = new Set(kinds.map((k) => k.name));
  return (
    <ThemedPage className="organizer-page honours-page">
      <View className="org-header">
        <Text className="org-header__title">评选推荐</Text>
        <Text className="org-header__line">单位推荐 → 上级审核（退回、推荐上报、审定）→ 公布</Text>
      </View>
      <NoticeLine id="honours-notice" text={notice} />

      <View className="section" id="honour-kinds">
        <Text className="section__title">评选项目</Text>
        {kinds.map((k) => (
          <View key={k.id} className="link-row" id={`kind-${k.id}`}>
            <Text>
              {k.name}（事迹 {k.textMin}–{k.textMax} 字{k.quotaPerOrg ? `，每单位限 ${k.quotaPerOrg} 名` : ''}
              {k.photoRequired ? '，须附照片' : ''}）
            </Text>
            {unitId && (
              <Button className="btn btn--secondary btn--small" onClick={() => setDraft(emptyDraft(k.id))}>
                推荐
              </Button>
            )}
            {organizer && (
              <Button className="btn btn--secondary btn--small" onClick={() => void exportKind(k)}>
                导出汇总表
              </Button>
            )}
          </View>
        ))}
        {organizer &&
          presets
            .filter((p) => !configured.has(p.name))
            .map((p) => (
              <Button key={p.preset} className="btn btn--secondary btn--small" onClick={() => void addPreset(p)}>
                添加“{p.name}”（{p.seed}）
              </Button>
            ))}
      </View>

      {draft && kind && (
        <View className="section" id="nomination-form">
          <Text className="section__title">推荐{kind.name}</Text>
          <TextField
            id="nominee-name"
            value={draft.nomineeName}
            placeholder="被推荐对象（姓名或名称）"
            onChange={(v) => setDraft({ ...draft, nomineeName: v })}
          />
          {kind.fields.map((f) => (
            <TextField
              key={f.key}
              id={`field-${f.key}`}
              value={draft.fields[f.key] ?? ''}
              placeholder={f.label}
              onChange={(v) => setDraft({ ...draft, fields: { ...draft.fields, [f.key]: v } })}
            />
          ))}
          <TextArea
            id="nomination-text"
            value={draft.text}
            maxLength={kind.textMax}
            placeholder={`事迹材料（${kind.textMin}–${kind.textMax} 字）`}
            onChange={(v) => setDraft({ ...draft, text: v })}
          />
          <Text className="section__hint">已写 {[...draft.text].length} 字</Text>
          <Button className="btn btn--secondary" id="add-photo" onClick={() => void addPhoto()}>
            上传照片（已上传 {draft.photos.length} 张）
          </Button>
          <Chips
            label="本人同意"
            options={[{ value: 'yes', label: '已取得被推荐人本人同意（签字申报表）' }]}
            values={draft.consented ? ['yes'] : []}
            onToggle={() => setDraft({ ...draft, consented: !draft.consented })}
          />
          {draft.consented && (
            <>
              <Text className="section__hint">本人同意公开的内容（未勾选的不向群众显示）</Text>
              <Chips
                label="同意公开"
                options={[
                  { value: 'name', label: '姓名' },
                  { value: 'text', label: '事迹' },
                  { value: 'photo', label: '照片' },
                  ...kind.fields.filter((f) => f.personal).map((f) => ({ value: f.key, label: f.label })),
                ]}
                values={[...draft.publicFields, ...(draft.photoPublic ? ['photo'] : [])]}
                onToggle={(v) =>
                  v === 'photo'
                    ? setDraft({ ...draft, photoPublic: !draft.photoPublic })
                    : setDraft({
                        ...draft,
                        publicFields: draft.publicFields.includes(v)
                          ? draft.publicFields.filter((x) => x !== v)
                          : [...draft.publicFields, v],
                      })
                }
              />
            </>
          )}
          <Button className="btn btn--primary" id="save-nomination" onClick={() => void save()}>
            保存推荐
          </Button>
        </View>
      )}

      <View className="section" id="nominations">
        <Text className="section__title">推荐名单（{rows.length}）</Text>
        {rows.map((r) => {
          const n = r.nomination;
          const atUnit = n.status === 'draft' || n.status === 'returned';
          return (
            <View key={n.id} className="sheet-card" id={`nomination-${n.id}`}>
              <Text className="sheet-card__title">
                {r.kindName} · {n.nomineeName} · {r.orgName}
              </Text>
              <Text className="figure-line" id={`status-${n.id}`}>
                {STATUS[n.status]}
                {n.status !== 'approved' && !atUnit ? `（在${r.atOrgName}审核）` : ''}
                {r.quotaLeft !== null ? ` · 本单位剩余名额 ${r.quotaLeft}` : ''}
              </Text>
              {n.history
                .filter((s) => s.reason)
                .map((s) => (
                  <Text key={s.at} className="section__hint">
                    退回理由：{s.reason}
                  </Text>
                ))}
              {r.mine && atUnit && (
                <Button
                  className="btn btn--primary btn--small"
                  id={`submit-${n.id}`}
                  onClick={() => void act(r, 'submit')}
                >
                  报送上级
                </Button>
              )}
              {r.mine && !atUnit && (
                <View className="button-row">
                  <TextField
                    id={`reason-${n.id}`}
                    value={reasons[n.id] ?? ''}
                    placeholder="退回理由"
                    onChange={(v) => setReasons({ ...reasons, [n.id]: v })}
                  />
                  <Button
                    className="btn btn--secondary btn--small"
                    id={`return-${n.id}`}
                    onClick={() => void act(r, 'return')}
                  >
                    退回
                  </Button>
                  <Button
                    className="btn btn--secondary btn--small"
                    id={`recommend-${n.id}`}
                    onClick={() => void act(r, 'recommend')}
                  >
                    推荐上报
                  </Button>
                  <Button
                    className="btn btn--primary btn--small"
                    id={`approve-${n.id}`}
                    onClick={() => void act(r, 'approve')}
                  >
                    审定通过
                  </Button>
                </View>
              )}
            </View>
          );
        })}
      </View>
    </ThemedPage>
  );
}
