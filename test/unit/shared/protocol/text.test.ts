// Text PostgreSQL cannot store is refused where it enters, so it can never block a queue.
import { describe, expect, it } from 'vitest';
import { loginRequestSchema } from '../../../../shared/protocol/http';
import { containsUnstorableText, isStorableText, toStorableText } from '../../../../shared/protocol/text';
import { agency, expectRejected, submitArgs } from '../mutators/helpers';

describe('unstorable text', () => {
  it('accepts Chinese, emoji and ordinary control characters', () => {
    expect(isStorableText('请假 🏥 第二行\n\t')).toBe(true);
  });

  it('finds NUL and lone surrogates anywhere in a value, keys included', () => {
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('\uD800')).toBe(false);
    expect(isStorableText('x\uDC00')).toBe(false);
    expect(containsUnstorableText({ a: [{ b: 'ok' }, { c: 'bad\u0000' }] })).toBe(true);
    expect(containsUnstorableText({ ['k\u0000']: 1 })).toBe(true);
    expect(containsUnstorableText({ a: [1, 'fine', null] })).toBe(false);
  });

  it('escapes it visibly for the audit log', () => {
    expect(toStorableText('a\u0000b\uD800')).toBe('a\\u0000b\uFFFD');
    expect(isStorableText(toStorableText('a\u0000\uDC00'))).toBe(true);
  });

  it('makes a mutation carrying it a final rejection, and a sign-in with it invalid', async () => {
    const tx = await agency();
    await expectRejected(tx, 'chenjing', 'leave.submit', submitArgs({ reason: 'a\u0000b' }), 'validation.invalid', { field: 'text' });
    expect(loginRequestSchema.safeParse({ username: 'li\u0000na', password: 'x' }).success).toBe(false);
  });
});
