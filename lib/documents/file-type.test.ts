import { describe, expect, it } from "vitest";
import { cleanFileName, extensionMatches, sniffDocumentType } from "./file-type";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("sniffDocumentType", () => {
  it("recognises PDF, PNG and JPEG by their magic bytes", () => {
    expect(sniffDocumentType(new TextEncoder().encode("%PDF-1.7\n..."))).toBe("application/pdf");
    expect(sniffDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe("image/png");
    expect(sniffDocumentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe("image/jpeg");
  });

  it("refuses anything else, whatever it is called", () => {
    expect(sniffDocumentType(new TextEncoder().encode("<html><script>"))).toBeNull();
    expect(sniffDocumentType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // zip / docx
    expect(sniffDocumentType(bytes(0x89, 0x50, 0x4e))).toBeNull(); // truncated PNG signature
    expect(sniffDocumentType(bytes())).toBeNull();
  });

  it("checks the extension against the content", () => {
    expect(extensionMatches("scan.PDF", "application/pdf")).toBe(true);
    expect(extensionMatches("photo.jpeg", "image/jpeg")).toBe(true);
    expect(extensionMatches("photo.png", "image/jpeg")).toBe(false);
    expect(extensionMatches("noext", "image/png")).toBe(false);
  });

  it("cleans file names of paths and control characters", () => {
    expect(cleanFileName("C:\\Users\\me\\身份证.jpg")).toBe("身份证.jpg");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("a\u0000b\n.pdf")).toBe("ab.pdf");
    expect(cleanFileName("   ")).toBe("file");
    expect(Array.from(cleanFileName(`${"长".repeat(300)}.pdf`)).length).toBeLessThanOrEqual(120);
  });
});
