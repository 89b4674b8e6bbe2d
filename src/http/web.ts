import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build` puts the web app: dist/web, seen from src/http or dist/http alike. */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

interface WebFile {
  type: string;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
}

function readTree(root: string, dir = root, out = new Map<string, WebFile>()): Map<string, WebFile> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      readTree(root, path, out);
      continue;
    }
    const body = readFileSync(path);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    // Text compresses well and is sent on every first visit; images are already compressed.
    const gzip =
      type.startsWith('text/') || type.startsWith('image/svg') ? gzipSync(body, { level: 9 }) : null;
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    out.set(`/${relative(root, path).split('\\').join('/')}`, { type, body, gzip, etag });
  }
  return out;
}

/**
 * The built app, read and compressed once per process and index.html version: servers built
 * again in the same process (tests build hundreds) share it.
 */
const loaded = new Map<string, { mtimeMs: number; files: Map<string, WebFile> }>();
function webFiles(root: string): Map<string, WebFile> {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return new Map();
  const { mtimeMs } = statSync(index);
  const cached = loaded.get(root);
  if (cached?.mtimeMs === mtimeMs) return cached.files;
  const files = readTree(root);
  loaded.set(root, { mtimeMs, files });
  return files;
}

function send(request: FastifyRequest, reply: FastifyReply, file: WebFile, cache: string) {
  reply.header('content-type', file.type).header('cache-control', cache).header('etag', file.etag);
  reply.header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === file.etag) return reply.status(304).send();
  if (file.gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    return reply.header('content-encoding', 'gzip').send(file.gzip);
  }
  return reply.send(file.body);
}

/**
 * Serves the built web app from memory: hashed assets cached for a year, every other page
 * address answered with index.html (the app routes in the browser), the API left alone.
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_ROOT): Promise<void> {
  const files = webFiles(root);
  const index = files.get('/index.html');
  app.get('/assets/*', { schema: { hide: true } }, async (request, reply) => {
    const file = files.get(request.url.split('?')[0] ?? '');
    if (!file) return reply.callNotFound();
    return send(request, reply, file, 'public, max-age=31536000, immutable');
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    if (!index) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'Ứng dụng web chưa được dựng: chạy "npm run build". The web app is not built: run "npm run build".',
        );
    }
    return send(request, reply, index, 'no-cache');
  });
}
