import { describe, expect, it } from 'vitest';
import {
  consentDeclinedMeaning, consentSignedMeaning, consentWithdrawnMeaning, dischargeMeaning, entryCorrectedMeaning, patientAmendedMeaning, proceedDespiteConcernsMeaning,
  screeningMeanings, screeningSignedMeanings, signatureLine, signerWords,
} from '../../shared/auth/meanings';
import type { Signature } from '../../shared/auth/status';
import { spelledDate } from '../../shared/dates';
import type { Screening } from '../../shared/schemas/screening';
import { screen } from '../../shared/screening';
import { allAnswers, clearCase } from '../helpers/screening';

// The signature dialog previews, before signing, the words the server stores
// after it; both come from shared/auth/meanings.ts.

const contraindicated = screen(clearCase({ answers: { ...allAnswers(false), 'aneurysmal-vascular-disease': true } }));

describe('what a screening signature will mean', () => {
  it('names the verdict', () => {
    expect(screeningMeanings(screen(clearCase()), {})).toEqual(['signed screening (verdict: clear)']);
  });

  it('adds one override line per contraindication, with the reason as typed but trimmed', () => {
    expect(screeningMeanings(contraindicated, { overrideReason: '  Repaired in 2019, cleared by vascular surgery ' })).toEqual([
      'signed screening (verdict: contraindicated)',
      'overrode CI-ANEURYSM: Repaired in 2019, cleared by vascular surgery',
    ]);
  });

  it('adds the amendment reason, and ignores blank reasons', () => {
    expect(screeningMeanings(screen(clearCase()), { overrideReason: ' ', amendmentReason: 'Weight re-measured' })).toEqual([
      'signed screening (verdict: clear)',
      'amended an earlier screening: Weight re-measured',
    ]);
  });

  it('previews exactly what is stored for the signed screening', () => {
    const reasons = { overrideReason: 'Cleared by vascular surgery', amendmentReason: null };
    const signed = { result: contraindicated, signature: { ...reasons } } as unknown as Screening;
    expect(screeningMeanings(contraindicated, reasons)).toEqual(screeningSignedMeanings(signed));
  });
});

describe('the other signed actions', () => {
  it('say what was done and why', () => {
    expect(patientAmendedMeaning('Weight re-measured')).toBe('amended the patient record: Weight re-measured');
    const form = { formVersion: '2', plannedTreatment: 'esketamine-nasal' } as const;
    expect(consentSignedMeaning({ ...form, witnessName: ' Jo Witness ' }))
      .toBe('recorded that the patient signed the consent form (form version 2, esketamine nasal spray), witnessed by Jo Witness');
    expect(consentDeclinedMeaning({ formVersion: '2', plannedTreatment: 'im-ketamine' })).toBe('recorded that the patient declined consent (form version 2, IM ketamine)');
    expect(consentWithdrawnMeaning(form, 'Changed their mind')).toBe('recorded that the patient withdrew consent (form version 2, esketamine nasal spray): Changed their mind');
    expect(proceedDespiteConcernsMeaning('BP settled on repeat')).toBe('decided to proceed despite pre-dose concerns: BP settled on repeat');
    expect(entryCorrectedMeaning('Typing error')).toBe('corrected a timeline entry: Typing error');
    expect(dischargeMeaning(null)).toBe('discharged (readiness checklist met)');
    expect(dischargeMeaning('Escort waiting outside')).toBe('discharged against the checklist: Escort waiting outside');
  });
});

describe('a stored signature as the record shows it', () => {
  const signature: Signature = {
    id: '00000000-0000-4000-8000-000000000001', at: '2026-11-25T09:12:00.000Z', clinicianId: '00000000-0000-4000-8000-000000000002',
    clinicianName: 'Dr A Rivera', clinicianCredentials: 'MD', role: 'prescriber', meaning: 'signed screening (verdict: caution)',
    entity: 'screening', entityId: '00000000-0000-4000-8000-000000000003', method: 'passphrase',
  };

  it('reads as one line: who, with credentials and role, when, and what it meant', () => {
    expect(signatureLine(signature, () => '25 Nov 2026 09:12')).toBe(
      'Signed electronically by Dr A Rivera, MD (prescriber), 25 Nov 2026 09:12 — signed screening (verdict: caution)',
    );
  });

  it('leaves out missing credentials and writes front desk in words', () => {
    expect(signerWords({ name: 'Jo Park', credentials: '', role: 'front-desk' })).toBe('Jo Park (front desk)');
  });

  it('spells the month of a date', () => {
    expect(spelledDate('2026-11-25')).toBe('25 Nov 2026');
    expect(spelledDate('1980-03-04')).toBe('4 Mar 1980');
  });
});
