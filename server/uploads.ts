/**
 * Local uploads (POST /api/_upload): the H5 app sends a file's raw bytes before a call and the
 * call carries only the returned id, as on WeChat (wx.cloud.uploadFile + fileID). The body is
 * size-checked while it streams and against its type's limit, its type is recognised from its
 * bytes (xlsx, png, jpeg, pdf, mp4/mov: core/media.ts),
 * and it is stored under <data folder>/uploads/<random id> readable by its owner only (file
 * mode 0600, the uploader's identity beside it). Identity is what the server resolved for the
 * request (the caller passes it in); anonymous callers may not upload.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { sniffMedia } from '../backend/core/media';
import { FILE_RULES } from '../backend/core/reporting';
import { MAX_UPLOAD_BYTES, UPLOAD_ID_RE, type UploadedFiles } from '../backend/store/files';

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const MB = 1024 * 1024;
/** The types accepted, with the largest body of each (images are resized on the phone first). */
const LIMITS: Record<string, number> = {
  xlsx: MAX_UPLOAD_BYTES,
  png: FILE_RULES.image.maxBytes,
  jpeg: FILE_RULES.image.maxBytes,
  pdf: FILE_RULES.scan.maxBytes,
  mp4: FILE_RULES.video.maxBytes,
  mov: FILE_RULES.video.maxBytes,
};
const TYPE_OF_MIME: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
};
/** The largest body read at all (a video): checked per type once the type is known. */
const MAX_BODY_BYTES = Math.max(...Object.values(LIMITS));

/** Recognised by its bytes: a zip (xlsx is one), PNG, JPEG, PDF, MP4 or QuickTime video. */
export function kindOf(bytes: Uint8Array): string | null {
  if (XLSX_MAGIC.every((b, i) => bytes[i] === b)) return 'xlsx';
  const media = sniffMedia(bytes);
  return media ? TYPE_OF_MIME[media.mime] : null;
}

interface Meta {
  owner: string;
  type: string;
  size: number;
}

export interface LocalUploads extends UploadedFiles {
  save(owner: string, bytes: Uint8Array): { id: string; type: string } | null;
}

export function localUploads(dir: string): LocalUploads {
  const paths = (id: string) => ({ data: join(dir, id), meta: join(dir, `${id}.json`) });
  return {
    save(owner, bytes) {
      const type = kindOf(bytes);
      if (!type) return null;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const id = `u-${randomBytes(16).toString('base64url')}`;
      const { data, meta } = paths(id);
      writeFileSync(data, bytes, { mode: 0o600 });
      writeFileSync(meta, JSON.stringify({ owner, type, size: bytes.length } satisfies Meta), { mode: 0o600 });
      return { id, type };
    },
    async read(id, owner, maxBytes) {
      if (!UPLOAD_ID_RE.test(id) || !id.startsWith('u-')) return null;
      const { data, meta } = paths(id);
      if (!existsSync(meta) || !existsSync(data)) return null;
      const info = JSON.parse(readFileSync(meta, 'utf8')) as Meta;
      if (info.owner !== owner || info.size > maxBytes) return null;
      return new Uint8Array(readFileSync(data));
    },
  };
}

export type UploadOutcome =
  | { status: 200; body: { id: string; type: string; size: number } }
  | {
      status: 401 | 405 | 413 | 415;
      code: 'UNAUTHENTICATED' | 'UNKNOWN_ACTION' | 'VALIDATION_FAILED';
      message: string;
    };

/** Reads the raw body (at most its type's limit) and stores it for `owner`. */
export async function receiveUpload(
  req: IncomingMessage,
  uploads: LocalUploads,
  owner: string | null,
): Promise<UploadOutcome> {
  if (req.method !== 'POST') return { status: 405, code: 'UNKNOWN_ACTION', message: '请使用 POST' };
  if (!owner) {
    req.resume();
    return { status: 401, code: 'UNAUTHENTICATED', message: '请先登录' };
  }
  const bytes = await readRaw(req);
  const type = bytes && bytes.length > 0 ? kindOf(bytes) : null;
  const limit = type ? LIMITS[type] : MAX_BODY_BYTES;
  if (!bytes || bytes.length > limit) {
    return { status: 413, code: 'VALIDATION_FAILED', message: `文件过大（最多 ${Math.round(limit / MB)} MB）` };
  }
  const saved = type ? uploads.save(owner, bytes) : null;
  if (!saved) {
    return {
      status: 415,
      code: 'VALIDATION_FAILED',
      message: '只能上传 Excel（.xlsx）、图片（PNG、JPEG）、PDF 或 MP4 视频',
    };
  }
  return { status: 200, body: { ...saved, size: bytes.length } };
}

function readRaw(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
