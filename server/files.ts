/**
 * Local exports: workbooks written under <data folder>/exports/<token>/ and served by the local
 * server at /exports/<token>/<file name>. The token is the link's expiry and 16 random
 * characters: unguessable, and the server knows from the link alone when it has expired.
 * Expired exports are gone: refused when asked for, and removed at start, at every export and
 * on a timer (server/main.ts). The folders are readable by their owner only.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { XLSX_TYPE, type ExportFiles } from '../backend/store/files';
import { BadPath, fileInside, segmentsOf } from './contain';

/** How long an export link and its file live: long enough to download, short enough not to linger. */
export const EXPORT_LIFETIME_MS = 60 * 60_000;

const TOKEN = /^([0-9a-z]{1,11})-([A-Za-z0-9_-]{16})$/;

export interface LocalExports extends ExportFiles {
  /** Removes expired (and unrecognised) export folders; returns how many. */
  sweep(): number;
  /** Serves GET /exports/<token>/<name>; false when the path is not an export. Throws BadPath. */
  serve(pathname: string, res: ServerResponse): boolean;
}

function expiryOf(token: string): number | null {
  const match = TOKEN.exec(token);
  return match ? parseInt(match[1], 36) : null;
}

export function localExportFiles(
  dir: string,
  { lifetimeMs = EXPORT_LIFETIME_MS, now = Date.now }: { lifetimeMs?: number; now?: () => number } = {},
): LocalExports {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const expired = (token: string) => {
    const expiresAt = expiryOf(token);
    return expiresAt === null || now() >= expiresAt;
  };
  const sweep = () => {
    let removed = 0;
    for (const token of readdirSync(dir)) {
      if (!expired(token)) continue;
      rmSync(join(dir, token), { recursive: true, force: true });
      removed += 1;
    }
    return removed;
  };
  sweep();
  return {
    sweep,
    async publish(fileName, bytes) {
      sweep();
      const expiresAt = now() + lifetimeMs;
      const token = `${expiresAt.toString(36)}-${randomBytes(12).toString('base64url')}`;
      const folder = join(dir, token);
      mkdirSync(folder, { mode: 0o700 });
      writeFileSync(join(folder, fileName), bytes, { mode: 0o600 });
      return { url: `/exports/${token}/${encodeURIComponent(fileName)}`, fileId: null, fileName, expiresAt };
    },
    serve(pathname, res) {
      if (!pathname.startsWith('/exports/')) return false;
      const segments = segmentsOf(pathname);
      if (segments.length !== 3) throw new BadPath();
      const [, token, name] = segments;
      if (expired(token)) {
        if (TOKEN.test(token)) rmSync(join(dir, token), { recursive: true, force: true });
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('文件不存在或已过期');
        return true;
      }
      const file = fileInside(dir, [token, name]);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('文件不存在或已过期');
        return true;
      }
      res.writeHead(200, {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'no-store',
      });
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
      return true;
    },
  };
}
