import { wholeHundredths } from "./money";

// Floor areas (Art. 13.5). The portal keeps them as whole square decimetres (1 m² = 100 dm²),
// exact like fen; the contract's EligibilityInput takes square metres as a number
// (`housingFloorAreaM2`). These two functions are the only crossings between the two units.

/**
 * dm² → m² for the rules' `housingFloorAreaM2`. Exact as far as a number can be: IEEE division
 * rounds correctly, so 8950 / 100 is the double nearest 89.5, the same one Number("89.50") gives.
 */
export function areaM2FromDm2(dm2: number): number {
  if (!Number.isSafeInteger(dm2) || dm2 < 0) throw new RangeError(`floor area must be a non-negative whole number of dm², got ${String(dm2)}`);
  return dm2 / 100;
}

/** m² → whole dm² when the figure has at most two decimals (binary noise forgiven), else null. */
export function areaDm2FromM2(m2: number): number | null {
  return wholeHundredths(m2);
}
