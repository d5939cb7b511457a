import { describe, expect, it } from 'vitest';
import {
  hasErrors,
  validateDayHours,
  validateEmail,
  validateLength,
  validateSignIn,
  validateSignUp,
} from '@/lib/validation';

describe('form validation', () => {
  it('checks emails', () => {
    expect(validateEmail('')).toBe('Required');
    expect(validateEmail('driver@')).toBe('Enter a valid email address');
    expect(validateEmail('driver@example.com')).toBeUndefined();
  });

  it('validates sign-up like the server does', () => {
    const errors = validateSignUp({
      email: 'owner@example.com',
      password: 'short',
      full_name: 'A',
      phone_number: '+30 210 000 0000 0000 000',
    });
    expect(errors).toEqual({
      email: undefined,
      password: 'At least 8 characters',
      full_name: 'Between 2 and 255 characters',
      phone_number: 'At most 20 characters',
    });
    expect(hasErrors(errors)).toBe(true);
    expect(
      hasErrors(
        validateSignUp({
          email: 'owner@example.com',
          password: 'long enough',
          full_name: 'Olga Owner',
          phone_number: '',
        }),
      ),
    ).toBe(false);
  });

  it('only requires a password on sign-in', () => {
    expect(validateSignIn({ email: 'a@b.gr', password: 'x' })).toEqual({
      email: undefined,
      password: undefined,
    });
  });

  it('checks lengths and hours', () => {
    expect(validateLength('Gar', 5, 255)).toBe('Between 5 and 255 characters');
    expect(validateLength('', 5, 255)).toBe('Required');
    expect(validateDayHours('08:00', '22:00')).toBeUndefined();
    expect(validateDayHours('22:00', '08:00')).toBe('Closing time must be after opening time');
    expect(validateDayHours('08:00', '00:00')).toBeUndefined();
    expect(validateDayHours('8', '22:00')).toBe('Required');
  });
});
