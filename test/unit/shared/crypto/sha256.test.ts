// The pure SHA-256 that names blobs on every side, against the FIPS 180-4 example vectors and
// node:crypto, and its UTF-8 encoder against TextEncoder.
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256, sha256HexOf, sha256HexOfText, toHex, utf8Bytes } from '../../../../shared/crypto/sha256';

const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('sha256', () => {
  it('gives the published test vectors', () => {
    expect(sha256HexOfText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexOfText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexOfText('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256HexOfText('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto around the padding boundaries', () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000, 65_537]) {
      const bytes = new Uint8Array(randomBytes(n));
      expect(sha256HexOf(bytes), String(n)).toBe(nodeSha(bytes));
      expect(sha256(bytes)).toHaveLength(32);
    }
  });

  it('hashes text as UTF-8', () => {
    expect(sha256HexOfText('差旅费报销单')).toBe(createHash('sha256').update('差旅费报销单', 'utf8').digest('hex'));
    expect(toHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
  });
});

describe('utf8Bytes', () => {
  it('encodes as TextEncoder does, lone surrogates included', () => {
    const encoder = new TextEncoder();
    for (const text of ['', 'a', 'é', '元', '𠮷', '\uD800', 'x\uDC00y', '\uDBFF\uDFFF', '\uD83D\uDE00\uD83D']) expect(Array.from(utf8Bytes(text)), JSON.stringify(text)).toEqual(Array.from(encoder.encode(text)));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) }), (a, b) => {
        expect(Array.from(utf8Bytes(a + b))).toEqual(Array.from(encoder.encode(a + b)));
      }),
    );
  });
});
