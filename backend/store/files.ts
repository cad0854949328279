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
