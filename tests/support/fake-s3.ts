import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A small S3-compatible server for tests (path-style PUT, GET, HEAD and DELETE of objects in
// memory), so that the S3 store and several portal servers sharing one bucket can be tested on a
// machine without an object store. It insists on a signed request (AWS Signature Version 4 with
// the configured access key), as a real store does, but does not recompute the signature.

export interface FakeS3 {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, { bytes: Buffer; contentType: string }>;
  /** Requests seen, as "METHOD key". */
  requests: string[];
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const xmlError = (code: string, message: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export async function startFakeS3(options: { bucket?: string; accessKeyId?: string; secretAccessKey?: string } = {}): Promise<FakeS3> {
  const bucket = options.bucket ?? "anju-test";
  const accessKeyId = options.accessKeyId ?? "TESTACCESSKEY";
  const secretAccessKey = options.secretAccessKey ?? "test-secret-access-key";
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const [, first, ...rest] = url.pathname.split("/");
      const key = decodeURIComponent(rest.join("/"));
      requests.push(`${req.method} ${key}`);
      const send = (status: number, xml?: string) => {
        res.writeHead(status, xml ? { "content-type": "application/xml" } : {});
        res.end(xml);
      };
      const auth = req.headers.authorization ?? "";
      if (!auth.startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`)) return send(403, xmlError("InvalidAccessKeyId", "unsigned or unknown key"));
      if (first !== bucket) return send(404, xmlError("NoSuchBucket", "no such bucket"));
      if (!key) return send(400, xmlError("InvalidRequest", "bucket operations are not supported"));
      if (req.method === "PUT") {
        objects.set(key, { bytes: await body(req), contentType: String(req.headers["content-type"] ?? "application/octet-stream") });
        res.writeHead(200, { etag: '"fake"' });
        return res.end();
      }
      const stored = objects.get(key);
      if (req.method === "GET" || req.method === "HEAD") {
        if (!stored) return send(404, req.method === "GET" ? xmlError("NoSuchKey", "The specified key does not exist.") : undefined);
        res.writeHead(200, { "content-type": stored.contentType, "content-length": String(stored.bytes.length), etag: '"fake"' });
        return res.end(req.method === "GET" ? stored.bytes : undefined);
      }
      if (req.method === "DELETE") {
        objects.delete(key);
        return send(204);
      }
      return send(405, xmlError("MethodNotAllowed", "not supported"));
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId,
    secretAccessKey,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
