import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_ROOT } from '../../src/http/web.js';

export interface InitialAsset {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a first visit downloads before the app runs: the entry script of index.html
 * and the chunks it preloads. Chunks loaded later (the chart) are not counted.
 */
export function initialScripts(root = WEB_ROOT): InitialAsset[] {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  return [...new Set(files)].map((file) => {
    const body = readFileSync(join(root, file));
    return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  });
}

export const INITIAL_JS_LIMIT = 300 * 1024;
