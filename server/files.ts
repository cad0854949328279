/**
 * Local exports: workbooks written under <data folder>/exports/<random token>/ and served by
 * the local server at /exports/<token>/<file name>. The token makes links unguessable.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, normalize, resolve } from 'node:path';
import { XLSX_TYPE, type ExportFiles } from '../cloudfunctions/store/files';

const LINK_LIFETIME_MS = 24 * 60 * 60_000;

export function localExportFiles(dir: string): ExportFiles {
  return {
    async publish(fileName, bytes) {
      const token = randomBytes(12).toString('base64url');
      const folder = join(dir, token);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, fileName), bytes);
      return {
        url: `/exports/${token}/${encodeURIComponent(fileName)}`,
        fileId: null,
        fileName,
        expiresAt: Date.now() + LINK_LIFETIME_MS,
      };
    },
  };
}

/** Serves GET /exports/<token>/<name>; false when the path is not an export. */
export function serveExport(dir: string, pathname: string, res: ServerResponse): boolean {
  const match = /^\/exports\/([A-Za-z0-9_-]{8,64})\/([^/]+)$/.exec(pathname);
  if (!match) return false;
  const root = resolve(dir);
  const file = normalize(join(root, match[1], decodeURIComponent(match[2])));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('文件不存在或已过期');
    return true;
  }
  res.writeHead(200, {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(decodeURIComponent(match[2]))}`,
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(res);
  return true;
}
