// Citations in words for the screens. The rule set and the session settings cite
// the clinical reference by internal section ("REFERENCE §4") and numbered source
// ("S1 §5.5"); a clinician reads the source's name instead, and the ids stay in
// a details line for whoever wants to look them up.

/** Short names of the reference's numbered sources (REFERENCE.md §10, same ids). */
const SOURCE_NAMES: Record<string, string> = {
  S1: 'Esketamine (SPRAVATO) label',
  S2: 'Ketamine (KETALAR) label',
  S3: 'Ketamine consensus statement (Sanacora 2017)',
  S4: 'Krystal 2019 review',
  S5: 'Murrough 2013 trial',
  S6: 'TRANSFORM-2 trial',
  S7: 'Background article',
  S8: 'SPRAVATO REMS materials',
  S10: 'Swiss ketamine label',
  S11: 'Side-effects review (Short 2018)',
  S12: 'Zeiler 2014 review',
  S13: 'Frye 2015 study',
  S14: 'Andrashko 2020 study',
  S15: 'Williams 2018 study',
  S16: 'Yoon 2019 study',
  S17: 'Anand 2000 study',
  S18: 'Aldrete score',
  S19: 'PADSS score',
};

/** "REFERENCE §4, S3 (every 10–15 min)" → ["REFERENCE §4", "S3 (every 10–15 min)"]: commas inside brackets stay. */
function parts(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Drops the internal section ("REFERENCE §4 (…)" keeps the words in brackets) and names every numbered source. */
function partInWords(part: string): string {
  const ref = /^REFERENCE §[\d.]+\s*(.*)$/.exec(part);
  const words = ref ? (ref[1] ?? '').replace(/^\((.*)\)$/, '$1').trim() : part;
  return words.replace(/\bS(\d+)\b/g, (id) => SOURCE_NAMES[id] ?? id);
}

/** A citation as a clinician reads it: source names, no internal section codes. */
export function sourceInWords(source: string): string {
  const words = parts(source).map(partInWords).filter((w) => w.length > 0);
  return words.length > 0 ? words.join('; ') : 'KetaDesk clinical reference';
}
