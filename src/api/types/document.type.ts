import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "./date.scalar.js";
import { NodeInterface } from "./node.type.js";
import { OrganizationType } from "./organization.type.js";

@ObjectType("SourcePage", {
  simpleResolvers: true,
  description: "A page of a paged original (PDF, scan)",
})
export class SourcePageType {
  @Field(() => Int, { description: "1-based" }) page!: number;
  @Field(() => Int, { description: "Where the page starts in the document's text (UTF-16 offset)" })
  start!: number;
  @Field(() => Float, {
    nullable: true,
    description: "Mean OCR confidence of the page, 0–100; null for a page read from its text layer",
  })
  confidence!: number | null;
}

@ObjectType("SourceFile", {
  simpleResolvers: true,
  description: "The original file a document was ingested from: kept as it was sent, served for download",
})
export class SourceFileType {
  @Field(() => String, { description: "File name (no folders)" }) name!: string;
  @Field(() => String, { description: "Media type read from the content, e.g. application/pdf" })
  mediaType!: string;
  @Field(() => Int, { description: "Size in bytes" }) size!: number;
  @Field(() => String, { description: "SHA-256 of the bytes (hex): the same file again is unchanged" })
  sha256!: string;
  @Field(() => Int, { nullable: true, description: "Pages (PDF, images); null for text and DOCX" })
  pageCount!: number | null;
  @Field(() => String, {
    description: "How the text was obtained: text, json, html, pdf-text, pdf-text+ocr, ocr, docx",
  })
  method!: string;
  @Field(() => String, { nullable: true, description: "OCR engine and model, e.g. tesseract 5.3.0 (vie)" })
  ocrEngine!: string | null;
  @Field(() => Float, { nullable: true, description: "Mean OCR confidence over the recognised pages, 0–100" })
  ocrConfidence!: number | null;
  @Field(() => String, {
    description: "Path of the original bytes on this server (GET; served as an attachment)",
  })
  downloadUrl!: string;
  @Field(() => [SourcePageType], {
    nullable: true,
    description: "The pages of a PDF or scan, in order, with each page's OCR confidence; null otherwise",
  })
  pages!: SourcePageType[] | null;
}

@ObjectType("Document", {
  simpleResolvers: true,
  implements: NodeInterface,
  description: "A policy document: ingested (its text and task tree are in the graph) or a stub (only cited)",
})
export class DocumentType implements NodeInterface {
  @Field(() => ID) id!: string;
  @Field(() => String, {
    description: "Identity: typeCode|symbol|year (NQ|26-NQ/TW|2018), or a header key when unnumbered",
  })
  key!: string;
  @Field(() => String, { description: "Vietnamese type name, e.g. Nghị quyết" }) type!: string;
  @Field(() => String, { nullable: true, description: "Type code, e.g. NQ, CT, QĐ" }) typeCode!:
    string | null;
  @Field(() => String, { nullable: true, description: "Normalised symbol, e.g. 26-NQ/TW, 128/NQ-CP" })
  symbol!: string | null;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => DateScalar, { nullable: true }) issuedOn!: string | null;
  @Field(() => String, { nullable: true, description: "Subject, e.g. về phương hướng, nhiệm vụ năm 2022" })
  title!: string | null;
  @Field(() => OrganizationType, { nullable: true }) issuer!: OrganizationType | null;
  @Field(() => Boolean, {
    description: "true when its text was ingested; false for a stub known only from citations",
  })
  ingested!: boolean;
  @Field(() => Boolean, { description: "false when the year (so the identity) is unknown" })
  resolved!: boolean;
  @Field(() => String, { nullable: true, description: "File the text came from (ingested documents)" })
  sourceName!: string | null;
  @Field(() => String, { nullable: true }) signer!: string | null;
  @Field(() => SourceFileType, {
    nullable: true,
    description:
      "The original file (ingested from a file: text, HTML, PDF, DOCX, scan); null for text sent as a string",
  })
  sourceFile!: SourceFileType | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: "When it takes effect, as its own effect clause says (a date, or its signature date)",
  })
  effectiveFrom!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "When no date is written: signature, +45 days from signature, adoption …",
  })
  effectiveRule!: string | null;
  @Field(() => DateScalar, { nullable: true, description: "When it says it ends" })
  effectiveUntil!: string | null;
  @Field(() => String, { nullable: true, description: "Its effect clause, as printed" })
  effectQuote!: string | null;
}
