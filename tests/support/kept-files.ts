/** An export destination for tests: keeps what was published, so that a test can read it back. */
import type { ExportFiles } from '../../backend/store/files';

export class KeptFiles implements ExportFiles {
  readonly files = new Map<string, Uint8Array>();
  async publish(fileName: string, bytes: Uint8Array) {
    this.files.set(fileName, bytes);
    return { url: `/exports/t/${fileName}`, fileId: null, fileName, expiresAt: 0 };
  }
}
