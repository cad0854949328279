/** What every twin of download (src/platform/download*.ts) shares. */

/** What the page says after handing a file over: shown as it is. */
export interface DownloadOutcome {
  ok: boolean;
  message: string;
}

/** The part of an ExportedFile (types/api/exports.ts) the twins use. */
export interface DownloadableFile {
  url: string;
  fileId: string | null;
  fileName: string;
}
