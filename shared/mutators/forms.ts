// The forms library: publish a form or a new version of it, edit its description, withdraw it.
// The general office (会务人员), HR and finance publish the forms they own.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/dates';
import { FORM_PUBLISHER_ROLES, formFileSchema, formPublisherRoleSchema, isFormMediaType, MAX_FORM_VERSIONS, type FormTemplate } from '../domain/forms';
import { idSchema } from '../domain/ids';
import { normalizeForSearch } from '../forms/catalog';
import { requireBlobs, requireRole } from './common';
import { defineMutator, MutationRejected, type MutationContext } from './types';

export { FORM_PUBLISHER_ROLES } from '../domain/forms';

const metadata = {
  title: z.string().trim().max(200),
  category: z.string().trim().min(1).max(60),
  issuingDepartment: z.string().trim().min(1).max(100),
  description: z.string().max(2000),
};

export const formPublishArgs = z.object({
  id: idSchema,
  ...metadata,
  version: z.string().trim().min(1).max(40),
  effectiveOn: isoDateSchema,
  note: z.string().max(1000).default(''),
  file: formFileSchema,
  /** For a new form, the office it belongs to when the publisher holds several roles. */
  ownerRole: formPublisherRoleSchema.optional(),
});
export type FormPublishArgs = z.input<typeof formPublishArgs>;

/**
 * Publishes a form, or a new version of one already in the library (the earlier versions stay,
 * superseded once the new one takes effect). The file must already be on the server.
 */
export const formPublish = defineMutator({
  args: formPublishArgs,
  async run(ctx, args) {
    const actor = await requireRole(ctx, ...FORM_PUBLISHER_ROLES);
    if (args.title === '') throw new MutationRejected('form.title_required');
    if (!isFormMediaType(args.file.mediaType)) throw new MutationRejected('form.bad_file_type');
    await requireBlobs(ctx, [args.file]);
    const existing = await ctx.tx.get('formTemplates', args.id);
    if (existing && !actor.roles.includes(existing.ownerRole)) throw new MutationRejected('form.not_owner');
    const ownerRole = existing?.ownerRole ?? args.ownerRole ?? FORM_PUBLISHER_ROLES.find((r) => actor.roles.includes(r));
    if (!ownerRole || !actor.roles.includes(ownerRole)) throw new MutationRejected('auth.forbidden');
    // A withdrawn form is put back deliberately (form.archive), not by publishing into it.
    if (existing?.archived) throw new MutationRejected('form.archived');
    if (existing && existing.versions.length >= MAX_FORM_VERSIONS) throw new MutationRejected('validation.invalid', { field: 'versions' });
    if (existing?.versions.some((v) => normalizeForSearch(v.version) === normalizeForSearch(args.version))) {
      throw new MutationRejected('form.version_exists', { version: args.version });
    }
    const version = { version: args.version, effectiveOn: args.effectiveOn, file: args.file, note: args.note.trim(), publishedAt: ctx.now, publishedBy: actor.id };
    const template: FormTemplate = {
      id: args.id,
      title: args.title,
      category: args.category,
      issuingDepartment: args.issuingDepartment,
      description: args.description.trim(),
      versions: [...(existing?.versions ?? []), version],
      archived: false,
      ownerRole,
      createdAt: existing?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
    };
    await ctx.tx.put('formTemplates', template);
  },
});

async function ownedForm(ctx: MutationContext, id: string): Promise<FormTemplate> {
  const actor = await requireRole(ctx, ...FORM_PUBLISHER_ROLES);
  const template = await ctx.tx.get('formTemplates', id);
  if (!template) throw new MutationRejected('form.not_found');
  if (!actor.roles.includes(template.ownerRole)) throw new MutationRejected('form.not_owner');
  return template;
}

export const formEdit = defineMutator({
  args: z.object({ id: idSchema, ...metadata }),
  async run(ctx, args) {
    const template = await ownedForm(ctx, args.id);
    if (args.title === '') throw new MutationRejected('form.title_required');
    const next = { ...template, title: args.title, category: args.category, issuingDepartment: args.issuingDepartment, description: args.description.trim() };
    if (JSON.stringify(next) === JSON.stringify(template)) throw new MutationRejected('change.nothing');
    await ctx.tx.put('formTemplates', { ...next, updatedAt: ctx.now });
  },
});

/** Withdraws a form from the library (or puts it back); its versions stay on record. */
export const formArchive = defineMutator({
  args: z.object({ id: idSchema, archived: z.boolean() }),
  async run(ctx, args) {
    const template = await ownedForm(ctx, args.id);
    if (template.archived === args.archived) throw new MutationRejected('change.nothing');
    await ctx.tx.put('formTemplates', { ...template, archived: args.archived, updatedAt: ctx.now });
  },
});
