// Expense claims as the server enforces them, with real Node clients (Dexie on fake-indexeddb):
// invoice numbers unique across the agency even when two machines claim the same one offline,
// receipts that must reach the server before the claim that names them (blob.missing), an upload
// cut half-way that resumes, and the whole chain from a trip to the payment, each party seeing
// each step by pull. On PGlite and on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomId } from '../../renderer/db';
import { storeAttachment } from '../../renderer/db/blobs';
import { BlobUploader } from '../../renderer/sync/blobUploader';
import { invoiceRegistryId, type ClaimSubmitArgs } from '../../shared/mutators/claims';
import { BACKENDS } from '../support/backends';
import { login } from '../support/harness';
import { sees, serverSuite } from '../support/serverSuite';
import { openSocket, pushMutation, sha256Hex } from '../support/wire';

/** A scanned invoice: a PDF header and enough random bytes to make it unique and worth cutting. */
const scan = (label: string, size = 64 * 1024) => new Uint8Array(Buffer.concat([Buffer.from(`%PDF-1.7 ${label} `), randomBytes(size)]));
const picked = (name: string, bytes: Uint8Array) => ({ name, type: 'application/pdf', size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer });

/** An invoice number nobody has claimed in this run. */
const freshInvoice = () => `0440${randomBytes(6).toString('hex').toUpperCase()}`;

type LineArgs = ClaimSubmitArgs['lines'][number];
const line = (overrides: Partial<LineArgs> = {}): LineArgs => ({ id: randomId(), category: 'transport', date: '2026-03-09', amountMinor: 55_300, description: '高铁 广州南—北京西', ...overrides });

describe.each(BACKENDS)('expense claims enforced by the server (%s)', (backend) => {
  const suite = serverSuite(backend);
  const { client, serverDoc, blobStored } = suite;

  it('accepts exactly one of two offline claims of the same invoice; the other is rolled back on its machine with the reason', async () => {
    const [a, b] = [await client('wangqiang'), await client('zhaomin')];
    const invoice = freshInvoice();
    const [first, second] = [randomId(), randomId()];
    a.engine.stop();
    b.engine.stop();
    // Written differently on each: the registry compares the normalized number.
    await a.store.mutate('claim.submit', { id: first, title: '北京出差交通费', lines: [line({ invoiceNumber: invoice })] });
    await b.store.mutate('claim.submit', { id: second, title: '交通费', lines: [line({ invoiceNumber: `${invoice.slice(0, 4)} ${invoice.slice(4).toLowerCase()}` })] });
    // Offline, each machine believes its own claim holds the number.
    expect((await a.store.db.invoices.get(invoiceRegistryId(invoice)))?.claimId).toBe(first);
    expect((await b.store.db.invoices.get(invoiceRegistryId(invoice)))?.claimId).toBe(second);

    a.engine.start();
    b.engine.start();
    await Promise.all([a.settle(), b.settle()]);

    const onServer = await Promise.all([first, second].map((id) => serverDoc('expenseClaims', id)));
    expect(onServer.filter(Boolean)).toHaveLength(1);
    const winner = onServer[0] ? first : second;
    const [loser, loserClaim] = winner === first ? [b, second] : [a, first];
    expect(await loser.store.unseenRejections()).toEqual([expect.objectContaining({ name: 'claim.submit', code: 'claim.duplicate_invoice', params: { invoice } })]);
    expect(await loser.store.db.expenseClaims.get(loserClaim)).toBeUndefined();
    // Both machines now agree on who holds the number.
    for (const machine of [a, b]) {
      await sees(machine, 'the registry entry of the accepted claim', async () => (await machine.store.db.invoices.get(invoiceRegistryId(invoice)))?.claimId === winner);
    }
    expect(await serverDoc('invoices', invoiceRegistryId(invoice))).toMatchObject({ claimId: winner, released: false });
  });

  it('refuses a claim whose receipt never reached the server (blob.missing), and accepts it once the uploader has sent the file', async () => {
    const staff = await client('liuyang');
    const bytes = scan('receipt never uploaded');
    const hash = sha256Hex(bytes);
    const receipt = { sha256: hash, name: '发票.pdf', mediaType: 'application/pdf', size: bytes.byteLength };
    const args = { id: randomId(), title: '会议费', lines: [line({ category: 'conference', invoiceNumber: freshInvoice(), receipts: [receipt] })] };
    const { token } = await login(suite.server.url, 'liuyang');
    const socket = await openSocket(suite.server.url, token);
    const push = (mutationId: number) => pushMutation(socket, `claims-blob-${backend}`, mutationId, 'claim.submit', args);
    try {
      // Straight over the protocol, without uploading first: refused for good.
      const refused = await push(1);
      expect(refused.ok && refused.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'blob.missing', params: { name: '发票.pdf' } } });
      expect(await serverDoc('expenseClaims', args.id)).toBeUndefined();

      // The client keeps the file, and its uploader sends it before anything is pushed.
      const stored = await storeAttachment(staff.store, picked('发票.pdf', bytes));
      expect(stored).toMatchObject({ ok: true, attachment: { sha256: hash } });
      const uploader = new BlobUploader({ serverUrl: suite.server.url, getToken: () => token });
      expect(await uploader.uploadPending(staff.store)).toMatchObject({ uploaded: [hash], stopped: null });
      expect(await blobStored(hash)).toBe(true);

      const accepted = await push(2);
      expect(accepted.ok && accepted.results[0]?.status).toBe('applied');
      expect((await serverDoc('expenseClaims', args.id))?.lines[0]?.receipts).toEqual([receipt]);
    } finally {
      socket.close();
    }
  });

  it('resumes an upload cut half-way, and the claim it holds back is then accepted', async () => {
    const staff = await client('chenjing');
    const bytes = scan('cut half-way', 256 * 1024);
    const hash = sha256Hex(bytes);
    staff.engine.stop();
    const stored = await storeAttachment(staff.store, picked('住宿发票.pdf', bytes));
    if (!stored.ok) throw new Error(stored.code);
    const id = randomId();
    await staff.store.mutate('claim.submit', { id, title: '住宿费', lines: [line({ category: 'lodging', city: '北京', nights: 1, amountMinor: 40_000, invoiceNumber: freshInvoice(), receipts: [stored.attachment] })] });

    // The connection drops after half the file: the request fails while the body is streaming.
    let cuts = 0;
    const cutting: typeof fetch = async (input, init) => {
      if (init?.method !== 'PUT' || !(init.body instanceof Blob)) return fetch(input, init);
      cuts++;
      const all = new Uint8Array(await init.body.arrayBuffer());
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(all.slice(0, all.length >> 1));
          controller.error(new Error('connection reset'));
        },
      });
      return fetch(input, { ...init, body, duplex: 'half' } as RequestInit);
    };
    const { token } = await login(suite.server.url, 'chenjing');
    const cut = await new BlobUploader({ serverUrl: suite.server.url, getToken: () => token, fetch: cutting }).uploadPending(staff.store);
    expect(cuts).toBe(1);
    expect(cut).toMatchObject({ uploaded: [], failed: [], stopped: 'offline' });
    // Nothing half-written is kept, and the file is still owed.
    expect(await blobStored(hash)).toBe(false);
    expect((await staff.store.db.blobs.get(hash))?.uploaded).toBe(0);

    // Back online: the engine's uploader sends the file again, whole, then pushes the claim.
    staff.engine.start();
    await staff.settle();
    expect(await blobStored(hash)).toBe(true);
    expect((await staff.store.db.blobs.get(hash))?.uploaded).toBe(1);
    expect(await serverDoc('expenseClaims', id)).toMatchObject({ status: 'pending', lines: [expect.objectContaining({ receipts: [stored.attachment] })] });
    expect(await staff.store.unseenRejections()).toEqual([]);
  });

  it('runs the whole chain: trip, manager approval, claim from the trip, manager, finance, payment, each seen by pull', async () => {
    const staff = await client('wangqiang');
    const manager = await client('lina');
    const finance = await client('yangfan');
    const tripId = randomId();
    const claimId = randomId();

    await staff.store.mutate('travel.submit', {
      id: tripId,
      purpose: '赴京汇报政务服务改革工作',
      legs: [
        { fromCity: '广州', toCity: '北京', date: '2026-03-09', mode: 'train', travelClass: 'second' },
        { fromCity: '北京', toCity: '广州', date: '2026-03-12', mode: 'train', travelClass: 'second' },
      ],
      estimates: [{ category: 'transport', amountFen: 200_000 }],
      advanceFen: 50_000,
    });
    await staff.settle();
    await sees(manager, 'the trip in her inbox', async () => (await manager.store.db.travelRequests.where('pendingApproverIds').equals('lina').primaryKeys()).includes(tripId));
    await manager.store.mutate('travel.decide', { id: tripId, decision: 'approve', comment: '同意', revision: 1 });
    await manager.settle();
    await sees(staff, 'the trip approved', async () => (await staff.store.db.travelRequests.get(tripId))?.status === 'approved');

    await staff.store.mutate('claim.submit', { id: claimId, travelRequestId: tripId, title: '北京出差报销', lines: [line({ amountMinor: 110_600, invoiceNumber: freshInvoice() })] });
    await staff.settle();
    // 1,106 yuan of fares and 4 days of 北京 allowances (100 + 80 a day): 1,826; 500 advanced.
    expect(await serverDoc('expenseClaims', claimId)).toMatchObject({ status: 'pending', totalFen: 182_600, advanceFen: 50_000, payableFen: 132_600, pendingApproverIds: ['lina'] });

    await sees(manager, 'the claim in her inbox', async () => (await manager.store.db.expenseClaims.where('pendingApproverIds').equals('lina').primaryKeys()).includes(claimId));
    await manager.store.mutate('claim.decide', { id: claimId, decision: 'approve', comment: '', revision: 1 });
    await manager.settle();

    await sees(finance, 'the claim for finance review', async () => (await finance.store.db.expenseClaims.where('pendingApproverIds').equals('yangfan').primaryKeys()).includes(claimId));
    await finance.store.mutate('claim.decide', { id: claimId, decision: 'approve', comment: '单据齐全', revision: 1 });
    await finance.store.mutate('claim.markPaid', { id: claimId, reference: 'ZF-2026-0318-01', paidOn: '2026-03-18' });
    await finance.settle();
    expect(await finance.store.unseenRejections()).toEqual([]);

    await sees(staff, 'the claim paid with its reference', async () => (await staff.store.db.expenseClaims.get(claimId))?.status === 'paid');
    const paid = await staff.store.db.expenseClaims.get(claimId);
    expect(paid?.payment).toEqual({ reference: 'ZF-2026-0318-01', paidOn: '2026-03-18', byId: 'yangfan' });
    expect(paid?.history.map((h) => [h.actorId, h.action])).toEqual([
      ['wangqiang', 'submitted'],
      ['lina', 'approved'],
      ['yangfan', 'approved'],
      ['yangfan', 'paid'],
    ]);
    await sees(manager, 'the claim paid', async () => (await manager.store.db.expenseClaims.get(claimId))?.status === 'paid');
  });
});
