/**
 * Choosing an .xlsx to import on WeChat: a file from a chat (chooseMessageFile: WeChat has no
 * access to the phone's own files), uploaded to CloudBase storage under uploads/ with a random
 * name (wx.cloud.uploadFile); the import call then carries only the fileID, never the bytes
 * (call payloads are limited to about 100 KB).
 */
import Taro from '@tarojs/taro';
import { ensureCloud } from '../../platform/cloud-init';
import { randomName } from './random-name';
import { NOT_CHOSEN, NOT_UPLOADED, refuseSpreadsheet } from './spreadsheet-file.types';
import type { PickedFile, PickedImage } from './spreadsheet-file.types';

export type { PickedFile } from './spreadsheet-file.types';

export async function pickSpreadsheet(): Promise<PickedFile> {
  let chosen: { path: string; name: string; size: number } | undefined;
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    chosen = res.tempFiles[0];
  } catch {
    return NOT_CHOSEN;
  }
  if (!chosen) return NOT_CHOSEN;
  const refused = refuseSpreadsheet(chosen);
  if (refused) return refused;
  try {
    ensureCloud();
    const uploaded = await Taro.cloud.uploadFile({ cloudPath: `uploads/${randomName()}.xlsx`, filePath: chosen.path });
    return { ok: true, name: chosen.name, fileId: uploaded.fileID };
  } catch {
    return NOT_UPLOADED;
  }
}

/** A picked image (a nomination photo) uploaded to cloud storage: the call then carries only its fileID. */
export async function uploadImage(picked: PickedImage): Promise<string | null> {
  try {
    ensureCloud();
    const uploaded = await Taro.cloud.uploadFile({ cloudPath: `uploads/${randomName()}.img`, filePath: picked.path });
    return uploaded.fileID;
  } catch {
    return null;
  }
}
