import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/auth/passwords';

// scrypt is deliberately slow; a few hashes per test are enough.
describe('password hashes', () => {
  it('verifies the password it was made from, and nothing else', async () => {
    const stored = await hashPassword('correct horse 电池 staple');
    expect(await verifyPassword('correct horse 电池 staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse 电池 staplE', stored)).toBe(false);
    expect(await verifyPassword('correct horse 电池 staple ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('never stores the password and names its parameters so they can be raised later', async () => {
    const stored = await hashPassword('s3cret-Password');
    expect(stored).not.toContain('s3cret');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  it('salts: two hashes of the same password differ, and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('answers false for an unknown user (no stored hash), whatever the password', async () => {
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(await verifyPassword('', null)).toBe(false);
  });

  it('normalizes with NFKC: full-width digits and letters equal their ASCII forms', async () => {
    // An IME left in full-width mode types "１２３４ａｂ" for "1234ab".
    const stored = await hashPassword('1234ab');
    expect(await verifyPassword('１２３４ａｂ', stored)).toBe(true);
    const fromFullWidth = await hashPassword('ｐａｓｓ１２３');
    expect(await verifyPassword('pass123', fromFullWidth)).toBe(true);
  });

  it('treats the composed and decomposed forms of an accented letter as one', async () => {
    const stored = await hashPassword('caf\u00e9');
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it.each([
    ['another scheme', 'bcrypt$2b$10$abcdefghijklmnopqrstuv'],
    ['an empty string', ''],
    ['a scheme with no salt or hash', 'scrypt$16384$8$1'],
  ])('answers false for a stored value in %s', async (_name, stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});
