// Demo content beyond the directory, for someone trying the product (`npm start`): a few
// official forms in the library (real Excel workbooks, generated here) and a meeting notice
// next week. Tests start from an empty agency instead, so what they count is what they made.
import { createHash, randomUUID } from 'node:crypto';
import { addDays, agencyDate } from '../../shared/calendar/dates';
import { runMutator } from '../../shared/mutators';
import { putBlob } from '../blobs/store';
import type { Queryable } from '../store/database';
import { SqlDocTx } from '../store/documents';

type ExcelModule = typeof import('exceljs');
async function loadExcel(): Promise<ExcelModule> {
  const mod: ExcelModule & { default?: ExcelModule } = await import('exceljs');
  return mod.default ?? mod;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface DemoForm {
  id: string;
  title: string;
  category: string;
  issuingDepartment: string;
  description: string;
  publisher: string;
  versions: Array<{ version: string; effectiveOn: string; note: string; rows: string[] }>;
}

async function workbook(title: string, rows: readonly string[]): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const book = new Excel.Workbook();
  book.creator = 'Bureau';
  // A fixed date: the same form generates the same bytes, so the same hash, on every install.
  book.created = new Date('2026-01-01T00:00:00Z');
  book.modified = book.created;
  const sheet = book.addWorksheet('表格');
  sheet.mergeCells('A1:D1');
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { size: 16, bold: true };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  rows.forEach((label, i) => {
    sheet.getCell(`A${i + 3}`).value = label;
    sheet.getCell(`A${i + 3}`).font = { bold: true };
    sheet.mergeCells(`B${i + 3}:D${i + 3}`);
  });
  sheet.getColumn(1).width = 22;
  for (const c of [2, 3, 4]) sheet.getColumn(c).width = 20;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function demoForms(today: string): DemoForm[] {
  const year = Number(today.slice(0, 4));
  return [
    {
      id: 'form-leave',
      title: '职工请（休）假审批表',
      category: '人事',
      issuingDepartment: '人事处',
      description: '线下补办请假手续或档案留存时使用；日常请假请直接在系统中申请。',
      publisher: 'zhouting',
      versions: [{ version: `${year - 1}版`, effectiveOn: `${year - 1}-01-01`, note: '', rows: ['姓名', '部门', '假别', '请假时间', '天数', '事由', '处室意见', '人事处意见'] }],
    },
    {
      id: 'form-travel-claim',
      title: '差旅费报销单',
      category: '财务',
      issuingDepartment: '财务处',
      description: '纸质报销单样式，附票据粘贴单。',
      publisher: 'yangfan',
      versions: [
        { version: `${year - 1}版`, effectiveOn: `${year - 1}-01-01`, note: '', rows: ['报销人', '部门', '出差事由', '起止日期', '交通费', '住宿费', '伙食补助', '合计（大写）'] },
        { version: `${year}版`, effectiveOn: `${year}-01-01`, note: '增加“市内交通费”和“借款冲抵”两栏。', rows: ['报销人', '部门', '出差事由', '起止日期', '交通费', '住宿费', '伙食补助', '市内交通费', '借款冲抵', '合计（大写）'] },
      ],
    },
    {
      id: 'form-abroad',
      title: '因公出国（境）人员审批表',
      category: '外事',
      issuingDepartment: '市外事办公室',
      description: '因公出国（境）任务须提前报批，随附邀请函及日程安排。',
      publisher: 'lina',
      versions: [{ version: 'v1', effectiveOn: `${year}-03-01`, note: '', rows: ['姓名', '职务', '出访国家（地区）', '出访任务', '在外天数', '经费来源', '单位意见', '外事部门意见'] }],
    },
  ];
}

async function run(tx: Queryable, name: string, args: unknown, actorId: string, now: string): Promise<void> {
  const docs = new SqlDocTx(tx);
  await runMutator(name, args, { tx: docs, actorId, now });
  await docs.commit();
}

export async function seedDemoContent(tx: Queryable, now: string): Promise<void> {
  const today = agencyDate(now);
  for (const form of demoForms(today)) {
    for (const v of form.versions) {
      const data = await workbook(form.title, v.rows);
      const sha256 = createHash('sha256').update(data).digest('hex');
      await putBlob(tx, { sha256, mediaType: XLSX, data, userId: form.publisher });
      await run(
        tx,
        'form.publish',
        {
          id: form.id,
          title: form.title,
          category: form.category,
          issuingDepartment: form.issuingDepartment,
          description: form.description,
          version: v.version,
          effectiveOn: v.effectiveOn,
          note: v.note,
          file: { sha256, name: `${form.title}（${v.version}）.xlsx`, mediaType: XLSX, size: data.byteLength },
        },
        form.publisher,
        now,
      );
    }
  }
  // Next Wednesday 09:30–11:00 agency time, replies by the Monday before.
  const start = addDays(today, ((10 - new Date(`${today}T00:00:00Z`).getUTCDay()) % 7) + 7);
  await run(
    tx,
    'meeting.issue',
    {
      id: randomUUID(),
      title: '第四季度工作推进会',
      startAt: `${start}T09:30:00+08:00`,
      endAt: `${start}T11:00:00+08:00`,
      location: '三楼第一会议室',
      agenda: '一、各处室汇报第四季度重点工作进展；\n二、研究年底考核安排；\n三、其他事项。',
      attachments: [],
      invitedUserIds: ['liuyang', 'zhouting', 'yangfan'],
      invitedDepartmentIds: ['general'],
      replyDeadline: `${addDays(start, -2)}T18:00:00+08:00`,
      substituteAllowed: true,
    },
    'lina',
    now,
  );
}
