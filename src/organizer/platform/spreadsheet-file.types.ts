/** What every twin of spreadsheet-file shares. */
export type PickedFile =
  { ok: true; name: string; fileId: string } | { ok: false; cancelled: boolean; message: string };

/**
 * The backend reads up to 512 KB (MAX_IMPORT_BYTES). The file goes to storage first (cloud
 * storage on WeChat, the local server's /api/_upload on the web) and the call carries only its id.
 */
export const MAX_SPREADSHEET_BYTES = 512 * 1024;
export const TOO_LARGE = '文件过大（最多 512 KB）';
export const UPLOAD_FAILED = '文件上传失败，请稍后重试';

export const NOT_CHOSEN: PickedFile = { ok: false, cancelled: true, message: '未选择文件' };
export const NOT_UPLOADED: PickedFile = { ok: false, cancelled: false, message: UPLOAD_FAILED };

/** What both twins check before uploading a chosen file: its refusal, or null when it may go. */
export function refuseSpreadsheet(file: { name: string; size: number }): PickedFile | null {
  if (!/\.xlsx$/i.test(file.name)) return { ok: false, cancelled: false, message: '请选择 .xlsx 格式的 Excel 文件' };
  if (file.size > MAX_SPREADSHEET_BYTES) return { ok: false, cancelled: false, message: TOO_LARGE };
  return null;
}

/** A picked image to upload: its temporary path, and on the web the picked File. */
export interface PickedImage {
  path: string;
  originalFileObj?: Blob;
}
