/**
 * The keys that step through the page's claims, with Alt+Shift: N and P
 * through every claim, J and K through the contradicted ones. Read by the
 * page's listener and by the card's (whose events do not reach the page).
 */
export const STEP_KEYS: Readonly<Record<string, readonly [1 | -1, boolean]>> = {
  KeyN: [1, false],
  KeyP: [-1, false],
  KeyJ: [1, true],
  KeyK: [-1, true],
};
