/**
 * The local development and demo server: the same function handlers as the cloud, over HTTP
 * for the H5 app, plus the H5 build as static files. Binds to 127.0.0.1 only; it is not a way
 * to deploy (production is CloudBase). Its edges are hardened all the same:
 *
 * - identity from the `x-demo-identity` header only when development identities are switched on
 *   (`devIdentities`); otherwise no header is read and every caller is anonymous;
 * - cross-site requests refused: API calls must be `application/json` POSTs, their Origin (when
 *   sent) this server's own, their Sec-Fetch-Site (when sent) same-origin; the Host must be a
 *   loopback name (no DNS rebinding);
 * - paths resolved inside their folder by real path (server/contain.ts); malformed paths and
 *   encodings answer 400; request headers and bodies time out after a few seconds.
 *
 *   POST /api/<function>   body { action, data }  →  ApiResult JSON
 *   GET  /api/_demo/identities                      →  the local demo identities
 *   GET  /api/_live                                 →  server-sent events after every change
 *   POST /api/_upload   body: a file's bytes        →  { ok, data: { id } } (server/uploads.ts)
 *   GET  /exports/<token>/<name>                    →  an exported workbook
 *   GET  /*                                         →  dist-h5 (index.html for unknown paths)
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import type { ApiResult } from '../types/api';
import { dispatch, isFunctionName } from '../backend/api/dispatch';
import { DomainError } from '../backend/core/errors';
import type { Deps } from '../backend/usecases/context';
import { DEMO_IDENTITIES, demoOpenid } from './demo/identities';
import { MUTATIONS } from '../backend/api/permissions';
import { createLiveHub, type LiveHub } from './live';
import type { LocalExports } from './files';
import { BadPath, fileInside, pathOf, segmentsOf } from './contain';
import { receiveUpload, type LocalUploads } from './uploads';

/** Large enough for an imported schedule workbook (base64), small enough to refuse abuse. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long a client may take to send its headers and its whole request. */
export const REQUEST_TIMEOUT_MS = 5_000;

export interface LocalServerOptions {
  deps: Deps;
  /** The H5 build to serve; omitted in API-only tests. */
  staticDir?: string;
  /** Exported workbooks (server/files.ts), served at /exports/. */
  exports?: LocalExports;
  /**
   * Development identities: the `x-demo-identity` header chooses who the caller is (no header:
   * the default demo resident). Off: no header is read and every caller is anonymous.
   */
  devIdentities: boolean;
  /** Request header and body timeout (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Where uploads are kept (the same store as deps.uploads); absent: no upload route. */
  uploads?: LocalUploads;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function createLocalServer({
  deps,
  staticDir,
  exports,
  devIdentities,
  requestTimeoutMs = REQUEST_TIMEOUT_MS,
  uploads,
}: LocalServerOptions): Server & { live: LiveHub } {
  const live = createLiveHub();
  const server = createServer(
    {
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      // How often the timeouts above are checked (Node's default, 30 s, would let a slow client linger).
      connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs),
    },
    (req, res) => {
      route(req, res).catch((error: unknown) => {
        if (error instanceof BadPath) return sendJson(res, 400, failure('VALIDATION_FAILED', '请求路径不正确'));
        if (!res.headersSent) sendJson(res, 500, failure('INTERNAL'));
        else res.end();
      });
    },
  );
  server.on('close', () => live.close());
  return Object.assign(server, { live });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!LOOPBACK_HOST.test(req.headers.host ?? '')) {
      return sendJson(res, 421, failure('FORBIDDEN', '本地开发服务只接受 127.0.0.1 / localhost 的访问'));
    }
    const pathname = pathOf(req.url);
    if (pathname === '/api/_demo/identities' && req.method === 'GET') {
      if (!devIdentities) return sendJson(res, 404, failure('UNKNOWN_ACTION', '未开启开发身份切换'));
      sendJson(res, 200, { identities: DEMO_IDENTITIES.map(({ id, label, role }) => ({ id, label, role })) });
      return;
    }
    if (pathname === '/api/_live' && req.method === 'GET') {
      live.subscribe(req, res);
      return;
    }
    if (pathname === '/api/_upload' && uploads) {
      if (req.method !== 'POST') return sendJson(res, 405, failure('UNKNOWN_ACTION', '请使用 POST'));
      const refused = crossOrigin(req);
      if (refused) {
        req.resume();
        return sendJson(res, 403, failure('FORBIDDEN', refused));
      }
      const outcome = await receiveUpload(req, uploads, callerOpenid(req));
      if (outcome.status === 200) sendJson(res, 200, { ok: true, data: outcome.body });
      else sendJson(res, outcome.status, failure(outcome.code, outcome.message));
      return;
    }
    if (pathname.startsWith('/api/')) {
      await api(req, res, pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (exports?.serve(pathname, res)) return;
    serveStatic(segmentsOf(pathname), res);
  }

  /** The caller's identity: the development identity header, only where switched on. */
  function callerOpenid(req: IncomingMessage): string | null {
    return devIdentities ? demoOpenid(headerValue(req.headers['x-demo-identity'])) : null;
  }

  /** Why an API call is refused as cross-site, or null when it is this server's own page calling. */
  function crossSite(req: IncomingMessage): string | null {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return '请求类型必须是 application/json';
    return crossOrigin(req);
  }

  /** Why a request comes from another site (Sec-Fetch-Site, Origin), or null. */
  function crossOrigin(req: IncomingMessage): string | null {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return '不接受跨站请求';
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const port = req.socket.localPort;
      const own = ['127.0.0.1', 'localhost', '[::1]'].map((host) => `http://${host}:${port}`);
      if (!own.includes(origin.toLowerCase())) return '不接受跨站请求';
    }
    return null;
  }

  async function api(req: IncomingMessage, res: ServerResponse, fn: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, failure('UNKNOWN_ACTION', '请使用 POST'));
    if (!isFunctionName(fn)) return sendJson(res, 404, failure('UNKNOWN_ACTION', '没有这个云函数'));
    const refused = crossSite(req);
    if (refused) {
      req.resume();
      return sendJson(res, refused.includes('application/json') ? 415 : 403, failure('FORBIDDEN', refused));
    }
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, failure('VALIDATION_FAILED', '请求内容过大'));
    let envelope: unknown;
    try {
      envelope = JSON.parse(body);
    } catch {
      return sendJson(res, 400, failure('VALIDATION_FAILED', '请求不是有效的 JSON'));
    }
    const result = await dispatch(fn, envelope, callerOpenid(req), deps);
    sendJson(res, 200, result);
    const action = (envelope as { action?: unknown } | null)?.action;
    if (result.ok && MUTATIONS.has(`${fn}/${String(action)}`)) live.notify();
  }

  function serveStatic(segments: string[], res: ServerResponse): void {
    if (!staticDir) {
      res.writeHead(404).end();
      return;
    }
    // Unknown paths are the app's own routes: they get index.html.
    const file = fileInside(staticDir, segments) ?? fileInside(staticDir, ['index.html']);
    if (!file) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 build missing: run npm start');
      return;
    }
    const hashed = /\.[0-9a-f]{8}\./.test(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }
}

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;

function headerValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function failure(code: DomainError['code'], message?: string): ApiResult<never> {
  return { ok: false, error: new DomainError(code, message).toApiError() };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}
