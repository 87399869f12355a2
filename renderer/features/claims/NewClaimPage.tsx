// /claims/new: a claim, standalone or from an approved trip (?trip=<id>). The trip gives the
// title, the per-diem allowances and the advance; the user adds the expense lines with their
// receipts. Totals, duplicate invoices and over-standard lodging are shown while typing, with
// the same shared rules claim.submit applies, so a refusal at submit is the exception.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Empty, Form, Input, List, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { agencyDate } from '../../../shared/calendar/dates';
import { MutationRejected } from '../../../shared/mutators';
import { invoiceRegistryId } from '../../../shared/mutators/claims';
import { formatYuan } from '../../../shared/money/money';
import { randomId, useCurrentUser, useInvoiceEntries, useMyApprovedTrips, useStore, useTravelStandardsInForce, useTrip } from '../../db';
import { reasonMessage } from '../../i18n/reasons';
import { ClaimLineEditor } from './ClaimLineEditor';
import { ClaimTotalsView } from './ClaimTotalsView';
import { claimTotals, emptyLine, overStandardLimit, submitLines, tripAdvanceFen, tripAllowances, type LineDraft } from './draft';
import { preventEnterSubmit } from '../../components/noEnterSubmit';

/** Registry ids of the lines' invoice numbers ('' for a line without one or with an invalid one). */
function registryIds(lines: readonly LineDraft[]): string[] {
  return lines.map((l) => (/^[A-Za-z0-9 -]+$/.test(l.invoiceNumber.trim()) ? invoiceRegistryId(l.invoiceNumber) : ''));
}

export function NewClaimPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const store = useStore();
  const [params, setParams] = useSearchParams();
  const tripId = params.get('trip');
  const me = useCurrentUser();
  const trips = useMyApprovedTrips();
  const trip = useTrip(tripId);
  const standards = useTravelStandardsInForce();

  const [title, setTitle] = useState<string | null>(null);
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const ids = useMemo(() => registryIds(lines), [lines]);
  const registry = useInvoiceEntries(ids.filter((id) => id !== ''));

  const tripUsable = trip && trip.status === 'approved' ? trip : null;
  const rank = me?.rank ?? 1;
  const allowances = useMemo(() => tripAllowances(standards, tripUsable, rank), [standards, tripUsable, rank]);
  const advanceFen = tripAdvanceFen(tripUsable, store.userId);
  const totals = claimTotals(lines, allowances, advanceFen);
  // The title follows the trip's purpose until the user types their own.
  const shownTitle = title ?? tripUsable?.purpose ?? '';

  const duplicate = (i: number): boolean => {
    const id = ids[i];
    const entry = id ? registry?.get(id) : undefined;
    if (entry !== undefined && !entry.released) return true;
    // The same number twice in this claim.
    return id !== '' && id !== undefined && ids.indexOf(id) !== i;
  };
  const overLimit = lines.map((l) => overStandardLimit(standards, l, rank));

  const regionName = (id: string) => standards?.regions.find((r) => r.id === id)?.name ?? id;
  const today = agencyDate(new Date().toISOString());

  function update(i: number, next: LineDraft): void {
    setLines((all) => all.map((l, j) => (j === i ? next : l)));
    setFormError(null);
  }

  /** The first problem the form can see, as a message; null when it may be submitted. */
  function localProblem(): string | null {
    if (shownTitle.trim() === '') return t('claims.error.titleRequired');
    for (const [i] of lines.entries()) {
      if (duplicate(i)) return t('claims.error.duplicate', { n: i + 1 });
      if (overLimit[i] !== null && lines[i]?.explanation.trim() === '') return t('claims.error.explanation', { n: i + 1 });
    }
    return null;
  }

  async function submit(): Promise<void> {
    const problem = localProblem();
    const payload = submitLines(lines);
    if (problem || !payload) {
      const first = totals.incomplete[0] ?? lines.findIndex((l) => l.date === null);
      setFormError(problem ?? t('claims.error.incompleteLine', { n: first + 1 }));
      return;
    }
    setBusy(true);
    try {
      const id = randomId();
      await store.mutate('claim.submit', { id, travelRequestId: tripUsable?.id ?? null, title: shownTitle, lines: payload });
      void message.success(t('claims.submitted'));
      navigate(`/claims/${id}`);
    } catch (err) {
      setFormError(err instanceof MutationRejected ? reasonMessage(t, err.code, err.params) : t('common.unexpectedError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={<span data-testid="page-title">{t('claims.new.title')}</span>}>
      <Form layout="vertical" onFinish={() => void submit()} onKeyDown={preventEnterSubmit}>
        <Form.Item label={t('claims.field.trip')}>
          <Select<string>
            value={tripId ?? ''}
            onChange={(v) => setParams(v === '' ? {} : { trip: v }, { replace: true })}
            loading={trips === undefined}
            options={[
              { value: '', label: t('claims.field.tripNone') },
              ...(trips ?? []).map((tr) => ({ value: tr.id, label: t('claims.field.tripOption', { purpose: tr.purpose, start: tr.startDate, end: tr.endDate }) })),
            ]}
            style={{ maxWidth: 560 }}
            data-testid="claim-trip"
          />
        </Form.Item>
        {tripId !== null && trip !== undefined && !tripUsable && <Alert type="error" showIcon message={t('claims.trip.notApproved')} style={{ marginBottom: 16 }} data-testid="claim-trip-invalid" />}
        <Form.Item label={t('claims.field.title')} required>
          <Input value={shownTitle} onChange={(e) => setTitle(e.target.value)} maxLength={200} placeholder={t('claims.field.titlePlaceholder')} data-testid="claim-title" />
        </Form.Item>

        {tripUsable && (
          <Form.Item label={t('claims.allowances.title')}>
            {standards === null ? (
              <Typography.Text type="secondary">{t('claims.allowances.noStandards')}</Typography.Text>
            ) : (
              <List
                size="small"
                bordered
                dataSource={allowances}
                locale={{ emptyText: t('claims.allowances.none') }}
                data-testid="claim-allowances"
                renderItem={(a) => (
                  <List.Item extra={formatYuan(a.amountFen)} data-testid="claim-allowance">
                    {t('claims.allowances.row', { kind: t(`claims.allowances.${a.kind}`), region: regionName(a.regionId), days: a.days, rate: formatYuan(a.rateFen) })}
                  </List.Item>
                )}
              />
            )}
          </Form.Item>
        )}

        <Typography.Title level={5}>{t('claims.lines.title')}</Typography.Title>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {lines.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('claims.lines.empty')} />}
          {lines.map((line, i) => (
            <ClaimLineEditor
              key={line.id}
              index={i}
              line={line}
              onChange={(next) => update(i, next)}
              onRemove={() => setLines((all) => all.filter((_, j) => j !== i))}
              duplicateInvoice={duplicate(i)}
              overLimitFen={overLimit[i] ?? null}
              disabled={busy}
            />
          ))}
          <Button icon={<PlusOutlined />} onClick={() => setLines((all) => [...all, emptyLine(randomId(), all[all.length - 1]?.date ?? tripUsable?.startDate ?? today)])} disabled={busy} data-testid="claim-add-line">
            {t('claims.addLine')}
          </Button>
          <ClaimTotalsView totals={totals} />
          {formError && <Alert type="error" showIcon message={formError} data-testid="form-error" />}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="claim-submit">
            {t('claims.submit')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
