/**
 * A data-testid for props objects that TypeScript checks strictly (okButtonProps, onRow, ...),
 * where the JSX allowance for hyphenated attribute names does not apply.
 */
export function testId(id: string, extra: Record<string, string | number> = {}): object {
  return { 'data-testid': id, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`data-${k}`, String(v)])) };
}
