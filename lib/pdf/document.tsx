// Printable Chinese documents (a lease contract, a rent receipt) rendered to PDF on the server.
// A4, black text and thin rules; the Noto Sans SC font (lib/pdf/fonts.ts) is subset into each
// file, so a document of a few pages stays in the tens of kilobytes.
//
// The document is written with react-pdf's components, but rendered without react-pdf's React
// reconciler (renderToBuffer): the reconciler needs the client build of React, and under the
// `react-server` condition (the app's scripts, `node --conditions=react-server`) `react` is the
// server build, where it fails ("Cannot read properties of undefined (reading 'S')"). The tree
// is plain data (no state, hooks or context), so it is turned into react-pdf's nodes here and
// handed to the same layout and render steps renderToBuffer uses (@react-pdf/layout, @react-pdf/
// render, pdfkit, as react-pdf 4.9.0 pins them).
import layoutDocument from "@react-pdf/layout";
import renderPdf from "@react-pdf/render";
import { Document, Font, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
// @ts-expect-error -- pdfkit 0.20 ships no type declarations; it is used as react-pdf uses it.
import PDFDocument from "pdfkit";
import { Fragment, type ReactElement, type ReactNode } from "react";
import { registerPdfFonts } from "./fonts";

export interface PdfDocument {
  /** e.g. 重庆市公共租赁住房租赁合同 */
  title: string;
  /** e.g. 合同编号 L-2026-000123 */
  subtitle?: string;
  /** A two-column block (label | value) of key/value rows under the title. */
  facts?: { label: string; value: string }[];
  /** Numbered by the caller: headings already include 第一条 etc. */
  sections?: { heading: string; paragraphs: string[] }[];
  /** e.g. receipt lines; alignRight lists the indexes of the columns to right-align (amounts). */
  table?: { columns: string[]; rows: string[][]; alignRight?: number[] };
  /** The signature block at the end (who signed, when). */
  signatures?: { label: string; value: string }[];
  /** Small text at the bottom of every page, beside "第 N 页 / 共 M 页". */
  footer?: string;
  metadata?: { author?: string; subject?: string };
}

const FONT_SIZE = 10.5; // 五号
const LINE_HEIGHT = 1.6;
const RULE = 0.5;
const MARGIN_X = 62; // about 22 mm

// lineHeight is set on each text style, never on the page or a view: react-pdf 4.9.0 drops the
// output of every `render` text (the page numbers) below an ancestor with lineHeight
// (diegomura/react-pdf#3083, #3402). A text style with lineHeight also sets its fontSize: the
// multiplier is resolved against the style's own fontSize (18 when inherited), not the page's.
const body = { fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT };
function createStyles(fontFamily: string) {
  return StyleSheet.create({
    page: {
      fontFamily,
      fontSize: FONT_SIZE,
      color: "#000000",
      paddingTop: 56,
      paddingBottom: 72,
      paddingHorizontal: MARGIN_X,
    },
    title: { fontSize: 18, fontWeight: 700, textAlign: "center", lineHeight: 1.4 },
    subtitle: { ...body, textAlign: "center", marginTop: 6 },
    titleRule: { borderBottomWidth: 1, borderBottomColor: "#000000", marginTop: 10, marginBottom: 14 },
    facts: { borderTopWidth: RULE, borderColor: "#000000", marginBottom: 16 },
    factRow: { flexDirection: "row", borderLeftWidth: RULE, borderBottomWidth: RULE, borderColor: "#000000" },
    factLabel: {
      width: "30%",
      paddingVertical: 3,
      paddingHorizontal: 6,
      borderRightWidth: RULE,
      borderColor: "#000000",
      ...body,
    },
    factValue: {
      flex: 1,
      paddingVertical: 3,
      paddingHorizontal: 6,
      borderRightWidth: RULE,
      borderColor: "#000000",
      ...body,
    },
    heading: { fontSize: 11, lineHeight: LINE_HEIGHT, fontWeight: 700, marginTop: 6, marginBottom: 2 },
    // 首行缩进两字, justified like a printed contract.
    paragraph: { ...body, textIndent: FONT_SIZE * 2, textAlign: "justify", marginBottom: 2 },
    // Each row draws its own left and bottom rules, so a table split across pages stays closed.
    table: { marginTop: 6, marginBottom: 16 },
    tableRow: { flexDirection: "row", borderLeftWidth: RULE, borderBottomWidth: RULE, borderColor: "#000000" },
    tableHeaderRow: { borderTopWidth: RULE },
    tableCell: {
      paddingVertical: 3,
      paddingHorizontal: 5,
      borderRightWidth: RULE,
      borderColor: "#000000",
      fontSize: FONT_SIZE,
      lineHeight: 1.4,
    },
    tableHeader: { fontWeight: 700 },
    signatures: { flexDirection: "row", flexWrap: "wrap", marginTop: 24 },
    signature: { width: "50%", paddingRight: 18, marginBottom: 16, flexDirection: "row", alignItems: "flex-end" },
    signatureLabel: body,
    signatureValue: {
      flex: 1,
      borderBottomWidth: RULE,
      borderColor: "#000000",
      paddingHorizontal: 4,
      ...body,
    },
    footer: {
      position: "absolute",
      left: MARGIN_X,
      right: MARGIN_X,
      bottom: 32,
      flexDirection: "row",
      justifyContent: "space-between",
      borderTopWidth: RULE,
      borderColor: "#000000",
      paddingTop: 4,
      fontSize: 8,
    },
    footerText: { flex: 1, paddingRight: 12 },
    pageNumber: { textAlign: "right" },
  });
}

type Styles = ReturnType<typeof createStyles>;

/** Column widths in proportion to their longest text, within limits, so that amounts stay narrow. */
function columnWeights(columns: string[], rows: string[][]): number[] {
  return columns.map((column, index) => {
    const lengths = [column, ...rows.map((row) => row[index] ?? "")].map((text) => Array.from(text).length);
    return Math.min(24, Math.max(3, ...lengths));
  });
}

function Facts({ facts, styles }: { facts: NonNullable<PdfDocument["facts"]>; styles: Styles }) {
  return (
    <View style={styles.facts}>
      {facts.map((fact, index) => (
        <View key={index} style={styles.factRow} wrap={false}>
          <Text style={styles.factLabel}>{fact.label}</Text>
          <Text style={styles.factValue}>{fact.value}</Text>
        </View>
      ))}
    </View>
  );
}

function Table({ table, styles }: { table: NonNullable<PdfDocument["table"]>; styles: Styles }) {
  const weights = columnWeights(table.columns, table.rows);
  const right = new Set(table.alignRight ?? []);
  const cell = (index: number) => [
    styles.tableCell,
    { flexGrow: weights[index] ?? 1, flexBasis: 0, textAlign: right.has(index) ? ("right" as const) : ("left" as const) },
  ];
  return (
    <>
      {/* Room for the header and a first row, or the table starts on the next page. */}
      <View minPresenceAhead={FONT_SIZE * 1.4 * 2 + 24} />
      <View style={styles.table}>
        {/* Repeated at the top of every page the table runs onto. */}
        <View style={[styles.tableRow, styles.tableHeaderRow]} fixed>
          {table.columns.map((column, index) => (
            <Text key={index} style={[...cell(index), styles.tableHeader]}>
              {column}
            </Text>
          ))}
        </View>
        {table.rows.map((row, rowIndex) => (
          <View key={rowIndex} style={styles.tableRow} wrap={false}>
            {table.columns.map((_, index) => (
              <Text key={index} style={cell(index)}>
                {row[index] ?? ""}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </>
  );
}

function PdfDocumentView({ doc, fontFamily }: { doc: PdfDocument; fontFamily: string }) {
  const styles = createStyles(fontFamily);
  return (
    // The PDF's title, author and the like are set in renderDocumentPdf.
    <Document>
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{doc.title}</Text>
        {doc.subtitle ? <Text style={styles.subtitle}>{doc.subtitle}</Text> : null}
        <View style={styles.titleRule} />
        {doc.facts && doc.facts.length > 0 ? <Facts facts={doc.facts} styles={styles} /> : null}
        {/* Headings and paragraphs are children of the page itself, not of a view per section:
            react-pdf keeps a heading with what follows (minPresenceAhead) only when something
            precedes it in its own parent. */}
        {(doc.sections ?? []).map((section, index) => (
          <Fragment key={index}>
            <Text style={styles.heading} minPresenceAhead={FONT_SIZE * LINE_HEIGHT * 3}>
              {section.heading}
            </Text>
            {section.paragraphs.map((paragraph, paragraphIndex) => (
              <Text key={paragraphIndex} style={styles.paragraph}>
                {paragraph}
              </Text>
            ))}
          </Fragment>
        ))}
        {doc.table && doc.table.columns.length > 0 ? <Table table={doc.table} styles={styles} /> : null}
        {doc.signatures && doc.signatures.length > 0 ? (
          <View style={styles.signatures} wrap={false}>
            {doc.signatures.map((signature, index) => (
              <View key={index} style={styles.signature}>
                <Text style={styles.signatureLabel}>{signature.label}：</Text>
                <Text style={styles.signatureValue}>{signature.value}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <View style={styles.footer} fixed>
          <Text style={styles.footerText}>{doc.footer ?? ""}</Text>
          <Text
            style={styles.pageNumber}
            render={({ pageNumber, totalPages }) => `第 ${pageNumber} 页 / 共 ${totalPages} 页`}
          />
        </View>
      </Page>
    </Document>
  );
}

/** react-pdf's node for a component or a string: what its reconciler would have built. */
type PdfNode =
  | { type: "TEXT_INSTANCE"; value: string }
  | { type: string; box: object; style: unknown; props: Record<string, unknown>; children: PdfNode[] };

// The only react-pdf nodes that hold strings; elsewhere react-pdf drops them, and so does this.
const TEXT_PARENTS = new Set(["TEXT", "LINK", "TSPAN", "NOTE"]);

/** The react-pdf nodes of a React tree made of react-pdf components and plain function components. */
function toPdfNodes(node: ReactNode): PdfNode[] {
  if (node === null || node === undefined || typeof node === "boolean" || node === "") return [];
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") {
    return [{ type: "TEXT_INSTANCE", value: String(node) }];
  }
  if (Array.isArray(node)) return node.flatMap((child: ReactNode) => toPdfNodes(child));
  if (typeof node !== "object" || !("type" in node) || !("props" in node)) {
    throw new Error("renderDocumentPdf: unsupported node in the document tree");
  }
  const element = node as ReactElement<Record<string, unknown>>;
  const { type, props } = element;
  if (type === Fragment) return toPdfNodes(props.children as ReactNode);
  if (typeof type === "function") {
    // Function components only, called once; no hooks, state or context in this module.
    return toPdfNodes((type as (props: Record<string, unknown>) => ReactNode)(props));
  }
  if (typeof type !== "string") throw new Error("renderDocumentPdf: unsupported element type");
  const { children, style, ...rest } = props;
  const nodeProps: Record<string, unknown> = { ...rest };
  const render = rest.render;
  if (typeof render === "function") {
    // Page numbers: react-pdf calls render during pagination and expects nodes back.
    nodeProps.render = (renderProps: unknown) => toPdfNodes((render as (props: unknown) => ReactNode)(renderProps));
  }
  const childNodes = toPdfNodes(children as ReactNode).filter(
    (child) => child.type !== "TEXT_INSTANCE" || TEXT_PARENTS.has(type),
  );
  return [{ type, box: {}, style: style ?? {}, props: nodeProps, children: childNodes }];
}

// The types of @react-pdf/layout 5.2.0 leave out its second argument, the font store.
const layout = layoutDocument as unknown as (document: PdfNode, fontStore: typeof Font) => Promise<unknown>;
const render = renderPdf as unknown as (context: unknown, document: unknown) => NodeJS.ReadableStream;

/** Renders `doc` to the bytes of a PDF file. */
export async function renderDocumentPdf(doc: PdfDocument): Promise<Buffer> {
  const fontFamily = registerPdfFonts();
  const [root] = toPdfNodes(<PdfDocumentView doc={doc} fontFamily={fontFamily} />);
  if (!root) throw new Error("renderDocumentPdf: empty document");
  // The PDF's own properties, as renderToBuffer sets them from <Document>'s props.
  const context: unknown = new PDFDocument({
    compress: true,
    lang: "zh-CN",
    displayTitle: true,
    autoFirstPage: false,
    info: {
      Title: doc.title,
      ...(doc.metadata?.author ? { Author: doc.metadata.author } : {}),
      ...(doc.metadata?.subject || doc.subtitle ? { Subject: doc.metadata?.subject ?? doc.subtitle } : {}),
      Creator: "安居",
      Producer: "安居",
      CreationDate: new Date(),
    },
  });
  const laidOut = await layout(root, Font);
  const stream = render(context, laidOut);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}
