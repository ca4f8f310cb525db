// Deterministic, realistic-looking patients for benchmarks: varied names from
// many languages (accents, apostrophes, hyphens), unique MRNs in a few
// formats, dates of birth spread over a century. Same seed, same patients, so
// runs compare like with like.

import { allergyStatusOfText, type StoredPatientFields } from '../../shared/schemas/patient';

/** mulberry32: small, fast, good enough for test data. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Roughly most-common first: picks are skewed towards the start of each list,
// so some names are shared by thousands of patients, as in a real clinic.
export const FIRST_NAMES = [
  'Maria', 'James', 'John', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Linda',
  'José', 'Ana', 'Juan', 'Sofía', 'Luis', 'Lucía', 'Carlos', 'Camila', 'Jorge', 'Valentina',
  'Mohammed', 'Fatima', 'Ahmed', 'Aisha', 'Omar', 'Zainab', 'Ali', 'Yusuf', 'Leila', 'Hassan',
  'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Min-jun', 'Seo-yeon', 'Nguyễn Văn', 'Thảo', 'Arjun', 'Priya',
  'Zoë', 'Chloé', 'Renée', 'Hélène', 'François', 'Amélie', 'Jérôme', 'Léa', 'Noémie', 'Gaël',
  'Björn', 'Åsa', 'Sören', 'Jürgen', 'Günther', 'Mathéo', 'Øystein', 'Ingrid', 'Sigrún', 'Þór',
  'Łukasz', 'Małgorzata', 'Zoltán', 'Dávid', 'Tomáš', 'Jiří', 'Miloš', 'Dragoș', 'Ştefan', 'Iñaki',
  'Siobhán', 'Seán', 'Niamh', 'Aoife', 'Oisín', 'Pádraig', 'Eóin', 'Caoimhe', 'Ciarán', 'Róisín',
  'Olumide', 'Chidinma', 'Kwame', 'Ama', 'Thandiwe', 'Sipho', 'Amara', 'Kofi', 'Ngozi', 'Tendai',
  'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles',
  'Karen', 'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark',
  'Sandra', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua',
  'Michelle', 'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Dorothy', 'George', 'Melissa', 'Timothy',
  'Deborah', 'Ronald', 'Stephanie', 'Edward', 'Rebecca', 'Jason', 'Sharon', 'Jeffrey', 'Laura', 'Ryan',
  'Jacob', 'Cynthia', 'Gary', 'Kathleen', 'Nicholas', 'Amy', 'Eric', 'Angela', 'Jonathan', 'Shirley',
];

export const SURNAMES = [
  'Smith', 'García', 'Johnson', 'Nguyễn', 'Williams', 'Müller', 'Brown', 'Rodríguez', 'Jones', 'Martínez',
  'Miller', 'Hernández', 'Davis', 'López', 'Wilson', 'González', 'Anderson', 'Pérez', 'Taylor', 'Sánchez',
  'Thomas', 'Ramírez', 'Moore', 'Torres', 'Jackson', 'Flores', 'Martin', 'Rivera', 'Lee', 'Gómez',
  'Khan', 'Patel', 'Singh', 'Kumar', 'Sharma', 'Ahmed', 'Hussain', 'Rahman', 'Chowdhury', 'Das',
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou',
  'Kim', 'Park', 'Choi', 'Jung', 'Kang', 'Tanaka', 'Suzuki', 'Takahashi', 'Watanabe', 'Itō',
  'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ',
  'Schröder', 'Schäfer', 'Köhler', 'Weiß', 'Groß', 'Krüger', 'Böhm', 'Jäger', 'Fischer', 'Wagner',
  'Dupont', 'Lefèvre', 'Bérénger', 'Girard', 'Légaré', 'Côté', 'Gagné', 'Bélanger', 'Lévesque', 'Paré',
  "O'Brien", "O'Connor", 'Ó Súilleabháin', 'Mac Giolla', "D'Angelo", "Dell'Acqua", 'Van der Berg', 'de la Cruz', 'Ní Bhriain', 'MacDonald',
  'Andersson', 'Johansson', 'Håkansson', 'Sjöberg', 'Øvergård', 'Ødegård', 'Jóhannsdóttir', 'Sigurðsson', 'Nieminen', 'Mäkinen',
  'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Łukasiewicz', 'Dvořák', 'Novák', 'Horváth', 'Szabó', 'Nagy',
  'Popescu', 'Ionescu', 'Çelik', 'Yılmaz', 'Şahin', 'Öztürk', 'Demir', 'Papadopoulos', 'Georgiou', 'Petrović',
  'Okafor', 'Adeyemi', 'Mensah', 'Boateng', 'Nkosi', 'Dlamini', 'Mwangi', 'Otieno', 'Mbeki', 'Diallo',
  'Cohen', 'Levi', 'Mizrahi', 'Haddad', 'Khoury', 'Nasser', 'Farouk', 'Abadi', 'Karimi', 'Hosseini',
  'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner',
  'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook',
  'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed', 'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward',
];

const NICKNAMES = ['Jim', 'Bob', 'Liz', 'Pat', 'Mike', 'Jen', 'Dave', 'Bill', 'Sue', 'Kate', 'Pepe', 'Lupe', 'Sasha', 'Mo', 'Ali'];
const ALLERGIES = ['Penicillin', 'Sulfa drugs', 'Latex', 'Peanuts', 'Iodinated contrast', 'Codeine', 'Egg'];

const DOB_FROM = Date.UTC(1925, 0, 1);
const DOB_TO = Date.UTC(2007, 11, 31);
const DAY = 86_400_000;

/** Skewed pick: low indexes (common names) come up far more often than high ones. */
const skewed = <T>(list: readonly T[], r: number): T => list[Math.floor(r * r * list.length)]!;

/**
 * MRN for patient number `i`: the number is a bijection of i (7919 is prime to
 * 10^7), so MRNs are unique and not in insertion order; the format varies.
 */
export function mrnFor(i: number): string {
  const n = String((i * 7919 + 1_234_567) % 10_000_000).padStart(7, '0');
  switch (i % 10) {
    case 0: case 1: case 2: case 3: case 4: case 5: return `KD${n}`;
    case 6: case 7: case 8: return `0${n}`;
    default: return `H-${n.slice(0, 3)}-${n.slice(3)}`;
  }
}

/** The fields of patient number `i` (0-based): the same every run. */
export function patientFields(i: number): StoredPatientFields {
  const rng = createRng(0x6b657461 ^ Math.imul(i + 1, 2654435761));
  const first = skewed(FIRST_NAMES, rng());
  const last = skewed(SURNAMES, rng());
  const shape = rng();
  const legalName =
    shape < 0.7 ? `${first} ${last}`
    : shape < 0.9 ? `${first} ${skewed(FIRST_NAMES, rng())} ${last}`
    : `${first} ${last}-${skewed(SURNAMES, rng())}`;
  const dob = new Date(DOB_FROM + Math.floor(rng() * ((DOB_TO - DOB_FROM) / DAY)) * DAY).toISOString().slice(0, 10);
  const s = rng();
  const hasMeasures = rng() < 0.6;
  return {
    legalName,
    preferredName: rng() < 0.1 ? NICKNAMES[Math.floor(rng() * NICKNAMES.length)]! : null,
    dateOfBirth: dob,
    sex: s < 0.49 ? 'female' : s < 0.97 ? 'male' : s < 0.98 ? 'intersex' : 'unknown',
    mrn: mrnFor(i),
    weightKg: hasMeasures ? Math.round(45 + rng() * 80) : null,
    heightCm: hasMeasures ? Math.round(150 + rng() * 45) : null,
    ...allergiesOf(rng() < 0.2 ? ALLERGIES[Math.floor(rng() * ALLERGIES.length)]! : null),
    medicines: [],
    emergencyContactName: rng() < 0.5 ? `${skewed(FIRST_NAMES, rng())} ${last}` : null,
    emergencyContactPhone: rng() < 0.5 ? `+1 555 ${String(Math.floor(rng() * 1e7)).padStart(7, '0')}` : null,
    notes: rng() < 0.1 ? 'Referred for treatment-resistant depression; prior trials of two SSRIs.' : null,
  };
}

function allergiesOf(text: string | null): Pick<StoredPatientFields, 'allergyStatus' | 'allergies'> {
  const allergyStatus = allergyStatusOfText(text);
  return { allergyStatus, allergies: allergyStatus === 'recorded' ? text : null };
}
