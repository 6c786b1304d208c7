import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ITableCellOptions,
} from 'docx';

const FONT = 'Times New Roman';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
/** Sizes in half-points (Decree 30/2020, Appendix I). */
const PT = (points: number) => points * 2;

const run = (text: string, options: { size: number; bold?: boolean; italics?: boolean; underline?: boolean }) =>
  new TextRun({ text, font: FONT, size: PT(options.size), bold: options.bold, italics: options.italics, underline: options.underline ? {} : undefined });

const centered = (children: TextRun[], spacingAfter = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });

const cell = (children: Paragraph[], widthTwips: number, options: Partial<ITableCellOptions> = {}) =>
  new TableCell({ children, width: { size: widthTwips, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, ...options });

/** Date line per Decree 30: days below 10 and months 1–2 get a leading zero. */
export const formatOfficialDate = (place: string, date: Date): string => {
  const vn = new Date(date.getTime() + 7 * 3600_000);
  const d = vn.getUTCDate();
  const m = vn.getUTCMonth() + 1;
  return `${place}, ngày ${d < 10 ? `0${d}` : d} tháng ${m <= 2 ? `0${m}` : m} năm ${vn.getUTCFullYear()}`;
};

export type TOfficialReport = {
  parentAuthority: string;
  authority: string;
  number: string;
  place: string;
  date: Date;
  title: string;
  summary: string;
  paragraphs: string[];
  signingAuthority: string;
  signerTitle: string;
  signerName: string;
  recipients: string[];
  archive: string;
};

/**
 * A BÁO CÁO in the layout of Decree 30/2020/NĐ-CP Appendix I: A4, margins 25/20/35/20 mm,
 * Times New Roman; header table (authority | national title and motto), number and date line,
 * type and summary centred, justified body at 14 pt with a 1.27 cm first-line indent ending
 * "./.", recipients and signature table; page numbers centred in the header from page 2.
 */
export const buildOfficialReportDocx = async (r: TOfficialReport): Promise<Buffer> => {
  const header = new Table({
    width: { size: 9500, type: WidthType.DXA },
    columnWidths: [3800, 5700],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              centered([run(r.parentAuthority.toUpperCase(), { size: 13 })]),
              centered([run(r.authority.toUpperCase(), { size: 13, bold: true })]),
              centered([run('________', { size: 13 })], 120),
              centered([run(`Số: ${r.number}`, { size: 13 })]),
            ],
            3800,
          ),
          cell(
            [
              centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true })]),
              centered([run('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true, underline: true })], 240),
              centered([run(formatOfficialDate(r.place, r.date), { size: 14, italics: true })]),
            ],
            5700,
          ),
        ],
      }),
    ],
  });
  const body = r.paragraphs.map(
    (text, i) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 720 },
        spacing: { after: 120, line: 312 },
        children: [run(i === r.paragraphs.length - 1 ? `${text.replace(/\.?\s*$/, '')}./.` : text, { size: 14 })],
      }),
  );
  const signature = new Table({
    width: { size: 9500, type: WidthType.DXA },
    columnWidths: [3600, 5900],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              new Paragraph({ children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }),
              ...r.recipients.map((x) => new Paragraph({ children: [run(`- ${x};`, { size: 11 })] })),
              new Paragraph({ children: [run(`- Lưu: ${r.archive}.`, { size: 11 })] }),
            ],
            3600,
          ),
          cell(
            [
              centered([run(r.signingAuthority.toUpperCase(), { size: 14, bold: true })]),
              centered([run(r.signerTitle.toUpperCase(), { size: 14, bold: true })], 1400),
              centered([run(r.signerName, { size: 14, bold: true })]),
            ],
            5900,
          ),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: 'congthuong',
    title: `${r.title} ${r.summary}`,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1134, left: 1985, right: 1134, header: 567 } },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })] })] }),
        },
        children: [
          header,
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          centered([run(r.title.toUpperCase(), { size: 14, bold: true })]),
          centered([run(r.summary, { size: 14, bold: true })]),
          centered([run('_______________', { size: 14 })], 240),
          ...body,
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          signature,
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
};
