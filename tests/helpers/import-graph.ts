// The project's import graph, read with the TypeScript compiler's own
// pre-processor (static imports, `import type`, export-from, dynamic import()
// and require()). Used by the layer check and by the shell's tests to prove
// what a module can and cannot reach. Every import counts, type-only ones
// too: a type import still couples two modules, as in VS Code's layer rules.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const SOURCE_DIRS = ['electron', 'renderer', 'shared', 'db', 'scripts'] as const;
const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx'];

export type ImportTarget =
  /** A source file of the project, as a root-relative path with forward slashes. */
  | { kind: 'file'; path: string }
  /** A package or built-in, by the name it was imported with. */
  | { kind: 'package'; name: string; builtin: boolean }
  /** A relative import that names no file (a broken import). */
  | { kind: 'missing'; specifier: string };

export interface ImportEdge {
  from: string;
  specifier: string;
  target: ImportTarget;
}

const BUILTINS = new Set(builtinModules);
const toPosix = (p: string) => p.split(sep).join('/');

function listCode(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listCode(full);
    return CODE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveTarget(fromFile: string, specifier: string, root: string): ImportTarget {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const base = resolve(dirname(fromFile), specifier);
    // A ".js" specifier may name a ".ts" source.
    const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx')];
    for (const candidate of candidates) {
      for (const suffix of RESOLVE_SUFFIXES) {
        const path = candidate + suffix;
        if (existsSync(path) && statSync(path).isFile()) return { kind: 'file', path: toPosix(relative(root, path)) };
      }
    }
    return { kind: 'missing', specifier };
  }
  const bare = specifier.replace(/^node:/, '');
  const builtin = specifier.startsWith('node:') || BUILTINS.has(bare) || BUILTINS.has(bare.split('/')[0]!);
  return { kind: 'package', name: specifier, builtin };
}

/** Every import of every source file under `dirs`. */
export function readImportGraph(root: string = PROJECT_ROOT, dirs: readonly string[] = SOURCE_DIRS): ImportEdge[] {
  return dirs.flatMap((dir) =>
    listCode(join(root, dir)).flatMap((file) => {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      return info.importedFiles.map((imported) => ({
        from: toPosix(relative(root, file)),
        specifier: imported.fileName,
        target: resolveTarget(file, imported.fileName, root),
      }));
    }),
  );
}

/** Groups of project files that import each other, directly or around a loop (Tarjan's algorithm). */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, []);
    if (e.target.kind === 'file' && CODE.test(e.target.path)) next.get(e.from)!.push(e.target.path);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (next.get(node) ?? []).includes(node)) cycles.push(group.sort());
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Every project file `start` reaches through its imports, itself included. */
export function reachableFrom(start: string, edges: readonly ImportEdge[]): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const e of edges) {
      if (e.from === file && e.target.kind === 'file' && !seen.has(e.target.path)) {
        seen.add(e.target.path);
        queue.push(e.target.path);
      }
    }
  }
  return seen;
}
