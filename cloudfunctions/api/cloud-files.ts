/**
 * Exports in production: uploaded to CloudBase storage under exports/, handed back with a
 * temporary download link (the mini-program downloads it and opens it with openDocument).
 */
import { randomBytes } from 'node:crypto';
import type { ExportFiles } from '../store/files';

/** The subset of the node-sdk app this adapter uses. */
export interface CloudStorage {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>;
  getTempFileURL(options: {
    fileList: { fileID: string; maxAge: number }[];
  }): Promise<{ fileList?: { tempFileURL?: string; code?: string }[] }>;
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
