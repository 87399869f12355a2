import { z } from 'zod';

/** Document ids: client-generated UUIDs or short seeded ids; never user-visible numbering. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'validation.id' });

export type Id = z.infer<typeof idSchema>;

export const isoInstantSchema = z.iso.datetime({ offset: true });
