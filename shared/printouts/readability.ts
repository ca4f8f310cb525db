// Flesch–Kincaid grade level, with a small English syllable counter. Good to
// about a syllable on odd words, which moves a sheet's grade by far less than
// the margin the tests keep; numbers count as they are read aloud.

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A whole number below 10 000 in words, for counting its syllables. */
export function numberWords(n: number): string[] {
  if (n < 20) return [ONES[n]!];
  if (n < 100) return n % 10 ? [TENS[Math.floor(n / 10)]!, ONES[n % 10]!] : [TENS[n / 10]!];
  if (n < 1000) return [ONES[Math.floor(n / 100)]!, 'hundred', ...(n % 100 ? numberWords(n % 100) : [])];
  return [...numberWords(Math.floor(n / 1000)), 'thousand', ...(n % 1000 ? numberWords(n % 1000) : [])];
}

/** Syllables of one word of letters. */
export function wordSyllables(raw: string): number {
  const word = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (!word) return 0;
  if (word.length <= 3) return 1;
  let w = word;
  // Silent endings: "-es", "-ed" (but "-ted", "-ded" are heard), a final "e" (but "-le" after a consonant is heard).
  // "-red" after a consonant is heard too (hundred, sacred).
  if (!/[^aeiouy]red$/.test(w)) w = w.replace(/(?:[^laeiouy]es|[^tdaeiouy]ed)$/, (m) => m[0]!);
  if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) w = w.slice(0, -1);
  const groups = w.match(/[aeiouy]+/g)?.length ?? 0;
  // Vowel pairs usually said as two: "ia" (media), "io" (period), "eo" (video, not "people"), "ua" (usual).
  // Not after t, s, c or x, where "-tion", "-sion", "-cial" are one syllable.
  const split = (w.match(/[^aeiouctsx](?:ia|io|ua|uo)|[^p]eo/g) ?? []).length;
  return Math.max(1, groups + split);
}

/** Syllables of a token: a number as spoken, an acronym letter by letter, else the word. */
export function tokenSyllables(token: string): number {
  if (/^\d+(?:[.,]\d+)?$/.test(token)) {
    const [whole, fraction] = token.split(/[.,]/);
    const words = numberWords(Number(whole) % 10_000);
    const fractionWords = fraction ? ['point', ...[...fraction].map((d) => ONES[Number(d)]!)] : [];
    return [...words, ...fractionWords].reduce((sum, w) => sum + wordSyllables(w), 0);
  }
  if (/^[A-Z]{2,4}$/.test(token)) return token.length;
  if (/[-–]/.test(token)) return token.split(/[-–]/).filter(Boolean).reduce((sum, part) => sum + tokenSyllables(part), 0);
  return wordSyllables(token);
}

export interface TextStats {
  sentences: number;
  words: number;
  syllables: number;
  /** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
  grade: number;
}

/** Words of a sentence: runs of letters, digits, apostrophes and inner hyphens or decimal points. */
export const wordsOf = (sentence: string) => sentence.match(/[A-Za-z0-9]+(?:[’'.,–-][A-Za-z0-9]+)*/g) ?? [];

/** Splits prose into sentences at . ! ? followed by a space or the end; a number's decimal point is not an end. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

/** Grade of a body of text given as separate pieces; a piece without a full stop is one sentence. */
export function fleschKincaid(pieces: readonly string[]): TextStats {
  const sentences = pieces.flatMap(sentencesOf);
  const words = sentences.flatMap(wordsOf);
  const syllables = words.reduce((sum, w) => sum + tokenSyllables(w), 0);
  const grade = words.length === 0 ? 0 : 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
  return { sentences: sentences.length, words: words.length, syllables, grade: Math.round(grade * 10) / 10 };
}
