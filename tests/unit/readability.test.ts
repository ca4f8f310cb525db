import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_IDS, buildPrintout, consentIndicationOf, fleschKincaid, proseOf, sentencesOf, tokenSyllables, wordsOf,
} from '../../shared/printouts';
import { INDICATIONS } from '../../shared/course/reference';
import { COURSES, printInput, trendOf, TREATMENTS } from '../helpers/printouts';

// Patient sheets are written for about a 6th-grade reader and must never read
// above 8th grade (reference §7, [S25]). Every patient-facing sheet is measured
// for every planned treatment, since the wording changes with it.

const LIMIT = 8;

describe('syllable counter', () => {
  it.each([
    ['cat', 1], ['people', 2], ['table', 2], ['medicine', 3], ['ketamine', 3], ['esketamine', 4], ['serotonin', 4],
    ['glutamate', 3], ['sleepy', 2], ['decisions', 3], ['nation', 2], ['video', 3], ['hurting', 2], ['tired', 1],
    ['wanted', 2], ['CBT', 3], ['40', 2], ['1.5', 3], ['100', 3], ['short-term', 2],
  ])('%s has %i', (word, n) => {
    expect(tokenSyllables(word)).toBe(n);
  });

  it('splits sentences at full stops but not inside a number', () => {
    expect(sentencesOf('It lasts 1.5 to 2 hours. Rest today! Is it safe?')).toEqual(['It lasts 1.5 to 2 hours.', 'Rest today!', 'Is it safe?']);
    expect(wordsOf('It lasts 1.5 to 2 hours, after a night’s sleep.')).toEqual(['It', 'lasts', '1.5', 'to', '2', 'hours', 'after', 'a', 'night’s', 'sleep']);
  });

  it('grades plain and hard text far apart', () => {
    expect(fleschKincaid(['The cat sat on the mat. It was warm.']).grade).toBeLessThan(2);
    expect(
      fleschKincaid(['Pharmacological antagonism of N-methyl-D-aspartate receptors precipitates glutamatergic neurotransmission and synaptogenesis.']).grade,
    ).toBeGreaterThan(16);
  });
});

describe('Flesch–Kincaid grade of each patient sheet', () => {
  const patientSheets = DOCUMENT_IDS.filter((d) => buildPrintout(d, printInput()).audience === 'patient');

  it('covers the risk/benefit sheet, the consent form, the aftercare sheet and the progress sheet', () => {
    expect(patientSheets).toEqual(['risk-benefit', 'consent', 'aftercare', 'progress']);
  });

  // The progress sheet's words change with the course of the scores, not the treatment.
  it.each(Object.keys(COURSES))(`progress sheet, course %s, reads at grade ${LIMIT} or below in sentences of 25 words at most`, (course) => {
    const sheet = buildPrintout('progress', printInput(), { trend: trendOf(COURSES[course]!) });
    const stats = fleschKincaid(proseOf(sheet));
    console.log(`FK grade progress (${course}): ${stats.grade} — ${stats.words} words, ${stats.sentences} sentences`);
    expect(stats.words).toBeGreaterThan(100);
    expect(stats.grade).toBeLessThanOrEqual(LIMIT);
    expect(proseOf(sheet).flatMap(sentencesOf).filter((s) => wordsOf(s).length > 25)).toEqual([]);
  });

  for (const document of patientSheets.filter((d) => d !== 'progress')) {
    it.each(TREATMENTS)(`${document} for %s reads at grade ${LIMIT} or below`, (treatment) => {
      const stats = fleschKincaid(proseOf(buildPrintout(document, printInput({ treatment }))));
      console.log(`FK grade ${document} (${treatment}): ${stats.grade} — ${stats.words} words, ${stats.sentences} sentences`);
      expect(stats.words).toBeGreaterThan(100);
      expect(stats.grade).toBeLessThanOrEqual(LIMIT);
    });
  }

  // The consent names the course's indication when there is one: each reads as plainly.
  it.each(INDICATIONS.filter((i) => i !== 'other'))(`consent naming the indication %s reads at grade ${LIMIT} or below`, (indication) => {
    for (const treatment of TREATMENTS) {
      const named = consentIndicationOf([{ route: treatment, phase: 'induction', createdAt: '2026-11-20T09:00:00Z', indication, indicationOther: null }], treatment);
      const sheet = buildPrintout('consent', printInput({ treatment }), { indication: named });
      expect(fleschKincaid(proseOf(sheet)).grade, treatment).toBeLessThanOrEqual(LIMIT);
      expect(proseOf(sheet).flatMap(sentencesOf).filter((s) => wordsOf(s).length > 25), treatment).toEqual([]);
    }
  });

  it('has no sentence longer than 25 words, so no one line is a wall', () => {
    for (const document of patientSheets.filter((d) => d !== 'progress')) {
      for (const treatment of TREATMENTS) {
        const sentences = proseOf(buildPrintout(document, printInput({ treatment }))).flatMap(sentencesOf);
        const long = sentences.filter((s) => wordsOf(s).length > 25);
        expect(long, `${document} (${treatment})`).toEqual([]);
      }
    }
  });
});
