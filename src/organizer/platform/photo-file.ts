/**
 * Choosing a nomination photo: Taro.chooseImage on both platforms (an album/camera sheet on
 * WeChat, a file input on the web), read as base64: with the file system manager on WeChat, from
 * the picked File on the web. The backend checks the bytes are a JPEG or PNG.
 */
import Taro from '@tarojs/taro';

export type PickedPhoto = { ok: true; base64: string } | { ok: false; cancelled: boolean; message: string };

/** The backend accepts up to 2.8 million base64 characters (about 2 MB). */
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

function blobBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

function fileBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => resolve(String(res.data)),
      fail: reject,
    });
  });
}

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
  try {
    const base64 =
      process.env.TARO_ENV === 'h5'
        ? await blobBase64(chosen.originalFileObj ?? (await (await fetch(chosen.path)).blob()))
        : await fileBase64(chosen.path);
    return { ok: true, base64 };
  } catch {
    return { ok: false, cancelled: false, message: '无法读取该照片' };
  }
}
