// The vitals chart as small panels, one per measure, each on its own scale with
// its own alert limits: a normal SpO2 of 98 % must never sit inside the band
// that means "systolic above limit". Pure, so the scales are unit-tested.

import type { SessionSettings } from '../../../shared/session';

export interface PanelSeries {
  name: 'systolic' | 'diastolic' | 'heartRate' | 'spo2';
  label: string;
  color: string;
}

export interface PanelLimit {
  y: number;
  label: string;
  color: string;
  /** The alarm side of the limit, shaded on this panel only (none where it would cover another measure's normal values). */
  band?: [number, number];
}

export interface VitalsPanel {
  id: 'bp' | 'heart-rate' | 'spo2';
  title: string;
  unit: string;
  series: PanelSeries[];
  domain: [number, number];
  ticks: number[];
  limits: PanelLimit[];
}

const range = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

export function vitalsPanels(s: SessionSettings): VitalsPanel[] {
  const bpTop = Math.max(220, Math.ceil((s.alertSystolicAbove + 20) / 20) * 20);
  const hrTop = Math.max(160, Math.ceil((s.alertHeartRateAbove + 20) / 20) * 20);
  const spo2Bottom = Math.min(80, Math.floor((s.alertSpo2Below - 5) / 5) * 5);
  return [
    {
      id: 'bp',
      title: 'Blood pressure',
      unit: 'mmHg',
      series: [
        { name: 'systolic', label: 'Systolic (mmHg)', color: 'red.8' },
        { name: 'diastolic', label: 'Diastolic (mmHg)', color: 'orange.7' },
      ],
      domain: [40, bpTop],
      ticks: range(40, bpTop, 40),
      limits: [
        { y: s.alertSystolicAbove, label: `Systolic limit ${s.alertSystolicAbove}`, color: 'red.7', band: [s.alertSystolicAbove, bpTop] },
        { y: s.alertDiastolicAbove, label: `Diastolic limit ${s.alertDiastolicAbove}`, color: 'orange.7' },
      ],
    },
    {
      id: 'heart-rate',
      title: 'Heart rate',
      unit: '/min',
      series: [{ name: 'heartRate', label: 'Heart rate (/min)', color: 'clinic.8' }],
      domain: [30, hrTop],
      ticks: range(40, hrTop, 40),
      limits: [
        { y: s.alertHeartRateAbove, label: `Above ${s.alertHeartRateAbove}`, color: 'red.7', band: [s.alertHeartRateAbove, hrTop] },
        { y: s.alertHeartRateBelow, label: `Below ${s.alertHeartRateBelow}`, color: 'red.7', band: [30, s.alertHeartRateBelow] },
      ],
    },
    {
      id: 'spo2',
      title: 'SpO₂',
      unit: '%',
      series: [{ name: 'spo2', label: 'SpO₂ (%)', color: 'indigo.6' }],
      domain: [spo2Bottom, 100],
      ticks: range(spo2Bottom, 100, 5),
      limits: [{ y: s.alertSpo2Below, label: `Below ${s.alertSpo2Below}`, color: 'red.7', band: [spo2Bottom, s.alertSpo2Below] }],
    },
  ];
}
