/**
 * How the documents themselves write a reference and a date: "Nghị quyết số 26-NQ/TW ngày
 * 19/5/2018 của Ban Chấp hành Trung ương". The reverse of what the citation grammar reads.
 */

/** "2018-05-19" → "19/5/2018", the way the documents write dates. */
export function vietnameseDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${Number(day)}/${Number(month)}/${year}`;
}

/** A reference as a document writes it; the parts not known are left out. */
export function writtenReference(reference: {
  type: string;
  symbol: string;
  issuedOn?: string | null;
  issuerName?: string | null;
}): string {
  const date = reference.issuedOn ? ` ngày ${vietnameseDate(reference.issuedOn)}` : "";
  const issuer = reference.issuerName ? ` của ${reference.issuerName}` : "";
  return `${reference.type} số ${reference.symbol}${date}${issuer}`;
}
