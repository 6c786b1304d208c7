/**
 * The one-stop slips of TT 01/2018/TT-VPCP as DOCX (spec procedures-and-calendar §1.3):
 * Mẫu 01 (receipt and appointment, with a QR code for the public lookup), Mẫu 02 (request for
 * supplements), Mẫu 03 (refusal, at intake or after appraisal), Mẫu 04 (apology and new
 * appointment), Mẫu 05 (control of the handling process, from the journal) and Mẫu 06 (register of
 * dossiers, A4 landscape). Layout after Decree 30/2020 Appendix I (`lib/official-docx`)
 * (Times New Roman, A4, header table authority | national title). The official field lists of
 * the annex were not read [U]; the minimum of §1.3 is printed.
 */
import { AlignmentType, ImageRun, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import QRCode from 'qrcode';
import { cell, centered, officialDocument, officialHeader, run as officialRun, signer, toDocxBuffer, twoColumns } from '../../lib/official-docx';

/** Slips are set in 13 pt unless a size is given. */
const run = (text: string, o: { size?: number; bold?: boolean; italics?: boolean } = {}) => officialRun(text, { ...o, size: o.size ?? 13 });
const para = (children: TextRun[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; indent?: boolean } = {}) =>
  new Paragraph({ alignment: o.align ?? AlignmentType.JUSTIFIED, spacing: { after: o.after ?? 60 }, indent: o.indent ? { firstLine: 567 } : undefined, children });

/** Time as printed on the slips: hh giờ mm phút, ngày dd/mm/yyyy (Vietnam time). */
export const formatSlipTime = (at: Date): string => {
  const vn = new Date(at.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(vn.getUTCHours())} giờ ${p(vn.getUTCMinutes())} phút, ngày ${p(vn.getUTCDate())}/${p(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()}`;
};

export type TSlipHeader = { parentAuthority: string; authority: string; place: string; date: Date; number: string };

/** The header table of Decree 30, the motto with a line of underscores below it. */
const header = (h: TSlipHeader) => officialHeader({ ...h, motto: 'rule' });

/** Signatures: the applicant (left) and the officer (right). */
const signature = (title: string, name: string) =>
  twoColumns(
    signer({ titles: ['NGƯỜI NỘP HỒ SƠ'], hint: '(Ký và ghi rõ họ tên)', size: 13, space: { after: 0 } }),
    signer({ titles: [title], hint: '(Ký và ghi rõ họ tên)', name, size: 13, space: { paragraph: 800 } }),
    [4750, 4750],
  );

const document = (children: (Paragraph | Table)[], landscape = false) => officialDocument({ fontSize: 13, landscape, children });

/** A bordered table with a header row (Mẫu 05, Mẫu 06). */
const grid = (widths: number[], head: string[], rows: string[][], size = 11) =>
  new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell([centered([run(h, { size, bold: true })])], widths[i], true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell([para([run(v, { size })], { after: 0, align: i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT })], widths[i], true)) })),
    ],
  });

export type TReceiptSlip = TSlipHeader & {
  code: string;
  applicantName: string;
  applicantAddress: string;
  applicantPhone: string | null;
  applicantEmail: string | null;
  procedureName: string;
  components: { name: string; originals: number; copies: number }[];
  legalTime: string;
  receivedAt: Date;
  dueAt: Date;
  collectAt: string;
  channel: string;
  officerName: string;
  lookupUrl: string;
};

/** Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả, with a QR code of the public lookup URL. */
export const buildReceiptSlipDocx = async (s: TReceiptSlip): Promise<Buffer> => {
  const qr = await QRCode.toBuffer(s.lookupUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const components = new Table({
    width: { size: 9500, type: WidthType.DXA },
    columnWidths: [700, 6000, 1400, 1400],
    rows: [
      new TableRow({ tableHeader: true, children: ['TT', 'Tên giấy tờ', 'Bản chính', 'Bản sao'].map((h, i) => cell([centered([run(h, { size: 12, bold: true })])], [700, 6000, 1400, 1400][i], true)) }),
      ...s.components.map(
        (c, i) =>
          new TableRow({
            children: [
              cell([centered([run(String(i + 1), { size: 12 })])], 700, true),
              cell([para([run(c.name, { size: 12 })], { after: 0 })], 6000, true),
              cell([centered([run(String(c.originals), { size: 12 })])], 1400, true),
              cell([centered([run(String(c.copies), { size: 12 })])], 1400, true),
            ],
          }),
      ),
    ],
  });
  return toDocxBuffer(
    document([
      header(s),
      centered([run('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { size: 14, bold: true })], 60),
      centered([run(`Mã hồ sơ: ${s.code}`, { size: 14, bold: true })], 200),
      para([run(`${s.authority} tiếp nhận hồ sơ của: `), run(s.applicantName, { bold: true })]),
      para([run(`Địa chỉ: ${s.applicantAddress}`)]),
      para([run(`Số điện thoại: ${s.applicantPhone ?? '…'}    Thư điện tử: ${s.applicantEmail ?? '…'}`)]),
      para([run(`Nội dung yêu cầu giải quyết: ${s.procedureName}`)]),
      para([run(`Hình thức nộp: ${s.channel}`)]),
      para([run('1. Thành phần hồ sơ nộp gồm:')]),
      components,
      para([run(`2. Số lượng hồ sơ: 01 (bộ)`)], { after: 60 }),
      para([run(`3. Thời gian giải quyết hồ sơ theo quy định là: ${s.legalTime}`)]),
      para([run(`4. Thời gian nhận hồ sơ: ${formatSlipTime(s.receivedAt)}`)]),
      para([run(`5. Thời gian trả kết quả giải quyết hồ sơ: ${formatSlipTime(s.dueAt)}`, { bold: true })]),
      para([run(`6. Nhận kết quả tại: ${s.collectAt}`)]),
      para([run('Vào Sổ theo dõi hồ sơ, Quyển số: 01, Số thứ tự: ' + s.code.slice(-4))], { after: 120 }),
      new Paragraph({ alignment: AlignmentType.LEFT, children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 110, height: 110 } })] }),
      para([run(`Tra cứu tình trạng hồ sơ: ${s.lookupUrl}`, { size: 11, italics: true })], { after: 200 }),
      signature('NGƯỜI TIẾP NHẬN HỒ SƠ', s.officerName),
    ]),
  );
};

export type TSupplementSlip = TSlipHeader & {
  code: string;
  applicantName: string;
  procedureName: string;
  receivedAt: Date;
  requestedAt: Date;
  reason: string;
  items: string[];
  officerName: string;
};

/** Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export const buildSupplementSlipDocx = async (s: TSupplementSlip): Promise<Buffer> =>
  toDocxBuffer(
    document([
      header(s),
      centered([run('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', { size: 14, bold: true })], 200),
      para([run(`Hồ sơ của: `), run(s.applicantName, { bold: true }), run(` — mã hồ sơ ${s.code}, tiếp nhận lúc ${formatSlipTime(s.receivedAt)}.`)]),
      para([run(`Nội dung yêu cầu giải quyết: ${s.procedureName}`)]),
      para([run(`Sau khi xem xét, ${s.authority} đề nghị bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`)]),
      ...(s.items.length ? s.items : ['(theo lý do dưới đây)']).map((item, i) => para([run(`${i + 1}. ${item}`)], { indent: true })),
      para([run(`Lý do: ${s.reason}`)]),
      para([run('Thời hạn giải quyết được tính lại từ đầu kể từ khi nhận đủ hồ sơ bổ sung (khoản 4 Điều 19 Nghị định 61/2018/NĐ-CP).', { italics: true })]),
      para([run(`Thời điểm yêu cầu: ${formatSlipTime(s.requestedAt)}. Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, xin liên hệ ${s.authority}.`)], { after: 200 }),
      signature('NGƯỜI HƯỚNG DẪN', s.officerName),
    ]),
  );

export type TApologySlip = TSlipHeader & {
  code: string;
  applicantName: string;
  procedureName: string;
  receivedAt: Date;
  dueAt: Date;
  newDueAt: Date;
  reason: string;
  signerTitle: string;
  signerName: string;
};

/** Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export const buildApologySlipDocx = async (s: TApologySlip): Promise<Buffer> =>
  toDocxBuffer(
    document([
      header(s),
      centered([run('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', { size: 14, bold: true })], 200),
      para([run(`Kính gửi: ${s.applicantName}`, { size: 14 })], { align: AlignmentType.CENTER, after: 200 }),
      para([run(`Ngày ${formatSlipTime(s.receivedAt)}, ${s.authority} tiếp nhận hồ sơ mã số ${s.code} đề nghị giải quyết thủ tục: ${s.procedureName}.`)], { indent: true }),
      para([run(`Thời gian hẹn trả kết quả giải quyết hồ sơ: ${formatSlipTime(s.dueAt)}.`)], { indent: true }),
      para([run(`Tuy nhiên đến nay, hồ sơ chưa được giải quyết đúng hạn. Lý do: ${s.reason}`)], { indent: true }),
      para([run(`Sự chậm trễ này đã gây phiền hà cho Quý tổ chức, cá nhân. ${s.authority} xin lỗi và hẹn lại thời gian trả kết quả vào ${formatSlipTime(s.newDueAt)}.`)], { indent: true }),
      para([run('Xin trân trọng cảm ơn sự hợp tác của Quý tổ chức, cá nhân./.')], { indent: true, after: 200 }),
      twoColumns([para([])], signer({ titles: [s.signerTitle], name: s.signerName, size: 13, space: { paragraph: 800 } }), [4750, 4750]),
    ]),
  );

export type TRefusalSlip = TSlipHeader & {
  /** INTAKE: refused at reception (status 3); APPRAISAL: refused after appraisal (result REFUSED). */
  stage: 'INTAKE' | 'APPRAISAL';
  code: string | null;
  applicantName: string;
  applicantAddress: string;
  procedureName: string;
  submittedAt: Date | null;
  refusedAt: Date;
  reason: string;
  officerName: string;
};

/** Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ (at intake, or after appraisal). */
export const buildRefusalSlipDocx = async (s: TRefusalSlip): Promise<Buffer> =>
  toDocxBuffer(
    document([
      header(s),
      centered([run('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', { size: 14, bold: true })], 200),
      para([run(`${s.authority} nhận được hồ sơ đề nghị giải quyết thủ tục: ${s.procedureName}`)], { indent: true }),
      para([run('Của: '), run(s.applicantName, { bold: true }), run(` — địa chỉ: ${s.applicantAddress}`)], { indent: true }),
      para([run(s.code ? `Mã hồ sơ: ${s.code}` : 'Hồ sơ chưa được cấp mã (chưa được tiếp nhận).')], { indent: true }),
      ...(s.submittedAt ? [para([run(`Thời điểm nộp hồ sơ: ${formatSlipTime(s.submittedAt)}`)], { indent: true })] : []),
      para(
        [
          run(
            s.stage === 'INTAKE'
              ? `Qua xem xét, ${s.authority} từ chối tiếp nhận hồ sơ này vì lý do sau:`
              : `Sau khi thẩm định, ${s.authority} từ chối giải quyết hồ sơ này vì lý do sau:`,
          ),
        ],
        { indent: true },
      ),
      para([run(s.reason || '…', { bold: true })], { indent: true }),
      para([run(`Thời điểm từ chối: ${formatSlipTime(s.refusedAt)}.`)], { indent: true }),
      para([run('Xin thông báo để Quý tổ chức, cá nhân biết./.')], { indent: true, after: 200 }),
      signature('NGƯỜI TIẾP NHẬN HỒ SƠ', s.officerName),
    ]),
  );

export type TControlSlip = TSlipHeader & {
  code: string;
  applicantName: string;
  procedureName: string;
  receivedAt: Date;
  dueAt: Date | null;
  /** Each hand-over or action of the journal, in order. */
  entries: { at: Date; action: string; actor: string; unit: string; result: string }[];
};

/** Mẫu 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ (from the dossier's journal). */
export const buildControlSlipDocx = async (s: TControlSlip): Promise<Buffer> =>
  toDocxBuffer(
    document([
      header(s),
      centered([run('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', { size: 14, bold: true })], 60),
      centered([run(`Mã hồ sơ: ${s.code}`, { bold: true })], 200),
      para([run(`Cơ quan giải quyết hồ sơ: ${s.authority}`)]),
      para([run('Người nộp hồ sơ: '), run(s.applicantName, { bold: true })]),
      para([run(`Thủ tục: ${s.procedureName}`)]),
      para([run(`Thời gian nhận hồ sơ: ${formatSlipTime(s.receivedAt)}`)]),
      para([run(`Thời gian trả kết quả giải quyết hồ sơ: ${s.dueAt ? formatSlipTime(s.dueAt) : '…'}`)], { after: 120 }),
      grid(
        [500, 2000, 2300, 2000, 2700],
        ['TT', 'Thời gian giao, nhận', 'Người thực hiện', 'Đơn vị', 'Nội dung, kết quả giải quyết'],
        s.entries.map((e, i) => [String(i + 1), formatSlipTime(e.at), e.actor, e.unit, e.result ? `${e.action}: ${e.result}` : e.action]),
      ),
    ]),
  );

export type TRegister = TSlipHeader & {
  unitName: string | null;
  from: string;
  to: string;
  rows: { code: string; procedureName: string; applicant: string; contact: string; receivedAt: Date; dueAt: Date | null; unit: string; finishedAt: Date | null; returnedAt: Date | null; note: string }[];
};

/** Mẫu 06 — Sổ theo dõi hồ sơ (A4 landscape): the dossiers received by a unit over a date range. */
export const buildRegisterDocx = async (s: TRegister): Promise<Buffer> => {
  const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const at = (d: Date | null) => (d ? formatSlipTime(d).replace(' giờ ', ':').replace(' phút, ngày ', ' ') : '');
  return toDocxBuffer(
    document(
      [
        header(s),
        centered([run('SỔ THEO DÕI HỒ SƠ', { size: 14, bold: true })], 60),
        centered([run(`${s.unitName ? `Đơn vị: ${s.unitName} — ` : ''}Từ ngày ${dmy(s.from)} đến ngày ${dmy(s.to)} — ${s.rows.length} hồ sơ`, { italics: true })], 200),
        grid(
          [500, 2100, 2500, 2000, 1700, 1300, 1300, 1500, 1300, 1300, 1100],
          ['TT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Tổ chức, cá nhân', 'Địa chỉ, số điện thoại', 'Ngày nhận', 'Hẹn trả', 'Chuyển xử lý', 'Có kết quả', 'Trả kết quả', 'Ghi chú'],
          s.rows.map((r, i) => [String(i + 1), r.code, r.procedureName, r.applicant, r.contact, at(r.receivedAt), at(r.dueAt), r.unit, at(r.finishedAt), at(r.returnedAt), r.note]),
          10,
        ),
      ],
      true,
    ),
  );
};
