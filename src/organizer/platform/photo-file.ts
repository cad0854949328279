/**
 * Choosing a nomination photo: Taro.chooseImage on both platforms (an album/camera sheet on
 * WeChat, a file input on the web), compressed by WeChat, then uploaded like every file — to
 * cloud storage on WeChat, to the local server's /api/_upload on the web (./spreadsheet-file) —
 * so that the call carries only the upload's id (call payloads are limited to about 100 KB).
 * The backend checks the bytes are a JPEG or PNG.
 */
import Taro from '@tarojs/taro';
import { uploadImage } from './spreadsheet-file';

export type PickedPhoto = { ok: true; fileId: string } | { ok: false; cancelled: boolean; message: string };

/** The backend reads uploads of up to 2 MB. */
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export async function pickPhoto(): Promise<PickedPhoto> {
  let chosen: { path: string; size: number; originalFileObj?: Blob } | undefined;
  try {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    chosen = res.tempFiles[0] as typeof chosen;
  } catch {
    return { ok: false, cancelled: true, message: '未选择照片' };
  }
  if (!chosen) return { ok: false, cancelled: true, message: '未选择照片' };
  if (chosen.size > MAX_PHOTO_BYTES) return { ok: false, cancelled: false, message: '照片过大（最多 2 MB）' };
  const fileId = await uploadImage(chosen);
  return fileId ? { ok: true, fileId } : { ok: false, cancelled: false, message: '照片上传失败，请检查网络后重试' };
}
