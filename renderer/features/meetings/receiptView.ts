// The organizer's receipt table as the screen and the CSV export show it: one row per person
// with their name and department, how they came to be on the list, what they replied (and
// whether it still holds), and whether they are on approved leave at that time.
import type { TFunction } from 'i18next';
import type { Absence, Meeting, MeetingReply } from '../../../shared/domain/meeting';
import { leaveConflicts, type LeaveConflict } from '../../../shared/meetings/conflicts';
import { receiptTable, type ReceiptRow, type ReceiptState } from '../../../shared/meetings/receipts';
import type { ExportTable } from '../hr/export';
import type { Directory } from './meetingDraft';
import { formatCompact } from './time';

export interface ReceiptLine extends ReceiptRow {
  name: string;
  departmentName: string;
  /** The department through which a department invitee came. */
  viaDepartmentName: string | null;
  /** The invitee a substitute attends for. */
  substituteForName: string | null;
  substituteName: string | null;
  conflict: LeaveConflict | null;
}

/**
 * The rows in the notice's order, except that each substitute follows the person who sent them,
 * so the table reads "孙磊 — sends 赵敏 / 赵敏 — for 孙磊".
 */
export function receiptLines(meeting: Meeting, replies: readonly MeetingReply[], directory: Directory | undefined, absences: readonly Absence[]): ReceiptLine[] {
  const userName = (id: string) => directory?.users.get(id)?.displayName ?? id;
  const deptName = (id: string | null | undefined) => (id ? (directory?.departments.get(id)?.name ?? id) : '');
  const conflicts = new Map(leaveConflicts(meeting, absences).map((c) => [c.userId, c]));
  const rows = receiptTable(meeting, replies).map(
    (row): ReceiptLine => ({
      ...row,
      name: userName(row.attendee.userId),
      departmentName: deptName(directory?.users.get(row.attendee.userId)?.departmentId),
      viaDepartmentName: row.attendee.via === 'department' ? deptName(row.attendee.departmentId) : null,
      substituteForName: row.attendee.via === 'substitute' && row.attendee.substituteFor ? userName(row.attendee.substituteFor) : null,
      substituteName: row.reply?.response === 'substitute' && row.reply.substituteId ? userName(row.reply.substituteId) : null,
      conflict: conflicts.get(row.attendee.userId) ?? null,
    }),
  );
  const substitutes = new Map<string, ReceiptLine[]>();
  for (const line of rows) {
    const principal = line.attendee.via === 'substitute' ? line.attendee.substituteFor : null;
    if (principal && rows.some((r) => r.attendee.userId === principal)) substitutes.set(principal, [...(substitutes.get(principal) ?? []), line]);
  }
  const ordered: ReceiptLine[] = [];
  for (const line of rows) {
    const principal = line.attendee.via === 'substitute' ? line.attendee.substituteFor : null;
    if (principal && substitutes.has(principal)) continue;
    ordered.push(line, ...(substitutes.get(line.attendee.userId) ?? []));
  }
  return ordered;
}

export type ReceiptFilter = 'all' | ReceiptState | 'late' | 'conflict';
export const RECEIPT_FILTERS: readonly ReceiptFilter[] = ['all', 'no_reply', 'needs_reconfirm', 'attending', 'absent', 'substitute', 'late', 'conflict'];

export function filterLines(lines: readonly ReceiptLine[], filter: ReceiptFilter): ReceiptLine[] {
  switch (filter) {
    case 'all':
      return [...lines];
    case 'late':
      return lines.filter((l) => l.reply?.late === true);
    case 'conflict':
      return lines.filter((l) => l.conflict !== null);
    default:
      return lines.filter((l) => l.state === filter);
  }
}

/** Where a row's person came from: "个人" / "部门：业务处" / "代孙磊参会". */
export function invitedVia(t: TFunction, line: ReceiptLine): string {
  if (line.attendee.via === 'department') return t('meetings.via.department', { name: line.viaDepartmentName ?? '' });
  if (line.attendee.via === 'substitute') return t('meetings.via.substitute', { name: line.substituteForName ?? '' });
  return t('meetings.via.person');
}

/** The note beside a reply: the reason given, and the substitute named. */
export function replyNote(t: TFunction, line: ReceiptLine): string {
  const parts: string[] = [];
  if (line.substituteName) parts.push(t('meetings.receipts.sends', { name: line.substituteName }));
  if (line.reply?.reason) parts.push(line.reply.reason);
  const [first = '', second] = parts;
  return second === undefined ? first : t('meetings.receipts.noteBoth', { first, second });
}

/** The table as the CSV export writes it (the rows shown, in the order shown). */
export function receiptExportTable(t: TFunction, lines: readonly ReceiptLine[]): ExportTable {
  return {
    columns: [
      t('meetings.receipts.col.name'),
      t('meetings.receipts.col.department'),
      t('meetings.receipts.col.via'),
      t('meetings.receipts.col.reply'),
      t('meetings.receipts.col.note'),
      t('meetings.receipts.col.repliedAt'),
      t('meetings.receipts.col.late'),
      t('meetings.receipts.col.leave'),
    ],
    rows: lines.map((l) => [
      l.name,
      l.departmentName,
      invitedVia(t, l),
      t(`meetings.state.${l.state}`),
      replyNote(t, l),
      l.reply ? formatCompact(l.reply.repliedAt) : '',
      l.reply?.late ? t('meetings.receipts.yes') : '',
      l.conflict ? t('meetings.receipts.yes') : '',
    ]),
  };
}
