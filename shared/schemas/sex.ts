// The same sexes as the screening interchange format, so a patient's record
// feeds a screening without translation.
export const SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  unknown: 'Unknown',
};
