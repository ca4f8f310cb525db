import { describe, expect, it } from 'vitest';
import { sourceInWords } from '../../shared/source-words';
import { SESSION_SETTING_INFO } from '../../shared/session/settings';
import { RULES } from '../../shared/screening/rules';

describe('citations in words', () => {
  it('names the sources and drops internal section codes', () => {
    expect(sourceInWords('REFERENCE §4, S1 §5.5')).toBe('Esketamine (SPRAVATO) label §5.5');
    expect(sourceInWords('REFERENCE §4 (consensus practice)')).toBe('consensus practice');
    expect(sourceInWords('REFERENCE §4 (S1 §5.1 warning)')).toBe('Esketamine (SPRAVATO) label §5.1 warning');
    expect(sourceInWords('REFERENCE §4')).toBe('KetaDesk clinical reference');
    expect(sourceInWords('S1 §5.5, S3')).toBe('Esketamine (SPRAVATO) label §5.5; Ketamine consensus statement (Sanacora 2017)');
  });

  it('leaves no internal code in any rule or setting source as shown', () => {
    for (const source of [...RULES.map((r) => r.source), ...Object.values(SESSION_SETTING_INFO).map((i) => i.source)]) {
      expect(sourceInWords(source), source).not.toMatch(/REFERENCE|\bS\d+\b/);
    }
  });
});
