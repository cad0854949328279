/**
 * 统计报表: the bureaus' forms (shared/design/forms.md) filled from attendance. Choose F1
 * (启动周统计表) or F2 (活动项目安排表, 计划 or 实到) for a unit, or F3 (活动周总结表, organizers
 * only) for the district; the form shows like the paper with counted cells marked 自动统计 and
 * the typed fields as inputs, saved once (保存) and reused. 导出 Excel hands over a workbook like
 * the paper (src/platform/download). For a unit also: 导出签到名单 and 导入活动安排表.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionOutput, ApiError } from '../../../types/api';
import type { Role } from '../../../types/domain';
import type { FormKind, ImportProblem } from '../../../types/forms';
import { callResident } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { openDownload } from '../../platform/download';
import { isOrganizer } from '../access';
import { callExports, callOrganizer } from '../api';
import { Segmented } from '../components/segmented';
import { UnitChooser, type UnitOption } from '../components/unit-chooser';
import { pickSpreadsheet } from '../platform/spreadsheet-file';
import { initialFields } from './fields';
import { F1Paper, F2Paper, F3Paper } from './paper';
import '../organizer.css';
import '../organizer-forms.css';
import './index.css';
import { ThemedPage } from '../../theme';

type Preview = ActionOutput<'organizer', 'forms.preview'>;
type ImportReport = ActionOutput<'exports', 'events.import'>;
type Busy = 'save' | 'export' | 'attendance' | 'import' | null;

const KIND_OPTIONS: { value: FormKind; label: string }[] = [
  { value: 'F1', label: 'F1 启动周统计表' },
  { value: 'F2', label: 'F2 活动项目安排表' },
  { value: 'F3', label: 'F3 活动周总结表' },
];
/** The unit last chosen on this page, so that a reload reports for the same unit. */
export const FORMS_UNIT_STORAGE_KEY = 'llw.formsUnit';

function rememberedUnit(units: UnitOption[]): string | null {
  try {
    const stored: unknown = Taro.getStorageSync(FORMS_UNIT_STORAGE_KEY);
    return units.find((u) => u.id === stored)?.id ?? null;
  } catch {
    return null;
  }
}

const MODE_OPTIONS: { value: 'plan' | 'actual'; label: string }[] = [
  { value: 'plan', label: '计划' },
  { value: 'actual', label: '实到' },
];

export default function FormsPage() {
  const [role, setRole] = useState<Role | null>(null);
  const [units, setUnits] = useState<UnitOption[] | null>(null);
  const [setupError, setSetupError] = useState<ApiError | null>(null);
  const [kind, setKind] = useState<FormKind>('F1');
  const [mode, setMode] = useState<'plan' | 'actual'>('actual');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<ApiError | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [mobilisationId, setMobilisationId] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [importReport, setImportReport] = useState<ImportReport | null>(null);
  const seq = useRef(0);
  const started = useRef(false);

  const organizer = isOrganizer(role);

  // Who I am and which units I may report for (the dashboard's units of my scope).
  useDidShow(() => {
    if (started.current) return;
    started.current = true;
    void Promise.all([callResident('me.get', {}), callOrganizer('dashboard.get', {})]).then(([me, dash]) => {
      setRole(me.ok ? me.data.role : null);
      if (!dash.ok) {
        setSetupError(dash.error);
        setUnits([]);
        return;
      }
      const list = dash.data.byUnit
        .map((g) => ({ id: g.key, name: g.label }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
      setUnits(list);
      setUnitId((now) => now ?? rememberedUnit(list) ?? list[0]?.id ?? null);
    });
  });

  const load = useCallback(async () => {
    if (units === null) return;
    const mine = ++seq.current;
    setPreviewError(null);
    setPreview(null);
    const res = await callOrganizer('forms.preview', {
      kind,
      ...(kind !== 'F3' && unitId ? { orgId: unitId } : {}),
      ...(kind === 'F2' ? { mode } : {}),
    });
    if (mine !== seq.current) return;
    if (!res.ok) {
      setPreviewError(res.error);
      return;
    }
    setPreview(res.data);
    setFields(initialFields(res.data.form, res.data.profile));
    setMobilisationId(res.data.profile?.mobilisationEventId ?? null);
    setDirty(false);
  }, [kind, mode, unitId, units]);

  useEffect(() => {
    void load();
  }, [load]);

  // A message belongs to the form it was about: switching form, mode or unit clears it.
  useEffect(() => {
    setNotice(null);
    setImportReport(null);
  }, [kind, mode, unitId]);

  const chooseUnit = (id: string) => {
    setUnitId(id);
    try {
      Taro.setStorageSync(FORMS_UNIT_STORAGE_KEY, id);
    } catch {
      // Storage unavailable: the choice holds until the page closes.
    }
  };

  const setField = (key: string, value: string) => {
    setFields((now) => ({ ...now, [key]: value }));
    setDirty(true);
  };

  /** Saves the typed fields; true when saved (or nothing to save). */
  const save = async (): Promise<boolean> => {
    if (!preview) return false;
    const res = await callOrganizer('forms.saveProfile', {
      kind: preview.form.kind,
      orgId: preview.orgId,
      fields,
      ...(preview.form.kind === 'F1' ? { mobilisationEventId: mobilisationId } : {}),
    });
    if (!res.ok) {
      setNotice({ ok: false, text: res.error.fields?.[0]?.message ?? res.error.message });
      return false;
    }
    setDirty(false);
    return true;
  };

  const onSave = async () => {
    setBusy('save');
    setNotice(null);
    const saved = await save();
    setBusy(null);
    if (saved) {
      setNotice({ ok: true, text: '已保存，下次打开时自动填入' });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      // The mobilisation meeting's time, place and count follow the saved choice.
      void load();
    }
  };

  const onExport = async () => {
    if (!preview) return;
    setBusy('export');
    setNotice(null);
    if (dirty && !(await save())) {
      setBusy(null);
      return;
    }
    await download(
      callExports('forms.export', {
        kind: preview.form.kind,
        ...(preview.form.kind !== 'F3' ? { orgId: preview.orgId } : {}),
        ...(preview.form.kind === 'F2' ? { mode } : {}),
      }),
    );
  };

  /** Opens an exported file (or says why not) and frees the buttons. */
  const download = async (pending: ReturnType<typeof callExports<'forms.export'>>) => {
    const res = await pending;
    const outcome = res.ok ? await openDownload(res.data) : { ok: false, message: res.error.message };
    setBusy(null);
    setNotice({ ok: outcome.ok, text: outcome.message });
  };

  const onAttendance = async () => {
    if (!preview) return;
    setBusy('attendance');
    setNotice(null);
    await download(callExports('attendance.export', { unitId: preview.orgId }));
  };

  const onImport = async () => {
    if (!preview) return;
    setNotice(null);
    setImportReport(null);
    const picked = await pickSpreadsheet();
    if (!picked.ok) {
      if (!picked.cancelled) setNotice({ ok: false, text: picked.message });
      return;
    }
    setBusy('import');
    const res = await callExports('events.import', { unitId: preview.orgId, fileId: picked.fileId });
    setBusy(null);
    if (!res.ok) {
      setNotice({ ok: false, text: res.error.fields?.[0]?.message ?? res.error.message });
      return;
    }
    setImportReport(res.data);
    void load();
  };

  const kinds = organizer ? KIND_OPTIONS : KIND_OPTIONS.filter((k) => k.value !== 'F3');
  const unitName = units?.find((u) => u.id === (preview?.orgId ?? unitId))?.name;

  if (units === null) {
    return (
      <ThemedPage className="organizer-page forms-page">
        <Loading />
      </ThemedPage>
    );
  }

  return (
    <ThemedPage className="organizer-page forms-page">
      <View className="org-header">
        <Text className="org-header__title">统计报表</Text>
        <Text className="org-header__line">按上级通知的表格填写；标有“自动统计”的格子由签到数据算出，不需手填。</Text>
      </View>

      {setupError && <ErrorState error={setupError} />}

      <View className="section">
        <Text className="section__title">选择表格</Text>
        <Segmented options={kinds} value={kind} onChange={setKind} label="表格" className="segmented--stack" />
        {kind === 'F2' && <Segmented options={MODE_OPTIONS} value={mode} onChange={setMode} label="参加人数口径" />}
        {kind !== 'F3' &&
          (organizer || units.length > 1 ? (
            <UnitChooser units={units} value={unitId} onChange={chooseUnit} />
          ) : (
            <Text className="section__hint">单位：{unitName ?? '本单位'}</Text>
          ))}
      </View>

      {previewError ? (
        <ErrorState error={previewError} onRetry={() => void load()} />
      ) : !preview ? (
        <Loading text="正在生成表格…" />
      ) : (
        <View className="section section--paper">
          {preview.form.kind === 'F1' && (
            <F1Paper
              data={preview.form.data}
              fields={fields}
              setField={setField}
              mobilisationId={mobilisationId}
              onMobilisation={(id) => {
                setMobilisationId(id);
                setDirty(true);
              }}
            />
          )}
          {preview.form.kind === 'F2' && <F2Paper data={preview.form.data} fields={fields} setField={setField} />}
          {preview.form.kind === 'F3' && <F3Paper data={preview.form.data} fields={fields} setField={setField} />}
        </View>
      )}

      {preview && (
        <View className="section form-actions">
          {dirty && <Text className="form-actions__dirty">有未保存的修改</Text>}
          {notice && (
            <View className={`notice ${notice.ok ? 'notice--ok' : 'notice--error'}`} id="form-notice">
              <Text className="notice__text">{notice.text}</Text>
            </View>
          )}
          <Button
            className={`btn btn--primary btn--block${busy ? ' btn--disabled' : ''}`}
            id="save-profile"
            disabled={busy !== null || undefined}
            loading={busy === 'save' || undefined}
            onClick={() => void onSave()}
          >
            保存
          </Button>
          <Button
            className={`btn btn--secondary btn--block form-actions__more${busy ? ' btn--disabled' : ''}`}
            id="export-form"
            disabled={busy !== null || undefined}
            loading={busy === 'export' || undefined}
            onClick={() => void onExport()}
          >
            导出 Excel
          </Button>
          <Text className="section__hint form-actions__hint">
            导出前会先保存修改；导出的表格与本页、实时统计的数字一致。
          </Text>
        </View>
      )}

      {preview && preview.form.kind !== 'F3' && (
        <View className="section">
          <Text className="section__title">单位工具</Text>
          <Text className="section__hint">{unitName ?? '本单位'}</Text>
          <Button
            className={`btn btn--secondary btn--block${busy ? ' btn--disabled' : ''}`}
            id="export-attendance"
            disabled={busy !== null || undefined}
            loading={busy === 'attendance' || undefined}
            onClick={() => void onAttendance()}
          >
            导出签到名单
          </Button>
          <Button
            className={`btn btn--secondary btn--block form-actions__more${busy ? ' btn--disabled' : ''}`}
            id="import-schedule"
            disabled={busy !== null || undefined}
            loading={busy === 'import' || undefined}
            onClick={() => void onImport()}
          >
            导入活动安排表
          </Button>
          <Text className="section__hint form-actions__hint">
            导入：选择按“活动项目安排表”格式填写的 Excel（.xlsx），每行建一项活动；有问题的行不会导入，并列出行号。
          </Text>
          {importReport && <ImportResult report={importReport} />}
        </View>
      )}
    </ThemedPage>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const line = (p: ImportProblem, problem: boolean) => (
    <Text
      key={`${problem ? 'p' : 's'}-${p.row}-${p.reason}`}
      className={`report__line${problem ? ' report__line--problem' : ''}`}
    >
      第 {p.row} 行：{p.reason.replace(/^第\s*\d+\s*行[：:]\s*/, '')}
    </Text>
  );
  return (
    <View className="notice notice--info report" id="import-report">
      <Text className="report__title">
        新建 {report.created.length} 项活动，跳过 {report.skipped.length} 行，有问题 {report.problems.length} 行
      </Text>
      {report.skipped.length > 0 && <Text className="report__line">跳过（已存在等）：</Text>}
      {report.skipped.map((p) => line(p, false))}
      {report.problems.length > 0 && <Text className="report__line">有问题，未导入：</Text>}
      {report.problems.map((p) => line(p, true))}
    </View>
  );
}
