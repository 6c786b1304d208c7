/**
 * The official layout of Vietnamese administrative documents, written once for the DOCX files the
 * modules issue (the monthly BÁO CÁO, conference minutes BIÊN BẢN, the one-stop slips Mẫu 01–06).
 * It follows Decree 30/2020/NĐ-CP (công tác văn thư), Appendix I: A4 paper, margins top/bottom
 * 20–25 mm, left 30–35 mm, right 15–20 mm, Times New Roman 13–14 pt; the header table with the
 * issuing authority (the superior authority above it), a short rule and "Số: …" on the left and the
 * national title "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", the motto "Độc lập - Tự do - Hạnh phúc"
 * (underlined) and the place-and-date line on the right; the type and summary centred; a justified
 * body; "Nơi nhận" and the signature block; page numbers centred in the header from page 2.
 * Built with the `docx` package; sizes are given in points here and written in half-points.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export const OFFICIAL_FONT = 'Times New Roman';
/** Run sizes in half-points, from points. */
export const PT = (points: number) => points * 2;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const SINGLE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** Borders of a table without any line (header and signature tables). */
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
/** Borders of a fully ruled table. */
export const GRID_BORDERS = { top: SINGLE, bottom: SINGLE, left: SINGLE, right: SINGLE, insideHorizontal: SINGLE, insideVertical: SINGLE };

/** Width of the text block on A4 portrait, in twips (the header, signature and data tables). */
export const TEXT_WIDTH = 9500;

export type TRunOptions = { size: number; bold?: boolean; italics?: boolean; underline?: boolean };

/** A run in Times New Roman at `size` points. */
export const run = (text: string, o: TRunOptions) =>
  new TextRun({ text, font: OFFICIAL_FONT, size: PT(o.size), bold: o.bold, italics: o.italics, underline: o.underline ? {} : undefined });

/** A centred paragraph with `spacingAfter` twips after it. */
export const centered = (children: TextRun[], spacingAfter = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });

/** An empty paragraph with `after` twips after it. */
export const blank = (after: number) => new Paragraph({ spacing: { after }, children: [] });

/** A body paragraph: justified, first line indented 1.27 cm, 6 pt after, line spacing 1.3. */
export const bodyParagraph = (children: TextRun[]) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 720 }, spacing: { after: 120, line: 312 }, children });

/** A table cell of `widthTwips`, without lines unless `bordered`. */
export const cell = (children: Paragraph[], widthTwips: number, bordered = false) =>
  new TableCell({ children, width: { size: widthTwips, type: WidthType.DXA }, borders: bordered ? { top: SINGLE, bottom: SINGLE, left: SINGLE, right: SINGLE } : { top: NONE, bottom: NONE, left: NONE, right: NONE } });

/** A two-column table without lines, the columns `widths` twips wide. */
export const twoColumns = (left: Paragraph[], right: Paragraph[], widths: [number, number]) =>
  new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, widths[0]), cell(right, widths[1])] })],
  });

/** The date line of Decree 30 (Vietnam time): days below 10 and months 1–2 get a leading zero. */
export const formatOfficialDate = (place: string, date: Date): string => {
  const vn = new Date(date.getTime() + 7 * 3600_000);
  const d = vn.getUTCDate();
  const m = vn.getUTCMonth() + 1;
  return `${place}, ngày ${d < 10 ? `0${d}` : d} tháng ${m <= 2 ? `0${m}` : m} năm ${vn.getUTCFullYear()}`;
};

export type TOfficialHeader = {
  /** The superior authority, e.g. "UBND Thành phố Hà Nội" (printed in capitals). */
  parentAuthority: string;
  /** The issuing authority, e.g. "Sở Công Thương" (capitals, bold). */
  authority: string;
  /** Number and symbol after "Số: ", e.g. "05/BC-SCT". */
  number: string;
  place: string;
  date: Date;
  /** How the motto is underlined: an underline of its run (default) or a line of underscores below it. */
  motto?: 'underline' | 'rule';
};

/**
 * The header table: authority (parent, issuing, a short rule, "Số: …") | national title, motto and
 * the place-and-date line; 13 pt, the motto and the date line 14 pt.
 */
export const officialHeader = (h: TOfficialHeader) => {
  const ruled = h.motto === 'rule';
  return twoColumns(
    [
      centered([run(h.parentAuthority.toUpperCase(), { size: 13 })]),
      centered([run(h.authority.toUpperCase(), { size: 13, bold: true })]),
      centered([run('________', { size: 13 })], 120),
      centered([run(`Số: ${h.number}`, { size: 13 })]),
    ],
    [
      centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true })]),
      ...(ruled
        ? [centered([run('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true })]), centered([run('________________________', { size: 13 })], 120)]
        : [centered([run('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true, underline: true })], 240)]),
      centered([run(formatOfficialDate(h.place, h.date), { size: 14, italics: true })]),
    ],
    [3800, 5700],
  );
};

/** The type of the document and its summary (14 pt bold, centred) and the rule under them, after a blank line. */
export const officialTitle = (type: string, summary: string): Paragraph[] => [
  blank(240),
  centered([run(type.toUpperCase(), { size: 14, bold: true })]),
  centered([run(summary, { size: 14, bold: true })]),
  centered([run('_______________', { size: 14 })], 240),
];

export type TSigner = {
  /** Lines above the signature, in capitals and bold (e.g. "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). */
  titles: string[];
  /** An italic hint under the titles, 13 pt, e.g. "(Ký, ghi rõ họ tên)". */
  hint?: string;
  /** The signer's name, bold, below the space for the signature. */
  name?: string;
  /** Size of the titles and the name in points. */
  size: number;
  /** Space for the signature in twips: after the last title or hint, or as an empty paragraph before the name. */
  space: { after: number } | { paragraph: number };
};

/** One signature column: titles, hint, space for the signature, name. */
export const signer = (s: TSigner): Paragraph[] => {
  const lines = [...s.titles.map((t) => run(t.toUpperCase(), { size: s.size, bold: true })), ...(s.hint ? [run(s.hint, { size: 13, italics: true })] : [])];
  const after = 'after' in s.space ? s.space.after : 0;
  return [
    ...lines.map((r, i) => centered([r], i === lines.length - 1 ? after : 0)),
    ...('paragraph' in s.space ? [new Paragraph({ spacing: { after: s.space.paragraph } })] : []),
    ...(s.name !== undefined ? [centered([run(s.name, { size: s.size, bold: true })])] : []),
  ];
};

/** "Nơi nhận:" with the recipients and "Lưu: …" (12 and 11 pt), the left column of the signature table. */
export const recipients = (list: string[], archive: string): Paragraph[] => [
  new Paragraph({ children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }),
  ...list.map((x) => new Paragraph({ children: [run(`- ${x};`, { size: 11 })] })),
  new Paragraph({ children: [run(`- Lưu: ${archive}.`, { size: 11 })] }),
];

export type TMargins = { top: number; bottom: number; left: number; right: number };
/** A4 portrait margins 25/20/35/20 mm (top/bottom/left/right), in twips. */
export const A4_MARGINS: TMargins = { top: 1418, bottom: 1134, left: 1985, right: 1134 };

export type TOfficialDocument = {
  children: (Paragraph | Table)[];
  /** The document's title property. */
  title?: string;
  /** Default run size in points (13 or 14). */
  fontSize: number;
  /** Portrait margins in twips (A4_MARGINS by default). */
  margins?: TMargins;
  /** A4 landscape with 20 mm margins (registers). */
  landscape?: boolean;
  /** Page numbers centred in the header from page 2 (header 10 mm from the edge). */
  pageNumbers?: boolean;
};

/** An A4 document in Times New Roman, one section. */
export const officialDocument = (o: TOfficialDocument) =>
  new Document({
    creator: 'congthuong',
    ...(o.title !== undefined ? { title: o.title } : {}),
    styles: { default: { document: { run: { font: OFFICIAL_FONT, size: PT(o.fontSize) } } } },
    sections: [
      {
        properties: {
          ...(o.pageNumbers ? { titlePage: true } : {}),
          page: o.landscape
            ? { size: { width: 16838, height: 11906, orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } }
            : { size: { width: 11906, height: 16838 }, margin: { ...(o.margins ?? A4_MARGINS), ...(o.pageNumbers ? { header: 567 } : {}) } },
        },
        ...(o.pageNumbers
          ? {
              headers: {
                first: new Header({ children: [new Paragraph({ children: [] })] }),
                default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: OFFICIAL_FONT, size: PT(13) })] })] }),
              },
            }
          : {}),
        children: o.children,
      },
    ],
  });

/** The document packed as the bytes of a .docx file. */
export const toDocxBuffer = async (doc: Document): Promise<Buffer> => Buffer.from(await Packer.toBuffer(doc));
