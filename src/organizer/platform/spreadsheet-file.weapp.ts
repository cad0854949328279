/**
 * Choosing an .xlsx to import on WeChat: a file from a chat (chooseMessageFile: WeChat has no
 * access to the phone's own files), read as base64 with the file system manager.
 */
import Taro from '@tarojs/taro';
import { MAX_SPREADSHEET_BYTES, type PickedFile } from './spreadsheet-file.types';

export type { PickedFile } from './spreadsheet-file.types';

function readBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => resolve(String(res.data)),
      fail: reject,
    });
  });
}

export async function pickSpreadsheet(): Promise<PickedFile> {
  let chosen: { path: string; name: string; size: number } | undefined;
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    chosen = res.tempFiles[0];
  } catch {
    return { ok: false, cancelled: true, message: '未选择文件' };
  }
  if (!chosen) return { ok: false, cancelled: true, message: '未选择文件' };
  if (chosen.size > MAX_SPREADSHEET_BYTES) return { ok: false, cancelled: false, message: '文件过大（最多约 500 KB）' };
  try {
    return { ok: true, name: chosen.name, base64: await readBase64(chosen.path) };
  } catch {
    return { ok: false, cancelled: false, message: '无法读取该文件' };
  }
}
