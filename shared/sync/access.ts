// Who may read a document, stated as principals. The server stores each document's readers
// and filters every pull by the reader's principals; a change of readers produces tombstones
// for those who lost access.
import type { User } from '../domain/directory';
import type { CollectionName, Collections } from '../mutators/types';

export type Principal = `user:${string}` | `role:${string}` | `dept:${string}` | 'all';

export function principalsOf(user: Pick<User, 'id' | 'roles' | 'departmentId'>): Principal[] {
  return ['all', `user:${user.id}`, `dept:${user.departmentId}`, ...user.roles.map((r): Principal => `role:${r}`)];
}

export function readersOf<C extends CollectionName>(collection: C, doc: Collections[C]): Principal[] {
  switch (collection) {
    case 'users':
    case 'departments':
      // The directory is open to every signed-in colleague (names, departments, managers).
      return ['all'];
    case 'leaveRequests': {
      const leave = doc as Collections['leaveRequests'];
      const readers = new Set<Principal>([`user:${leave.requesterId}`, 'role:hr_officer']);
      for (const step of [...leave.steps, ...(leave.cancellation?.steps ?? [])]) {
        for (const id of step.approverIds) readers.add(`user:${id}`);
        for (const d of step.delegates) readers.add(`user:${d.toId}`);
        for (const d of step.decisions) readers.add(`user:${d.byId}`);
      }
      return [...readers];
    }
    case 'travelRequests':
    case 'expenseClaims': {
      const routed = doc as Collections['travelRequests'] | Collections['expenseClaims'];
      const readers = new Set<Principal>([`user:${routed.requesterId}`, 'role:finance_officer']);
      if ('companionIds' in routed) for (const id of routed.companionIds) readers.add(`user:${id}`);
      for (const step of routed.steps) {
        for (const id of step.approverIds) readers.add(`user:${id}`);
        for (const d of step.delegates) readers.add(`user:${d.toId}`);
        for (const d of step.decisions) readers.add(`user:${d.byId}`);
      }
      return [...readers];
    }
    case 'meetings': {
      const meeting = doc as Collections['meetings'];
      return [...new Set<Principal>([`user:${meeting.organizerId}`, ...meeting.attendeeIds.map((id): Principal => `user:${id}`)])];
    }
    // A reply (and its reason for absence) is for the organizer, the replier and their substitute.
    case 'meetingReplies': {
      const reply = doc as Collections['meetingReplies'];
      const readers = new Set<Principal>([`user:${reply.userId}`, `user:${reply.organizerId}`]);
      if (reply.substituteId) readers.add(`user:${reply.substituteId}`);
      if (reply.substituteFor) readers.add(`user:${reply.substituteFor}`);
      return [...readers];
    }
    // Dates of approved leave, no type or reason: for whoever organizes meetings (to see a
    // conflict) and the person themselves, not for every colleague.
    case 'absences':
      return [`user:${(doc as Collections['absences']).userId}`, 'role:meeting_organizer'];
    case 'leaveLedger':
      return [`user:${(doc as Collections['leaveLedger']).userId}`, 'role:hr_officer'];
    // Reference data every client routes and counts with offline. Delegations too: who acts
    // for whom is office knowledge. Invoices: only a hash of the number and the claim's id, so
    // every client can warn "already claimed" without learning anyone's invoices. The forms
    // library is for everyone.
    case 'leaveTypes':
    case 'calendars':
    case 'approvalRules':
    case 'delegations':
    case 'travelStandards':
    case 'invoices':
    case 'formTemplates':
      return ['all'];
    default:
      return [];
  }
}
