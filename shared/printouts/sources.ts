// The sources the printouts cite, transcribed from the clinical reference's
// source list (same ids). Patient sheets list the ones they cite, with dates.

export const SOURCES = {
  S1: 'SPRAVATO (esketamine) nasal spray. US Prescribing Information. Janssen.',
  S2: 'KETALAR (ketamine hydrochloride) injection. US Prescribing Information. Par Pharmaceutical.',
  S3: 'Sanacora G, et al. A consensus statement on the use of ketamine in the treatment of mood disorders. JAMA Psychiatry. 2017.',
  S4: 'Krystal JH, et al. Ketamine: a paradigm shift for depression research and treatment. Neuron. 2019.',
  S5: 'Murrough JW, et al. Antidepressant efficacy of ketamine in treatment-resistant major depression: a two-site randomized controlled trial. Am J Psychiatry. 2013.',
  S6: 'Popova V, et al. Efficacy and safety of flexibly dosed esketamine nasal spray combined with a newly initiated oral antidepressant in treatment-resistant depression (TRANSFORM-2). Am J Psychiatry. 2019.',
  S7: 'Background article on ketamine for anxiety: benefits, risks, and who should not have it.',
  S8: 'SPRAVATO REMS programme materials: Patient Monitoring Form and healthcare setting requirements.',
  S10: 'Swiss professional information for ketamine injection, section "Contraindications".',
  S11: 'Short B, et al. Side-effects associated with ketamine use in depression: a systematic review. Lancet Psychiatry. 2018.',
  S20: 'Glue P, et al. Dose-dependent anxiolytic and antidepressant effects of ketamine in treatment-refractory anxiety disorders. J Psychopharmacol. 2017.',
  S21: 'Taylor JH, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018.',
  S22: 'Glue P, et al. Safety and efficacy of maintenance ketamine treatment in patients with treatment-refractory generalised anxiety and social anxiety disorders. J Psychopharmacol. 2018.',
} as const;

export type SourceId = keyof typeof SOURCES;

/** A citation: a source and, where the reference names one, its section ("§6"). */
export interface Cite {
  source: SourceId;
  part?: string;
}

export const cite = (source: SourceId, part?: string): Cite => (part ? { source, part } : { source });

/** "S1 §6, S3" */
export function citeLabel(cites: readonly Cite[]): string {
  return cites.map((c) => (c.part ? `${c.source} ${c.part}` : c.source)).join(', ');
}

/** The distinct sources cited, in the order of the source list. */
export function citedSources(cites: readonly Cite[]): SourceId[] {
  const ids = new Set(cites.map((c) => c.source));
  return (Object.keys(SOURCES) as SourceId[]).filter((id) => ids.has(id));
}
