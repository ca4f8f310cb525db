/**
 * Folds text for searching: lower case, accents removed, runs of anything that
 * is not a letter or digit collapsed to one space. "Zoë O'Brien" → "zoe o brien".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The distinct search tokens of a text, folded. */
export function searchTokens(text: string): string[] {
  const folded = foldForSearch(text);
  return folded ? [...new Set(folded.split(' '))] : [];
}

/** The text with its first letter in capitals: "after 4 weeks" → "After 4 weeks". */
export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
