// The rule set is data copied from the clinical contract; these tests read the
// contract itself so a drift in wording, severity, source or bounds fails here.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ITEMS,
  ITEM_GROUPS,
  MEDICATION_CLASSES,
  PLANNED_TREATMENTS,
  RULES,
  RULE_SET_VERSION,
  SOURCE_TITLES,
  ruleForItem,
} from '../../shared/screening';
import { SEXES } from '../../shared/schemas/patient';
import { REPO_ROOT, markdownTable, readClinical, unquote } from '../helpers/screening';

const rulesMd = readClinical('screening-rules.md');
const referenceMd = readClinical('REFERENCE.md');
const schema = JSON.parse(readClinical('screening-case.schema.json'));

const itemRows = markdownTable(rulesMd, 'item id').map(([id, question, severity, ruleId]) => ({
  id: unquote(id ?? ''),
  question,
  severity,
  ruleId: unquote(ruleId ?? ''),
}));
const factRows = markdownTable(rulesMd, 'rule id | condition');
const medicationRows = markdownTable(rulesMd, 'rule id | medication class');
const referenceRows = markdownTable(referenceMd, 'rule id');

describe('checklist items match screening-rules.md', () => {
  it('has every item, in the document order, with the clinician wording verbatim', () => {
    expect(itemRows).toHaveLength(22);
    expect(factRows).toHaveLength(4);
    expect(medicationRows).toHaveLength(7);
    expect(ITEMS.map((i) => [i.id, i.question])).toEqual(itemRows.map((r) => [r.id, r.question]));
  });

  it('maps each item to its rule id and severity', () => {
    for (const row of itemRows) {
      const rule = ruleForItem(row.id as never);
      expect(rule, row.id).toMatchObject({ id: row.ruleId, severity: row.severity });
    }
  });

  it('makes only pregnant and breastfeeding optional, and only for male patients', () => {
    const optional = ITEMS.filter((i) => i.notRequiredFor.length > 0);
    expect(optional.map((i) => [i.id, [...i.notRequiredFor]])).toEqual([
      ['pregnant', ['male']],
      ['breastfeeding', ['male']],
    ]);
  });

  it('puts every item in a known group with a plain reason', () => {
    const groups = new Set<string>(ITEM_GROUPS.map((g) => g.id));
    for (const item of ITEMS) {
      expect(groups.has(item.group), item.id).toBe(true);
      expect(item.why.length, item.id).toBeGreaterThan(10);
    }
    expect(ITEMS.find((i) => i.id === 'pregnant')?.group).toBe('pregnancy-nursing');
  });
});

describe('rules match screening-rules.md and REFERENCE.md', () => {
  it('has exactly the rule ids of the contract, each once', () => {
    const documented = [
      ...itemRows.map((r) => r.ruleId),
      ...factRows.map((r) => unquote(r[0] ?? '')),
      ...medicationRows.map((r) => unquote(r[0] ?? '')),
    ];
    expect(RULES.map((r) => r.id).sort()).toEqual([...documented].sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('gives measured-value and patient-fact rules their documented severity and thresholds', () => {
    const byId = new Map<string, (typeof RULES)[number]>(RULES.map((r) => [r.id, r]));
    for (const [id = '', , severity] of factRows) expect(byId.get(unquote(id))?.severity, id).toBe(severity);
    expect(byId.get('CI-BP-SEVERE')?.condition).toEqual({ kind: 'blood-pressure-above', systolic: 180, diastolic: 100 });
    expect(byId.get('CA-BP-ELEVATED')?.condition).toEqual({ kind: 'blood-pressure-above', systolic: 140, diastolic: 90 });
    expect(byId.get('CA-BP-ELEVATED')).toMatchObject({ supersededBy: 'CI-BP-SEVERE' });
    expect(byId.get('CI-AGE-MINOR')?.condition).toEqual({ kind: 'age-below', years: 18 });
    expect(byId.get('NO-AGE-OLDER')?.condition).toEqual({ kind: 'age-at-least', years: 65 });
  });

  it('gives medication rules their documented class and severity', () => {
    for (const [id = '', cls = '', severity] of medicationRows) {
      const rule = RULES.find((r) => r.id === unquote(id));
      expect(rule?.severity, id).toBe(severity);
      expect(rule?.condition, id).toEqual({ kind: 'medication-class', medicationClass: unquote(cls).split(' ')[0] });
    }
  });

  it('quotes the rationale and the source of REFERENCE.md §2 exactly', () => {
    expect(referenceRows).toHaveLength(RULES.length);
    for (const [id = '', rationale = '', source] of referenceRows) {
      const rule = RULES.find((r) => r.id === unquote(id));
      expect(rule?.rationale, id).toBe(unquote(rationale));
      expect(rule?.source, id).toBe(source);
    }
  });

  it('can expand every source number it cites', () => {
    for (const rule of RULES) {
      for (const ref of rule.source.match(/S\d+/g) ?? []) {
        expect(SOURCE_TITLES[ref], `${rule.id} cites ${ref}`).toBeTruthy();
        expect(referenceMd, ref).toContain(`- ${ref}. `);
      }
    }
  });

  it('writes a message for every rule, naming the medicine in medication rules', () => {
    for (const rule of RULES) {
      expect(rule.message.length, rule.id).toBeGreaterThan(10);
      expect(rule.message.includes('{medication}'), rule.id).toBe(rule.condition.kind === 'medication-class');
    }
  });

  it('versions the rule set after the document title', () => {
    expect(rulesMd).toMatch(/default rule set v1/);
    expect(RULE_SET_VERSION).toBe('default-v1');
  });
});

describe('case schema enumerations match screening-case.schema.json', () => {
  it('uses the same answer keys, sexes, treatments and medication classes', () => {
    expect(ITEMS.map((i) => i.id)).toEqual(Object.keys(schema.properties.answers.properties));
    expect([...SEXES]).toEqual(schema.properties.patient.properties.sex.enum);
    expect([...PLANNED_TREATMENTS]).toEqual(schema.properties.plannedTreatment.enum);
    expect([...MEDICATION_CLASSES]).toEqual(schema.properties.medications.items.properties.class.enum);
  });
});

describe('screening code is pure and self-contained', () => {
  /** Every module the screening code imports, followed through shared/. */
  function importsOf(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const [, spec = ''] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
      const path = join(dirname(file), spec);
      if (spec.startsWith('.')) importsOf(existsSync(`${path}.ts`) ? `${path}.ts` : join(path, 'index.ts'), seen);
      else seen.add(spec);
    }
    return seen;
  }

  it('imports nothing but zod and other shared modules', () => {
    const modules = [...importsOf(join(REPO_ROOT, 'shared/screening/index.ts'))];
    const outside = modules.filter((m) => m !== 'zod' && !relative(join(REPO_ROOT, 'shared'), m).match(/^[\w/.-]+\.ts$/));
    expect(outside).toEqual([]);
    expect(modules.filter((m) => m.endsWith('.ts')).length).toBeGreaterThan(5);
  });

  it('never reads the clinical contract at run time', () => {
    for (const file of [...importsOf(join(REPO_ROOT, 'scripts/screen.ts'))].filter((m) => m.endsWith('.ts'))) {
      // No string in the code names the contract's folder or files.
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/['"`][^'"`\n]*(clinical|examples|schema\.json|\.md)[^'"`\n]*['"`]/);
    }
  });
});
