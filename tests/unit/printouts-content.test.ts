import { describe, expect, it } from 'vitest';
import {
  CONSENT_FORM, consentIndicationOf, DOCUMENT_IDS, MURROUGH_2013, SIDE_EFFECTS, SIDE_EFFECTS_CHECK, SOURCES, SQUARE, STRIP, TRANSFORM_2, allTextOf, buildPrintout,
  countParts, cssString, documentFileName, iconArray, inHundred, longDate, pageCss, type Printout, type SessionRecordData,
} from '../../shared/printouts';
import { markdownTable, readClinical } from '../helpers/screening';
import { printInput, TREATMENTS } from '../helpers/printouts';

// The sheets' numbers are the reference's numbers: each figure is read back
// from REFERENCE.md's own tables, so a typo in either fails here.

const reference = readClinical('REFERENCE.md');

describe('figures transcribed from the clinical reference', () => {
  it('has every side effect of §5, in its order, with the same esketamine and placebo figures', () => {
    const rows = markdownTable(reference, 'effect | esketamine | placebo');
    expect(rows.map((r) => r[0]!.replace(/ \(.*\)$/, ''))).toEqual(SIDE_EFFECTS.map((e) => e.referenceLabel));
    for (const [label, treated, placebo] of rows) {
      const effect = SIDE_EFFECTS.find((e) => label!.startsWith(e.referenceLabel))!;
      expect(`${inHundred(effect.treated)}`, label).toBe(treated);
      expect(`${inHundred(effect.placebo)}`, label).toBe(placebo);
      expect(effect.cites).toEqual([{ source: 'S1', part: '§6' }]);
    }
  });

  it('has the §6 benefit figures of TRANSFORM-2 [S6] and Murrough 2013 [S5]', () => {
    const rows = markdownTable(reference, 'study | who | result');
    const result = (study: string) => rows.find((r) => r[0]!.startsWith(study))![2]!;
    const t = TRANSFORM_2;
    expect(result('TRANSFORM-2')).toBe(
      `response ${inHundred(t.response.treated)} vs ${inHundred(t.response.comparator)}; remission ${inHundred(t.remission!.treated)} vs ${inHundred(t.remission!.comparator)}`,
    );
    expect(rows.find((r) => r[0]!.startsWith('TRANSFORM-2'))![0]).toContain('[S6]');
    const m = MURROUGH_2013;
    expect(result('Murrough 2013')).toBe(`response at 24 hours ${inHundred(m.response.treated)} vs ${inHundred(m.response.comparator)}`);
    expect(rows.find((r) => r[0]!.startsWith('Murrough 2013'))![0]).toContain('[S5]');
  });

  it('says how far the side-effect table was checked as §5 does: every row against the prescriber safety page, only the placebo denominator open', () => {
    const denominators = reference.slice(reference.indexOf('Denominators:'), reference.indexOf('Also from the label:'));
    expect(denominators).toContain('manufacturer\'s prescriber safety');
    expect(denominators).toContain(`checked ${SIDE_EFFECTS_CHECK.checkedOn}`);
    expect(denominators).toContain('placebo denominator: verify');
    expect(SIDE_EFFECTS_CHECK.note).toMatch(/confirmed row by row, for esketamine and for the dummy spray, against the manufacturer’s prescriber safety page/);
    expect(SIDE_EFFECTS_CHECK.note).toMatch(/Only the number of people in the dummy-spray group is still to be verified/);
    // Each sheet with the table lists the label with that check among its sources; a sheet without it does not.
    for (const treatment of TREATMENTS) {
      const sheet = allTextOf(buildPrintout('risk-benefit', printInput({ treatment })));
      expect(sheet).toContain(`${SOURCES.S1} ${SIDE_EFFECTS_CHECK.sourceNote}`);
    }
    expect(allTextOf(buildPrintout('aftercare', printInput({ treatment: 'esketamine-nasal' })))).not.toContain(SIDE_EFFECTS_CHECK.sourceNote);
  });

  it('cites only sources the reference lists, with the reference’s ids', () => {
    for (const id of Object.keys(SOURCES)) expect(reference).toContain(`- ${id}. `);
  });
});

describe('icon arrays', () => {
  it('shade exactly the figure, out of 100, in both shapes', () => {
    for (const shape of [SQUARE, STRIP]) {
      const cells = iconArray(shape, [{ part: 'anyway', count: 9 }, { part: 'extra', count: 32 }]);
      expect(cells).toHaveLength(100);
      expect(countParts(cells)).toEqual({ anyway: 9, extra: 32, none: 59 });
      expect(new Set(cells.map((c) => `${c.column},${c.row}`)).size).toBe(100);
    }
  });

  it('fill the strip block by block of ten, so 41 is four full blocks and one more', () => {
    const cells = iconArray(STRIP, [{ part: 'had', count: 41 }]);
    const shadedColumns = cells.filter((c) => c.part).map((c) => c.column);
    expect(Math.max(...shadedColumns)).toBe(20);
    expect(cells.filter((c) => c.part && c.column >= 20)).toEqual([{ column: 20, row: 0, part: 'had' }]);
  });

  it('refuse more than 100', () => {
    expect(() => iconArray(SQUARE, [{ part: 'a', count: 60 }, { part: 'b', count: 41 }])).toThrow();
  });
});

const text = (p: Printout) => allTextOf(p);
const sectionTitles = (p: Printout) => p.sections.map((s) => s.title);

describe('risk/benefit sheet', () => {
  it.each(TREATMENTS)('is personalised and has every required part for %s', (treatment) => {
    const sheet = buildPrintout('risk-benefit', printInput({ treatment }));
    const all = text(sheet);
    expect(sheet.facts).toContainEqual({ label: 'For', value: 'Zoë Ångström' });
    expect(sheet.facts).toContainEqual({ label: 'Date', value: '25 November 2026' });
    expect(all).toMatch(/glutamate/);
    expect(all).toMatch(/serotonin/);
    expect(all).toMatch(/CBT/);
    expect(all).toMatch(/Mindfulness/);
    expect(all).toMatch(/support you/);
    expect(all).toMatch(/fade after days or weeks/);
    expect(sectionTitles(sheet).join('|')).toMatch(/Who should not have/);
    // Every side effect with both framings and the dummy-spray comparison.
    for (const e of SIDE_EFFECTS) {
      expect(all).toContain(`${inHundred(e.treated)} had this. ${100 - e.treated.count} in 100 did not. With a dummy spray: ${inHundred(e.placebo)}.`);
    }
    const study = treatment === 'esketamine-nasal' ? TRANSFORM_2 : MURROUGH_2013;
    expect(all).toContain(`${inHundred(study.response.treated)} felt much better`);
    expect(all).toContain(`${inHundred(study.response.comparator)} felt much better`);
    expect(all).toContain(`${100 - study.response.treated.count} in 100 did not`);
    expect(sheet.sections.at(-1)!.title).toBe('Sources');
    expect(all).toContain(SOURCES[study.cites[0]!.source]);
    expect(all).toContain(SOURCES.S1);
  });

  it('never says "rare" or gives a percentage', () => {
    for (const document of DOCUMENT_IDS) {
      const all = text(buildPrintout(document, printInput()));
      expect(all).not.toMatch(/\brare(ly)?\b/i);
      expect(all).not.toMatch(/\d\s?%/);
    }
  });
});

describe('consent form', () => {
  const form = buildPrintout('consent', printInput({ treatment: 'iv-ketamine' }));
  const all = text(form);

  it('has every part the reference asks of a consent form', () => {
    expect(sectionTitles(form)).toEqual([
      'The treatment', 'Approved use and off-label use', 'How it may help', 'Risks', 'Other choices',
      'Checks and care during your visit', 'After each visit', 'Pregnancy, alcohol and other drugs', 'Your right to stop',
      'Who to call', 'Your agreement', 'Sources',
    ]);
    expect(all).toMatch(/off-label/);
    expect(all).toMatch(/Do not drive, ride a bike or use machines until tomorrow, after a night’s sleep/);
    expect(all).toMatch(/stop this treatment at any time/);
    expect(all).toMatch(/No treatment for now/);
    expect(all).toContain('Emergency: 911');
    expect(all).toContain('After hours: +1 555 0199');
  });

  it('has signature lines for patient, clinician and witness, and its version in the footer', () => {
    const signatures = form.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'signatures');
    expect(signatures).toEqual({
      kind: 'signatures',
      signers: [
        { role: 'Patient', name: 'Zoë Ångström' },
        { role: 'Clinician', name: 'Dr Amira Haddad, MD' },
        { role: 'Witness', name: null },
      ],
    });
    expect(form.running.footer).toBe(`Consent form version ${CONSENT_FORM.version}, ${longDate(CONSENT_FORM.date)}`);
  });

  it('says esketamine spray has approved uses, and what is off-label', () => {
    const esk = text(buildPrintout('consent', printInput({ treatment: 'esketamine-nasal' })));
    expect(esk).toMatch(/approved for adults whose depression has not got better/);
    expect(esk).toMatch(/anxiety alone, is "off-label"/);
    expect(esk).toMatch(/at least 2 hours/);
  });

  it('prints lines to write on where the clinic has not set its numbers', () => {
    const blank = buildPrintout('consent', printInput({ clinic: { clinicPhone: '', afterHoursPhone: '', emergencyNumber: '', clinicName: '' } }));
    const contacts = blank.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'contacts');
    expect(contacts).toMatchObject({ contacts: [{ label: 'Your clinic', value: null }, { value: null }, { label: 'Emergency', value: null }] });
    expect(text(blank)).toContain('call the emergency number now');
  });
});

describe('consent form naming the course’s indication', () => {
  const course = (over: Partial<Parameters<typeof consentIndicationOf>[0][number]> = {}) => ({
    route: 'esketamine-nasal' as const, phase: 'induction' as const, createdAt: '2026-11-20T09:00:00Z',
    indication: 'trd' as const, indicationOther: null, ...over,
  });

  it('names the active course’s indication for that treatment in plain words, and in the heading as the chart does', () => {
    const indication = consentIndicationOf([course()], 'esketamine-nasal');
    expect(indication).toEqual({ plain: 'depression that has not got better with other medicines', label: 'Treatment-resistant depression' });
    const form = buildPrintout('consent', printInput({ treatment: 'esketamine-nasal' }), { indication });
    expect(text(form)).toContain('You are being offered esketamine to treat depression that has not got better with other medicines.');
    expect(form.facts).toContainEqual({ label: 'Treatment for', value: 'Treatment-resistant depression' });
  });

  it('reads as before with no active course for the treatment', () => {
    const without = buildPrintout('consent', printInput({ treatment: 'esketamine-nasal' }));
    expect(text(without)).toContain('You are being offered esketamine to treat low mood or anxiety.');
    expect(without.facts.map((f) => f.label)).not.toContain('Treatment for');
    expect(consentIndicationOf([course({ route: 'iv-ketamine' })], 'esketamine-nasal')).toBeNull();
    expect(consentIndicationOf([course({ phase: 'paused' }), course({ phase: 'ended' })], 'esketamine-nasal')).toBeNull();
    // A course made from sessions before courses existed has no indication until a prescriber orders it.
    expect(consentIndicationOf([course({ indication: null })], 'esketamine-nasal')).toBeNull();
  });

  it('takes the newest active course, and the prescriber’s own words for "other"', () => {
    const courses = [
      course({ createdAt: '2026-10-01T09:00:00Z', indication: 'depression-suicidal' }),
      course({ createdAt: '2026-11-28T09:00:00Z', indication: 'other', indicationOther: 'bipolar depression' }),
    ];
    expect(consentIndicationOf(courses, 'esketamine-nasal')).toEqual({ plain: 'bipolar depression', label: 'bipolar depression' });
    expect(consentIndicationOf([course({ indication: 'anxiety-off-label', route: 'iv-ketamine' })], 'iv-ketamine')?.plain).toBe('anxiety');
  });
});

describe('aftercare sheet', () => {
  it('has the rest of the day, the next-day rules, warning signs, who to call and the next visit', () => {
    const sheet = buildPrintout('aftercare', printInput(), { nextVisit: 'Tuesday 1 December, 09:30' });
    expect(sectionTitles(sheet)).toEqual(['For the rest of today', 'Until tomorrow, after a night’s sleep', 'Call us if', 'Who to call', 'Your next visit']);
    const all = text(sheet);
    expect(all).toContain('Date and time: Tuesday 1 December, 09:30');
    expect(all).toContain('Do not drink alcohol today.');
    expect(all).toContain('Do not make big decisions today.');
    expect(all).toContain('If you think about hurting yourself, call 911 now.');
    const blank = buildPrintout('aftercare', printInput(), { nextVisit: '  ' });
    expect(text(blank)).toContain('Date and time: \n');
  });
});

describe('words that are right for the patient', () => {
  const paragraphs = (p: Printout) =>
    p.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.kind === 'list' ? b.items : [])));
  const find = (p: Printout, pattern: RegExp) => paragraphs(p).find((b) => pattern.test(b.text));

  it.each(['risk-benefit', 'consent'] as const)('%s for esketamine gives the label’s boxed warning on suicidal thoughts, with its source', (document) => {
    const sheet = buildPrintout(document, printInput({ treatment: 'esketamine-nasal' }));
    const warning = find(sheet, /boxed warning/);
    expect(warning?.text).toMatch(/think about suicide more, or act on it/);
    expect(warning?.text).toMatch(/Tell us right away/);
    expect(warning?.cites).toEqual([{ source: 'S1', part: 'boxed warning' }]);
    // The warning is the esketamine label's: a ketamine sheet does not claim it.
    expect(find(buildPrintout(document, printInput({ treatment: 'iv-ketamine' })), /boxed warning/)).toBeUndefined();
  });

  it('sends chest pain or trouble breathing to the emergency number, not the clinic line', () => {
    const sheet = buildPrintout('aftercare', printInput());
    const callUs = sheet.sections.find((s) => s.id === 'warning-signs')!;
    const listed = callUs.blocks.flatMap((b) => (b.kind === 'list' ? b.items.map((i) => i.text) : []));
    expect(listed.join(' ')).not.toMatch(/chest pain|breathing/);
    expect(find(sheet, /chest pain/)?.text).toBe('If you have chest pain or trouble breathing, call 911 now.');
    expect(text(buildPrintout('aftercare', printInput({ clinic: { emergencyNumber: '' } })))).toContain(
      'If you have chest pain or trouble breathing, call the emergency number now.',
    );
  });

  it.each(['aftercare', 'consent'] as const)('%s does not tell a patient to stop a prescribed medicine that makes them sleepy', (document) => {
    const all = text(buildPrintout(document, printInput()));
    expect(all).not.toMatch(/take drugs that make you sleepy today/);
    expect(all).toContain('Do not take drugs that make you sleepy, unless your doctor prescribed them. Take those as prescribed.');
  });

  it('names ketamine studies as ketamine studies on an esketamine sheet', () => {
    const sheet = buildPrintout('risk-benefit', printInput({ treatment: 'esketamine-nasal' }));
    const anxiety = find(sheet, /^For anxiety/);
    expect(anxiety?.text).toMatch(/^For anxiety, the studies are of ketamine, a close relative of esketamine\./);
    expect(anxiety?.cites?.map((c) => c.source)).toEqual(['S20', 'S21', 'S22']);
    // "What is esketamine?" claims for the spray only what its own studies show.
    const what = sheet.sections.find((s) => s.id === 'what')!.blocks[0]!;
    expect(what.kind === 'paragraph' && what.text).toMatch(/ease low mood, often within a day\. For anxiety, the studies are of ketamine, a close relative\./);
    expect(what.kind === 'paragraph' && what.cites?.map((c) => c.source)).toEqual(['S1', 'S6', 'S20', 'S21', 'S22']);
    expect(find(buildPrintout('risk-benefit', printInput({ treatment: 'iv-ketamine' })), /^For anxiety/)?.text).toMatch(/^For anxiety, the studies are small\./);
  });

  it('cites the label, not the background article, for risks the label states', () => {
    for (const treatment of TREATMENTS) {
      const sheet = buildPrintout('risk-benefit', printInput({ treatment }));
      expect(find(sheet, /see and hear things/)?.cites).toEqual([{ source: 'S1', part: '§6' }]);
      expect(find(sheet, /blood pressure is high and not under control/)?.cites).toEqual([{ source: 'S2', part: '§4' }]);
      // The background article is left only where the reference has no label statement to cite (seizures at these doses).
      const s7 = paragraphs(sheet).filter((b) => b.cites?.some((c) => c.source === 'S7')).map((b) => b.text);
      expect(s7.filter((t) => !/seizures|plan/.test(t))).toEqual([]);
    }
  });
});

describe('session monitoring record', () => {
  it('prints blank rows at the reference’s checkpoints when there is no session yet', () => {
    const record = buildPrintout('monitoring-record', printInput({ treatment: 'esketamine-nasal' }));
    expect(record.audience).toBe('staff');
    const table = record.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r[0])).toEqual([
      'Before the dose', 'About 40 min after', 'As needed', 'As needed', 'Before discharge',
    ]);
    expect(text(record)).toContain('REMS Patient Monitoring Form');
    // The blank form leaves lines for the submission, not a box to tick "form completed".
    expect(text(record)).toContain('REMS form submitted on, by, confirmation: ');
    const boxes = record.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'list' && b.tickBoxes ? b.items : []));
    expect(boxes.filter((b) => /REMS/.test(b.text))).toEqual([]);
  });

  it('prints a session’s vital signs when given one', () => {
    const checks = Object.fromEntries(
      (['vitals', 'fasting', 'nasal', 'pregnancy', 'changes', 'screening', 'suicideRisk', 'escort'] as const).map((id) => [id, { met: true, detail: `${id} value` }]),
    ) as SessionRecordData['before']['checks'];
    const record = buildPrintout('monitoring-record', printInput(), {
      session: {
        startedAt: '09:00', ended: { label: 'Infusion ended', value: '09:40' }, observation: null, dose: '0.5 mg/kg (32 mg)', clinicianName: 'Dr Amira Haddad',
        events: [], discharge: null, signatures: [], before: { checks, by: 'Dr Amira Haddad', at: '08:58' },
        vitals: [{ time: '08:55', label: 'Baseline', systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14, sedation: 0, dissociation: 'none', initials: 'AH' }],
      },
    });
    const table = record.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([['Baseline', '08:55', '128/82', '72', '98', '14', '0', 'none', 'AH']]);
    expect(text(record)).toContain('Dose: 0.5 mg/kg (32 mg)');
    expect(text(record)).toContain('Infusion ended: 09:40');
    expect(text(record)).toContain('Escort home confirmed. Recorded: escort value.');
  });

  it('leaves the boxes blank only on the blank form, and says what its times count from', () => {
    const blank = buildPrintout('monitoring-record', printInput({ treatment: 'esketamine-nasal' }));
    const boxes = blank.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'list' && b.tickBoxes ? b.items : []));
    expect(boxes.length).toBeGreaterThan(10);
    expect(boxes.every((i) => i.state === undefined)).toBe(true);
    const all = text(blank);
    expect(all).toContain('Dosing started (first device): ');
    expect(all).toContain('Last device used: ');
    expect(all).not.toMatch(/End time/);
    expect(all).toMatch(/Times count from the first device/);
    expect(text(buildPrintout('monitoring-record', printInput({ treatment: 'iv-ketamine' })))).toMatch(/minimum observation counts from the end of the infusion/);
  });

  it('prints the key to the sedation and dissociation scales under the table', () => {
    expect(text(buildPrintout('monitoring-record', printInput()))).toContain(
      'Sedation: 0 awake and alert · 1 drowsy, answers normal voice · 2 answers only loud voice or light touch · ' +
        '3 answers only firm touch or shaking · 4 does not respond. Dissociation: none · mild · moderate · severe.',
    );
  });
});

describe('print layout helpers', () => {
  it('writes the running header and footer as safe CSS strings, on the clinic’s paper', () => {
    const css = pageCss('letter', { clinicName: 'Clinic "A"\\B', patientName: 'Zoë </style><script>', date: '25 November 2026', footer: 'Consent form version 1' });
    expect(css).toContain('size: letter;');
    expect(css).toContain('counter(page)');
    expect(css).toContain('counter(pages)');
    expect(css).not.toContain('</style>');
    expect(css).toContain(cssString('Consent form version 1'));
    expect(cssString('a"b\\c\nd<e')).toBe('"a\\22 b\\5c c d\\3c e"');
    expect(pageCss('a4', { clinicName: '', patientName: 'X', date: 'Y', footer: 'Z' })).toContain('size: A4;');
  });

  it('names each saved PDF after the document, the MRN and the day', () => {
    expect(documentFileName('consent', 'KD-1001', '2026-11-25')).toBe('consent-form-KD-1001-2026-11-25.pdf');
    expect(documentFileName('risk-benefit', 'MRN 7/a', '2026-11-25')).toBe('benefits-and-risks-MRN_7_a-2026-11-25.pdf');
    expect(documentFileName('aftercare', '../..', '2026-11-25')).toBe('aftercare-patient-2026-11-25.pdf');
  });
});
