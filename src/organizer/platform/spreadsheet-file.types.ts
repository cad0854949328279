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

/** A picked image to upload: its temporary path, and on the web the picked File. */
export interface PickedImage {
  path: string;
  originalFileObj?: Blob;
}
