/**
 * The local server: the same function handlers as the cloud, over HTTP for the H5 app,
 * plus the H5 build as static files. Binds to 127.0.0.1 only.
 *
 *   POST /api/<function>   body { action, data }  →  ApiResult JSON
 *   GET  /api/_demo/identities                      →  the local demo identities
 *   GET  /api/_live                                 →  server-sent events after every change
 *   POST /api/_upload   body: a file's bytes        →  { ok, data: { id } } (server/uploads.ts)
 *   GET  /exports/<token>/<name>                    →  an exported workbook
 *   GET  /*                                         →  dist-h5 (index.html for unknown paths)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { ApiResult } from '../types/api';
import { dispatch, isFunctionName } from '../cloudfunctions/api/dispatch';
import { DomainError } from '../cloudfunctions/core/errors';
import type { Deps } from '../cloudfunctions/usecases/context';
import { DEMO_IDENTITIES, demoOpenid } from './demo/identities';
import { MUTATIONS } from '../cloudfunctions/api/permissions';
import { createLiveHub, type LiveHub } from './live';
import { serveExport } from './files';
import { receiveUpload, type LocalUploads } from './uploads';

/** Large enough for an imported schedule workbook (base64), small enough to refuse abuse. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface LocalServerOptions {
  deps: Deps;
  /** The H5 build to serve; omitted in API-only tests. */
  staticDir?: string;
  /** Where exported workbooks are written (see server/files.ts). */
  exportsDir?: string;
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
  exportsDir,
  uploads,
}: LocalServerOptions): Server & { live: LiveHub } {
  const live = createLiveHub();
  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL'));
      else res.end();
    });
  });
  server.on('close', () => live.close());
  return Object.assign(server, { live });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/_demo/identities' && req.method === 'GET') {
      sendJson(res, 200, { identities: DEMO_IDENTITIES.map(({ id, label, role }) => ({ id, label, role })) });
      return;
    }
    if (url.pathname === '/api/_live' && req.method === 'GET') {
      live.subscribe(req, res);
      return;
    }
    if (url.pathname === '/api/_upload' && uploads) {
      const outcome = await receiveUpload(req, uploads, callerOpenid(req));
      if (outcome.status === 200) sendJson(res, 200, { ok: true, data: outcome.body });
      else sendJson(res, outcome.status, failure(outcome.code, outcome.message));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await api(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (exportsDir && serveExport(exportsDir, url.pathname, res)) return;
    serveStatic(url.pathname, res);
  }

  async function api(req: IncomingMessage, res: ServerResponse, fn: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, failure('UNKNOWN_ACTION', '请使用 POST'));
    if (!isFunctionName(fn)) return sendJson(res, 404, failure('UNKNOWN_ACTION', '没有这个云函数'));
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

  function serveStatic(pathname: string, res: ServerResponse): void {
    if (!staticDir) {
      res.writeHead(404).end();
      return;
    }
    const root = resolve(staticDir);
    const wanted = normalize(join(root, decodeURIComponent(pathname)));
    const inside = wanted.startsWith(root);
    const file = inside && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 build missing: run npm start');
      return;
    }
    const hashed = /\.[0-9a-f]{8}\./.test(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  }
}

/** The caller's identity, by the server's rules (the demo identity header). */
function callerOpenid(req: IncomingMessage): string | null {
  const header = req.headers['x-demo-identity'];
  return demoOpenid(Array.isArray(header) ? header[0] : header);
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
