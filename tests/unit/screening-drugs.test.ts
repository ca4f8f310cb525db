import { describe, expect, it } from 'vitest';
import { MEDICATION_CLASSES, MEDICATION_CLASS_LABELS, searchDrugs, suggestDrugClass } from '../../shared/screening';

describe('suggestDrugClass', () => {
  it.each([
    ['lorazepam', 'lorazepam', 'benzodiazepine'],
    ['Xanax', 'alprazolam', 'benzodiazepine'],
    ['CLONAZÉPAM', 'clonazepam', 'benzodiazepine'],
    ['oxycodone', 'oxycodone', 'opioid'],
    ['Suboxone', 'buprenorphine', 'opioid'],
    ['zolpidem', 'zolpidem', 'other-cns-depressant'],
    ['Lyrica', 'pregabalin', 'other-cns-depressant'],
    ['gabapentin', 'gabapentin', 'other-cns-depressant'],
    ['diphenhydramine', 'diphenhydramine', 'other-cns-depressant'],
    ['Adderall', 'amphetamine', 'psychostimulant'],
    ['methylphenidate', 'methylphenidate', 'psychostimulant'],
    ['phenelzine', 'phenelzine', 'maoi'],
    ['Vivitrol', 'naltrexone', 'naltrexone'],
    ['Lamictal', 'lamotrigine', 'lamotrigine'],
    ['sertraline', 'sertraline', 'ssri'],
    ['Cymbalta', 'duloxetine', 'snri'],
  ])('%s → %s (%s)', (typed, generic, cls) => {
    expect(suggestDrugClass(typed)).toMatchObject({ generic, class: cls });
  });

  it('finds the drug inside a longer entry', () => {
    expect(suggestDrugClass('Lorazepam 1 mg tablets')).toMatchObject({ generic: 'lorazepam', class: 'benzodiazepine' });
    expect(suggestDrugClass('  sertraline, 100mg ')).toMatchObject({ class: 'ssri' });
  });

  it('prefers the class whose rule weighs most when words disagree', () => {
    expect(suggestDrugClass('sertraline + clonazepam')?.class).toBe('benzodiazepine');
    expect(suggestDrugClass('naltrexone and oxycodone')?.class).toBe('opioid');
  });

  it('suggests nothing for unknown or blank names rather than guessing', () => {
    expect(suggestDrugClass('vitamin D')).toBeNull();
    expect(suggestDrugClass('quetiapine')).toBeNull();
    expect(suggestDrugClass('')).toBeNull();
    expect(suggestDrugClass('lora')).toBeNull();
  });
});

describe('searchDrugs', () => {
  it('matches a prefix of generic and brand names, generics first', () => {
    expect(searchDrugs('di').map((d) => d.name)).toEqual(['diazepam', 'dihydrocodeine', 'diphenhydramine', 'Dilaudid']);
    expect(searchDrugs('xan')).toEqual([{ name: 'Xanax', generic: 'alprazolam', class: 'benzodiazepine' }]);
  });

  it('ignores case and accents', () => {
    expect(searchDrugs('ZOLP').map((d) => d.generic)).toEqual(['zolpidem']);
    expect(searchDrugs('fluoxétine').map((d) => d.name)).toEqual(['fluoxetine']);
  });

  it('respects the limit and returns nothing for a blank prefix', () => {
    expect(searchDrugs('c', 3)).toHaveLength(3);
    expect(searchDrugs('', 10)).toEqual([]);
    expect(searchDrugs('   ')).toEqual([]);
    expect(searchDrugs('a', 0)).toEqual([]);
  });

  it('only suggests classes the case format knows, each with a label', () => {
    const classes = new Set<string>(MEDICATION_CLASSES);
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      for (const d of searchDrugs(letter, 1000)) expect(classes.has(d.class), d.name).toBe(true);
    }
    for (const cls of MEDICATION_CLASSES) expect(MEDICATION_CLASS_LABELS[cls]).toBeTruthy();
  });
});
