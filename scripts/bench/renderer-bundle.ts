// Size of the renderer's JavaScript as a workstation loads it: the first
// screen's share (the entry script and the chunks index.html preloads with
// it) and all of it (with the chunks loaded later: charts, printouts, other
// screens), gzip-compressed at level 9.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SectionResult } from './section';

const GOAL_KB = 600;

const gzipKb = (files: string[]) =>
  files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;

/** The scripts index.html loads before anything renders: its module script and modulepreload links. */
export function firstScreenScripts(indexHtml: string): string[] {
  const tags = indexHtml.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const ref = /(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    return (isScript || isPreload) && ref ? [ref.replace(/^\.\//, '')] : [];
  });
}

export function rendererBundle(rendererDir: string): SectionResult {
  const first = firstScreenScripts(readFileSync(join(rendererDir, 'index.html'), 'utf8')).map((f) => join(rendererDir, f));
  const all = readdirSync(join(rendererDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => join(rendererDir, 'assets', f));
  const firstKb = gzipKb(first);
  const allKb = gzipKb(all);
  return {
    title: 'Renderer bundle (minified, gzip -9)',
    rows: [
      { label: `JavaScript for the first screen, ${first.length} files (rendererBundleGzipKb)`, value: `${firstKb.toFixed(0)} kB`, goal: `< ${GOAL_KB} kB`, pass: firstKb < GOAL_KB },
      { label: `all JavaScript, ${all.length} files, later chunks included (rendererAllJsGzipKb)`, value: `${allKb.toFixed(0)} kB` },
    ],
    json: { rendererBundleGzipKb: Math.round(firstKb), rendererAllJsGzipKb: Math.round(allKb), rendererFirstScreenFiles: first.length },
  };
}
