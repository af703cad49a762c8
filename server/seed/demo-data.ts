import type { Role } from '../../common/api';
import type { BloodGroup, Sex } from '../models/patient';

/**
 * The demo clinic's people and timetable, kept apart from the code that inserts them.
 * Phone numbers are in the UK's 07700 900xxx range, which is set aside for fiction, so none of them rings anyone.
 */

/** The one password every demo account shares; printed at start-up, so it is no secret. */
export const DEMO_PASSWORD = 'demo-pass-2026';

/** A staff account of the demo clinic. */
export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  name: string;
}

/** A demo department; its doctors' reasons for visits suit it. */
export interface DemoDepartment {
  name: string;
  prefix: string;
  /** The name in the patient languages other than English. */
  labels: Record<string, string>;
  visitReasons: string[];
}

/** One weekday's working intervals, local time. */
type Day = Array<[start: string, end: string]>;

/** A demo doctor: account, profile, and weekly schedule (ISO weekday to intervals). */
export interface DemoDoctor extends DemoAccount {
  department: string;
  licenseNumber: string;
  specialization: string;
  rating: number | null;
  room: string;
  consultationMinutes: number;
  week: Record<number, Day>;
}

/** A demo patient, as reception would register them. */
export interface DemoPatient {
  fullName: string;
  dateOfBirth: string;
  sex: Sex;
  phone: string | null;
  bloodGroup: BloodGroup | null;
  allergies: string | null;
  insuranceProvider: string | null;
  insuranceNumber: string | null;
}

/** The three departments. */
export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    name: 'General Practice',
    prefix: 'G',
    labels: { es: 'Medicina general', ar: 'الطب العام' },
    visitReasons: ['Persistent cough', 'Annual check-up', 'Lower back pain', 'Repeat prescription review'],
  },
  {
    name: 'Cardiology',
    prefix: 'C',
    labels: { es: 'Cardiología', ar: 'أمراض القلب' },
    visitReasons: ['Palpitations', 'Follow-up after ECG', 'Chest tightness on exertion', 'Hypertension review'],
  },
  { name: 'Pediatrics', prefix: 'P', labels: { es: 'Pediatría', ar: 'طب الأطفال' }, visitReasons: ['Vaccination', 'Ear pain', 'Fever for two days', 'Growth check'] },
];

/** Monday to Saturday with a lunch break. */
function mondayToSaturday(morning: [string, string], afternoon: [string, string]): Record<number, Day> {
  const week: Record<number, Day> = {};
  for (let weekday = 1; weekday <= 6; weekday++) week[weekday] = [morning, afternoon];
  return week;
}

/** Five doctors in Rooms 1 to 5. */
export const DEMO_DOCTORS: DemoDoctor[] = [
  {
    role: 'doctor',
    email: 'dr.okafor@demo.clinic',
    password: DEMO_PASSWORD,
    name: 'Dr. Amara Okafor',
    department: 'General Practice',
    licenseNumber: 'MD-4471902',
    specialization: 'Family Medicine',
    rating: 4.8,
    room: 'Room 1',
    consultationMinutes: 15,
    week: mondayToSaturday(['09:00', '13:00'], ['14:00', '17:00']),
  },
  {
    role: 'doctor',
    email: 'dr.nowak@demo.clinic',
    password: DEMO_PASSWORD,
    name: 'Dr. Tomasz Nowak',
    department: 'General Practice',
    licenseNumber: 'MD-5203318',
    specialization: 'General Practice',
    rating: 4.5,
    room: 'Room 2',
    consultationMinutes: 15,
    // The Sunday morning clinic means the demo has appointments today whatever day it is started on.
    week: { ...mondayToSaturday(['08:30', '12:30'], ['13:30', '16:30']), 7: [['10:00', '13:00']] },
  },
  {
    role: 'doctor',
    email: 'dr.raman@demo.clinic',
    password: DEMO_PASSWORD,
    name: 'Dr. Priya Raman',
    department: 'Cardiology',
    licenseNumber: 'MD-3920457',
    specialization: 'Cardiology',
    rating: 4.9,
    room: 'Room 3',
    consultationMinutes: 20,
    week: mondayToSaturday(['09:00', '12:20'], ['13:20', '17:00']),
  },
  {
    role: 'doctor',
    email: 'dr.whitfield@demo.clinic',
    password: DEMO_PASSWORD,
    name: 'Dr. Daniel Whitfield',
    department: 'Cardiology',
    licenseNumber: 'MD-6148823',
    specialization: 'Interventional Cardiology',
    rating: null,
    room: 'Room 4',
    consultationMinutes: 20,
    week: mondayToSaturday(['10:00', '13:00'], ['14:00', '18:00']),
  },
  {
    role: 'doctor',
    email: 'dr.alvarez@demo.clinic',
    password: DEMO_PASSWORD,
    name: 'Dr. Sofía Álvarez',
    department: 'Pediatrics',
    licenseNumber: 'MD-7735160',
    specialization: 'Pediatrics',
    rating: 4.7,
    room: 'Room 5',
    consultationMinutes: 15,
    week: mondayToSaturday(['08:00', '12:00'], ['13:00', '16:00']),
  },
];

/** Every demo sign-in: the admin, reception, and each doctor. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { role: 'admin', email: 'admin@demo.clinic', password: DEMO_PASSWORD, name: 'Alex Morgan' },
  { role: 'reception', email: 'reception@demo.clinic', password: DEMO_PASSWORD, name: 'Jamie Lee' },
  ...DEMO_DOCTORS.map(({ role, email, password, name }) => ({ role, email, password, name })),
];

const p = (
  fullName: string,
  dateOfBirth: string,
  sex: Sex,
  phone: string | null,
  bloodGroup: BloodGroup | null,
  allergies: string | null,
  insurance: [string, string] | null,
): DemoPatient => ({
  fullName,
  dateOfBirth,
  sex,
  phone,
  bloodGroup,
  allergies,
  insuranceProvider: insurance?.[0] ?? null,
  insuranceNumber: insurance?.[1] ?? null,
});

/** Twenty patients of all ages, some children, some without insurance, allergies or a known blood group. */
export const DEMO_PATIENTS: DemoPatient[] = [
  p('Margaret Ellis', '1948-03-14', 'female', '+44 7700 900101', 'A+', 'Penicillin', ['Northwind Health', 'NWH-4482913']),
  p('Rajesh Kumar', '1975-11-02', 'male', '+44 7700 900102', 'O+', null, ['Bluebell Mutual', 'BBM-220517']),
  p('Chen Wei', '1989-06-21', 'male', '+44 7700 900103', 'B+', 'Shellfish', null),
  p('Fatima Al-Sayed', '1992-01-30', 'female', '+44 7700 900104', 'A-', null, ['Crescent Care', 'CC-90311']),
  p('Oliver Bennett', '2016-09-12', 'male', '+44 7700 900105', 'O-', 'Peanuts', ['Northwind Health', 'NWH-5501276']),
  p('Amelia Hughes', '2019-04-05', 'female', '+44 7700 900106', null, null, ['Bluebell Mutual', 'BBM-318844']),
  p('Kwame Mensah', '1968-12-19', 'male', '+44 7700 900107', 'AB+', null, null),
  p('Isabella Rossi', '1983-07-08', 'female', '+44 7700 900108', 'A+', 'Latex', ['Crescent Care', 'CC-77120']),
  p('Noah Fischer', '2021-02-17', 'male', '+44 7700 900109', null, null, ['Northwind Health', 'NWH-6120045']),
  p('Hannah Schmidt', '1955-10-23', 'female', '+44 7700 900110', 'O+', 'Sulfa drugs', ['Bluebell Mutual', 'BBM-104392']),
  p('Diego Fernández', '1997-05-11', 'male', '+44 7700 900111', 'B-', null, null),
  p('Aisha Bello', '2001-08-29', 'female', '+44 7700 900112', 'O+', null, ['Crescent Care', 'CC-64018']),
  p('Yuki Tanaka', '1979-02-03', 'female', '+44 7700 900113', 'A+', 'Aspirin', ['Northwind Health', 'NWH-3079981']),
  p("Liam O'Connor", '1962-09-15', 'male', '+44 7700 900114', 'A+', null, ['Bluebell Mutual', 'BBM-559023']),
  p('Zara Ahmed', '2014-12-01', 'female', '+44 7700 900115', 'B+', 'Eggs', ['Crescent Care', 'CC-80245']),
  p('Samuel Adeyemi', '1950-04-27', 'male', null, 'O-', 'Penicillin, ibuprofen', ['Northwind Health', 'NWH-1187730']),
  p('Grace Thompson', '1988-11-11', 'female', '+44 7700 900117', 'AB-', null, null),
  p('Mateo Silva', '2023-06-06', 'male', '+44 7700 900118', null, null, ['Bluebell Mutual', 'BBM-671150']),
  p('Elena Petrova', '1971-03-09', 'female', '+44 7700 900119', 'A-', null, ['Crescent Care', 'CC-12987']),
  p('Alex Rivera', '1994-07-22', 'other', '+44 7700 900120', null, 'Dust mites', null),
];
