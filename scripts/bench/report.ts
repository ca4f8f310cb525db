// Renders section results as a small aligned table for people.

import type { SectionResult } from './section';

export function renderTable(header: string[], sections: SectionResult[]): string {
  const rows = sections.flatMap((s) => s.rows);
  const w = {
    label: Math.max(6, ...rows.map((r) => r.label.length)),
    value: Math.max(5, ...rows.map((r) => r.value.length)),
    goal: Math.max(4, ...rows.map((r) => (r.goal ?? '').length)),
  };
  const line = (a: string, b: string, c: string, d: string) =>
    `  ${a.padEnd(w.label)}  ${b.padStart(w.value)}  ${c.padEnd(w.goal)}  ${d}`.trimEnd();
  const out = [...header, ''];
  for (const s of sections) {
    out.push(s.title);
    for (const r of s.rows) {
      const mark = r.pass === undefined ? '' : r.pass ? 'PASS' : 'over';
      out.push(line(r.label, r.value, r.goal ?? '', mark));
    }
    out.push('');
  }
  return out.join('\n');
}
