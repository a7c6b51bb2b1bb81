import { z } from "zod";
import { parseFen } from "./parse";

/**
 * A form field typed in yuan ("1,234.56", "１２３４元"), parsed to whole fen above 0 and at most
 * `max`. The message keys are the feature's: required (empty), invalid (not an amount, or 0) and
 * tooLarge.
 */
export function yuanField(keys: { required: string; invalid: string; tooLarge: string }, max: number) {
  return z
    .string({ error: keys.required })
    .trim()
    .min(1, { error: keys.required })
    .transform((text, ctx) => {
      const fen = parseFen(text, { max });
      if (!fen.ok || fen.value === 0) {
        ctx.addIssue({ code: "custom", message: fen.ok || fen.problem !== "tooLarge" ? keys.invalid : keys.tooLarge });
        return z.NEVER;
      }
      return fen.value;
    });
}
