import { AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { blank, bodyParagraph as body, GRID_BORDERS, officialDocument, officialHeader, officialTitle, run, signer, toDocxBuffer, twoColumns } from '../../lib/official-docx';

const STATUS_VI: Record<string, string> = { OPEN: 'Chưa thực hiện', IN_PROGRESS: 'Đang thực hiện', DONE: 'Đã hoàn thành', CANCELLED: 'Hủy bỏ' };

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
    borders: GRID_BORDERS,
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

  const signature = twoColumns(
    signer({ titles: ['THƯ KÝ'], hint: '(Ký, ghi rõ họ tên)', name: secretary ?? '', size: 14, space: { after: 1400 } }),
    signer({ titles: ['CHỦ TRÌ HỘI NGHỊ'], hint: '(Ký, ghi rõ họ tên)', name: c.chair, size: 14, space: { after: 1400 } }),
    [4750, 4750],
  );

  return toDocxBuffer(
    officialDocument({
      title: `Biên bản hội nghị đối thoại doanh nghiệp: ${c.topic}`,
      fontSize: 14,
      margins: { top: 1134, bottom: 1134, left: 1701, right: 851 },
      pageNumbers: true,
      children: [
        officialHeader({ parentAuthority: 'UBND Thành phố Hà Nội', authority: 'Sở Công Thương', number: number ?? '      /BB-SCT', place: 'Hà Nội', date: heldOn }),
        ...officialTitle('BIÊN BẢN', `Hội nghị đối thoại doanh nghiệp: ${c.topic}`),
        ...paragraphs,
        commitments,
        ...enterpriseList,
        blank(120),
        closing,
        blank(240),
        signature,
      ],
    }),
  );
};
