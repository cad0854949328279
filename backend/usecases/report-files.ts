/**
 * The files of reporting submissions: photos, videos, case images and scans the phone uploaded
 * first (cloud storage on WeChat, the local server's /api/_upload on the web); the call carries
 * only their ids. At submission every file is read back and measured from its bytes (type,
 * size, image resolution, video length: core/media.ts), so the item rules judge what was really
 * uploaded, never what the phone said. Only the submitting org and the levels above it read
 * them, as temporary links; the awards lane lists an org's submitted files as evidence.
 */
import type { Answer, AnswerInput, FileRef, ReportItem, ReportTask } from '../../types/reporting';
import type { PublishedFile } from '../store/files';
import { DomainError, fail } from '../core/errors';
import { sniffMedia } from '../core/media';
import { filesOf, FILE_RULES } from '../core/reporting';
import { audit } from './audit';
import type { Caller, Deps } from './context';
import { assertAbove } from './tree';

/** The largest file any item accepts (a video): what is read back at most. */
export const MAX_REPORT_FILE_BYTES = Math.max(...Object.values(FILE_RULES).map((r) => r.maxBytes));

/** Reads an upload of `owner`; null when there is none (or it is larger than any item accepts). */
export async function readUpload(deps: Deps, fileId: string, owner: string): Promise<Uint8Array | null> {
  if (!deps.uploads) fail('STORE_UNAVAILABLE', '当前环境不支持上传文件');
  return deps.uploads.read(fileId, owner, MAX_REPORT_FILE_BYTES);
}

async function measure(deps: Deps, item: ReportItem, file: FileRef, owner: string): Promise<FileRef> {
  const bytes = await readUpload(deps, file.fileId, owner);
  if (!bytes) {
    const message = `“${file.name}”没有找到（未上传成功或已过期），请重新上传`;
    throw new DomainError('UPLOAD_NOT_FOUND', `${item.label}：${message}`, [{ path: item.key, message }]);
  }
  const facts = sniffMedia(bytes);
  if (!facts) {
    const message = `“${file.name}”不是可识别的图片、视频或 PDF`;
    throw new DomainError('REPORT_FILE_TYPE', `${item.label}：${message}`, [{ path: item.key, message }]);
  }
  return {
    fileId: file.fileId,
    name: file.name,
    ...(file.caption !== undefined ? { caption: file.caption } : {}),
    mime: facts.mime,
    size: bytes.length,
    ...(facts.width !== undefined ? { width: facts.width, height: facts.height } : {}),
    ...(facts.durationSec !== undefined ? { durationSec: facts.durationSec } : {}),
  };
}

/**
 * The answers with every file's facts measured from its bytes (the caller must be its uploader).
 * Answers for unknown items pass through unchanged: the item rules refuse them next.
 */
export async function measureAnswers(
  deps: Deps,
  task: Pick<ReportTask, 'items'>,
  inputs: Readonly<Record<string, AnswerInput>>,
  owner: string,
): Promise<Record<string, AnswerInput>> {
  const out: Record<string, AnswerInput> = {};
  for (const [key, answer] of Object.entries(inputs)) {
    const item = task.items.find((i) => i.key === key);
    if (!item) {
      out[key] = answer;
      continue;
    }
    const m = (f: FileRef) => measure(deps, item, f, owner);
    const all = (fs: readonly FileRef[]) => Promise.all(fs.map(m));
    switch (answer.kind) {
      case 'photos':
        out[key] = {
          kind: 'photos',
          photos: await all(answer.photos),
          ...(answer.video ? { video: await m(answer.video) } : {}),
        };
        break;
      case 'video':
        out[key] = { kind: 'video', video: await m(answer.video) };
        break;
      case 'scan':
        out[key] = { kind: 'scan', file: await m(answer.file) };
        break;
      case 'cases':
        out[key] = {
          kind: 'cases',
          cases: await Promise.all(answer.cases.map(async (c) => ({ ...c, images: await all(c.images) }))),
        };
        break;
      default:
        out[key] = answer;
    }
  }
  return out;
}

export interface SubmittedItem {
  taskId: string;
  taskTitle: string;
  itemKey: string;
  itemLabel: string;
  status: 'submitted' | 'returned' | 'approved';
  version: number;
  submittedAt: number;
  files: (FileRef & { folder: string })[];
}

/**
 * What an org handed in for a campaign's tasks (the tasks issued under `campaignId`), latest
 * versions, item by item with their files: for the org itself and the levels above it (award
 * evidence reads this). Files are opened with `reportFileLink`.
 */
export async function submittedItems(
  deps: Deps,
  caller: Caller,
  input: { campaignId: string; orgId: string },
): Promise<SubmittedItem[]> {
  await assertAbove(deps, caller, input.orgId);
  const campaign = await deps.store.getCampaign(input.campaignId);
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  const tasks = (await deps.store.listReportTasks(campaign.districtId)).filter(
    (t) => t.campaignId === campaign.id && t.targetOrgIds.includes(input.orgId),
  );
  const items: SubmittedItem[] = [];
  for (const task of tasks) {
    const sub = await deps.store.getSubmission(`${task.id}_${input.orgId}`);
    const latest = sub?.versions.at(-1);
    if (!sub || !latest) continue;
    for (const item of task.items) {
      const answer: Answer | undefined = latest.answers[item.key];
      if (!answer) continue;
      items.push({
        taskId: task.id,
        taskTitle: task.title,
        itemKey: item.key,
        itemLabel: item.label,
        status: sub.status,
        version: latest.n,
        submittedAt: latest.submittedAt,
        files: filesOf(answer).map(({ file, folder }) => ({ ...file, folder })),
      });
    }
  }
  return items;
}

/**
 * A temporary link to one file of a submission, for the submitting org and the levels above it.
 * The file must belong to one of the submission's versions; it is read as its uploader's.
 */
export async function reportFileLink(
  deps: Deps,
  caller: Caller,
  input: { taskId: string; orgId: string; fileId: string },
): Promise<PublishedFile> {
  await assertAbove(deps, caller, input.orgId);
  const sub = await deps.store.getSubmission(`${input.taskId}_${input.orgId}`);
  const found = sub?.versions
    .flatMap((v) => Object.values(v.answers).flatMap((a) => filesOf(a).map(({ file }) => ({ file, v }))))
    .find(({ file }) => file.fileId === input.fileId);
  if (!sub || !found) fail('UPLOAD_NOT_FOUND', '该上报中没有这个文件');
  if (!deps.files) fail('STORE_UNAVAILABLE', '当前环境不支持导出文件');
  const bytes = await readUpload(deps, found.file.fileId, found.v.submittedBy);
  if (!bytes) fail('UPLOAD_NOT_FOUND');
  await audit(deps, caller, input.orgId, 'report.file.read', sub.id, `查看上报文件“${found.file.name}”`);
  return deps.files.publish(found.file.name, bytes);
}
