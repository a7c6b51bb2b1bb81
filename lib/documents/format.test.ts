import { describe, expect, it } from "vitest";
import { formatBytes } from "./format";

describe("formatBytes", () => {
  it("shows sizes under 1 KB exactly, in bytes", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(73)).toBe("73 B");
    expect(formatBytes(1023)).toBe("1023 B");
  });

  it("shows kilobytes and megabytes with one decimal, rounded half up", () => {
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(1075)).toBe("1 KB"); // 1.0498 KB
    expect(formatBytes(1076)).toBe("1.1 KB"); // 1.0508 KB
    expect(formatBytes(512 * 1024)).toBe("512 KB");
    expect(formatBytes(1024 * 1024 - 1)).toBe("1 MB");
    expect(formatBytes(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatBytes(1024 * 1024 + 104858)).toBe("1.1 MB");
  });
});
