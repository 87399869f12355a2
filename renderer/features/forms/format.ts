// How forms and their files read on screen.
import { FORM_MEDIA_TYPES, isFormMediaType, type FormTemplate, type FormVersion } from '../../../shared/domain/forms';
import { currentVersion, sortedVersions, type VersionStatus } from '../../../shared/forms/catalog';
import { extensionOf } from '../../../shared/protocol/ipc';
import { formatBytes } from '../leave/format';

/** "PDF", "DOCX", "XLSX": the format as people name it by its extension, in every language. */
export function fileTypeLabel(file: Pick<FormVersion['file'], 'mediaType' | 'name'>): string {
  const ext = isFormMediaType(file.mediaType) ? FORM_MEDIA_TYPES[file.mediaType] : extensionOf(file.name);
  return (ext || '?').toUpperCase();
}

/** "PDF · 84 KB" */
export function fileSummary(file: Pick<FormVersion['file'], 'mediaType' | 'name' | 'size'>, language: string): string {
  return `${fileTypeLabel(file)} · ${formatBytes(file.size, language)}`;
}

export const VERSION_STATUS_COLOR: Record<VersionStatus, string> = { current: 'green', upcoming: 'blue', superseded: 'default' };

export { formatBytes };

/**
 * The version a form offers to save: the one in force, or, for a form not in force yet, the
 * first that will be.
 */
export function offeredVersion(template: Pick<FormTemplate, 'versions'>, today: string): FormVersion | null {
  return currentVersion(template, today) ?? sortedVersions(template).at(-1) ?? null;
}
