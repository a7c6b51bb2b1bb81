import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkKey, type ObjectStore } from "./object-store";

/** Files under `root` (outside public/, never served directly), written atomically. */
export function localDiskStore(root: string): ObjectStore {
  const pathOf = (key: string) => path.join(/* turbopackIgnore: true */ root, checkKey(key));
  return {
    kind: "local",
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      // A temporary file renamed into place: a reader never sees half a file.
      const temp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(temp, bytes, { flag: "wx", mode: 0o600 });
      await rename(temp, target);
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
