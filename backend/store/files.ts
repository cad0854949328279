/**
 * Where exported workbooks go: a port with an adapter per runtime. Locally a folder served by
 * the local server (H5 downloads it); in production CloudBase storage with a temporary link
 * (weapp downloads it and opens it with the document viewer).
 */
export interface PublishedFile {
  url: string;
  /** The cloud storage file id, where there is one. */
  fileId: string | null;
  fileName: string;
  expiresAt: number;
}

export interface ExportFiles {
  publish(fileName: string, bytes: Uint8Array): Promise<PublishedFile>;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Files a user uploaded to storage before a call (an F2 schedule to import; later report
 * photos, award evidence): calls carry only the upload's id, never the bytes. Locally the
 * server's upload endpoint (server/uploads.ts) stores them under the data folder; in production
 * the mini-program uploads to CloudBase storage (wx.cloud.uploadFile) and passes the fileID.
 */
export interface UploadedFiles {
  /**
   * The bytes of upload `id`, if `owner` (the caller's platform identity) may read it and it is
   * no larger than `maxBytes`; null when there is no such upload for this caller.
   */
  read(id: string, owner: string, maxBytes: number): Promise<Uint8Array | null>;
}

/** The largest upload accepted anywhere (the local endpoint; the client checks the same). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** What an upload id may look like in a call: a local id or a CloudBase fileID under uploads/. */
export const UPLOAD_ID_RE =
  /^(?:u-[A-Za-z0-9_-]{22}|cloud:\/\/[A-Za-z0-9.-]{1,100}\/uploads\/[A-Za-z0-9_-]{22,64}\.[a-z]{2,5})$/;
