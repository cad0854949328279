/**
 * Handing an exported workbook to the user on the web: a click on a temporary
 * `<a href download>` (the server also answers with Content-Disposition: attachment).
 */
import type { DownloadableFile, DownloadOutcome } from './download.types';

export type { DownloadableFile, DownloadOutcome } from './download.types';

export async function openDownload(file: DownloadableFile): Promise<DownloadOutcome> {
  try {
    const link = document.createElement('a');
    link.href = file.url;
    link.download = file.fileName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    return { ok: true, message: `已开始下载：${file.fileName}` };
  } catch {
    window.location.assign(file.url);
    return { ok: true, message: `正在打开：${file.fileName}` };
  }
}
