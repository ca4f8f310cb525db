import type { InstrumentTrend } from '../../../../shared/measures';

/** Band shading from minimal to severe, light enough that the line and its dots stay clear. */
export const BAND_COLORS = ['green.0', 'yellow.0', 'orange.0', 'red.0', 'red.1'] as const;

/** Ticks at the band boundaries and the top: 0, 5, 10, 15, 20, 27 for the PHQ-9. */
export const bandTicks = (i: InstrumentTrend): number[] => [...i.bands.map((b) => b.min), i.max];
