import "server-only";
import compile from "icu-minify/compile";
import type { CompiledMessages } from "./client-translator";

// The server's half of translation in the browser (docs/decisions/009-client-bundles.md): ICU
// messages compiled once per catalogue, so client components get them ready to format and the
// ICU parser stays on the server.

type Tree = { [key: string]: unknown };

function compileTree(tree: Tree): CompiledMessages {
  const out: CompiledMessages = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out[key] = compile(value);
    else if (value && typeof value === "object" && !Array.isArray(value)) out[key] = compileTree(value as Tree);
    else throw new TypeError(`message ${key} is neither a string nor a namespace`);
  }
  return out;
}

const compiled = new WeakMap<object, CompiledMessages>();

/** The whole catalogue of one locale, compiled; the same catalogue object is compiled only once. */
export function compileMessages(messages: Tree): CompiledMessages {
  let result = compiled.get(messages);
  if (!result) {
    result = compileTree(messages);
    compiled.set(messages, result);
  }
  return result;
}
