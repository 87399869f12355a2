// The contract every mutator is written against. The same mutator body runs in the renderer
// (over Dexie, optimistically) and on the server (over SQL, authoritatively); only this
// interface is shared, so a rule can never differ between the two.
import type { z } from 'zod';
import type { Department, User } from '../domain/directory';
import type { LeaveRequest } from '../domain/leave';
import type { ReasonCode, ReasonParams } from '../i18n/reasons';

export interface Collections {
  users: User;
  departments: Department;
  leaveRequests: LeaveRequest;
}
export type CollectionName = keyof Collections;
export const COLLECTION_NAMES = ['users', 'departments', 'leaveRequests'] as const satisfies readonly CollectionName[];

/** Fields a mutator may look documents up by; both stores keep an index on each. */
export interface IndexedFields {
  users: 'departmentId' | 'managerId';
  departments: 'parentId';
  leaveRequests: 'requesterId' | 'pendingApproverId';
}

export interface DocTx {
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | undefined>;
  put<C extends CollectionName>(collection: C, doc: Collections[C]): Promise<void>;
  find<C extends CollectionName>(collection: C, field: IndexedFields[C], value: string): Promise<Collections[C][]>;
}

export interface MutationContext {
  tx: DocTx;
  /** The acting user. On the server: from the session, never from the arguments. */
  actorId: string;
  /** ISO instant. On the server: the server's clock; on the client: when the user acted. */
  now: string;
}

/**
 * A mutation that can never succeed as sent (bad input, no permission, the document moved
 * on). It is final: the server records the rejection and the client rolls back and tells the
 * user. Anything else thrown is treated as transient and retried.
 */
export class MutationRejected extends Error {
  constructor(
    readonly code: ReasonCode,
    readonly params: ReasonParams = {},
  ) {
    super(code);
    this.name = 'MutationRejected';
  }
}

export interface MutatorDef<S extends z.ZodType> {
  args: S;
  run(ctx: MutationContext, args: z.infer<S>): Promise<void>;
}

export function defineMutator<S extends z.ZodType>(def: MutatorDef<S>): MutatorDef<S> {
  return def;
}
