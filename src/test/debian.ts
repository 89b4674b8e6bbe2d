import { spawnSync } from 'node:child_process';

/**
 * Installs Debian packages a test needs (PostgreSQL, Chromium) when they are missing, so `npm
 * test` works on a fresh machine; only root may, anyone else is told the command to run.
 */
export function aptInstall(packages: string[]): void {
  const command = `apt-get install -y ${packages.join(' ')}`;
  if (process.getuid?.() !== 0)
    throw new Error(`${packages.join(', ')} not installed: run \`${command}\` as root`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
  if (r.status !== 0) throw new Error(`${command} failed`);
}
