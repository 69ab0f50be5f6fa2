/**
 * Vehicle identification numbers (ISO 3779), pure.
 *
 * 17 characters from 0-9 and A-Z without I, O and Q:
 *   1-3 WMI (world manufacturer identifier, e.g. `LKC`: L = China; `LQC` is impossible, Q is not a VIN character),
 *   4-8 VDS (vehicle descriptor: line, body, engine ...),
 *   9   check digit, computed the North American way (49 CFR 565), which the Chinese standard
 *       GB 16735 also prescribes: transliterate letters to numbers, weight positions
 *       8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, sum modulo 11, 10 written as X,
 *   10  model year code,
 *   11  plant code,
 *   12-17 serial number.
 */
const VIN_CHARS = /^[0-9A-HJ-NPR-Z]+$/;
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const LETTER_VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
// Year codes repeat every 30 years: 1980 = A ... 2000 = Y, 2001 = 1 ... 2009 = 9, 2010 = A ...
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

const transliterate = (ch: string): number =>
  ch >= '0' && ch <= '9' ? Number(ch) : (LETTER_VALUES[ch] ?? -1);

/** The check digit (position 9) of a 17-character VIN; the character at position 9 is ignored. */
export function vinCheckDigit(vin: string): string {
  if (vin.length !== 17 || !VIN_CHARS.test(vin)) throw new Error(`not a VIN: ${vin}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += transliterate(vin[i] ?? '') * (WEIGHTS[i] ?? 0);
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

export function isValidVin(vin: string): boolean {
  return vin.length === 17 && VIN_CHARS.test(vin) && vinCheckDigit(vin) === vin[8];
}

export function modelYearCode(year: number): string {
  if (!Number.isInteger(year) || year < 1980) throw new Error(`no model year code for ${year}`);
  return YEAR_CODES[(year - 1980) % 30] ?? '';
}

export type VinParts = {
  /** 3 characters. */
  wmi: string;
  /** 5 characters. */
  vds: string;
  modelYear: number;
  /** 1 character. */
  plantCode: string;
  /** 1 ..= 999999. */
  serial: number;
};

/** Checks the parts of a VIN before it is composed: the message names the bad part. */
export function vinPartProblem(parts: Pick<VinParts, 'wmi' | 'vds' | 'plantCode'>): string | undefined {
  if (parts.wmi.length !== 3 || !VIN_CHARS.test(parts.wmi)) return 'WMI must be 3 VIN characters';
  if (parts.vds.length !== 5 || !VIN_CHARS.test(parts.vds)) return 'VDS must be 5 VIN characters';
  if (parts.plantCode.length !== 1 || !VIN_CHARS.test(parts.plantCode))
    return 'plant code must be 1 VIN character';
  return undefined;
}

export function composeVin(parts: VinParts): string {
  const problem = vinPartProblem(parts);
  if (problem) throw new Error(problem);
  if (!Number.isInteger(parts.serial) || parts.serial < 1 || parts.serial > 999_999) {
    throw new Error(`VIN serial out of range: ${parts.serial}`);
  }
  const serial = String(parts.serial).padStart(6, '0');
  const draft = `${parts.wmi}${parts.vds}0${modelYearCode(parts.modelYear)}${parts.plantCode}${serial}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}
