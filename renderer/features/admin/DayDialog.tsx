// Marks one day of the working calendar: a day off (休, with the holiday's name), an adjusted
// working day (班, weekends only), or back to the ordinary week (calendar.setDay).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, AutoComplete, Form, Modal, Radio, Typography } from 'antd';
import { testId } from '../../components/testId';
import { HOLIDAY_CHOICES, holidayLabel, holidayToStore } from './calendarData';
import { fullDate, type DayCell } from './calendarGrid';
import { useSave } from './useSave';

type Kind = 'holiday' | 'workday' | 'normal';

interface DayFormValues {
  kind: Kind;
  name: string;
}

const NAME_MAX = 40;

export function DayDialog({ cell, onClose }: { cell: DayCell | null; onClose: () => void }) {
  // Remounted per day, so the form starts from that day's state.
  return cell ? <DayForm key={cell.date} cell={cell} onClose={onClose} /> : null;
}

function DayForm({ cell, onClose }: { cell: DayCell; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const save = useSave();
  const [form] = Form.useForm<DayFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const initial: DayFormValues = {
    kind: cell.kind === 'holiday' || cell.kind === 'workday' ? cell.kind : 'normal',
    name: cell.holiday === null ? '' : holidayLabel(t, cell.holiday),
  };
  // Undefined until the form has mounted: the initial kind meanwhile, so nothing flickers.
  const kind = (Form.useWatch('kind', form) as Kind | undefined) ?? initial.kind;

  async function submit(v: DayFormValues): Promise<void> {
    setBusy(true);
    setError(null);
    const name = v.kind === 'normal' ? '' : holidayToStore(t, v.name);
    const failed = await save([{ name: 'calendar.setDay', args: { date: cell.date, kind: v.kind, name } }], t('admin.calendar.day.saved', { date: cell.date }));
    setBusy(false);
    if (failed) setError(failed);
    else onClose();
  }

  const options = HOLIDAY_CHOICES.map((key) => ({ value: t(`admin.holiday.${key}`) }));

  return (
    <Modal
      open
      title={t('admin.calendar.day.title', { date: fullDate(i18n.language, cell.date) })}
      okText={t('admin.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ ...testId('calendar-day-save') }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="calendar-day-dialog" data-date={cell.date}>
        <Form<DayFormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} onValuesChange={() => setError(null)}>
          <Form.Item name="kind" label={t('admin.calendar.day.kind')} extra={cell.weekend ? null : t('admin.calendar.day.workdayWeekendOnly')}>
            <Radio.Group>
              {(['holiday', 'workday', 'normal'] as const).map((k) => (
                <Radio key={k} value={k} disabled={k === 'workday' && !cell.weekend} style={{ display: 'flex', marginBottom: 8 }}>
                  <span data-testid={`calendar-day-kind-${k}`}>{t(`admin.calendar.day.${k}`)}</span>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          {kind !== 'normal' && (
            <Form.Item name="name" label={t('admin.calendar.day.name')} extra={t('admin.calendar.day.nameHint')}>
              <AutoComplete
                options={options}
                maxLength={NAME_MAX}
                placeholder={t('admin.calendar.day.namePlaceholder')}
                filterOption={(input, option) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
                data-testid="calendar-day-name"
              />
            </Form.Item>
          )}
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginBottom: error ? 12 : 0 }}>
          {t('admin.calendar.day.affects')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} role="alert" data-testid="calendar-day-error" />}
      </div>
    </Modal>
  );
}
