/**
 * Choosing an .xlsx to import on the web: an `<input type=file accept=.xlsx>` opened from the
 * tap, read as base64 with FileReader. Cancelling the dialog is noticed when the window gets
 * focus back without a file (browsers send no event for it), or by the `cancel` event where
 * there is one.
 */
import { MAX_SPREADSHEET_BYTES, type PickedFile } from './spreadsheet-file.types';

export type { PickedFile } from './spreadsheet-file.types';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
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
      if (!file) return finish({ ok: false, cancelled: true, message: '未选择文件' });
      if (!/\.xlsx$/i.test(file.name)) {
        return finish({ ok: false, cancelled: false, message: '请选择 .xlsx 格式的 Excel 文件' });
      }
      if (file.size > MAX_SPREADSHEET_BYTES) {
        return finish({ ok: false, cancelled: false, message: '文件过大（最多约 500 KB）' });
      }
      readBase64(file).then(
        (base64) => finish({ ok: true, name: file.name, base64 }),
        () => finish({ ok: false, cancelled: false, message: '无法读取该文件' }),
      );
    });
    input.addEventListener('cancel', () => finish({ ok: false, cancelled: true, message: '未选择文件' }));
    document.body.appendChild(input);
    input.click();
  });
}
