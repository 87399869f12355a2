// The forms library's files as the server keeps them, with real Node clients (Dexie on
// fake-indexeddb): a publisher's client uploads the template before the mutation that names it,
// colleagues pull the catalog and download each version's file by its hash, a form published
// before its file reached the server is refused (blob.missing) and accepted once it has, and
// staff cannot publish. On PGlite and on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomId } from '../../renderer/db';
import { agencyDate } from '../../shared/calendar/dates';
import { currentVersion, versionStatus } from '../../shared/forms/catalog';
import { MutationRejected } from '../../shared/mutators';
import type { FormFile } from '../../shared/domain/forms';
import type { FormPublishArgs } from '../../shared/mutators/forms';
import { BACKENDS } from '../support/backends';
import { login } from '../support/harness';
import { sees, serverSuite } from '../support/serverSuite';
import { downloadAs, keepLocal, openSocket, pushMutation, putBlob, sha256Hex } from '../support/wire';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An office file: a ZIP header and random bytes, unique per call. */
const officeFile = (label: string, size = 32 * 1024) => new Uint8Array(Buffer.concat([Buffer.from(`PK\u0003\u0004${label}`), randomBytes(size)]));

function publishArgs(id: string, file: FormFile, overrides: Partial<FormPublishArgs> = {}): FormPublishArgs {
  return { id, title: '请假审批表', category: '人事', issuingDepartment: '人事处', description: '年休假、事假、病假通用', version: '2025版', effectiveOn: '2025-01-01', note: '', file, ...overrides };
}

describe.each(BACKENDS)('forms library: template files on the server (%s)', (backend) => {
  const suite = serverSuite(backend);
  const { client, blobStored } = suite;
  const serverForm = (id: string) => suite.serverDoc('formTemplates', id);

  it('a publisher uploads a template and publishes it; a colleague pulls the form and downloads the file by its hash', async () => {
    const hr = await client('zhouting');
    const staff = await client('wangqiang');
    const bytes = officeFile('请假审批表 2025');
    const file = await keepLocal(hr, '请假审批表.docx', DOCX, bytes);
    const id = randomId();

    await hr.store.mutate('form.publish', publishArgs(id, file));
    await hr.settle();
    expect(await hr.store.unseenRejections()).toEqual([]);
    // The engine sent the file before the mutation that names it.
    expect(await blobStored(file.sha256)).toBe(true);
    expect((await hr.store.db.blobs.get(file.sha256))?.uploaded).toBe(1);
    expect(await serverForm(id)).toMatchObject({ title: '请假审批表', archived: false, versions: [{ version: '2025版', file, publishedBy: 'zhouting' }] });

    await sees(staff, 'the new form', async () => (await staff.store.db.formTemplates.get(id)) !== undefined);
    expect(await staff.store.db.blobs.get(file.sha256)).toBeUndefined();
    expect(await staff.engine.fetchAttachment(file)).toBe('ok');
    const copy = await staff.store.db.blobs.get(file.sha256);
    expect(copy).toMatchObject({ name: '请假审批表.docx', mediaType: DOCX, size: bytes.byteLength, uploaded: 1 });
    expect(new Uint8Array(await copy!.data.arrayBuffer())).toEqual(bytes);
  });

  it('refuses a form whose file never reached the server (blob.missing), and accepts it once the file is uploaded', async () => {
    const bytes = officeFile('差旅费报销单');
    const file = { sha256: sha256Hex(bytes), name: '差旅费报销单.xlsx', mediaType: XLSX, size: bytes.byteLength };
    const args = publishArgs(randomId(), file, { title: '差旅费报销单', category: '财务', issuingDepartment: '财务处' });
    const { token } = await login(suite.server.url, 'yangfan');
    const socket = await openSocket(suite.server.url, token);
    const push = (mutationId: number) => pushMutation(socket, `forms-blob-${backend}`, mutationId, 'form.publish', args);
    try {
      const refused = await push(1);
      expect(refused.ok && refused.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'blob.missing', params: { name: '差旅费报销单.xlsx' } } });
      expect(await serverForm(args.id)).toBeUndefined();

      expect(await putBlob(suite.server.url, token, file.sha256, XLSX, bytes)).toBe(201);
      const accepted = await push(2);
      expect(accepted.ok && accepted.results[0]?.status).toBe('applied');
      expect((await serverForm(args.id))?.versions.map((v) => v.file)).toEqual([file]);
    } finally {
      socket.close();
    }
  });

  it('publishes a new version beside the old one; both files stay downloadable and the catalog shows which is current', async () => {
    const office = await client('lina');
    const reader = await client('chenjing');
    const id = randomId();
    const oldBytes = officeFile('会议室使用登记表 旧版');
    const newBytes = officeFile('会议室使用登记表 新版');
    const oldFile = await keepLocal(office, '会议室使用登记表.docx', DOCX, oldBytes);
    const args = { title: '会议室使用登记表', category: '综合', issuingDepartment: '综合处' };
    await office.store.mutate('form.publish', publishArgs(id, oldFile, { ...args, version: 'v1.9', effectiveOn: '2025-06-01' }));
    await office.settle();
    const newFile = await keepLocal(office, '会议室使用登记表（修订）.docx', DOCX, newBytes);
    await office.store.mutate('form.publish', publishArgs(id, newFile, { ...args, version: 'v1.10', effectiveOn: '2026-01-01', note: '增加视频会议设备栏' }));
    await office.settle();
    expect(await office.store.unseenRejections()).toEqual([]);
    expect((await serverForm(id))?.versions.map((v) => [v.version, v.file.sha256])).toEqual([
      ['v1.9', oldFile.sha256],
      ['v1.10', newFile.sha256],
    ]);

    await sees(reader, 'both versions', async () => (await reader.store.db.formTemplates.get(id))?.versions.length === 2);
    const form = await reader.store.db.formTemplates.get(id);
    const today = agencyDate(new Date().toISOString());
    expect(currentVersion(form!, today)?.version).toBe('v1.10');
    expect(form!.versions.map((v) => versionStatus(form!, v, today))).toEqual(['superseded', 'current']);

    expect(await downloadAs(suite.server.url, 'chenjing', oldFile.sha256)).toEqual(oldBytes);
    expect(await downloadAs(suite.server.url, 'chenjing', newFile.sha256)).toEqual(newBytes);
  });

  it('refuses publishing by staff: at once on their own machine, and by the server for a client that tries anyway', async () => {
    const staff = await client('zhaomin');
    const bytes = officeFile('自制表格');
    const file = await keepLocal(staff, '自制表格.docx', DOCX, bytes);
    const args = publishArgs(randomId(), file, { title: '自制表格' });
    const refusal = await staff.store.mutate('form.publish', args).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refusal).toBeInstanceOf(MutationRejected);
    expect((refusal as MutationRejected).code).toBe('auth.forbidden');
    expect(await staff.store.pendingCount()).toBe(0);
    expect(await staff.store.db.formTemplates.get(args.id)).toBeUndefined();

    // The same file uploaded by hand and the mutation pushed straight over the protocol.
    const { token } = await login(suite.server.url, 'zhaomin');
    expect(await putBlob(suite.server.url, token, file.sha256, DOCX, bytes)).toBe(201);
    const socket = await openSocket(suite.server.url, token);
    try {
      const res = await pushMutation(socket, `forms-staff-${backend}`, 1, 'form.publish', args);
      expect(res.ok && res.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'auth.forbidden' } });
    } finally {
      socket.close();
    }
    expect(await serverForm(args.id)).toBeUndefined();
    // Nobody else can read a file no published form references.
    const other = await login(suite.server.url, 'wangqiang');
    expect((await fetch(`${suite.server.url}/api/blobs/${file.sha256}`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
  });
});
