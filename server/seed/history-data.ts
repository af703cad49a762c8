/**
 * Realistic lists the demo clinic's history is drawn from: patients' names, and what each department's doctors find
 * and prescribe (ICD-10 codes from the WHO's classification, medicines from the WHO Model List of Essential
 * Medicines). Kept apart from the code that uses them.
 */

/** Given names and family names from many places, combined into the demo's registered patients. */
export const GIVEN_NAMES = [
  'Aaliyah', 'Ahmed', 'Ana', 'Ben', 'Carmen', 'Chidi', 'Daniela', 'David', 'Elif', 'Emma', 'Farah', 'George', 'Hana',
  'Ibrahim', 'Ines', 'Jack', 'Jun', 'Karim', 'Laila', 'Leo', 'Lucia', 'Maya', 'Mohammed', 'Nadia', 'Nikolai', 'Olivia',
  'Omar', 'Priya', 'Rosa', 'Sara', 'Sean', 'Sofia', 'Tariq', 'Thomas', 'Wei', 'Yara', 'Zoe',
];
export const FAMILY_NAMES = [
  'Abbasi', 'Adams', 'Bakr', 'Brown', 'Castro', 'Costa', 'Davies', 'Dubois', 'Evans', 'Garcia', 'Haddad', 'Hussain',
  'Ivanova', 'Jones', 'Kaya', 'Kowalski', 'Li', 'Lopez', 'Mahmoud', 'Martin', 'Morales', 'Nguyen', 'Novak', 'Okoye',
  'Patel', 'Perez', 'Quinn', 'Rahman', 'Santos', 'Sato', 'Singh', 'Smith', 'Torres', 'Walker', 'Wang', 'Yilmaz',
];

/** A diagnosis a doctor may sign: the ICD-10 code, its words, and what is usually prescribed for it. */
export interface DemoDiagnosis {
  code: string;
  text: string;
  complaint: string;
  prescriptions: Array<{ medicine: string; dose: string; route: string; frequency: string; duration: string }>;
}

const rx = (medicine: string, dose: string, frequency: string, duration: string, route = 'oral') => ({ medicine, dose, route, frequency, duration });

/** By department prefix (G, C, P). */
export const DIAGNOSES: Record<string, DemoDiagnosis[]> = {
  G: [
    { code: 'J06.9', text: 'Acute upper respiratory infection', complaint: 'Sore throat and runny nose for three days', prescriptions: [rx('Paracetamol', '500 mg', 'every 6 hours as needed', '5 days')] },
    { code: 'I10', text: 'Essential (primary) hypertension', complaint: 'Repeat blood pressure check', prescriptions: [rx('Amlodipine', '5 mg', 'once daily', '3 months')] },
    { code: 'E11.9', text: 'Type 2 diabetes mellitus without complications', complaint: 'Diabetes review', prescriptions: [rx('Metformin', '500 mg', 'twice daily with meals', '3 months')] },
    { code: 'M54.5', text: 'Low back pain', complaint: 'Lower back pain after lifting', prescriptions: [rx('Ibuprofen', '400 mg', 'three times daily with food', '7 days')] },
    { code: 'J20.9', text: 'Acute bronchitis', complaint: 'Persistent cough', prescriptions: [] },
    { code: 'N39.0', text: 'Urinary tract infection, site not specified', complaint: 'Burning on passing urine', prescriptions: [rx('Nitrofurantoin', '100 mg', 'twice daily', '5 days')] },
  ],
  C: [
    { code: 'I10', text: 'Essential (primary) hypertension', complaint: 'Hypertension review', prescriptions: [rx('Amlodipine', '10 mg', 'once daily', '3 months')] },
    { code: 'I48.9', text: 'Atrial fibrillation, unspecified', complaint: 'Palpitations', prescriptions: [rx('Bisoprolol', '2.5 mg', 'once daily', '3 months')] },
    { code: 'I20.9', text: 'Angina pectoris, unspecified', complaint: 'Chest tightness on exertion', prescriptions: [rx('Glyceryl trinitrate', '400 micrograms', 'as needed for chest pain', '3 months', 'sublingual')] },
    { code: 'I50.9', text: 'Heart failure, unspecified', complaint: 'Breathless when lying flat', prescriptions: [rx('Furosemide', '40 mg', 'once daily in the morning', '1 month')] },
    { code: 'E78.0', text: 'Pure hypercholesterolaemia', complaint: 'Follow-up after blood tests', prescriptions: [rx('Simvastatin', '40 mg', 'once daily at night', '3 months')] },
  ],
  P: [
    { code: 'H66.9', text: 'Otitis media, unspecified', complaint: 'Ear pain', prescriptions: [rx('Amoxicillin', '250 mg', 'three times daily', '5 days')] },
    { code: 'J06.9', text: 'Acute upper respiratory infection', complaint: 'Fever for two days', prescriptions: [rx('Paracetamol', '120 mg', 'every 6 hours as needed', '3 days')] },
    { code: 'Z23', text: 'Need for immunization against single bacterial diseases', complaint: 'Vaccination', prescriptions: [] },
    { code: 'Z00.1', text: 'Routine child health examination', complaint: 'Growth check', prescriptions: [] },
    { code: 'L20.9', text: 'Atopic dermatitis, unspecified', complaint: 'Itchy rash on the arms', prescriptions: [rx('Hydrocortisone', '1% cream', 'twice daily', '7 days', 'topical')] },
  ],
};
