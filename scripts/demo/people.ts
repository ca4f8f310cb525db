// Who is in the demo clinic. Every name is invented for the demo; any likeness
// to a real person is chance. Passphrases are printed and listed in the README:
// they are for the demo clinic only and must never guard real records.

import type { ClinicianRole } from '../../shared/schemas/clinician';
import type { PatientFieldsInput } from '../../shared/schemas/patient';

export interface DemoStaff {
  key: 'admin' | 'prescriberA' | 'prescriberB' | 'nurseA' | 'nurseB' | 'frontDesk';
  name: string;
  credentials: string;
  role: ClinicianRole;
  isAdmin: boolean;
  passphrase: string;
  /** Set for the day before the first signature; a PIN lasts only while the app runs. */
  pin: string;
}

/** The administrator first: they set the clinic up. A practice manager, so administration needs no clinical role. */
export const STAFF: readonly DemoStaff[] = [
  { key: 'admin', name: 'Morgan Ellery', credentials: 'Practice manager', role: 'front-desk', isAdmin: true, passphrase: 'demo morgan passphrase', pin: '731946' },
  { key: 'prescriberA', name: 'Dr Imani Castellanos', credentials: 'MD', role: 'prescriber', isAdmin: false, passphrase: 'demo imani passphrase', pin: '284517' },
  { key: 'prescriberB', name: 'Dr Tobias Lindqvist', credentials: 'DO', role: 'prescriber', isAdmin: false, passphrase: 'demo tobias passphrase', pin: '915382' },
  { key: 'nurseA', name: 'Priya Venkataraman', credentials: 'RN', role: 'nurse', isAdmin: false, passphrase: 'demo priya passphrase', pin: '468203' },
  { key: 'nurseB', name: 'Callum Ferris', credentials: 'RN', role: 'nurse', isAdmin: false, passphrase: 'demo callum passphrase', pin: '359721' },
  { key: 'frontDesk', name: 'Jonah Whitlock', credentials: '', role: 'front-desk', isAdmin: false, passphrase: 'demo jonah passphrase', pin: '602814' },
];

export const CLINIC_SETTINGS = {
  clinicName: 'Harbourview Ketamine Clinic (DEMO)',
  clinicAddress: '12 Quayside Lane, Suite 4 (demo address)',
  clinicPhone: '555-0142',
  afterHoursPhone: '555-0199',
  emergencyNumber: '911',
  // The vial strength the demo clinic stocks, so IV doses compute without typing it each time.
  ketamineConcentrationMgPerMl: 10,
};

type Fields = Omit<PatientFieldsInput, 'mrn'>;
const p = (
  legalName: string, sex: 'female' | 'male', dateOfBirth: string, weightKg: number, heightCm: number,
  extra: Partial<Fields> = {},
): Fields => ({ legalName, sex, dateOfBirth, weightKg, heightCm, ...extra });

/**
 * Thirty invented patients, adults of every age, from many backgrounds. The
 * order matters: the first six hold one of each screening outcome, so a
 * smaller demo (the store test's) still shows every verdict.
 */
export const PATIENTS: readonly Fields[] = [
  p('Elena Marisol Duarte', 'female', '1984-05-17', 63.5, 164, { preferredName: 'Lena', emergencyContactName: 'Rafael Duarte (husband)', emergencyContactPhone: '555-0187' }),
  p('Marcus Oyelaran', 'male', '1976-11-02', 88.2, 181, { allergies: 'Penicillin (rash)' }),
  p('Hannelore Brandt-Vasquez', 'female', '1961-02-23', 71, 167),
  p('Tariq Benali', 'male', '1995-08-09', 74.4, 178),
  p('Siobhan Kerrigan', 'female', '1990-03-30', 58.1, 160),
  p('Wen-Li Huang', 'female', '1972-12-14', 55, 158, { notes: 'Prefers afternoon appointments' }),
  p('Declan Moorcroft', 'male', '1983-06-05', 96.7, 188),
  p('Anaïs Beaulieu', 'female', '1999-01-21', 61.2, 170, { allergies: 'Latex' }),
  p('Kwabena Asante-Darko', 'male', '1968-09-12', 82, 175),
  p('Ingrid Solheim', 'female', '1955-04-08', 69.8, 166, { emergencyContactName: 'Erik Solheim (son)', emergencyContactPhone: '555-0123' }),
  p('Rahul Menon-Iyer', 'male', '1987-10-27', 77.5, 176),
  p('Gabriela Ortiz Pellegrini', 'female', '1979-07-19', 66.3, 163),
  p('Theodore Whitcombe', 'male', '1949-03-03', 80.1, 179, { notes: 'Hard of hearing on the left; speak on his right side' }),
  p('Yuki Hasegawa-Brooks', 'female', '1993-11-11', 52.7, 155),
  p('Obinna Nwachukwu', 'male', '1974-02-16', 91.4, 183, { allergies: 'Sulfa drugs' }),
  p('Maren Lindgren', 'female', '1966-08-28', 74.9, 171),
  p('Joaquín Ferrer Alba', 'male', '1991-05-06', 70.2, 174, { preferredName: 'Quino' }),
  p('Aoife Gallagher', 'female', '1987-12-02', 59.6, 162),
  p('Dmitri Volkonsky-Hale', 'male', '1958-10-10', 85.5, 177),
  p('Nadia El-Khatib', 'female', '1982-04-25', 64, 165, { allergies: 'Codeine (nausea)' }),
  p('Samuel Achterberg', 'male', '2001-09-14', 68.8, 185),
  p('Lucía Paredes Cano', 'female', '1970-06-01', 72.3, 159),
  p('Femi Adeyinka-Cole', 'male', '1980-01-29', 79.9, 180),
  p('Rosalind Pembury', 'female', '1953-07-07', 62.4, 161, { emergencyContactName: 'June Pembury (sister)', emergencyContactPhone: '555-0168' }),
  p('Hamid Rezaeian', 'male', '1977-03-18', 83.6, 172),
  p('Maja Kowalczyk-Reed', 'female', '1996-10-22', 57.9, 168),
  p('Corentin Lemaître', 'male', '1985-12-09', 75.1, 182),
  p('Tala Fonoti', 'female', '1989-02-14', 88.5, 169),
  p('Bartholomew Quince', 'male', '1963-05-31', 101.2, 190, { allergies: 'Iodinated contrast' }),
  p('Ximena Calderón Ruiz', 'female', '1998-08-16', 54.6, 157),
];

export const mrnOf = (i: number) => `DEMO-${String(1001 + i).padStart(5, '0')}`;

