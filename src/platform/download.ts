/**
 * Handing an exported workbook to the user, neutral twin: not possible. Taro's build resolves
 * `../platform/download` to download.h5.ts (the browser downloads the link) or download.weapp.ts
 * (downloaded, then opened in WeChat's document viewer, from which it can be forwarded or
 * saved). Tests replace this file with jest.mock; download.check.ts makes tsc prove the twins match.
 */
import type { DownloadableFile, DownloadOutcome } from './download.types';

export type { DownloadableFile, DownloadOutcome } from './download.types';

export async function openDownload(_file: DownloadableFile): Promise<DownloadOutcome> {
  return { ok: false, message: '当前环境不支持下载文件' };
}
