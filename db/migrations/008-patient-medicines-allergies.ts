// Medicines and allergies belong to the patient, not to one screening.
//
// patients.allergy_status: not asked / none known / recorded, so "No known
// allergies" and "never asked" are answers rather than free text. Older rows
// are read from their text: empty → not asked; "No known allergies" and its
// usual variants (NKA, NKDA, none) → none known, text cleared; anything else →
// recorded, the text kept as the allergy list.
//
// patients.medicines_json: the current medicine list (the screening case's
// medication entries); each new screening starts from it.
export default `
ALTER TABLE patients ADD COLUMN allergy_status TEXT NOT NULL DEFAULT 'not-asked'
  CHECK (allergy_status IN ('not-asked', 'none-known', 'recorded'));
ALTER TABLE patients ADD COLUMN medicines_json TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(medicines_json) AND json_type(medicines_json) = 'array');

UPDATE patients SET allergy_status = CASE
  WHEN allergies IS NULL OR trim(allergies) = '' THEN 'not-asked'
  WHEN rtrim(lower(trim(allergies)), '.') IN
    ('no known allergies', 'no known drug allergies', 'nka', 'nkda', 'none', 'none known') THEN 'none-known'
  ELSE 'recorded'
END;
UPDATE patients SET allergies = NULL WHERE allergy_status <> 'recorded';
`;
