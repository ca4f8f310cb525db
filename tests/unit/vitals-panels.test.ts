import { describe, expect, it } from 'vitest';
import { vitalsPanels } from '../../renderer/src/session/vitals-panels';
import { SESSION_SETTING_DEFAULTS } from '../../shared/session/settings';

describe('the vitals chart panels', () => {
  const panels = vitalsPanels(SESSION_SETTING_DEFAULTS);
  const panel = (id: string) => panels.find((p) => p.id === id)!;

  it('puts each measure on its own panel, scale and limits', () => {
    expect(panels.map((p) => [p.id, p.series.map((s) => s.name)])).toEqual([
      ['bp', ['systolic', 'diastolic']], ['heart-rate', ['heartRate']], ['spo2', ['spo2']],
    ]);
    expect(panel('bp').limits.map((l) => l.y)).toEqual([180, 110]);
    expect(panel('heart-rate').limits.map((l) => l.y)).toEqual([120, 50]);
    expect(panel('spo2').limits.map((l) => l.y)).toEqual([93]);
  });

  it('never shades a normal SpO2 as alarming: its panel shades only below its own limit', () => {
    const spo2 = panel('spo2');
    const [lo, hi] = spo2.domain;
    expect(98).toBeGreaterThanOrEqual(lo);
    expect(98).toBeLessThanOrEqual(hi);
    for (const l of spo2.limits) if (l.band) expect(98 >= l.band[0] && 98 <= l.band[1]).toBe(false);
    // The systolic band lives on the blood-pressure panel alone.
    expect(panels.filter((p) => p.limits.some((l) => l.label.startsWith('Systolic'))).map((p) => p.id)).toEqual(['bp']);
  });

  it('widens a scale to show a clinic limit outside the usual range', () => {
    const wide = vitalsPanels({ ...SESSION_SETTING_DEFAULTS, alertSystolicAbove: 240, alertSpo2Below: 85 });
    expect(wide.find((p) => p.id === 'bp')!.domain[1]).toBeGreaterThan(240);
    expect(wide.find((p) => p.id === 'spo2')!.domain[0]).toBeLessThan(85);
  });
});
