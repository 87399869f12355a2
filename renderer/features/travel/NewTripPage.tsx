import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { agencyDate } from '../../../shared/calendar/dates';
import type { User } from '../../../shared/domain/directory';
import { ESTIMATE_CATEGORIES } from '../../../shared/domain/travel';
import type { TransportClass, TransportMode, TravelStandards } from '../../../shared/domain/travelStandards';
import { formatYuan, parseYuan } from '../../../shared/money/money';
import { MutationRejected } from '../../../shared/mutators';
import { randomId, useCurrentUser, useDirectory, useStore, useTravelStandards } from '../../db';
import { useAppSelector } from '../../app/hooks';
import { selectSyncStatus } from '../../app/syncSlice';
import { LoadingBlock } from '../../components/LoadingBlock';
import { reasonMessage } from '../../i18n/reasons';
import { LegsEditor } from './LegsEditor';
import { TripSummary } from './TripSummary';
import { completeLegs, defaultClass, parseEstimates, type EstimateCategory, type LegDraft } from './tripDraft';
import { preventEnterSubmit } from '../../components/noEnterSubmit';

const ISO = 'YYYY-MM-DD';

interface LegValues {
  fromCity?: string;
  toCity?: string;
  date?: Dayjs | null;
  mode?: TransportMode;
  travelClass?: TransportClass;
}

interface TripFormValues {
  purpose?: string;
  legs?: (LegValues | undefined)[];
  companionIds?: string[];
  estimates?: Partial<Record<EstimateCategory, string>>;
  advance?: string;
}

function legDrafts(values: TripFormValues): LegDraft[] {
  return (values.legs ?? []).map((leg) => ({
    fromCity: leg?.fromCity,
    toCity: leg?.toCity,
    date: leg?.date ? leg.date.format(ISO) : undefined,
    mode: leg?.mode,
    travelClass: leg?.travelClass,
  }));
}

export function NewTripPage() {
  const store = useStore();
  const directory = useDirectory();
  const me = useCurrentUser();
  const standards = useTravelStandards();
  if (!directory || standards === undefined) return <LoadingBlock />;
  const colleagues = [...directory.users.values()].filter((u) => u.active && u.id !== store.userId).sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
  return <TripForm me={me ?? null} standards={standards} colleagues={colleagues} />;
}

function TripForm({ me, standards, colleagues }: { me: User | null; standards: TravelStandards | null; colleagues: User[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const store = useStore();
  const { connection } = useAppSelector(selectSyncStatus);
  const [form] = Form.useForm<TripFormValues>();
  const values = (Form.useWatch([], form) as TripFormValues | undefined) ?? {};
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = agencyDate(new Date().toISOString());
  const rank = me?.rank ?? 1;
  const drafts = legDrafts(values);
  const estimates = parseEstimates(values.estimates ?? {});

  function nextLeg(): Record<string, unknown> {
    const last = (form.getFieldValue('legs') as (LegValues | undefined)[] | undefined)?.at(-1);
    const mode = last?.mode ?? 'train';
    return { fromCity: last?.toCity, mode, travelClass: last?.travelClass ?? defaultClass(standards, rank, mode) };
  }

  function onValuesChange(changed: TripFormValues): void {
    // A new mode has its own classes: offer the highest the rank may use instead of a stale one.
    changed.legs?.forEach((leg, i) => {
      if (leg?.mode) form.setFieldValue(['legs', i, 'travelClass'], defaultClass(standards, rank, leg.mode));
    });
    if (formError) setFormError(null);
  }

  async function submit(v: TripFormValues): Promise<void> {
    const legs = completeLegs(legDrafts(v));
    const parsed = parseEstimates(v.estimates ?? {});
    const advanceFen = v.advance?.trim() ? parseYuan(v.advance) : 0;
    if (!legs || parsed.invalid.length > 0 || advanceFen === null) return;
    setBusy(true);
    setFormError(null);
    try {
      await store.mutate('travel.submit', { id: randomId(), purpose: v.purpose ?? '', legs, companionIds: v.companionIds ?? [], estimates: parsed.estimates, advanceFen });
    } catch (err) {
      setBusy(false);
      setFormError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
      return;
    }
    void message.success(connection === 'online' ? t('travel.submitted') : t('travel.submittedOffline'));
    navigate('/trips');
  }

  const amountRule = {
    validator: async (_rule: unknown, text: string | undefined) => {
      if (text?.trim() && parseYuan(text) === null) throw new Error(t('travel.estimate.invalid'));
    },
  };

  return (
    <Card title={<span data-testid="page-title">{t('travel.new.title')}</span>}>
      {!me && <Alert type="info" showIcon message={t('travel.loading')} style={{ marginBottom: 24 }} data-testid="trip-directory-loading" />}
      {!standards && <Alert type="warning" showIcon message={t('travel.noStandards')} style={{ marginBottom: 24 }} data-testid="trip-no-standards" />}
      <Form<TripFormValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 960 }}
        initialValues={{ purpose: '', legs: [{ mode: 'train', travelClass: defaultClass(standards, rank, 'train') }], companionIds: [], estimates: {}, advance: '' }}
        onFinish={(v) => void submit(v)}
        onValuesChange={onValuesChange}
        disabled={busy}
        onKeyDown={preventEnterSubmit}
        data-testid="trip-form"
      >
        <Form.Item name="purpose" label={t('travel.field.purpose')} rules={[{ required: true, whitespace: true, message: t('travel.field.purposeRequired') }]}>
          <Input.TextArea placeholder={t('travel.field.purposePlaceholder')} maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} data-testid="trip-purpose" />
        </Form.Item>
        <Form.Item label={t('travel.legs.label')} required>
          <LegsEditor standards={standards} rank={rank} modes={drafts.map((d) => d.mode)} nextLeg={nextLeg} />
        </Form.Item>
        <Form.Item name="companionIds" label={t('travel.companions.label')}>
          <Select<string[]>
            mode="multiple"
            allowClear
            virtual={false}
            placeholder={t('travel.companions.placeholder')}
            optionFilterProp="label"
            style={{ maxWidth: 480 }}
            data-testid="trip-companions"
            options={colleagues.map((u) => ({ value: u.id, label: u.displayName, 'data-testid': `trip-companion-option-${u.id}` }))}
          />
        </Form.Item>
        <Form.Item label={t('travel.estimates.label')} extra={t('travel.estimate.total', { amount: formatYuan(estimates.totalFen) })} style={{ marginBottom: 16 }}>
          <Space wrap size={[12, 0]} align="start">
            {ESTIMATE_CATEGORIES.map((category) => (
              <Form.Item key={category} name={['estimates', category]} label={t(`travel.estimate.${category}`)} rules={[amountRule]} style={{ marginBottom: 8 }}>
                <Input prefix="¥" inputMode="decimal" style={{ width: 150 }} data-testid={`trip-estimate-${category}`} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <Form.Item
          name="advance"
          label={t('travel.advance.label')}
          dependencies={[['estimates']]}
          rules={[
            amountRule,
            {
              validator: async (_rule: unknown, text: string | undefined) => {
                const fen = text?.trim() ? parseYuan(text) : 0;
                if (fen !== null && fen > parseEstimates((form.getFieldValue('estimates') as TripFormValues['estimates']) ?? {}).totalFen) throw new Error(t('travel.advance.tooHigh'));
              },
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" style={{ width: 180 }} data-testid="trip-advance" />
        </Form.Item>
        <TripSummary standards={standards} drafts={drafts} amountFen={estimates.totalFen} today={today} />
        {formError && <Alert type="error" showIcon message={formError} role="alert" style={{ marginBottom: 24 }} data-testid="trip-form-error" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!me} data-testid="trip-submit">
            {t('travel.submit')}
          </Button>
          <Button onClick={() => navigate('/trips')}>{t('travel.back')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
