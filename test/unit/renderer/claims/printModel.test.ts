import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../../shared/domain/attachment';
import { approvalTrail, claimFigures } from '../../../../renderer/features/claims/printModel';

const names: Record<string, string> = { lina: '李娜', zhangwei: '张伟', yangfan: '杨帆', wangqiang: '王强' };
const nameOf = (id: string) => names[id] ?? id;

describe('print model', () => {
  it('lists decisions with acting approvers and agency dates, not the submission', () => {
    const trail = approvalTrail(
      [
        { at: '2026-03-01T01:00:00.000Z', actorId: 'wangqiang', action: 'submitted', comment: null },
        { at: '2026-03-01T17:30:00.000Z', actorId: 'zhangwei', action: 'approved', comment: '同意', onBehalfOfId: 'lina' },
        { at: '2026-03-05T02:00:00.000Z', actorId: 'yangfan', action: 'paid', comment: 'BK-9' },
      ],
      nameOf,
    );
    expect(trail).toEqual([
      { approver: '张伟', onBehalfOf: '李娜', decision: 'approved', comment: '同意', date: '2026-03-02' },
      { approver: '杨帆', onBehalfOf: null, decision: 'paid', comment: 'BK-9', date: '2026-03-05' },
    ]);
  });

  it('gives the figures of the paper form: total in capitals, advance, payable, receipts', () => {
    const receipt: Attachment = { sha256: 'a'.repeat(64), name: 'a.pdf', mediaType: 'application/pdf', size: 1 };
    const figures = claimFigures({ travelRequestId: 't1', totalFen: 168032, advanceFen: 200000, payableFen: -31968, lines: [{ receipts: [receipt, receipt] }, { receipts: [receipt] }] });
    expect(figures).toEqual({ form: 'travel', total: '¥1,680.32', capital: '壹仟陆佰捌拾元叁角贰分', advance: '¥2,000.00', payable: '-¥319.68', receipts: 3 });
    expect(claimFigures({ travelRequestId: null, totalFen: 0, advanceFen: 0, payableFen: 0, lines: [] }).form).toBe('expense');
  });
});
