import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium.js';
import { startCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/**
 * Makes sure Chromium is there for the browser tests, and starts one PostgreSQL cluster for the
 * whole run, unless TIENDO_TEST_PG_URL names one.
 */
export default async function setup(project: TestProject) {
  ensureChromium();
  const given = process.env.TIENDO_TEST_PG_URL;
  if (given) {
    project.provide('pgUrl', given);
    return;
  }
  const cluster = await startCluster();
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
