/**
 * A 128-bit random id. crypto.randomUUID exists only in secure contexts, and an intranet
 * server is often plain http on a LAN address, so build it from getRandomValues.
 */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
