import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a file or a folder (its entries, after a rename) to the disk, so a power cut cannot undo it. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
