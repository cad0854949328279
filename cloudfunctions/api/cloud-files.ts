/**
 * Exports in production: uploaded to CloudBase storage under exports/, handed back with a
 * temporary download link (the mini-program downloads it and opens it with openDocument).
 */
import { randomBytes } from 'node:crypto';
import { UPLOAD_ID_RE, type ExportFiles, type UploadedFiles } from '../store/files';

/** The subset of the node-sdk app this adapter uses. */
export interface CloudStorage {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>;
  getTempFileURL(options: {
    fileList: { fileID: string; maxAge: number }[];
  }): Promise<{ fileList?: { tempFileURL?: string; code?: string }[] }>;
}

/** The part of the node-sdk app that reads an uploaded file. */
export interface CloudDownload {
  downloadFile(options: { fileID: string }): Promise<{ fileContent?: string | Buffer }>;
}

const MAX_AGE_S = 2 * 60 * 60;

export function cloudExportFiles(app: CloudStorage): ExportFiles {
  return {
    async publish(fileName, bytes) {
      const cloudPath = `exports/${randomBytes(12).toString('hex')}/${fileName}`;
      const uploaded = await app.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) });
      if (!uploaded.fileID) throw new Error('upload returned no fileID');
      const links = await app.getTempFileURL({ fileList: [{ fileID: uploaded.fileID, maxAge: MAX_AGE_S }] });
      const url = links.fileList?.[0]?.tempFileURL;
      if (!url) throw new Error('no temporary link for the export');
      return { url, fileId: uploaded.fileID, fileName, expiresAt: Date.now() + MAX_AGE_S * 1000 };
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
