/**
 * Handing an exported workbook to the user on WeChat: download the temporary link, then open it
 * in WeChat's document viewer with its menu (转发 / 保存 / 用其他应用打开). The link's host must
 * be a download domain of the mini-program; if the download fails and the export has a cloud
 * file id, the file is fetched through wx.cloud instead, which needs no domain.
 */
import Taro from '@tarojs/taro';
import type { DownloadableFile, DownloadOutcome } from './download.types';

export type { DownloadableFile, DownloadOutcome } from './download.types';

async function fetchToTemp(file: DownloadableFile): Promise<string | null> {
  try {
    const res = await Taro.downloadFile({ url: file.url });
    if (res.statusCode === 200 && res.tempFilePath) return res.tempFilePath;
  } catch {
    // fall through to the cloud file
  }
  if (!file.fileId) return null;
  try {
    const res = await Taro.cloud.downloadFile({ fileID: file.fileId });
    return res.tempFilePath || null;
  } catch {
    return null;
  }
}

export async function openDownload(file: DownloadableFile): Promise<DownloadOutcome> {
  const filePath = await fetchToTemp(file);
  if (!filePath) return { ok: false, message: '文件下载失败，请检查网络后重试' };
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return { ok: true, message: `已打开：${file.fileName}（可点右上角转发或保存）` };
  } catch {
    return { ok: false, message: '文件已下载，但无法打开；请稍后重试' };
  }
}
