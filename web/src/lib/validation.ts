import { fmt, m } from '@/i18n/messages';

export type Errors<T extends string> = Partial<Record<T, string>>;

// Deliberately simple: the server has the final word, this only catches typos before sending.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function validateEmail(value: string): string | undefined {
  if (!value.trim()) return m.validation.required;
  if (!EMAIL.test(value.trim())) return m.validation.email;
  return undefined;
}

export function validatePassword(value: string): string | undefined {
  if (!value) return m.validation.required;
  if (value.length < 8) return m.validation.passwordLength;
  return undefined;
}

export function validateLength(value: string, min: number, max: number): string | undefined {
  const length = value.trim().length;
  if (min > 0 && length === 0) return m.validation.required;
  if (length < min || length > max) return fmt(m.validation.between, { min, max });
  return undefined;
}

export function validateMaxLength(value: string, max: number): string | undefined {
  return value.trim().length > max ? fmt(m.validation.tooLong, { max }) : undefined;
}

export function hasErrors<T extends string>(errors: Errors<T>): boolean {
  return Object.values(errors).some(Boolean);
}

export interface SignUpValues {
  email: string;
  password: string;
  full_name: string;
  phone_number: string;
}

export function validateSignUp(values: SignUpValues): Errors<keyof SignUpValues> {
  return {
    email: validateEmail(values.email),
    password: validatePassword(values.password),
    full_name: validateLength(values.full_name, 2, 255),
    phone_number: validateMaxLength(values.phone_number, 20),
  };
}

export function validateSignIn(values: { email: string; password: string }) {
  return {
    email: validateEmail(values.email),
    password: values.password ? undefined : m.validation.required,
  };
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function validateDayHours(open: string, close: string): string | undefined {
  if (!HHMM.test(open) || !HHMM.test(close)) return m.validation.required;
  if (close !== '00:00' && close <= open) return m.validation.timeOrder;
  return undefined;
}
