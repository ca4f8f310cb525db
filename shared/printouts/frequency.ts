import { capitalize } from '../text';
import type { Per100 } from './evidence';

// Natural frequencies in words, always out of the same 100 people, so a sheet
// never mixes percentages, fractions and "rare".

export const TOTAL = 100;

/** "41 in 100", "less than 1 in 100". */
export function inHundred(p: Per100): string {
  return p.lessThan ? `less than ${p.count} in ${TOTAL}` : `${p.count} in ${TOTAL}`;
}

/** The other side of the same 100: "59 in 100", "more than 99 in 100". */
export function restOfHundred(p: Per100): string {
  return p.lessThan ? `more than ${TOTAL - p.count} in ${TOTAL}` : `${TOTAL - p.count} in ${TOTAL}`;
}

/** Both framings, as the decision-aid standards ask: "41 in 100 had this. 59 in 100 did not." */
export function bothSides(p: Per100, did: string, didNot: string): string {
  return `${capitalize(inHundred(p))} ${did}. ${capitalize(restOfHundred(p))} ${didNot}.`;
}

/** How many people an icon array shades for a frequency: "less than 1" shades none. */
export const shaded = (p: Per100) => (p.lessThan ? 0 : p.count);
