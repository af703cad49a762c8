/**
 * Vital signs: units, plausible ranges and the thresholds for flagging, in ONE place for the server (which refuses
 * values outside the ranges) and the staff panel (which shows the same limits and flags as the doctor types).
 *
 * A value outside [min, max] is physically implausible here (a typo, or a unit mix-up such as Fahrenheit or pounds)
 * and is refused. A value inside the range but below `low` or above `high` is plausible but abnormal for an adult
 * and is flagged, never refused.
 */

/** The vitals a consultation record holds, each named with its unit. */
export const VITAL_FIELDS = [
  'bpSystolicMmhg',
  'bpDiastolicMmhg',
  'pulseBpm',
  'spo2Percent',
  'temperatureC',
  'respiratoryRatePerMin',
  'weightKg',
  'heightCm',
] as const;
export type VitalField = (typeof VITAL_FIELDS)[number];

/** How one vital is entered, checked and flagged. */
export interface VitalSpec {
  label: string;
  unit: string;
  /** Plausible range, inclusive: anything outside is refused. */
  min: number;
  max: number;
  /** 0: whole numbers only (a pulse of 72.5 is a typo); 1: rounded to one decimal place. */
  decimals: 0 | 1;
  /** Flagged as low when below this (strictly). */
  low?: number;
  /** Flagged as high when above this (strictly). */
  high?: number;
}

/** Adult thresholds; flags are a prompt to look again, not a diagnosis. */
export const VITALS: Readonly<Record<VitalField, VitalSpec>> = {
  bpSystolicMmhg: { label: 'Systolic blood pressure', unit: 'mmHg', min: 50, max: 260, decimals: 0, low: 90, high: 140 },
  bpDiastolicMmhg: { label: 'Diastolic blood pressure', unit: 'mmHg', min: 20, max: 160, decimals: 0, low: 60, high: 90 },
  pulseBpm: { label: 'Pulse', unit: 'bpm', min: 20, max: 250, decimals: 0, low: 50, high: 100 },
  spo2Percent: { label: 'SpO2', unit: '%', min: 50, max: 100, decimals: 0, low: 94 },
  temperatureC: { label: 'Temperature', unit: '°C', min: 30, max: 45, decimals: 1, low: 35, high: 38 },
  respiratoryRatePerMin: { label: 'Respiratory rate', unit: '/min', min: 4, max: 80, decimals: 0, low: 12, high: 20 },
  weightKg: { label: 'Weight', unit: 'kg', min: 0.5, max: 400, decimals: 1 },
  heightCm: { label: 'Height', unit: 'cm', min: 30, max: 250, decimals: 1 },
};

/** BMI thresholds (WHO adult categories): below `low` underweight, at or above `obese` obese. */
export const BMI_LIMITS = { low: 18.5, obese: 30 } as const;

/** All vitals of a record; null where not measured. */
export type Vitals = Record<VitalField, number | null>;

/** A plausible but abnormal value, or a BMI outside the healthy band. */
export interface VitalFlag {
  field: VitalField | 'bmi';
  level: 'low' | 'high';
  value: number;
  /** In words, for the console: "SpO2 91 % is below 94 %". */
  message: string;
}

/** The words used when a value is refused: "SpO2 must be between 50 and 100 %." */
export function rangeMessage(field: VitalField): string {
  const spec = VITALS[field];
  const whole = spec.decimals === 0 ? ' (a whole number)' : '';
  return `${spec.label} must be between ${spec.min} and ${spec.max} ${spec.unit}${whole}.`;
}

/**
 * Checks one value: returns it as stored (rounded to the field's decimals) or an error message naming the range.
 * Null means "not measured" and is always accepted.
 */
export function checkVital(field: VitalField, value: number | null): { value: number | null } | { error: string } {
  if (value === null) return { value: null };
  const spec = VITALS[field];
  if (!Number.isFinite(value) || value < spec.min || value > spec.max) return { error: rangeMessage(field) };
  if (spec.decimals === 0 && !Number.isInteger(value)) return { error: rangeMessage(field) };
  return { value: spec.decimals === 0 ? value : Math.round(value * 10) / 10 };
}

/** Body-mass index (kg/m², one decimal) from weight and height; null unless both are known. */
export function computeBmi(weightKg: number | null, heightCm: number | null): number | null {
  if (weightKg === null || heightCm === null || heightCm <= 0) return null;
  const metres = heightCm / 100;
  return Math.round((weightKg / (metres * metres)) * 10) / 10;
}

/** Flags for every plausible but abnormal value, and for a BMI outside the healthy band. */
export function vitalFlags(vitals: Vitals): VitalFlag[] {
  const flags: VitalFlag[] = [];
  for (const field of VITAL_FIELDS) {
    const value = vitals[field];
    const spec = VITALS[field];
    if (value === null) continue;
    const unit = spec.unit === '%' || spec.unit.startsWith('°') ? spec.unit : ` ${spec.unit}`;
    if (spec.low !== undefined && value < spec.low) {
      flags.push({ field, level: 'low', value, message: `${spec.label} ${value}${unit} is below ${spec.low}${unit}.` });
    } else if (spec.high !== undefined && value > spec.high) {
      flags.push({ field, level: 'high', value, message: `${spec.label} ${value}${unit} is above ${spec.high}${unit}.` });
    }
  }
  const bmi = computeBmi(vitals.weightKg, vitals.heightCm);
  if (bmi !== null && bmi < BMI_LIMITS.low) {
    flags.push({ field: 'bmi', level: 'low', value: bmi, message: `BMI ${bmi} is below ${BMI_LIMITS.low} (underweight).` });
  } else if (bmi !== null && bmi >= BMI_LIMITS.obese) {
    flags.push({ field: 'bmi', level: 'high', value: bmi, message: `BMI ${bmi} is ${BMI_LIMITS.obese} or more (obese).` });
  }
  return flags;
}
