// Uploads stop reading at the limit: a 60 MB document sent without Content-Length (chunked) is
// refused with 413 after at most the limit has been read, not after the whole body is buffered.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "APPLICANT"; districtCode: null; name: string } }));
vi.hoisted(() => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/anju-upload-limit-${process.pid}`;
});
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/i18n/server-translator", () => ({ getServerTranslator: async () => (key: string) => key }));

import { rm } from "node:fs/promises";
import { uploadDocumentFromRequest } from "@/lib/documents/http";
import { uploadRoot } from "@/lib/documents/storage";
import { MAX_DOCUMENT_BYTES } from "@/lib/applications/schemas";
import { seedWorld } from "./applications.fixtures";
import { startPortalDraft } from "./portal-draft.fixtures";
import { prisma, truncateAll } from "./db";

const MB = 1024 * 1024;

/** A chunked body of `total` bytes that counts how much of it the server pulled. */
function countingBody(total: number, chunk = 256 * 1024) {
  const counter = { pulled: 0 };
  const boundary = "----anjuboundary";
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nID_CARD\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  let sentHead = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sentHead) {
        sentHead = true;
        counter.pulled += head.byteLength;
        controller.enqueue(head);
        return;
      }
      if (counter.pulled >= total) {
        controller.close();
        return;
      }
      const n = Math.min(chunk, total - counter.pulled);
      counter.pulled += n;
      controller.enqueue(new Uint8Array(n).fill(0x41));
    },
  });
  return { stream, counter, contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(body: ReadableStream<Uint8Array> | Uint8Array, contentType: string, headers: Record<string, string> = {}): Promise<Response> {
  return uploadDocumentFromRequest(
    new Request("http://localhost/api/documents", {
      method: "POST",
      body: body as BodyInit,
      headers: { "content-type": contentType, origin: "http://localhost", host: "localhost", ...headers },
      duplex: "half",
    } as RequestInit),
  );
}

beforeEach(async () => {
  await truncateAll();
  const world = await seedWorld();
  session.user = { ...world.users.applicantA, role: "APPLICANT", districtCode: null, name: "张伟" };
  await startPortalDraft(world.users.applicantA);
});

afterAll(async () => {
  await rm(uploadRoot(), { recursive: true, force: true });
});

describe("document uploads", () => {
  it("stop reading a chunked 60 MB body at the limit and answer 413, storing nothing", async () => {
    const before = await prisma.document.count();
    const { stream, counter, contentType } = countingBody(60 * MB);
    const response = await upload(stream, contentType);
    expect(response.status).toBe(413);
    // At most the limit (the document and its multipart framing) plus the chunk in flight.
    expect(counter.pulled).toBeLessThan(MAX_DOCUMENT_BYTES + 2 * MB);
    expect(await prisma.document.count()).toBe(before);
  });

  it("refuse a declared Content-Length over the limit without reading", async () => {
    const { stream, counter, contentType } = countingBody(60 * MB);
    const response = await upload(stream, contentType, { "content-length": String(60 * MB) });
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThan(2 * MB);
  });

  it("still take a document within the limit sent in chunks", async () => {
    const before = await prisma.document.count();
    const { stream, contentType } = countingBody(64 * 1024);
    const stream2 = stream.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        flush(controller) {
          controller.enqueue(new TextEncoder().encode("\n%%EOF\r\n------anjuboundary--\r\n"));
        },
      }),
    );
    const response = await upload(stream2, contentType);
    expect(response.status).toBe(201);
    expect(await prisma.document.count()).toBe(before + 1);
  });
});
