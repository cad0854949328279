/**
 * Choosing an .xlsx to import, neutral twin: not possible. Taro's build resolves
 * `./platform/spreadsheet-file` to the .h5 twin (a file input) or the .weapp twin (a file from a
 * WeChat chat, uploaded to cloud storage). Tests replace this file with jest.mock.
 */
import type { PickedFile, PickedImage } from './spreadsheet-file.types';

export type { PickedFile } from './spreadsheet-file.types';

export async function pickSpreadsheet(): Promise<PickedFile> {
  return { ok: false, cancelled: false, message: '当前环境不支持选择文件' };
}

/** Uploading a picked image, neutral twin: not possible here. */
export async function uploadImage(_picked: PickedImage): Promise<string | null> {
  return null;
}
