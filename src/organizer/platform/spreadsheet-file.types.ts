/** What every twin of spreadsheet-file shares. */
export type PickedFile =
  { ok: true; name: string; base64: string } | { ok: false; cancelled: boolean; message: string };

/** The backend accepts up to 700,000 base64 characters (about 500 KB). */
export const MAX_SPREADSHEET_BYTES = 512 * 1024;
