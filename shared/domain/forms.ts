// The forms library (表格下载): official templates an administrator publishes, one document per
// form with every version it ever had. A version's file travels as a content-addressed blob;
// publishing a new version keeps the old ones, which become superseded.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { sha256HexSchema } from './attachment';
import { idSchema, isoInstantSchema } from './ids';

/** What may be published: the office formats the issue names, and pictures of paper forms. */
export const FORM_MEDIA_TYPES = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'image/jpeg': 'jpg',
  'image/png': 'png',
} as const satisfies Record<string, string>;
export type FormMediaType = keyof typeof FORM_MEDIA_TYPES;
export const isFormMediaType = (value: string): value is FormMediaType => Object.hasOwn(FORM_MEDIA_TYPES, value);

export const formFileSchema = z.object({
  sha256: sha256HexSchema,
  /** The file name offered when saving a copy. */
  name: z.string().trim().min(1).max(200),
  mediaType: z.string().min(1).max(200),
  size: z.number().int().min(1),
});
export type FormFile = z.infer<typeof formFileSchema>;

export const formVersionSchema = z.object({
  /** As printed on the form: "2024版", "v2.1", "第3版". Unique within a form. */
  version: z.string().trim().min(1).max(40),
  /** From when this version is the one to use. */
  effectiveOn: isoDateSchema,
  file: formFileSchema,
  /** What changed, for the new-version notice. */
  note: z.string().max(1000),
  publishedAt: isoInstantSchema,
  publishedBy: idSchema,
});
export type FormVersion = z.infer<typeof formVersionSchema>;

/**
 * Who publishes forms: the general office (会务人员), HR and finance. Each form belongs to the
 * office that first published it, and only that office changes it.
 */
export const FORM_PUBLISHER_ROLES = ['meeting_organizer', 'hr_officer', 'finance_officer'] as const;
export const formPublisherRoleSchema = z.enum(FORM_PUBLISHER_ROLES);
export type FormPublisherRole = z.infer<typeof formPublisherRoleSchema>;

/** Whether this person may publish forms at all, and may change this one. */
export function mayPublishForms(user: { roles: readonly string[] }): boolean {
  return FORM_PUBLISHER_ROLES.some((r) => user.roles.includes(r));
}
export function mayManageForm(user: { roles: readonly string[] }, template: Pick<FormTemplate, 'ownerRole'>): boolean {
  return user.roles.includes(template.ownerRole);
}

/** Versions kept per form: decades of yearly editions. */
export const MAX_FORM_VERSIONS = 100;

export const formTemplateSchema = z.object({
  id: idSchema,
  title: z.string().trim().min(1).max(200),
  category: z.string().trim().min(1).max(60),
  /** The department that issued the form, as printed on it (it may be outside this agency). */
  issuingDepartment: z.string().trim().min(1).max(100),
  description: z.string().max(2000),
  /** Oldest first, as published. Which one is current is computed (shared/forms/catalog.ts). */
  versions: z.array(formVersionSchema).min(1).max(MAX_FORM_VERSIONS),
  /** Withdrawn from the library: kept for the record, no longer offered. */
  archived: z.boolean(),
  /** The office the form belongs to (the role that published it first). */
  ownerRole: formPublisherRoleSchema,
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
});
export type FormTemplate = z.infer<typeof formTemplateSchema>;
