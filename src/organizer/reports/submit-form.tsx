/**
 * Filling a received task: texts, photos with captions (or a short video where the task allows
 * one), a video, typical cases with images, a stamped scan. Files are picked, resized and
 * uploaded first (../platform/report-media); the submission carries their ids and the backend
 * measures them. Counted forms are frozen from live figures by the backend.
 */
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AnswerInput, FileRef, ReportItem, ReportTask } from '../../../types/reporting';
import { TextField } from '../../platform/text-field';
import { callOrganizer } from '../api';
import { TextArea } from '../components/text-area';
import { pickReportPhotos, pickReportScan, pickReportVideo, type PickedMedia } from '../platform/report-media';

interface CaseDraft {
  title: string;
  text: string;
  images: FileRef[];
}
type Draft = { text?: string; photos?: FileRef[]; video?: FileRef; scan?: FileRef; cases?: CaseDraft[] };

function answerOf(item: ReportItem, d: Draft): AnswerInput | undefined {
  switch (item.kind) {
    case 'form':
      return { kind: 'form' };
    case 'text':
      return { kind: 'text', text: d.text ?? '' };
    case 'photos':
      if (!d.photos?.length && !d.video) return undefined;
      return { kind: 'photos', photos: d.photos ?? [], ...(d.video ? { video: d.video } : {}) };
    case 'video':
      return d.video ? { kind: 'video', video: d.video } : undefined;
    case 'scan':
      return d.scan ? { kind: 'scan', file: d.scan } : undefined;
    case 'cases':
      return d.cases?.length ? { kind: 'cases', cases: d.cases } : undefined;
  }
}

function FileLine({ file, onCaption }: { file: FileRef; onCaption?: (caption: string) => void }) {
  const size = file.width ? ` · ${file.width}×${file.height}` : '';
  const length = file.durationSec !== undefined ? ` · ${Math.round(file.durationSec)} 秒` : '';
  return (
    <View className="report-file">
      <Text className="report-row__meta">
        已上传：{file.name}
        {size}
        {length}
      </Text>
      {onCaption && (
        <TextField
          value={file.caption ?? ''}
          onChange={onCaption}
          placeholder="照片说明（必填）"
          maxLength={100}
          className="report-caption"
        />
      )}
    </View>
  );
}

export function SubmitForm({ task, orgId }: { task: ReportTask; orgId: string }) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: string, patch: Draft) => setDrafts((all) => ({ ...all, [key]: { ...all[key], ...patch } }));
  const picked = async (pick: Promise<PickedMedia>, keep: (files: FileRef[]) => void) => {
    setBusy(true);
    setNote('正在上传…');
    const res = await pick;
    setBusy(false);
    if (res.ok) {
      keep(res.files);
      setNote(`已上传 ${res.files.length} 个文件`);
    } else setNote(res.cancelled ? null : res.message);
  };
  const submit = async () => {
    const answers: Record<string, AnswerInput> = {};
    for (const item of task.items) {
      const answer = answerOf(item, drafts[item.key] ?? {});
      if (answer) answers[item.key] = answer;
    }
    setBusy(true);
    const res = await callOrganizer('report.submit', { taskId: task.id, orgId, answers });
    setBusy(false);
    setNote(res.ok ? `已上报（第 ${res.data.submission.versions.length} 版）` : res.error.message);
  };
  const item = (it: ReportItem) => {
    const d = drafts[it.key] ?? {};
    switch (it.kind) {
      case 'form':
        return <Text className="section__hint">上报时按实到人数自动生成并冻结</Text>;
      case 'text':
        return (
          <>
            <Text className="section__hint">不少于 {it.minChars} 字</Text>
            <TextArea
              value={d.text ?? ''}
              onChange={(v) => set(it.key, { text: v })}
              placeholder={it.label}
              maxLength={it.maxChars}
              id={`report-text-${it.key}`}
            />
          </>
        );
      case 'photos': {
        const photos = d.photos ?? [];
        return (
          <>
            <Text className="section__hint">
              {it.count} 张，每张不小于 {it.minWidth}×{it.minHeight}，须写说明
            </Text>
            {photos.map((p, i) => (
              <FileLine
                key={p.fileId}
                file={p}
                onCaption={(caption) =>
                  set(it.key, { photos: photos.map((q, j) => (j === i ? { ...q, caption } : q)) })
                }
              />
            ))}
            {d.video && <FileLine file={d.video} />}
            <View className="report-actions">
              <Button
                className="btn btn--secondary report-pick-photos"
                onClick={() =>
                  void picked(pickReportPhotos(it.count - photos.length), (f) =>
                    set(it.key, { photos: [...photos, ...f] }),
                  )
                }
              >
                上传照片
              </Button>
              {it.orVideoSeconds !== undefined && (
                <Button
                  className="btn btn--secondary report-pick-video"
                  onClick={() =>
                    void picked(pickReportVideo(it.orVideoSeconds ?? 0), ([v]) => set(it.key, { video: v }))
                  }
                >
                  或上传视频
                </Button>
              )}
            </View>
          </>
        );
      }
      case 'video':
        return (
          <>
            {d.video && <FileLine file={d.video} />}
            <Button
              className="btn btn--secondary report-pick-video"
              onClick={() => void picked(pickReportVideo(it.maxSeconds), ([v]) => set(it.key, { video: v }))}
            >
              上传视频（不超过 {it.maxSeconds / 60} 分钟）
            </Button>
          </>
        );
      case 'scan':
        return (
          <>
            {d.scan && <FileLine file={d.scan} />}
            <Button
              className="btn btn--secondary report-pick-scan"
              onClick={() => void picked(pickReportScan(), ([f]) => set(it.key, { scan: f }))}
            >
              上传扫描件（PDF 或照片）
            </Button>
          </>
        );
      case 'cases': {
        const cases = d.cases ?? Array.from({ length: it.count }, () => ({ title: '', text: '', images: [] }));
        const edit = (i: number, patch: Partial<CaseDraft>) =>
          set(it.key, { cases: cases.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
        return cases.map((c, i) => (
          <View key={i} className="report-case">
            <Text className="section__hint">
              案例 {i + 1}：题目不超过 {it.titleMax} 字，正文 {it.minChars}–{it.maxChars} 字，配图 {it.images} 张
            </Text>
            <TextField
              value={c.title}
              onChange={(title) => edit(i, { title })}
              placeholder="案例题目"
              maxLength={it.titleMax}
            />
            <TextArea
              value={c.text}
              onChange={(text) => edit(i, { text })}
              placeholder="案例正文"
              maxLength={it.maxChars}
            />
            {c.images.map((img) => (
              <FileLine key={img.fileId} file={img} />
            ))}
            <Button
              className="btn btn--secondary"
              onClick={() =>
                void picked(pickReportPhotos(it.images - c.images.length), (f) =>
                  edit(i, { images: [...c.images, ...f] }),
                )
              }
            >
              上传配图
            </Button>
          </View>
        ));
      }
    }
  };
  return (
    <View className="section report-submit" id={`report-submit-${task.id}`}>
      <Text className="section__title">{task.title}</Text>
      <Text className="section__hint">截止 {task.deadline}</Text>
      {task.items.map((it) => (
        <View key={it.key} className="report-item" id={`report-item-${it.key}`}>
          <Text className="report-item__label">{it.label}</Text>
          {item(it)}
        </View>
      ))}
      <Button
        className={`btn btn--primary btn--block report-send${busy ? ' btn--disabled' : ''}`}
        onClick={() => void (busy ? undefined : submit())}
      >
        提交上报
      </Button>
      {note && <Text className="section__note report-note">{note}</Text>}
    </View>
  );
}
