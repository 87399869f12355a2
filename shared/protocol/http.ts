// The small HTTP API beside the socket: signing in and out. Blobs come later.
import { z } from 'zod';
import { userSchema } from '../domain/directory';
import { REASON_CODES } from '../i18n/reasons';
import { isStorableText } from './text';

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64).refine(isStorableText),
  password: z.string().min(1).max(256).refine(isStorableText),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string().min(20),
  expiresAt: z.iso.datetime({ offset: true }),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const apiErrorSchema = z.object({
  error: z.enum(REASON_CODES),
  retryAfterSeconds: z.number().int().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const serverInfoSchema = z.object({
  name: z.literal('bureau'),
  version: z.string(),
  schemaVersion: z.number().int(),
});
export type ServerInfo = z.infer<typeof serverInfoSchema>;
