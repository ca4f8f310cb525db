// Search-as-you-type latency through store.patients.search(query, 50), the
// call the patients.search handler makes, against a raw indexed prefix query
// on the same database as a floor.

import { searchTokens } from '../../shared/text';
import { createRng, patientFields } from './seed-data';
import { ms, percentiles, type Section } from './section';
import { round, roundSummary, sampleInterleaved, series, summarize, type Summary } from './stats';

const LIMIT = 50;
const SAMPLES_PER_KIND = 10_000;
const GOAL_P95_MS = 2;

/** What a clinician's keystrokes produce, built from patients that exist. */
export function buildQueries(patientCount: number, sampled = 60) {
  const rng = createRng(20240901);
  const name: string[] = [];
  const mrn: string[] = [];
  const dob: string[] = [];
  const typing = (text: string) => Array.from({ length: text.length }, (_, k) => text.slice(0, k + 1));
  for (let s = 0; s < sampled; s++) {
    const p = patientFields(Math.floor(rng() * patientCount));
    // Every third clinician types without capitals or accents.
    const legal = s % 3 === 2 ? p.legalName.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase() : p.legalName;
    const words = legal.split(' ');
    const first = words[0]!;
    const last = words[words.length - 1]!;
    name.push(...typing(first), ...typing(last).map((t) => `${first} ${t}`));
    if (s % 2 === 0) name.push(...typing(last));
    mrn.push(...typing(s % 4 === 3 ? p.mrn.toLowerCase() : p.mrn));
    const [y, m, d] = p.dateOfBirth.split('-') as [string, string, string];
    dob.push(y, `${y}-${m}`, p.dateOfBirth, `${d}/${m}/${y}`, `${Number(d)}/${Number(m)}/${y}`, `${d}.${m}.${y}`);
  }
  return { name, mrn, dob };
}

type Kind = 'name' | 'mrn' | 'dob';

export const patientSearch: Section = ({ store, patientCount, progress }) => {
  const queries = buildQueries(patientCount);
  const search = (q: string) => store.patients.search(q, LIMIT);

  // The floor for a name query: one range scan of the name-token index for the
  // query's longest word, joined to the patient rows, limit+1 rows, no filtering.
  const rawSql = `SELECT p.* FROM patient_terms t JOIN patients p ON p.id = t.patient_id
    WHERE t.term >= ? AND t.term < ? ORDER BY t.term, t.sort_name LIMIT ${LIMIT + 1}`;
  const raw = store.db.prepare(rawSql);
  const leads = queries.name
    .map((q) => searchTokens(q).sort((a, b) => b.length - a.length)[0]!)
    .map((w) => [w, w.slice(0, -1) + String.fromCharCode(w.charCodeAt(w.length - 1) + 1)] as const);

  progress(
    `search: ${queries.name.length} name, ${queries.mrn.length} MRN, ${queries.dob.length} date-of-birth queries ` +
      `and the raw reference, ${SAMPLES_PER_KIND} timed calls each, taking turns`,
  );
  const [name, mrn, dob, rawSamples] = sampleInterleaved(
    [series(queries.name, search), series(queries.mrn, search), series(queries.dob, search), series(leads, ([from, to]) => raw.all(from, to))],
    SAMPLES_PER_KIND,
  );
  const byKind: Record<Kind, Summary> = { name: summarize(name!), mrn: summarize(mrn!), dob: summarize(dob!) };
  const rawSummary = summarize(rawSamples!);
  const hits = {} as Record<Kind, number>;
  for (const kind of ['name', 'mrn', 'dob'] as const) {
    hits[kind] = queries[kind].reduce((n, q) => n + search(q).patients.length, 0) / queries[kind].length;
  }

  const p95ByKind = { name: round(byKind.name.p95), mrn: round(byKind.mrn.p95), dob: round(byKind.dob.p95) };
  const worstP95 = Math.max(p95ByKind.name, p95ByKind.mrn, p95ByKind.dob);
  const ratioP95 = byKind.name.p95 / rawSummary.p95;
  const ratioP50 = byKind.name.p50 / rawSummary.p50;
  const kindLabel = { name: 'name (typing 1..n chars, first+last)', mrn: 'MRN prefix', dob: 'date of birth (ISO, YYYY-MM, D/M/Y)' };

  return {
    title: `Patient search, store.patients.search(q, ${LIMIT}), p50 / p95 / p99 / max`,
    rows: [
      ...(['name', 'mrn', 'dob'] as const).map((k) => ({
        label: `${kindLabel[k]} [${queries[k].length} queries, avg ${hits[k].toFixed(1)} hits]`,
        value: percentiles(byKind[k]),
        goal: `p95 < ${GOAL_P95_MS} ms`,
        pass: byKind[k].p95 < GOAL_P95_MS,
      })),
      { label: 'worst p95 across kinds', value: ms(worstP95), goal: `< ${GOAL_P95_MS} ms`, pass: worstP95 < GOAL_P95_MS },
      { label: 'raw term-prefix query + join, LIMIT 51 (reference)', value: percentiles(rawSummary) },
      { label: 'name search / raw reference, p50 and p95', value: `${ratioP50.toFixed(2)}x / ${ratioP95.toFixed(2)}x` },
    ],
    json: {
      patientSearchP95Ms: worstP95,
      patientSearchP95ByKindMs: p95ByKind,
      patientSearchByKindMs: {
        name: roundSummary(byKind.name), mrn: roundSummary(byKind.mrn), dob: roundSummary(byKind.dob),
      },
      patientSearchQueryCount: { name: queries.name.length, mrn: queries.mrn.length, dob: queries.dob.length },
      patientSearchAvgHits: { name: round(hits.name, 1), mrn: round(hits.mrn, 1), dob: round(hits.dob, 1) },
      rawPrefixQuerySql: rawSql.replace(/\s+/g, ' '),
      rawPrefixQueryMs: roundSummary(rawSummary),
      patientSearchNameVsRawRatioP50: round(ratioP50, 2),
      patientSearchNameVsRawRatioP95: round(ratioP95, 2),
    },
  };
};
