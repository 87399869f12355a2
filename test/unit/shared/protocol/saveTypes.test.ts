import { describe, expect, it } from 'vitest';
import { FORM_MEDIA_TYPES } from '../../../../shared/domain/forms';
import { extensionsFor } from '../../../../shared/protocol/ipc';

describe('files the desktop app may save', () => {
  it('include every kind of form the library publishes, under its usual extension', () => {
    for (const [mediaType, extension] of Object.entries(FORM_MEDIA_TYPES)) expect(extensionsFor(mediaType)).toContain(extension);
  });

  it('include a meeting exported as iCalendar, and nothing executable', () => {
    expect(extensionsFor('text/calendar; charset=utf-8')).toEqual(['ics']);
    expect(extensionsFor('application/x-msdownload')).toEqual([]);
    expect(extensionsFor('text/html')).toEqual([]);
  });
});
