/**
 * Choosing an .xlsx to import on the web: an `<input type=file accept=.xlsx>` opened from the
 * tap, uploaded as raw bytes to the local server's POST /api/_upload (with the caller's demo
 * identity, as calls carry it); the import call then carries only the returned id. Cancelling the dialog is noticed when the window gets
 * focus back without a file (browsers send no event for it), or by the `cancel` event where
 * there is one.
 */
import { DEMO_IDENTITY_HEADER, getDemoIdentity } from '../../platform/demo-identity';
import { NOT_CHOSEN, NOT_UPLOADED, refuseSpreadsheet } from './spreadsheet-file.types';
import type { PickedFile, PickedImage } from './spreadsheet-file.types';

export type { PickedFile } from './spreadsheet-file.types';

/** The upload's id, or null when the server refused it or could not be reached. */
async function uploadFile(file: Blob): Promise<string | null> {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  const identity = getDemoIdentity();
  if (identity) headers[DEMO_IDENTITY_HEADER] = identity;
  try {
    const res = await fetch('/api/_upload', { method: 'POST', headers, body: file });
    const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: { id?: unknown } } | null;
    return body?.ok === true && typeof body.data?.id === 'string' ? body.data.id : null;
  } catch {
    return null;
  }
}

export function pickSpreadsheet(): Promise<PickedFile> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.style.display = 'none';
    let settled = false;
    const finish = (result: PickedFile) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(result);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish(NOT_CHOSEN);
      const refused = refuseSpreadsheet(file);
      if (refused) return finish(refused);
      void uploadFile(file).then((fileId) => finish(fileId ? { ok: true, name: file.name, fileId } : NOT_UPLOADED));
    });
    input.addEventListener('cancel', () => finish(NOT_CHOSEN));
    document.body.appendChild(input);
    input.click();
  });
}

/** A picked image (a nomination photo) uploaded the same way: the call then carries only its id. */
export async function uploadImage(picked: PickedImage): Promise<string | null> {
  try {
    return await uploadFile(picked.originalFileObj ?? (await (await fetch(picked.path)).blob()));
  } catch {
    return null;
  }
}
