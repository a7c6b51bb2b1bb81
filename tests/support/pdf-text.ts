// The text of a PDF, for tests (vitest and Playwright specs): what a reader would copy out of it.
// Chinese comes out right only if the embedded font's ToUnicode map is right, which is the point.
// Plain Node ESM (pdfjs-dist's legacy build), no Next.js build needed.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** One run of text on a page, in PDF points from the page's bottom-left corner. */
export interface PdfTextItem {
  page: number;
  text: string;
  x: number;
  y: number;
  width: number;
  /** The line ends after this run. */
  endOfLine: boolean;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** Every page of `pdf` with its text runs, pages in order. */
export async function pdfPages(pdf: Buffer | Uint8Array): Promise<PdfPage[]> {
  // pdf.js takes a plain Uint8Array (not a Buffer) and may detach it: hand it a copy.
  const data = new Uint8Array(pdf.byteLength);
  data.set(pdf);
  const task = getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false });
  try {
    const document = await task.promise;
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        items.push({
          page: number,
          text: item.str,
          x: item.transform[4] ?? 0,
          y: item.transform[5] ?? 0,
          width: item.width,
          endOfLine: item.hasEOL,
        });
      }
      pages.push({ number, width: width ?? 0, height: height ?? 0, items });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/**
 * The text of every page, pages in order: each text line on its own line, pages separated by a
 * blank line. A phrase that wraps across a line end has a "\n" inside it, so compare with
 * whitespace removed (`pdfTextCompact`) when the layout is not the thing under test.
 */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const pages = await pdfPages(pdf);
  return pages
    .map((page) => page.items.map((item) => item.text + (item.endOfLine ? "\n" : "")).join("").trimEnd())
    .join("\n\n");
}

/** `pdfText` with all whitespace removed: for finding phrases whatever the line breaks. */
export async function pdfTextCompact(pdf: Buffer | Uint8Array): Promise<string> {
  return (await pdfText(pdf)).replace(/\s+/gu, "");
}
