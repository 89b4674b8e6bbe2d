import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB_ROOT } from '../../src/http/web.js';
import { INITIAL_JS_LIMIT, initialScripts } from './bundle.js';

describe('the built web app', () => {
  it('is built into dist/web by npm run build', () => {
    expect(existsSync(join(WEB_ROOT, 'index.html'))).toBe(true);
  });

  it('sends at most 300 KB of gzipped JavaScript before the first page works', () => {
    const scripts = initialScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((s, a) => s + a.gzipBytes, 0);
    expect(total).toBeLessThanOrEqual(INITIAL_JS_LIMIT);
  });
});
