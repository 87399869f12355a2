import type { KeyboardEvent } from 'react';

/**
 * A long form (a trip, a claim) must not be sent by the Enter that confirms a date or picks a
 * city: the browser's implicit submission is cancelled for single-line fields. The field's own
 * handling of Enter (the date picker, the suggestions) still runs, and the submit button still
 * submits.
 */
export function preventEnterSubmit(event: KeyboardEvent<HTMLFormElement>): void {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT') event.preventDefault();
}
