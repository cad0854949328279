/**
 * Exports in production: uploaded to CloudBase storage under exports/, handed back with a
 * temporary download link that expires after an hour (the mini-program downloads it and opens
 * it with openDocument). The files expire with their links: each instance deletes the expired
 * exports it published at its next export. (node-sdk cannot list storage, so an instance that
 * is recycled first leaves its files behind: see README, "Deploy the backend to CloudBase".)
 */
import { randomBytes } from 'node:crypto';
import { UPLOAD_ID_RE, type ExportFiles, type UploadedFiles } from '../store/files';

/** The subset of the node-sdk app this adapter uses. */
export interface CloudStorage {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>;
  getTempFileURL(options: {
    fileList: { fileID: string; maxAge: number }[];
  }): Promise<{ fileList?: { tempFileURL?: string; code?: string }[] }>;
  deleteFile(options: { fileList: string[] }): Promise<unknown>;
}

/** The part of the node-sdk app that reads an uploaded file. */
export interface CloudDownload {
  downloadFile(options: { fileID: string }): Promise<{ fileContent?: string | Buffer }>;
}

/** The link's and the file's lifetime, as locally (server/files.ts). */
export const EXPORT_MAX_AGE_S = 60 * 60;

export function cloudExportFiles(app: CloudStorage, now: () => number = Date.now): ExportFiles {
  const published: { fileID: string; expiresAt: number }[] = [];

  async function deleteExpired(): Promise<void> {
    const due = published.filter((f) => f.expiresAt <= now());
    if (due.length === 0) return;
    try {
      await app.deleteFile({ fileList: due.map((f) => f.fileID) });
      for (const f of due) published.splice(published.indexOf(f), 1);
    } catch {
      // Kept for the next export: a failed clean-up never fails an export.
    }
  }

  return {
    async publish(fileName, bytes) {
      await deleteExpired();
      const cloudPath = `exports/${randomBytes(12).toString('hex')}/${fileName}`;
      const uploaded = await app.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) });
      if (!uploaded.fileID) throw new Error('upload returned no fileID');
      const expiresAt = now() + EXPORT_MAX_AGE_S * 1000;
      published.push({ fileID: uploaded.fileID, expiresAt });
      const links = await app.getTempFileURL({ fileList: [{ fileID: uploaded.fileID, maxAge: EXPORT_MAX_AGE_S }] });
      const url = links.fileList?.[0]?.tempFileURL;
      if (!url) throw new Error('no temporary link for the export');
      return { url, fileId: uploaded.fileID, fileName, expiresAt };
    },
  };
}

/**
 * Uploads in production: the mini-program put the file in CloudBase storage under uploads/ with
 * wx.cloud.uploadFile (storage rule "仅创建者可读写", so no other user can read or replace it)
 * and passed its fileID; the function reads it with admin rights. The SDK does not say who
 * uploaded a file, so ownership rests on the fileID's random name (128 bits, known only to the
 * uploader) and the uploads/ prefix; any other fileID is refused.
 */
export function cloudUploadedFiles(app: CloudDownload): UploadedFiles {
  return {
    async read(id, _owner, maxBytes) {
      if (!UPLOAD_ID_RE.test(id) || !id.startsWith('cloud://')) return null;
      let content: string | Buffer | undefined;
      try {
        content = (await app.downloadFile({ fileID: id })).fileContent;
      } catch {
        return null;
      }
      if (content === undefined) return null;
      const bytes = typeof content === 'string' ? Buffer.from(content, 'binary') : content;
      return bytes.length > maxBytes ? null : new Uint8Array(bytes);
    },
  };
}
