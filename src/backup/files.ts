import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file beside `target`, on the same disk, so renaming it over the target is atomic. */
export function tempBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts a finished temp file in place: its bytes reach the disk first, then the rename, then the
 * directory entry, so a power cut leaves either the old file or the whole new one.
 */
export function moveIntoPlace(temp: string, target: string): void {
  fsyncPath(temp);
  renameSync(temp, target);
  fsyncPath(dirname(target));
}

/** Runs `work` on a temp file beside `target`; the temp file never outlives a failure. */
export async function viaTemp<T>(target: string, work: (temp: string) => Promise<T>): Promise<T> {
  const temp = tempBeside(target);
  try {
    return await work(temp);
  } finally {
    rmSync(temp, { force: true });
  }
}
