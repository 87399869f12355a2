// /meetings/new and /meetings/:id/edit: issue a notice or change one. The page shows whom the
// notice will reach (departments expanded as the server will), warns about invitees on approved
// leave at that time, and refuses what meeting.issue / meeting.update would refuse, on the field
// to correct, before anything is sent. The list of people and its leave conflicts are worked out
// again only when the people or the time change, not at every keystroke in the title or agenda,
// and only the invitees' leave is read.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, AutoComplete, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Switch, TimePicker, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Attendee, Meeting } from '../../../shared/domain/meeting';
import type { User } from '../../../shared/domain/directory';
import { leaveConflicts, type LeaveConflict } from '../../../shared/meetings/conflicts';
import { MutationRejected } from '../../../shared/mutators';
import { randomId, useAbsencesOf, useCurrentUser, useDirectory, useMeeting, useMyMeetingLocations, useStore } from '../../db';
import { useAppSelector } from '../../app/hooks';
import { selectSyncStatus } from '../../app/syncSlice';
import { LoadingBlock } from '../../components/LoadingBlock';
import { preventEnterSubmit } from '../../components/noEnterSubmit';
import { reasonMessage } from '../../i18n/reasons';
import { departmentTree, personOptions } from '../admin/directoryOptions';
import { AttachmentPicker } from '../leave/AttachmentPicker';
import { absenceText } from './absenceText';
import { draftArgs, draftFromMeeting, draftInstants, draftProblems, EMPTY_DRAFT, resolveAttendees, type Directory, type DraftField, type MeetingDraft, type ResolvedAttendees } from './meetingDraft';
import { sameInstant } from './time';

const DATE = 'YYYY-MM-DD';
const TIME = 'HH:mm';

/** The form's values: pickers hold Dayjs objects, everything else as in the draft. */
interface EditorValues extends Omit<MeetingDraft, 'startDate' | 'startTime' | 'endDate' | 'endTime' | 'deadlineDate' | 'deadlineTime'> {
  startDate?: Dayjs | null;
  startTime?: Dayjs | null;
  endDate?: Dayjs | null;
  endTime?: Dayjs | null;
  deadlineDate?: Dayjs | null;
  deadlineTime?: Dayjs | null;
}

function toDraft(v: Partial<EditorValues>): MeetingDraft {
  const text = (d: Dayjs | null | undefined, format: string) => (d ? d.format(format) : undefined);
  return {
    ...EMPTY_DRAFT,
    ...v,
    title: v.title ?? '',
    location: v.location ?? '',
    agenda: v.agenda ?? '',
    attachments: v.attachments ?? [],
    invitedUserIds: v.invitedUserIds ?? [],
    invitedDepartmentIds: v.invitedDepartmentIds ?? [],
    substituteAllowed: v.substituteAllowed ?? true,
    note: v.note ?? '',
    startDate: text(v.startDate, DATE),
    startTime: text(v.startTime, TIME),
    endDate: text(v.endDate, DATE),
    endTime: text(v.endTime, TIME),
    deadlineDate: text(v.deadlineDate, DATE),
    deadlineTime: text(v.deadlineTime, TIME),
  };
}

function toValues(draft: MeetingDraft): EditorValues {
  const date = (s: string | undefined) => (s ? dayjs(s, DATE) : null);
  const time = (s: string | undefined) => (s ? dayjs(s, TIME) : null);
  return {
    ...draft,
    startDate: date(draft.startDate),
    startTime: time(draft.startTime),
    endDate: date(draft.endDate),
    endTime: time(draft.endTime),
    deadlineDate: date(draft.deadlineDate),
    deadlineTime: time(draft.deadlineTime),
  };
}

export function MeetingEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const store = useStore();
  const me = useCurrentUser();
  const directory = useDirectory();
  const meeting = useMeeting(id);
  const locations = useMyMeetingLocations();
  if (!directory || locations === undefined || (id !== undefined && meeting === undefined) || me === undefined) return <LoadingBlock />;

  const refuse = (text: string) => (
    <Card title={<span data-testid="page-title">{id ? t('meetings.editor.editTitle') : t('meetings.editor.newTitle')}</span>}>
      <Empty description={text} data-testid="meeting-editor-refused">
        <Button onClick={() => navigate(id ? `/meetings/${id}` : '/meetings')}>{t('meetings.back')}</Button>
      </Empty>
    </Card>
  );
  if (id !== undefined) {
    if (!meeting) return refuse(reasonMessage(t, 'meeting.not_found'));
    if (meeting.organizerId !== store.userId) return refuse(reasonMessage(t, 'meeting.not_organizer'));
    if (meeting.status === 'cancelled') return refuse(reasonMessage(t, 'meeting.cancelled'));
  } else if (!me?.roles.includes('meeting_organizer')) {
    return refuse(t('meetings.editor.notOrganizer'));
  }
  return <MeetingEditor key={id ?? 'new'} existing={meeting ?? null} directory={directory} locations={locations} />;
}

interface EditorProps {
  existing: Meeting | null;
  directory: Directory;
  locations: readonly string[];
}

const NO_ATTENDEES: readonly Attendee[] = [];
const split = (key: string) => (key === '' ? [] : key.split(','));

function MeetingEditor({ existing, directory, locations }: EditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const store = useStore();
  const { connection } = useAppSelector(selectSyncStatus);
  const [form] = Form.useForm<EditorValues>();
  const watched = (Form.useWatch([], form) as Partial<EditorValues> | undefined) ?? {};
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [id] = useState(() => existing?.id ?? randomId());
  const initial = useMemo(() => toValues(existing ? draftFromMeeting(existing) : EMPTY_DRAFT), [existing]);

  const draft = toDraft(watched);
  const now = new Date().toISOString();
  const previous = existing?.attendees ?? NO_ATTENDEES;
  const instants = draftInstants(draft);
  // Keyed by the ids as text: the form hands a new array at every change of any field.
  const { resolved, conflicts } = useAttendeePreview(directory, store.userId, draft.invitedUserIds.join(','), draft.invitedDepartmentIds.join(','), previous, instants.startAt, instants.endAt);
  const problems = draftProblems(draft, directory, store.userId, now, previous, resolved);
  const problemOf = (field: DraftField) => problems.find((p) => p.field === field);
  const timeChanged = existing !== null && instants.startAt !== null && instants.endAt !== null && !(sameInstant(instants.startAt, existing.startAt) && sameInstant(instants.endAt, existing.endAt));
  const people = useMemo(
    () =>
      personOptions(
        [...directory.users.values()].filter((u: User) => u.roles.includes('staff')),
        directory.departments,
        store.userId,
      ).map((p) => ({ ...p, 'data-testid': `meeting-person-option-${p.value}` })),
    [directory, store.userId],
  );
  const departments = useMemo(() => departmentTree(directory.departments), [directory.departments]);
  const locationOptions = useMemo(() => locations.map((l) => ({ value: l })), [locations]);
  const nameOf = (userId: string) => directory.users.get(userId)?.displayName ?? t('common.unknownUser');

  /** The field's own refusal: times as soon as they are complete, the rest once the user tried to send. */
  const help = (field: DraftField, live: boolean) => {
    const problem = problemOf(field);
    return problem && (live || submitted) ? { validateStatus: 'error' as const, help: reasonMessage(t, problem.code) } : {};
  };

  function onValuesChange(changed: Partial<EditorValues>): void {
    if (formError) setFormError(null);
    // A meeting usually ends the day it starts, an hour later.
    if (changed.startDate && !form.getFieldValue('endDate')) form.setFieldValue('endDate', changed.startDate);
    if (changed.startTime && !form.getFieldValue('endTime')) form.setFieldValue('endTime', changed.startTime.add(1, 'hour'));
  }

  async function submit(values: EditorValues): Promise<void> {
    setSubmitted(true);
    const d = toDraft(values);
    const found = draftProblems(d, directory, store.userId, new Date().toISOString(), previous);
    const args = draftArgs(d, id, existing);
    if (found.length > 0 || !args) return;
    setBusy(true);
    setFormError(null);
    try {
      if (existing) await store.mutate('meeting.update', args);
      else {
        const { note: _note, ...issue } = args;
        await store.mutate('meeting.issue', issue);
      }
    } catch (err) {
      setBusy(false);
      setFormError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
      return;
    }
    const done = existing ? 'updated' : 'issued';
    void message.success(connection === 'online' ? t(`meetings.editor.${done}`) : t(`meetings.editor.${done}Offline`));
    navigate(`/meetings/${id}`);
  }

  return (
    <Card title={<span data-testid="page-title">{existing ? t('meetings.editor.editTitle') : t('meetings.editor.newTitle')}</span>}>
      <Form<EditorValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 880 }}
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        onFinishFailed={() => setSubmitted(true)}
        onValuesChange={onValuesChange}
        disabled={busy}
        onKeyDown={preventEnterSubmit}
        data-testid="meeting-form"
      >
        <Form.Item name="title" label={t('meetings.field.title')} required {...help('title', false)}>
          <Input maxLength={200} showCount placeholder={t('meetings.editor.titlePlaceholder')} data-testid="meeting-title" />
        </Form.Item>

        <Space size={[24, 0]} wrap align="start" style={{ display: 'flex' }}>
          <Form.Item label={t('meetings.field.start')} required style={{ marginBottom: 16 }}>
            <Space.Compact>
              <Form.Item name="startDate" noStyle>
                <DatePicker format={DATE} placeholder={t('meetings.editor.datePlaceholder')} style={{ width: 150 }} data-testid="meeting-start-date" aria-label={t('meetings.editor.startDate')} />
              </Form.Item>
              <Form.Item name="startTime" noStyle dependencies={['startDate']} rules={[{ validator: async () => requireBoth(form, 'start', t('meetings.editor.startRequired')) }]}>
                <TimePicker format={TIME} minuteStep={5} needConfirm={false} placeholder={t('meetings.editor.timePlaceholder')} style={{ width: 110 }} data-testid="meeting-start-time" aria-label={t('meetings.editor.startTime')} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item label={t('meetings.field.end')} required style={{ marginBottom: 16 }} {...help('end', true)}>
            <Space.Compact>
              <Form.Item name="endDate" noStyle>
                <DatePicker format={DATE} placeholder={t('meetings.editor.datePlaceholder')} style={{ width: 150 }} data-testid="meeting-end-date" aria-label={t('meetings.editor.endDate')} />
              </Form.Item>
              <Form.Item name="endTime" noStyle dependencies={['endDate']} rules={[{ validator: async () => requireBoth(form, 'end', t('meetings.editor.endRequired')) }]}>
                <TimePicker format={TIME} minuteStep={5} needConfirm={false} placeholder={t('meetings.editor.timePlaceholder')} style={{ width: 110 }} data-testid="meeting-end-time" aria-label={t('meetings.editor.endTime')} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Space>
        {timeChanged && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('meetings.editor.timeChangedWarning')} data-testid="meeting-editor-time-changed" />}

        <Form.Item name="location" label={t('meetings.field.location')}>
          {/* Free text, with the rooms of the organizer's earlier notices as suggestions. */}
          <AutoComplete
            options={locationOptions}
            filterOption={(input, option) => (option?.value ?? '').includes(input.trim())}
            style={{ maxWidth: 480 }}
          >
            <Input maxLength={200} placeholder={t('meetings.editor.locationPlaceholder')} data-testid="meeting-location-input" />
          </AutoComplete>
        </Form.Item>

        <Form.Item name="agenda" label={t('meetings.field.agenda')}>
          <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 12 }} placeholder={t('meetings.editor.agendaPlaceholder')} data-testid="meeting-agenda-input" />
        </Form.Item>

        <Form.Item name="attachments" label={t('meetings.field.attachments')} valuePropName="value" trigger="onChange">
          <AttachmentField />
        </Form.Item>

        <Form.Item label={t('meetings.field.attendees')} required {...help('attendees', draft.invitedUserIds.length + draft.invitedDepartmentIds.length > 0)} style={{ marginBottom: 8 }}>
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            <Form.Item name="invitedUserIds" noStyle>
              <Select<string[]>
                mode="multiple"
                allowClear
                virtual={false}
                optionFilterProp="label"
                placeholder={t('meetings.editor.peoplePlaceholder')}
                data-testid="meeting-people"
                options={people}
              />
            </Form.Item>
            <Form.Item name="invitedDepartmentIds" noStyle>
              <TreeSelect<string[]>
                multiple
                allowClear
                treeDefaultExpandAll
                showSearch
                treeNodeFilterProp="title"
                placeholder={t('meetings.editor.departmentsPlaceholder')}
                treeData={departments}
                data-testid="meeting-departments"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Space>
        </Form.Item>
        <AttendeeSummary resolvedCount={resolved.ok ? resolved.attendees.length : 0} refused={help('attendees', draft.invitedUserIds.length + draft.invitedDepartmentIds.length > 0).help !== undefined} conflicts={conflicts.map((c) => ({ name: nameOf(c.userId), leave: absenceText(t, c.absence) }))} />

        <Space size={[24, 0]} wrap align="start" style={{ display: 'flex' }}>
          <Form.Item label={t('meetings.field.deadline')} {...help('deadline', true)} extra={t('meetings.editor.deadlineHint')}>
            <Space.Compact>
              <Form.Item name="deadlineDate" noStyle dependencies={['deadlineTime']} rules={[{ validator: async () => bothOrNeither(form, t('meetings.editor.deadlineIncomplete')) }]}>
                <DatePicker format={DATE} placeholder={t('meetings.editor.datePlaceholder')} style={{ width: 150 }} data-testid="meeting-deadline-date" aria-label={t('meetings.editor.deadlineDate')} />
              </Form.Item>
              <Form.Item name="deadlineTime" noStyle>
                <TimePicker format={TIME} minuteStep={5} needConfirm={false} placeholder={t('meetings.editor.timePlaceholder')} style={{ width: 110 }} data-testid="meeting-deadline-time" aria-label={t('meetings.editor.deadlineTime')} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="substituteAllowed" label={t('meetings.field.substituteAllowed')} valuePropName="checked">
            <Switch data-testid="meeting-substitute-allowed" />
          </Form.Item>
        </Space>

        {existing && (
          <Form.Item name="note" label={t('meetings.field.changeNote')} extra={t('meetings.editor.noteHint')}>
            <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} data-testid="meeting-note" />
          </Form.Item>
        )}

        {formError && <Alert type="error" showIcon role="alert" message={formError} style={{ marginBottom: 24 }} data-testid="meeting-form-error" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="meeting-submit">
            {existing ? t('meetings.editor.save') : t('meetings.editor.issue')}
          </Button>
          <Button onClick={() => navigate(existing ? `/meetings/${existing.id}` : '/meetings')} data-testid="meeting-editor-cancel">
            {t('meetings.editor.discard')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/**
 * Whom the notice will reach and who of them is on leave then: worked out again only when the
 * people (ids joined by commas) or the time change, with the leave of those people only.
 */
function useAttendeePreview(directory: Directory, organizerId: string, userKey: string, departmentKey: string, previous: readonly Attendee[], startAt: string | null, endAt: string | null): { resolved: ResolvedAttendees; conflicts: LeaveConflict[] } {
  const resolved = useMemo(() => resolveAttendees(directory, organizerId, split(userKey), split(departmentKey), previous), [directory, organizerId, userKey, departmentKey, previous]);
  const attendeeIds = useMemo(() => (resolved.ok ? resolved.attendees.map((a) => a.userId) : []), [resolved]);
  const absences = useAbsencesOf(attendeeIds);
  const conflicts = useMemo(() => (attendeeIds.length > 0 && absences && startAt && endAt ? leaveConflicts({ startAt, endAt, attendeeIds }, absences) : []), [attendeeIds, absences, startAt, endAt]);
  return { resolved, conflicts };
}

type EditorForm = ReturnType<typeof Form.useForm<EditorValues>>[0];

/** The start (or end) needs its date and its time: one message for the pair. */
async function requireBoth(form: EditorForm, which: 'start' | 'end', text: string): Promise<void> {
  if (!form.getFieldValue(`${which}Date`) || !form.getFieldValue(`${which}Time`)) throw new Error(text);
}

/** A deadline needs a date and a time, or neither. */
async function bothOrNeither(form: EditorForm, text: string): Promise<void> {
  const date: unknown = form.getFieldValue('deadlineDate');
  const time: unknown = form.getFieldValue('deadlineTime');
  if (Boolean(date) !== Boolean(time)) throw new Error(text);
}

function AttachmentField({ value, onChange }: { value?: MeetingDraft['attachments']; onChange?: (next: MeetingDraft['attachments']) => void }) {
  return <AttachmentPicker documents value={value ?? []} onChange={(next) => onChange?.(next)} />;
}

function AttendeeSummary({ resolvedCount, refused, conflicts }: { resolvedCount: number; refused: boolean; conflicts: { name: string; leave: string }[] }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={8} style={{ width: '100%', marginBottom: 24 }}>
      {/* Once the field shows why nobody is invited, the hint would only repeat it. */}
      {!refused && (
        <Typography.Text type="secondary" data-testid="meeting-attendee-count" data-count={resolvedCount}>
          {resolvedCount > 0 ? t('meetings.editor.attendeeCount', { n: resolvedCount }) : t('meetings.editor.noAttendeesYet')}
        </Typography.Text>
      )}
      {conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="meeting-editor-conflicts"
          message={t('meetings.conflict.editorTitle', { n: conflicts.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {conflicts.map((c) => (
                <li key={c.name} data-testid="meeting-editor-conflict">
                  {t('meetings.conflict.person', { name: c.name, leave: c.leave })}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}
