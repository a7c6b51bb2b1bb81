// The CJK font of the printable documents (lib/pdf/document.tsx), registered once per process.
//
// The font comes from npm, so it is there after `npm install` alone: @expo-google-fonts/noto-sans-sc
// ships Google Fonts' static Noto Sans SC TrueType files (SIL Open Font License 1.1, LICENSE_FONT
// in the package; the package's own code is MIT). They are plain TTF with glyf outlines, which
// react-pdf's fontkit subsets, so a document embeds only the glyphs it uses (tens of KB, not the
// 10 MB file). If the package is missing, Debian's fonts-noto-cjk is the fallback.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

/** The font family name to use in react-pdf styles. */
export const PDF_FONT_FAMILY = "AnjuNotoSansSC";

const PACKAGE = "@expo-google-fonts/noto-sans-sc";
const REGULAR_FILE = "400Regular/NotoSansSC_400Regular.ttf";
const BOLD_FILE = "700Bold/NotoSansSC_700Bold.ttf";

// `apt-get install fonts-noto-cjk`: one collection holding the SC, TC, JP and KR faces.
const DEBIAN_REGULAR = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const DEBIAN_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";

interface FontFace {
  src: string;
  fontWeight: 400 | 700;
  postscriptName?: string;
}

/** The package's directory, looked up from this module and from the project root. */
function packageDir(): string | null {
  const bases = [import.meta.url, path.join(process.cwd(), "package.json")];
  for (const base of bases) {
    try {
      return path.dirname(createRequire(base).resolve(`${PACKAGE}/package.json`));
    } catch {
      // Not resolvable from here (e.g. a bundled copy of this module); try the next base.
    }
  }
  return null;
}

function resolveFaces(): FontFace[] {
  const dir = packageDir();
  if (dir) {
    const regular = path.join(dir, REGULAR_FILE);
    const bold = path.join(dir, BOLD_FILE);
    if (existsSync(regular)) {
      const faces: FontFace[] = [{ src: regular, fontWeight: 400 }];
      if (existsSync(bold)) faces.push({ src: bold, fontWeight: 700 });
      return faces;
    }
  }
  if (existsSync(DEBIAN_REGULAR)) {
    const faces: FontFace[] = [{ src: DEBIAN_REGULAR, fontWeight: 400, postscriptName: "NotoSansCJKsc-Regular" }];
    if (existsSync(DEBIAN_BOLD)) faces.push({ src: DEBIAN_BOLD, fontWeight: 700, postscriptName: "NotoSansCJKsc-Bold" });
    return faces;
  }
  throw new Error(
    `No Chinese font for PDF documents: neither the npm package ${PACKAGE} (${REGULAR_FILE}) ` +
      `nor ${DEBIAN_REGULAR} (Debian package fonts-noto-cjk) was found. Run \`npm install\`.`,
  );
}

// Characters that may not begin a line (closing punctuation) or end one (opening punctuation),
// after GB/T 15834 and the usual Chinese line-breaking rules.
const NO_LINE_START = new Set(Array.from("，。、；：？！）》」』】〕〉”’…—·%‰℃,.;:?!)]}"));
const NO_LINE_END = new Set(Array.from("（《「『【〔〈“‘([{"));
// Latin letters, digits and the characters inside numbers, codes and amounts stay together:
// "L-2026-000123", "1,234.50", "2026-05-01", an 18-digit resident ID; a longer run (a URL) may
// break every MAX_UNBROKEN characters rather than run off the page.
const UNBREAKABLE = /^[\p{Script=Latin}\p{Nd}\-_.,/:#@&+'’%=?~]$/u;
const MAX_UNBROKEN = 24;

/**
 * Splits a space-free run of text into the pieces a line may break between: one piece per Han
 * character, punctuation kept with its neighbour, Latin words and numbers whole. Each piece is
 * followed by an empty "syllable", which react-pdf's line breaker turns into a zero-width glue:
 * breaking there inserts no hyphen (breaking between plain syllables would add a "-").
 */
export function splitForLineBreaks(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length <= 1) return [word];
  const pieces: string[] = [];
  let current = "";
  let previous = "";
  let unbroken = 0; // length of the Latin/digit run that ends `current`
  for (const char of chars) {
    const inRun = UNBREAKABLE.test(char) && UNBREAKABLE.test(previous);
    const joins =
      current !== "" &&
      (NO_LINE_START.has(char) || NO_LINE_END.has(previous) || (inRun && unbroken < MAX_UNBROKEN));
    if (joins) {
      current += char;
    } else {
      if (current !== "") pieces.push(current);
      current = char;
    }
    unbroken = inRun && joins ? unbroken + 1 : UNBREAKABLE.test(char) ? 1 : 0;
    previous = char;
  }
  if (current !== "") pieces.push(current);
  if (pieces.length === 1) return pieces;
  return pieces.flatMap((piece, index) => (index < pieces.length - 1 ? [piece, ""] : [piece]));
}

let registered = false;

/** Registers the CJK family (and the line breaking it needs) once; returns its family name. */
export function registerPdfFonts(): string {
  if (registered) return PDF_FONT_FAMILY;
  const faces = resolveFaces();
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: faces.map((face) => ({
      src: face.src,
      fontWeight: face.fontWeight,
      ...(face.postscriptName ? { postscriptName: face.postscriptName } : {}),
    })),
  });
  // react-pdf breaks lines only at spaces and hyphenation points; Chinese has no spaces.
  Font.registerHyphenationCallback(splitForLineBreaks);
  registered = true;
  return PDF_FONT_FAMILY;
}
