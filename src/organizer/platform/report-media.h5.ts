/**
 * Picking report files on the web: a file input opened from the tap; photos (and photographed
 * scans) are resized on a canvas to at most 1920 px on their long side and re-encoded as JPEG,
 * then every file goes as raw bytes to the local server's POST /api/_upload (./spreadsheet-file)
 * and the submission carries only the ids. A video's length is read from its metadata.
 */
import { FILE_RULES } from '@backend/core/reporting';
import type { FileRef } from '../../../types/reporting';
import { uploadImage } from './spreadsheet-file';
import { MAX_PHOTO_SIDE, MB, NOT_PICKED, UPLOAD_FAILED_MEDIA, type PickedMedia } from './report-media.types';

export type { PickedMedia } from './report-media.types';

function chooseFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    let settled = false;
    const finish = (files: File[]) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => finish([]));
    document.body.appendChild(input);
    input.click();
  });
}

/** The image drawn at most MAX_PHOTO_SIDE on its long side, as JPEG, with its new size. */
async function resized(file: Blob): Promise<{ blob: Blob; width: number; height: number }> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
    const width = Math.round(img.naturalWidth * scale);
    const height = Math.round(img.naturalHeight * scale);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', 0.85));
    return { blob: blob ?? file, width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function upload(blob: Blob): Promise<string | null> {
  return uploadImage({ path: '', originalFileObj: blob });
}

async function photoRef(file: File): Promise<FileRef | null> {
  const { blob, width, height } = await resized(file);
  const fileId = await upload(blob);
  const name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
  return fileId ? { fileId, name, mime: 'image/jpeg', size: blob.size, width, height, caption: '' } : null;
}

export async function pickReportPhotos(count: number): Promise<PickedMedia> {
  const files = (await chooseFiles('image/jpeg,image/png', true)).slice(0, Math.max(1, count));
  if (files.length === 0) return NOT_PICKED;
  const refs: FileRef[] = [];
  for (const file of files) {
    const ref = await photoRef(file).catch(() => null);
    if (!ref) return { ok: false, cancelled: false, message: `“${file.name}”无法读取或上传失败` };
    refs.push(ref);
  }
  return { ok: true, files: refs };
}

function videoSeconds(file: File): Promise<number | undefined> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    const url = URL.createObjectURL(file);
    const done = (s?: number) => {
      URL.revokeObjectURL(url);
      resolve(s);
    };
    video.preload = 'metadata';
    video.onloadedmetadata = () => done(Number.isFinite(video.duration) ? video.duration : undefined);
    video.onerror = () => done(undefined);
    video.src = url;
  });
}

export async function pickReportVideo(maxSeconds: number): Promise<PickedMedia> {
  const [file] = await chooseFiles('video/mp4,video/quicktime', false);
  if (!file) return NOT_PICKED;
  if (file.size > FILE_RULES.video.maxBytes) {
    return { ok: false, cancelled: false, message: `视频过大（最多 ${FILE_RULES.video.maxBytes / MB} MB）` };
  }
  const durationSec = await videoSeconds(file);
  if (durationSec !== undefined && durationSec > maxSeconds) {
    return { ok: false, cancelled: false, message: `视频不能超过 ${maxSeconds / 60} 分钟` };
  }
  const fileId = await upload(file);
  if (!fileId) return { ok: false, cancelled: false, message: UPLOAD_FAILED_MEDIA };
  return { ok: true, files: [{ fileId, name: file.name, mime: file.type, size: file.size, durationSec }] };
}

export async function pickReportScan(): Promise<PickedMedia> {
  const [file] = await chooseFiles('application/pdf,image/jpeg,image/png', false);
  if (!file) return NOT_PICKED;
  if (file.type !== 'application/pdf') {
    const ref = await photoRef(file).catch(() => null);
    return ref ? { ok: true, files: [ref] } : { ok: false, cancelled: false, message: UPLOAD_FAILED_MEDIA };
  }
  if (file.size > FILE_RULES.scan.maxBytes) {
    return { ok: false, cancelled: false, message: `扫描件过大（最多 ${FILE_RULES.scan.maxBytes / MB} MB）` };
  }
  const fileId = await upload(file);
  if (!fileId) return { ok: false, cancelled: false, message: UPLOAD_FAILED_MEDIA };
  return { ok: true, files: [{ fileId, name: file.name, mime: file.type, size: file.size }] };
}
