// /print/:kind/:id: a trip (出差审批单) or a claim (差旅费报销单 / 费用报销单) laid out like the
// paper forms, on A4. The desktop app saves it as a PDF where the user chooses; a browser opens
// its print dialog, where "Save as PDF" is one of the printers.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Empty, Space } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { agencyDate } from '../../../shared/calendar/dates';
import type { Claim } from '../../../shared/domain/claim';
import type { TravelRequest } from '../../../shared/domain/travel';
import { capitalAmount, formatYuan } from '../../../shared/money/money';
import { safeFileName } from '../../../shared/protocol/ipc';
import { useClaim, useDirectory, useTravelStandardsInForce, useTrip } from '../../db';
import { LoadingBlock } from '../../components/LoadingBlock';
import { platform } from '../../platform';
import { approvalTrail, claimFigures, type TrailRow } from './printModel';
import './printSheet.css';

type NameOf = (id: string) => string;

export function PrintPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { kind, id } = useParams();
  const trip = useTrip(kind === 'trip' ? id : null);
  const claim = useClaim(kind === 'claim' ? id : undefined);
  const directory = useDirectory();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);

  // The print stylesheet shows only the sheet while this class is on <body>.
  useEffect(() => {
    document.body.classList.add('bureau-printing');
    return () => document.body.classList.remove('bureau-printing');
  }, []);

  const doc = kind === 'trip' ? trip : kind === 'claim' ? claim : null;
  if (doc === undefined || directory === undefined) return <LoadingBlock />;
  const nameOf: NameOf = (uid) => directory.users.get(uid)?.displayName ?? uid;
  const deptOf: NameOf = (did) => directory.departments.get(did)?.name ?? did;

  async function print(): Promise<void> {
    if (!doc) return;
    setSaving(true);
    try {
      const outcome = await platform.print.toPdf(pdfName(t, trip, claim), { pageSize: 'A4' });
      if (outcome.status === 'saved') void message.success(t('claims.printPage.savedTo', { name: outcome.fileName }));
      else if (outcome.status === 'failed') {
        void message.error(t(outcome.error === 'ipc.invalid_argument' ? 'claims.printPage.saveRefused' : 'claims.printPage.saveFailed'));
      }
      // 'cancelled' and the browser's own print dialog need no word from us.
    } catch {
      void message.error(t('claims.printPage.saveFailed'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('claims.printPage.back')}
        </Button>
        <Button
          type="primary"
          icon={platform.isDesktop ? <FilePdfOutlined /> : <PrinterOutlined />}
          onClick={() => void print()}
          loading={saving}
          disabled={!doc}
          data-testid="print-button"
        >
          {platform.isDesktop ? t('claims.printPage.savePdf') : t('claims.printPage.button')}
        </Button>
      </Space>
      {!doc ? (
        <Empty description={t('claims.printPage.notFound')} />
      ) : kind === 'trip' && trip ? (
        <TripSheet trip={trip} nameOf={nameOf} deptOf={deptOf} />
      ) : claim ? (
        <ClaimSheet claim={claim} nameOf={nameOf} deptOf={deptOf} />
      ) : null}
    </Space>
  );
}

/** "差旅费报销单-赴广州参加业务培训-2025-03-02.pdf": the form, what it is about, and its date. */
function pdfName(t: TFunction, trip: TravelRequest | null | undefined, claim: Claim | null | undefined): string {
  if (trip) return safeFileName([t('claims.printPage.tripTitle'), trip.purpose, trip.startDate].join('-'), 'pdf');
  if (!claim) return safeFileName('', 'pdf');
  const form = claimFigures(claim).form === 'travel' ? t('claims.printPage.travelClaimTitle') : t('claims.printPage.expenseClaimTitle');
  return safeFileName([form, claim.title, agencyDate(claim.createdAt)].join('-'), 'pdf');
}

function Trail({ rows }: { rows: TrailRow[] }) {
  const { t } = useTranslation();
  return (
    <table data-testid="print-trail">
      <thead>
        <tr>
          <th>{t('claims.printPage.approver')}</th>
          <th>{t('claims.printPage.decision')}</th>
          <th>{t('claims.printPage.decidedOn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={3}>{t('claims.printPage.noApprovals')}</td>
          </tr>
        )}
        {rows.map((r, i) => (
          <tr key={i}>
            <td>{r.onBehalfOf ? t('claims.timeline.onBehalf', { name: r.approver, principal: r.onBehalfOf }) : r.approver}</td>
            <td>{[t(`claims.printPage.verdict.${r.decision}`), r.comment].filter(Boolean).join(' — ')}</td>
            <td>{r.date}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Row({ label, children, span = 3 }: { label: string; children: ReactNode; span?: number }) {
  return (
    <tr>
      <th>{label}</th>
      <td colSpan={span}>{children}</td>
    </tr>
  );
}

function TripSheet({ trip, nameOf, deptOf }: { trip: TravelRequest; nameOf: NameOf; deptOf: NameOf }) {
  const { t } = useTranslation();
  const estimateLabel = (c: TravelRequest['estimates'][number]['category']) => (c === 'meals' ? t('claims.allowances.meals') : t(`claims.category.${c}`));
  return (
    <div className="print-sheet" data-testid="print-sheet" data-kind="trip">
      <h1>{t('claims.printPage.tripTitle')}</h1>
      <table>
        <tbody>
          <tr>
            <th>{t('claims.printPage.requester')}</th>
            <td>{nameOf(trip.requesterId)}</td>
            <th>{t('claims.printPage.department')}</th>
            <td>{deptOf(trip.departmentId)}</td>
          </tr>
          <Row label={t('claims.printPage.purpose')}>{trip.purpose}</Row>
          <Row label={t('claims.printPage.period')}>{t('claims.printPage.periodValue', { start: trip.startDate, end: trip.endDate, days: trip.tripDays })}</Row>
          <Row label={t('claims.printPage.companions')}>{trip.companionIds.length > 0 ? trip.companionIds.map(nameOf).join('、') : t('claims.printPage.none')}</Row>
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th>{t('claims.printPage.legDate')}</th>
            <th>{t('claims.printPage.from')}</th>
            <th>{t('claims.printPage.to')}</th>
            <th>{t('claims.printPage.mode')}</th>
          </tr>
        </thead>
        <tbody>
          {trip.legs.map((leg, i) => (
            <tr key={i}>
              <td>{leg.date}</td>
              <td>{leg.fromCity}</td>
              <td>{leg.toCity}</td>
              <td>{t(`claims.mode.${leg.mode}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <tbody>
          <Row label={t('claims.printPage.estimate')}>
            {formatYuan(trip.estimatedFen)}
            {trip.estimates.length > 0 && `（${trip.estimates.map((e) => `${estimateLabel(e.category)} ${formatYuan(e.amountFen)}`).join('；')}）`}
          </Row>
          <Row label={t('claims.printPage.advance')}>{trip.advanceFen > 0 ? `${formatYuan(trip.advanceFen)}（${capitalAmount(trip.advanceFen)}）` : t('claims.printPage.none')}</Row>
        </tbody>
      </table>
      <Trail rows={approvalTrail(trip.history, nameOf)} />
    </div>
  );
}

function ClaimSheet({ claim, nameOf, deptOf }: { claim: Claim; nameOf: NameOf; deptOf: NameOf }) {
  const { t } = useTranslation();
  const standards = useTravelStandardsInForce();
  const figures = claimFigures(claim);
  const regionName = (id: string) => standards?.regions.find((r) => r.id === id)?.name ?? id;
  return (
    <div className="print-sheet" data-testid="print-sheet" data-kind="claim">
      <h1>{figures.form === 'travel' ? t('claims.printPage.travelClaimTitle') : t('claims.printPage.expenseClaimTitle')}</h1>
      <div className="print-meta">
        <span>
          {t('claims.printPage.submittedOn')}：{agencyDate(claim.createdAt)}
        </span>
        <span>{t('claims.printPage.receiptsCount', { count: figures.receipts })}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>{t('claims.printPage.claimant')}</th>
            <td>{nameOf(claim.requesterId)}</td>
            <th>{t('claims.printPage.department')}</th>
            <td>{deptOf(claim.departmentId)}</td>
          </tr>
          <Row label={t('claims.printPage.claimTitle')}>{claim.title}</Row>
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th>{t('claims.printPage.lineNo')}</th>
            <th>{t('claims.col.date')}</th>
            <th>{t('claims.col.category')}</th>
            <th>{t('claims.col.description')}</th>
            <th>{t('claims.col.invoice')}</th>
            <th>{t('claims.col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {claim.lines.map((l, i) => (
            <tr key={l.id}>
              <td>{i + 1}</td>
              <td>{l.date}</td>
              <td>{t(`claims.category.${l.category}`)}</td>
              <td>
                {[l.description, l.category === 'lodging' && l.city ? `${l.city} ${l.nights}` : ''].filter(Boolean).join(' · ')}
                {l.overStandard && <div className="print-note">{t('claims.detail.overStandard', { limit: formatYuan(l.overStandard.limitFen), explanation: l.overStandard.explanation })}</div>}
              </td>
              <td>{l.invoiceNumber ?? ''}</td>
              <td className="num">{formatYuan(l.amountFen)}</td>
            </tr>
          ))}
          {claim.allowances.map((a, i) => (
            <tr key={`a${i}`}>
              <td>{claim.lines.length + i + 1}</td>
              <td />
              <td>{t(`claims.allowances.${a.kind}`)}</td>
              <td colSpan={2}>{t('claims.allowances.row', { kind: t(`claims.allowances.${a.kind}`), region: regionName(a.regionId), days: a.days, rate: formatYuan(a.rateFen) })}</td>
              <td className="num">{formatYuan(a.amountFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <tbody>
          <tr>
            <th>{t('claims.printPage.totalFigures')}</th>
            <td className="num" data-testid="print-total">
              {figures.total}
            </td>
            <th>{t('claims.printPage.totalCapital')}</th>
            <td data-testid="print-capital">{figures.capital}</td>
          </tr>
          <tr>
            <th>{t('claims.printPage.advance')}</th>
            <td className="num">{figures.advance}</td>
            <th>{t('claims.printPage.payable')}</th>
            <td className="num">{figures.payable}</td>
          </tr>
          <Row label={t('claims.printPage.payment')}>{claim.payment ? t('claims.detail.paidOn', { date: claim.payment.paidOn, reference: claim.payment.reference }) : t('claims.printPage.unpaid')}</Row>
        </tbody>
      </table>
      <Trail rows={approvalTrail(claim.history, nameOf)} />
    </div>
  );
}
