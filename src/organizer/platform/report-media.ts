/**
 * Picking report files (photos, a video, a scan), neutral twin: not possible. Taro's build
 * resolves `./platform/report-media` to the .h5 twin (file inputs, photos resized on a canvas,
 * uploaded to the local server) or the .weapp twin (WeChat's pickers, Taro.compressImage,
 * cloud storage). Each hands back the uploads' ids with what the phone knows of them; the
 * backend measures the bytes itself at submission.
 */
import type { PickedMedia } from './report-media.types';

export type { PickedMedia } from './report-media.types';

const UNAVAILABLE: PickedMedia = { ok: false, cancelled: false, message: '当前环境不支持上传文件' };

export async function pickReportPhotos(_count: number): Promise<PickedMedia> {
  return UNAVAILABLE;
}

export async function pickReportVideo(_maxSeconds: number): Promise<PickedMedia> {
  return UNAVAILABLE;
}

export async function pickReportScan(): Promise<PickedMedia> {
  return UNAVAILABLE;
}
