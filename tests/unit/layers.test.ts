import { describe, expect, it } from 'vitest';
import { importCycles, readImportGraph, type ImportEdge } from '../helpers/import-graph';

// The layers, kept by a check as VS Code keeps its own: shared/ is pure
// TypeScript every side uses; db/ holds the SQL; renderer/ is the web page;
// electron/ is the shell. Every import counts, `import type` included: a type
// import still ties one layer to another's code, and a type-only cycle is
// still a cycle to untangle.

const edges = readImportGraph();
const layerOf = (path: string) => path.split('/')[0]!;

const UI_PACKAGES = /^(react|react-dom|@mantine\/|recharts)(\/|$)/;
const NATIVE_PACKAGES = /^(electron|better-sqlite3)/;

/** Why an import breaks its file's layer, or null when it is allowed. */
function violation(edge: ImportEdge): string | null {
  const from = layerOf(edge.from);
  const t = edge.target;
  const toLayer = t.kind === 'file' ? layerOf(t.path) : null;
  if (from === 'shared') {
    if (t.kind === 'package' && t.builtin) return 'a Node built-in';
    if (t.kind === 'package' && (NATIVE_PACKAGES.test(t.name) || UI_PACKAGES.test(t.name))) return `the ${t.name} package`;
    if (toLayer && ['db', 'renderer', 'electron', 'scripts'].includes(toLayer)) return `${toLayer}/`;
  }
  if (from === 'db') {
    if (t.kind === 'package' && (t.name === 'electron' || UI_PACKAGES.test(t.name))) return `the ${t.name} package`;
    if (toLayer && ['renderer', 'electron', 'scripts'].includes(toLayer)) return `${toLayer}/`;
  }
  if (from === 'renderer') {
    if (t.kind === 'package' && (t.builtin || NATIVE_PACKAGES.test(t.name))) return `${t.name} (the page has no Node)`;
    if (toLayer && ['db', 'electron', 'scripts'].includes(toLayer)) return `${toLayer}/`;
  }
  return null;
}

describe('layers', () => {
  it('reads the whole source tree, and every relative import names a file', () => {
    for (const layer of ['electron', 'renderer', 'shared', 'db', 'scripts']) {
      expect(edges.some((e) => layerOf(e.from) === layer), layer).toBe(true);
    }
    expect(edges.filter((e) => e.target.kind === 'missing').map((e) => `${e.from} → ${e.specifier}`)).toEqual([]);
  });

  it('keeps shared/ pure, db/ free of UI and shell, and the renderer free of Node, db/ and electron/', () => {
    const broken = edges.flatMap((e) => {
      const why = violation(e);
      return why ? [`${e.from} imports ${e.specifier} (${why})`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('has no import cycle anywhere', () => {
    expect(importCycles(edges)).toEqual([]);
  });
});

describe('the layer rules themselves', () => {
  const edge = (from: string, specifier: string, target: ImportEdge['target']): ImportEdge => ({ from, specifier, target });

  it('catch each kind of forbidden import', () => {
    expect(violation(edge('shared/a.ts', 'node:fs', { kind: 'package', name: 'node:fs', builtin: true }))).toMatch(/built-in/);
    expect(violation(edge('shared/a.ts', 'react', { kind: 'package', name: 'react', builtin: false }))).toMatch(/react/);
    expect(violation(edge('shared/a.ts', 'electron', { kind: 'package', name: 'electron', builtin: false }))).toMatch(/electron/);
    expect(violation(edge('shared/a.ts', '../db/store', { kind: 'file', path: 'db/store.ts' }))).toBe('db/');
    expect(violation(edge('shared/a.ts', '../renderer/src/App', { kind: 'file', path: 'renderer/src/App.tsx' }))).toBe('renderer/');
    expect(violation(edge('db/a.ts', '../renderer/src/x', { kind: 'file', path: 'renderer/src/x.ts' }))).toBe('renderer/');
    expect(violation(edge('db/a.ts', '../electron/dispatch', { kind: 'file', path: 'electron/dispatch.ts' }))).toBe('electron/');
    expect(violation(edge('renderer/src/a.ts', '../../db/store', { kind: 'file', path: 'db/store.ts' }))).toBe('db/');
    expect(violation(edge('renderer/src/a.ts', '../../electron/security', { kind: 'file', path: 'electron/security.ts' }))).toBe('electron/');
    expect(violation(edge('renderer/src/a.ts', 'node:path', { kind: 'package', name: 'node:path', builtin: true }))).toMatch(/no Node/);
  });

  it('allow what the layers are for', () => {
    expect(violation(edge('renderer/src/a.ts', '../../shared/contract', { kind: 'file', path: 'shared/contract.ts' }))).toBeNull();
    expect(violation(edge('db/a.ts', 'node:crypto', { kind: 'package', name: 'node:crypto', builtin: true }))).toBeNull();
    expect(violation(edge('shared/a.ts', 'zod', { kind: 'package', name: 'zod', builtin: false }))).toBeNull();
    expect(violation(edge('electron/a.ts', '../db/store', { kind: 'file', path: 'db/store.ts' }))).toBeNull();
  });

  it('find a cycle through type-only imports as well', () => {
    const file = (path: string) => ({ kind: 'file', path }) as const;
    const loop = [edge('db/a.ts', './b', file('db/b.ts')), edge('db/b.ts', './c', file('db/c.ts')), edge('db/c.ts', './a', file('db/a.ts'))];
    expect(importCycles(loop)).toEqual([['db/a.ts', 'db/b.ts', 'db/c.ts']]);
    expect(importCycles([edge('db/a.ts', './a', file('db/a.ts'))])).toEqual([['db/a.ts']]);
    expect(importCycles(loop.slice(0, 2))).toEqual([]);
  });
});
