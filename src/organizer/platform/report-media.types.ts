/** What every twin of report-media shares: picked, resized and uploaded report files. */
import type { FileRef } from '../../../types/reporting';

export type PickedMedia = { ok: true; files: FileRef[] } | { ok: false; cancelled: boolean; message: string };

/** Photos are resized on the phone so that their long side is at most this (the backend checks the minimum). */
export const MAX_PHOTO_SIDE = 1920;
export const NOT_PICKED: PickedMedia = { ok: false, cancelled: true, message: '未选择文件' };
export const UPLOAD_FAILED_MEDIA = '文件上传失败，请检查网络后重试';
export const MB = 1024 * 1024;
