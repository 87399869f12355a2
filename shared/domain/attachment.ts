// A file attached to a document (a medical certificate, a receipt photo): the document carries
// only this reference; the bytes travel separately as a content-addressed blob.
import { z } from 'zod';

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'validation.invalid' });

export const attachmentSchema = z.object({
  sha256: sha256HexSchema,
  name: z.string().min(1).max(200),
  mediaType: z.string().min(1).max(200),
  size: z.number().int().min(0),
});
export type Attachment = z.infer<typeof attachmentSchema>;
