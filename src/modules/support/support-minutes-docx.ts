import { AlignmentType, BorderStyle, Document, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ITableCellOptions } from 'docx';
import { formatOfficialDate } from '../briefing/briefing-docx';

const FONT = 'Times New Roman';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
/** Sizes in half-points (Decree 30/2020, Appendix I). */
const PT = (points: number) => points * 2;

const STATUS_VI: Record<string, string> = { OPEN: 'Chưa thực hiện', IN_PROGRESS: 'Đang thực hiện', DONE: 'Đã hoàn thành', CANCELLED: 'Hủy bỏ' };

const run = (text: string, options: { size: number; bold?: boolean; italics?: boolean; underline?: boolean }) =>
  new TextRun({ text, font: FONT, size: PT(options.size), bold: options.bold, italics: options.italics, underline: options.underline ? {} : undefined });
const centered = (children: TextRun[], spacingAfter = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });
const body = (children: TextRun[]) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 720 }, spacing: { after: 120, line: 312 }, children });
const plainCell = (children: Paragraph[], widthTwips: number, options: Partial<ITableCellOptions> = {}) =>
  new TableCell({ children, width: { size: widthTwips, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, ...options });
const gridCell = (text: string, widthTwips: number, options: { bold?: boolean; center?: boolean } = {}) =>
  new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [new Paragraph({ alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, { size: 12, bold: options.bold })] })],
  });

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export type TMinutesInput = {
  conference: {
    id: number;
    heldOn: string;
    topic: string;
    chair: string;
    location: string | null;
    summary: string | null;
    enterprises: { name: string; taxCode: string }[];
    agencies: { name: string }[];
    commitments: { content: string; owner: { name: string }; deadline: string; status: string; progressNote: string | null }[];
  };
  number?: string;
  secretary?: string;
  date: Date;
};

/**
 * The minutes (BIÊN BẢN) of a business dialogue conference in the layout of Decree 30/2020/NĐ-CP
 * Appendix I: A4, margins 20/20/30/15 mm, Times New Roman; header table (authority and number |
 * national title, motto and the place and date of the conference), the type and summary centred,
 * justified 14 pt body, the table of commitments, signatures of the secretary and the chair.
 */
export const buildConferenceMinutesDocx = async ({ conference: c, number, secretary, date }: TMinutesInput): Promise<Buffer> => {
  const heldOn = new Date(`${c.heldOn}T05:00:00Z`);
  const header = new Table({
    width: { size: 9500, type: WidthType.DXA },
    columnWidths: [3800, 5700],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          plainCell(
            [
              centered([run('UBND THÀNH PHỐ HÀ NỘI', { size: 13 })]),
              centered([run('SỞ CÔNG THƯƠNG', { size: 13, bold: true })]),
              centered([run('________', { size: 13 })], 120),
              centered([run(`Số: ${number ?? '      /BB-SCT'}`, { size: 13 })]),
            ],
            3800,
          ),
          plainCell(
            [
              centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true })]),
              centered([run('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true, underline: true })], 240),
              centered([run(formatOfficialDate('Hà Nội', heldOn), { size: 14, italics: true })]),
            ],
            5700,
          ),
        ],
      }),
    ],
  });

  const participants = [
    ...c.agencies.map((a) => a.name),
    ...(c.enterprises.length ? [`đại diện ${c.enterprises.length} doanh nghiệp (danh sách kèm theo)`] : []),
  ];
  const paragraphs: Paragraph[] = [
    body([run('Thời gian: ', { size: 14, bold: true }), run(`ngày ${viDate(c.heldOn)}.`, { size: 14 })]),
    body([run('Địa điểm: ', { size: 14, bold: true }), run(`${c.location ?? 'Sở Công Thương Hà Nội'}.`, { size: 14 })]),
    body([run('Chủ trì: ', { size: 14, bold: true }), run(`${c.chair}.`, { size: 14 })]),
    body([run('Thành phần tham dự: ', { size: 14, bold: true }), run(participants.length ? `${participants.join('; ')}.` : 'theo danh sách đăng ký.', { size: 14 })]),
    body([run('Nội dung hội nghị: ', { size: 14, bold: true }), run(`${c.topic}.`, { size: 14 })]),
    ...(c.summary ?? '')
      .split(/\n+/)
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => body([run(x, { size: 14 })])),
    body([run('Các nội dung kết luận, cam kết giải quyết sau hội nghị:', { size: 14, bold: true })]),
  ];
  const widths = [600, 3900, 2300, 1300, 1400];
  const commitments = new Table({
    width: { size: 9500, type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID,
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['STT', 'Nội dung cam kết', 'Đơn vị chủ trì', 'Thời hạn', 'Tình trạng'].map((h, i) => gridCell(h, widths[i], { bold: true, center: true })),
      }),
      ...(c.commitments.length
        ? c.commitments.map(
            (x, i) =>
              new TableRow({
                children: [
                  gridCell(String(i + 1), widths[0], { center: true }),
                  gridCell(x.progressNote ? `${x.content} (${x.progressNote})` : x.content, widths[1]),
                  gridCell(x.owner.name, widths[2]),
                  gridCell(viDate(x.deadline), widths[3], { center: true }),
                  gridCell(STATUS_VI[x.status] ?? x.status, widths[4]),
                ],
              }),
          )
        : [new TableRow({ children: [gridCell('', widths[0]), gridCell('Không có cam kết.', widths[1]), gridCell('', widths[2]), gridCell('', widths[3]), gridCell('', widths[4])] })]),
    ],
  });
  const enterpriseList = c.enterprises.length
    ? [
        new Paragraph({ spacing: { before: 240, after: 120 }, children: [run('Danh sách doanh nghiệp tham dự:', { size: 14, bold: true })] }),
        ...c.enterprises.map((e, i) => new Paragraph({ indent: { left: 360 }, children: [run(`${i + 1}. ${e.name} (MST ${e.taxCode})`, { size: 13 })] })),
      ]
    : [];
  const closing = body([run(`Biên bản được lập ngày ${viDate(date.toISOString().slice(0, 10))} và thông qua tại hội nghị./.`, { size: 14, italics: true })]);

  const signature = new Table({
    width: { size: 9500, type: WidthType.DXA },
    columnWidths: [4750, 4750],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          plainCell([centered([run('THƯ KÝ', { size: 14, bold: true })]), centered([run('(Ký, ghi rõ họ tên)', { size: 13, italics: true })], 1400), centered([run(secretary ?? '', { size: 14, bold: true })])], 4750),
          plainCell([centered([run('CHỦ TRÌ HỘI NGHỊ', { size: 14, bold: true })]), centered([run('(Ký, ghi rõ họ tên)', { size: 13, italics: true })], 1400), centered([run(c.chair, { size: 14, bold: true })])], 4750),
        ],
      }),
    ],
  });

  const doc = new Document({
    creator: 'congthuong',
    title: `Biên bản hội nghị đối thoại doanh nghiệp: ${c.topic}`,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567 } },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })] })] }),
        },
        children: [
          header,
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          centered([run('BIÊN BẢN', { size: 14, bold: true })]),
          centered([run(`Hội nghị đối thoại doanh nghiệp: ${c.topic}`, { size: 14, bold: true })]),
          centered([run('_______________', { size: 14 })], 240),
          ...paragraphs,
          commitments,
          ...enterpriseList,
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          closing,
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          signature,
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
};
