// Embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over the PostgreSQL wire
// protocol on 127.0.0.1, so the app, the tests and the jobs all reach it through `pg` and
// @prisma/adapter-pg exactly as they reach a real server (docs/decisions/001-embedded-database.md).
//
// No `import "server-only"`: the start script, scripts/db-migrate.ts and test setup use it.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface StartEmbeddedPostgresOptions {
  /** A directory to keep the database in (created if missing), or `memory://` for a throwaway one. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is chosen when omitted or 0. */
  port?: number;
  /**
   * Client connections served at once (default 10). Connections beyond it are refused, not
   * queued, so size every pool (Prisma, pg-boss, scripts) to fit under it.
   */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** postgresql:// URL for `pg`, @prisma/adapter-pg, psql. */
  url: string;
  port: number;
  dataDir: string;
  /** Closes client connections, the server and the database (flushing it to disk). Idempotent. */
  stop(): Promise<void>;
}

const MEMORY = "memory://";

/**
 * Opens (creating if needed) a PGlite database and serves it on 127.0.0.1.
 *
 * PGlite is a single PostgreSQL session. Every client connection shares it: session state (SET,
 * advisory locks, temporary tables, named prepared statements) is shared, and while one connection
 * is inside a transaction the others wait. See SessionMultiplexer for how queries are kept apart.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const inMemory = options.dataDir === MEMORY;
  const dataDir = inMemory ? MEMORY : path.resolve(options.dataDir);
  const releaseDirLock = inMemory ? () => {} : lockDataDir(dataDir);

  let db: PGlite | undefined;
  try {
    if (!inMemory) mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create(dataDir);
    const server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port: options.port ?? 0,
      maxConnections: options.maxConnections ?? 10,
    });
    installMultiplexer(server, new SessionMultiplexer(db));
    await server.start();

    const port = Number(server.getServerConn().split(":").pop());
    const openDb = db;
    let stopping: Promise<void> | undefined;
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      port,
      dataDir,
      stop() {
        stopping ??= (async () => {
          try {
            await server.stop();
            await openDb.close();
          } finally {
            releaseDirLock();
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    releaseDirLock();
    throw error;
  }
}

// ───────────── one session, many connections ─────────────

type OnData = (data: Uint8Array) => void;

interface Batch {
  handlerId: number;
  messages: Uint8Array[];
  onData: OnData;
  /** False for a Flush: the client expects output mid-sequence and will send more before Sync. */
  completesSequence: boolean;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const PROTOCOL_3 = 196608;
const SYNC_MESSAGE = new Uint8Array([0x53, 0, 0, 0, 4]); // 'S', length 4

/**
 * Replacement for pglite-socket's query queue (0.2.17), which hands PGlite one protocol message
 * at a time from whichever connection is next. An extended-protocol query is a sequence (Parse,
 * Bind, Describe, Execute, Sync) run in one implicit transaction; interleaving two connections'
 * sequences on the single session mixes up their unnamed statements and portals ("portal ''
 * cannot be run", rows returned to the wrong client, hangs). This queue buffers each connection's
 * messages up to a sequence boundary (Sync, a simple Query, Flush, ...) and runs the batch without
 * interruption. A connection that leaves a transaction open, or a sequence unfinished (Flush),
 * keeps the session until it finishes; the others wait. Same interface as the library's queue.
 */
export class SessionMultiplexer {
  private readonly pending = new Map<number, Uint8Array[]>();
  private queue: Batch[] = [];
  private processing = false;
  /** The connection that owns the session until its transaction or sequence ends. */
  private owner: number | null = null;
  /** The connection whose batch is running now. */
  private running: number | null = null;
  /** Connections that closed while their batch was running: release the session after it. */
  private readonly departed = new Set<number>();

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: OnData): Promise<number> {
    const boundary = sequenceBoundary(message);
    if (boundary === "none") {
      const buffered = this.pending.get(handlerId);
      if (buffered) buffered.push(message);
      else this.pending.set(handlerId, [message]);
      // The handler awaits each message before reading the next; let it continue buffering.
      return Promise.resolve(0);
    }
    const messages = [...(this.pending.get(handlerId) ?? []), message];
    this.pending.delete(handlerId);
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, messages, onData, completesSequence: boundary === "end", resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    if (this.running === handlerId) this.departed.add(handlerId);
    this.pending.delete(handlerId);
    const kept: Batch[] = [];
    for (const batch of this.queue) {
      if (batch.handlerId === handlerId) batch.reject(new Error("Handler disconnected"));
      else kept.push(batch);
    }
    this.queue = kept;
  }

  /** Called when a connection closes: undo whatever it left open on the shared session. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner === handlerId) await this.releaseSession();
  }

  // End the owner's unfinished extended-protocol sequence and roll back its open transaction.
  private async releaseSession(): Promise<void> {
    try {
      await this.db.runExclusive(() => this.db.execProtocolRawStream(SYNC_MESSAGE, { onRawData: () => {} }));
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    } finally {
      this.owner = null;
      void this.drain();
    }
  }

  private async drain(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = this.owner === null ? 0 : this.queue.findIndex((batch) => batch.handlerId === this.owner);
        if (index === -1) break; // the owner has not sent its next batch yet: everyone else waits
        const [batch] = this.queue.splice(index, 1);
        if (!batch) break;
        let bytes = 0;
        this.running = batch.handlerId;
        try {
          await this.db.runExclusive(async () => {
            for (const [i, message] of batch.messages.entries()) {
              await this.db.execProtocolRawStream(message, {
                // Flush to the data directory once per batch, not once per message.
                syncToFs: i === batch.messages.length - 1,
                onRawData: (data) => {
                  bytes += data.length;
                  batch.onData(data);
                },
              });
            }
          });
          batch.resolve(bytes);
        } catch (error) {
          batch.reject(error);
        }
        this.running = null;
        this.owner = !batch.completesSequence || this.db.isInTransaction() ? batch.handlerId : null;
        if (this.departed.delete(batch.handlerId) && this.owner === batch.handlerId) await this.releaseSession();
      }
    } finally {
      this.processing = false;
    }
  }
}

// Which frontend messages end a batch. "end": the sequence is complete (Sync, simple Query, the
// startup packet, Terminate, ...). "flush": output is wanted now but the sequence goes on.
function sequenceBoundary(message: Uint8Array): "none" | "end" | "flush" {
  if (message.length >= 8) {
    const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
    if (view.getInt32(0) === message.length && view.getInt32(4) === PROTOCOL_3) return "end"; // startup
  }
  switch (String.fromCharCode(message[0] ?? 0)) {
    case "P": // Parse
    case "B": // Bind
    case "D": // Describe
    case "E": // Execute
    case "C": // Close
    case "d": // CopyData
      return "none";
    case "H": // Flush
      return "flush";
    default: // S Sync, Q Query, F FunctionCall, X Terminate, c CopyDone, f CopyFail, p password
      return "end";
  }
}

// pglite-socket 0.2.17 builds every connection handler with the server's private `queryQueue`;
// swapping it is the smallest fix for the interleaving above. The version is pinned exactly in
// package.json, and tests/integration/embedded.integration.test.ts proves the fix under load.
function installMultiplexer(server: PGLiteSocketServer, multiplexer: SessionMultiplexer): void {
  const internals = server as unknown as { queryQueue?: unknown };
  if (internals.queryQueue === undefined) {
    throw new Error(
      "@electric-sql/pglite-socket no longer has the internal queryQueue this project replaces; " +
        "re-check lib/db/embedded.ts against the new version before upgrading.",
    );
  }
  internals.queryQueue = multiplexer;
}

// ───────────── one process per data directory ─────────────

// PGlite does not lock its data directory, and two processes writing one directory corrupt it
// (e.g. `npm start` and `tsx scripts/db-migrate.ts` at once). A pid file beside it says who owns it.
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, "utf8") === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockPath, "utf8"));
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `The embedded database at ${dataDir} is in use by process ${owner}` +
            (owner === process.pid ? " (this process)" : "") +
            `. Connect to that server instead, or stop it first.`,
        );
      }
      unlinkSync(lockPath); // left behind by a process that died: take over
    }
  }
  throw new Error(`Could not lock ${lockPath}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
