// What a timeline entry says, in one line, for the screens and the printed
// monitoring record alike (a correction prints the old and the new value).

import { capitalize } from '../text';
import { SEDATION_LEVEL_LABELS, type Route } from './reference';
import type { EntryData } from './schemas';

export const ENTRY_KIND_LABELS: Record<EntryData['kind'], string> = {
  vitals: 'Vitals',
  sedation: 'Sedation',
  dissociation: 'Dissociation',
  'nausea-vomiting': 'Nausea / vomiting',
  'adverse-event': 'Adverse event',
  intervention: 'Intervention',
  'dose-complete': 'Dosing ended',
};

export function vitalsText(v: { systolic?: number | undefined; diastolic?: number | undefined; heartRate?: number | undefined; spo2?: number | undefined; respiratoryRate?: number | undefined }): string {
  const parts: string[] = [];
  if (v.systolic !== undefined && v.diastolic !== undefined) parts.push(`BP ${v.systolic}/${v.diastolic}`);
  if (v.heartRate !== undefined) parts.push(`HR ${v.heartRate}`);
  if (v.spo2 !== undefined) parts.push(`SpO₂ ${v.spo2} %`);
  if (v.respiratoryRate !== undefined) parts.push(`RR ${v.respiratoryRate}`);
  return parts.join(' · ');
}

/** What an entry says, in one line. */
export function entryText(e: EntryData, route: Route): string {
  const note = 'note' in e && e.note ? ` — ${e.note}` : '';
  switch (e.kind) {
    case 'vitals':
      return vitalsText(e) + note;
    case 'sedation':
      return `Level ${e.level}: ${SEDATION_LEVEL_LABELS[e.level]}${note}`;
    case 'dissociation':
      return `${capitalize(e.level)}${e.distressNotSettling ? ', distress not settling' : ''}${note}`;
    case 'nausea-vomiting':
      return `${e.nausea ? 'Nausea' : 'No nausea'}, ${e.vomiting ? 'vomiting' : 'no vomiting'}${note}`;
    case 'adverse-event':
      return `${e.description}${e.respiratoryDepression ? ' (respiratory depression)' : ''}`;
    case 'intervention':
      return e.description;
    case 'dose-complete':
      return (route === 'esketamine-nasal' ? 'Last device used' : 'Infusion ended') + note;
  }
}
