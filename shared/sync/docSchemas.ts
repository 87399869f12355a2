import type { z } from 'zod';
import { departmentSchema, userSchema } from '../domain/directory';
import { leaveRequestSchema } from '../domain/leave';
import type { CollectionName, Collections } from '../mutators/types';

/** The schema of each collection's documents, for validation wherever a document is received. */
export const docSchemas: { [C in CollectionName]: z.ZodType<Collections[C]> } = {
  users: userSchema,
  departments: departmentSchema,
  leaveRequests: leaveRequestSchema,
};
