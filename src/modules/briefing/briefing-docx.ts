import { blank, bodyParagraph, officialDocument, officialHeader, officialTitle, recipients, run, signer, toDocxBuffer, twoColumns } from '../../lib/official-docx';

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
 * A BÁO CÁO in the layout of Decree 30/2020/NĐ-CP Appendix I (`lib/official-docx`): A4, margins
 * 25/20/35/20 mm, Times New Roman; header table (authority | national title and motto), number and
 * date line, type and summary centred, justified body at 14 pt with a 1.27 cm first-line indent
 * ending "./.", recipients and signature table; page numbers centred in the header from page 2.
 */
export const buildOfficialReportDocx = async (r: TOfficialReport): Promise<Buffer> => {
  const body = r.paragraphs.map((text, i) => bodyParagraph([run(i === r.paragraphs.length - 1 ? `${text.replace(/\.?\s*$/, '')}./.` : text, { size: 14 })]));
  const signature = twoColumns(
    recipients(r.recipients, r.archive),
    signer({ titles: [r.signingAuthority, r.signerTitle], name: r.signerName, size: 14, space: { after: 1400 } }),
    [3600, 5900],
  );
  return toDocxBuffer(
    officialDocument({
      title: `${r.title} ${r.summary}`,
      fontSize: 14,
      pageNumbers: true,
      children: [
        officialHeader(r),
        ...officialTitle(r.title, r.summary),
        ...body,
        blank(240),
        signature,
      ],
    }),
  );
};
