/**
 * Picking report files on WeChat: photos and a video with chooseMedia, a scan (PDF or photo)
 * from a chat with chooseMessageFile (WeChat has no access to the phone's files). Photos larger
 * than 1920 px on their long side are resized on the phone with compressImage; every file goes
 * to CloudBase storage under uploads/ with a random name (wx.cloud.uploadFile), and the
 * submission carries only the fileIDs, never the bytes.
 */
import Taro from '@tarojs/taro';
import { FILE_RULES } from '@backend/core/reporting';
import type { FileRef } from '../../../types/reporting';
import { ensureCloud } from '../../platform/cloud-init';
import { randomName } from './random-name';
import { MAX_PHOTO_SIDE, MB, NOT_PICKED, UPLOAD_FAILED_MEDIA, type PickedMedia } from './report-media.types';

export type { PickedMedia } from './report-media.types';

async function upload(path: string, ext: string): Promise<string | null> {
  try {
    ensureCloud();
    return (await Taro.cloud.uploadFile({ cloudPath: `uploads/${randomName()}.${ext}`, filePath: path })).fileID;
  } catch {
    return null;
  }
}

/** A photo resized to at most MAX_PHOTO_SIDE on its long side (JPEG), uploaded. */
async function photoRef(path: string, name: string): Promise<FileRef | null> {
  const info = await Taro.getImageInfo({ src: path });
  let src = path;
  if (Math.max(info.width, info.height) > MAX_PHOTO_SIDE) {
    const landscape = info.width >= info.height;
    const res = await Taro.compressImage({
      src: path,
      quality: 85,
      ...(landscape ? { compressedWidth: MAX_PHOTO_SIDE } : { compressedHeight: MAX_PHOTO_SIDE }),
    });
    src = res.tempFilePath;
  }
  const [after, stat] = await Promise.all([
    Taro.getImageInfo({ src }),
    Taro.getFileInfo({ filePath: src }).then(
      (f) => ('size' in f ? f.size : 0),
      () => 0,
    ),
  ]);
  const fileId = await upload(src, 'jpg');
  return fileId
    ? { fileId, name, mime: 'image/jpeg', size: stat, width: after.width, height: after.height, caption: '' }
    : null;
}

export async function pickReportPhotos(count: number): Promise<PickedMedia> {
  let files: { tempFilePath: string }[];
  try {
    const res = await Taro.chooseMedia({
      count: Math.min(9, Math.max(1, count)),
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['original'],
    });
    files = res.tempFiles;
  } catch {
    return NOT_PICKED;
  }
  const refs: FileRef[] = [];
  for (const [i, f] of files.entries()) {
    const ref = await photoRef(f.tempFilePath, `照片${i + 1}.jpg`).catch(() => null);
    if (!ref) return { ok: false, cancelled: false, message: UPLOAD_FAILED_MEDIA };
    refs.push(ref);
  }
  return refs.length > 0 ? { ok: true, files: refs } : NOT_PICKED;
}

export async function pickReportVideo(maxSeconds: number): Promise<PickedMedia> {
  let file: { tempFilePath: string; size: number; duration: number } | undefined;
  try {
    const res = await Taro.chooseMedia({
      count: 1,
      mediaType: ['video'],
      sourceType: ['album', 'camera'],
      maxDuration: 60,
    });
    file = res.tempFiles[0];
  } catch {
    return NOT_PICKED;
  }
  if (!file) return NOT_PICKED;
  if (file.duration > maxSeconds)
    return { ok: false, cancelled: false, message: `视频不能超过 ${maxSeconds / 60} 分钟` };
  if (file.size > FILE_RULES.video.maxBytes) {
    return { ok: false, cancelled: false, message: `视频过大（最多 ${FILE_RULES.video.maxBytes / MB} MB）` };
  }
  const fileId = await upload(file.tempFilePath, 'mp4');
  if (!fileId) return { ok: false, cancelled: false, message: UPLOAD_FAILED_MEDIA };
  return {
    ok: true,
    files: [{ fileId, name: '活动视频.mp4', mime: 'video/mp4', size: file.size, durationSec: file.duration }],
  };
}

export async function pickReportScan(): Promise<PickedMedia> {
  let file: { path: string; name: string; size: number } | undefined;
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['pdf', 'jpg', 'jpeg', 'png'] });
    file = res.tempFiles[0];
  } catch {
    return NOT_PICKED;
  }
  if (!file) return NOT_PICKED;
  if (!/\.pdf$/i.test(file.name)) {
    const ref = await photoRef(file.path, file.name).catch(() => null);
    return ref ? { ok: true, files: [ref] } : { ok: false, cancelled: false, message: UPLOAD_FAILED_MEDIA };
  }
  if (file.size > FILE_RULES.scan.maxBytes) {
    return { ok: false, cancelled: false, message: `扫描件过大（最多 ${FILE_RULES.scan.maxBytes / MB} MB）` };
  }
  const fileId = await upload(file.path, 'pdf');
  if (!fileId) return { ok: false, cancelled: false, message: UPLOAD_FAILED_MEDIA };
  return { ok: true, files: [{ fileId, name: file.name, mime: 'application/pdf', size: file.size }] };
}
