/**
 * The slots: what a fact's value is about, and so what a sentence's value
 * may be compared with. A value is compared only with the facts' values of
 * its own slot, and only the case's rules (lib/claims/case-rules.ts) put a
 * sentence's value in a slot: a slot is in this list only if a rule fills it
 * and a fact of the bundled pack has a value in it
 * (tests/lib/claims/slots.test.ts), and a fact pack may use no other
 * (lib/facts/schema.ts). No imports: the schema reads this file too.
 */

/** Each slot, the kind of value it holds, and what it is about. */
export const SLOTS = {
  'proceedings-count': { kind: 'quantity', about: 'judicial proceedings linked to the site' },
  'proceedings-period': { kind: 'period', about: 'the period those proceedings were opened in' },
  'victims-count': { kind: 'quantity', about: 'victims in those proceedings' },
  'prosecutors-offices-count': {
    kind: 'quantity',
    about: 'prosecutors’ offices that sent proceedings',
  },
  'operation-countries': { kind: 'places', about: 'the countries of the operation' },
  'operation-countries-count': { kind: 'quantity', about: 'how many countries' },
  'operation-coordination': { kind: 'entities', about: 'who coordinated the operation' },
  'investigation-lead': { kind: 'entities', about: 'who led the investigation' },
  'investigation-units': { kind: 'entities', about: 'who carried it out' },
  'investigation-support': { kind: 'entities', about: 'who supported it' },
  'investigation-opened': { kind: 'date', about: 'when the investigation was opened' },
  'shutdown-date': { kind: 'date', about: 'when the site was shut down' },
  'announcement-date': { kind: 'date', about: 'when the shutdown was announced' },
  'release-date': { kind: 'date', about: 'the date of the prosecutor’s release' },
  'site-age': { kind: 'duration', about: 'how old the site was' },
  'site-domains': { kind: 'domains', about: 'the site’s addresses' },
  'registration-place': { kind: 'places', about: 'where the site was registered' },
  'penalty-online-platform-illicit-transaction': {
    kind: 'penalty',
    about: 'the prison term the law sets for providing the platform',
  },
  'fine-online-platform-illicit-transaction': {
    kind: 'money',
    about: 'the fine the law sets for providing the platform',
  },
  'penalty-intermediation': {
    kind: 'penalty',
    about: 'the prison term the law sets for intermediation or escrow',
  },
  'fine-intermediation': {
    kind: 'money',
    about: 'the fine the law sets for intermediation or escrow',
  },
} as const satisfies Record<string, { kind: string; about: string }>;

export type Slot = keyof typeof SLOTS;

/** The kinds of value a slot may hold. */
export type SlotKind = (typeof SLOTS)[Slot]['kind'];

/** Every slot, in the order above. */
export const SLOT_NAMES = Object.keys(SLOTS) as Slot[];

/** The slots holding values of `kind`. */
export function slotsOfKind(kind: SlotKind): Slot[] {
  return SLOT_NAMES.filter((slot) => SLOTS[slot].kind === kind);
}

export function isSlot(name: string): name is Slot {
  return Object.hasOwn(SLOTS, name);
}
