/**
 * Zod schemas of the case's sources, facts and fact packs (CONTRACT §1).
 * Each schema is the single source of its type; types drop the `Schema` suffix.
 * Objects are strict: an unknown field in a pack is an error, not silently kept.
 */
import { z } from 'zod';
import { slotsOfKind, type Slot, type SlotKind } from '../claims/slots.ts';

/** Stable kebab-case identifier: `proceedings-2021-2024`. */
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Calendar date `YYYY-MM-DD`. */
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Lower-case hex SHA-256. */
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** ISO 3166-1 alpha-2 code, upper case (`FR`, `GG`). */
const COUNTRY_CODE = /^[A-Z]{2}$/;

export const IdSchema = z.string().regex(KEBAB_ID, 'must be kebab-case (a-z, 0-9, -)');
export const IsoDateSchema = z.string().regex(ISO_DATE, 'must be a date YYYY-MM-DD');
export const LanguageSchema = z.enum(['fr', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** Metadata of one source text (`seeds/sources.json` entry). */
export const SourceMetaSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1),
  publisher: z.string().min(1),
  author: z.string().min(1).nullable(),
  published: IsoDateSchema,
  language: LanguageSchema,
  /** `primary`: the authority's own words; `press`: a report about them. */
  standing: z.enum(['primary', 'press']),
  sha256: z.string().regex(SHA256_HEX, 'must be a lower-case hex SHA-256'),
  /**
   * The source's public address, when a pack knows one (the bundled sources
   * have none recorded, and none is ever made up): replies cite it.
   */
  url: z.url({ protocol: /^https?$/ }).optional(),
});
export type SourceMeta = z.infer<typeof SourceMetaSchema>;

export const SourceListSchema = z.array(SourceMetaSchema).min(1);

/** A source with its full text, as stored in IndexedDB and carried by exported packs. */
export const SourceSchema = SourceMetaSchema.extend({ text: z.string().min(1) });
export type Source = z.infer<typeof SourceSchema>;

export const LocalizedTextSchema = z.strictObject({
  fr: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * How an evidence passage renders the fact: `original` is the authority's own
 * wording; the others say what a secondary source did with it.
 */
export const RenderingSchema = z.enum(['original', 'quotes', 'reports', 'rounds', 'alters']);
export type Rendering = z.infer<typeof RenderingSchema>;

/** An exact passage of a source: `text.slice(start, end) === exact` (UTF-16 offsets). */
export const EvidenceSchema = z
  .strictObject({
    sourceId: IdSchema,
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
    start: z.int().nonnegative(),
    end: z.int().positive(),
    rendering: RenderingSchema,
    /** Why a non-original rendering differs, in a sentence (`"absence notoire" for "notoire absence"`). */
    note: z.string().min(1).optional(),
  })
  .refine((e) => e.end - e.start === e.exact.length, {
    message: 'end - start must equal the length of exact',
    path: ['end'],
  });
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * How a stated number relates to the true one. `exact`: the figure itself;
 * `at-least`/`more-than`/`at-most`/`less-than`: a bound; `about`: a rounded figure.
 */
export const BoundSchema = z.enum([
  'exact',
  'at-least',
  'more-than',
  'at-most',
  'less-than',
  'about',
]);
export type Bound = z.infer<typeof BoundSchema>;

/**
 * The thing a value is about, so that a figure is only compared with a
 * figure of the same slot: one of the slots the matcher's rules fill
 * (lib/claims/slots.ts) for values of this kind. A slot no rule fills would
 * be silently never compared.
 */
function slotFor(kind: SlotKind) {
  const slots = slotsOfKind(kind);
  return z.enum(slots as [Slot, ...Slot[]], {
    error: `must be a slot the matcher fills with ${kind} values: ${slots.join(', ')}`,
  });
}

const PeriodSchema = z.strictObject({
  from: IsoDateSchema,
  to: IsoDateSchema,
});

/** A count of something (proceedings, victims, prosecutors' offices, countries). */
export const QuantityValueSchema = z.strictObject({
  kind: z.literal('quantity'),
  slot: slotFor('quantity'),
  value: z.int().nonnegative(),
  /** What is counted, singular, in English: `judicial proceeding`. */
  unit: z.string().min(1),
  bound: BoundSchema,
  /** The period the count covers, when the source gives one. */
  period: PeriodSchema.optional(),
});

/** A point in time, known to a given precision. */
export const DateValueSchema = z.strictObject({
  kind: z.literal('date'),
  slot: slotFor('date'),
  /** For `month` or `year` precision, the first day of that month or year. */
  value: IsoDateSchema,
  precision: z.enum(['day', 'month', 'year']),
});

/** A span of time between two dates, each known to a precision. */
export const PeriodValueSchema = z.strictObject({
  kind: z.literal('period'),
  slot: slotFor('period'),
  from: IsoDateSchema,
  to: IsoDateSchema,
  precision: z.enum(['day', 'month', 'year']),
});

/** A length of time (the site's age). */
export const DurationValueSchema = z.strictObject({
  kind: z.literal('duration'),
  slot: slotFor('duration'),
  years: z.number().positive(),
  bound: BoundSchema,
});

/** A sum of money. */
export const MoneyValueSchema = z.strictObject({
  kind: z.literal('money'),
  slot: slotFor('money'),
  amount: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
});

/** A criminal penalty as the law sets it (maximum sentence). */
export const PenaltyValueSchema = z.strictObject({
  kind: z.literal('penalty'),
  slot: slotFor('penalty'),
  prisonYears: z.number().positive().optional(),
  fineEuros: z.number().positive().optional(),
});

/**
 * A set of places. `closed`: the list is complete (a claim naming another place
 * contradicts it); open: the places named are examples.
 */
export const PlacesValueSchema = z.strictObject({
  kind: z.literal('places'),
  slot: slotFor('places'),
  places: z.array(z.string().regex(COUNTRY_CODE, 'must be an ISO 3166-1 alpha-2 code')).min(1),
  closed: z.boolean(),
});

/** A set of organisations or people acting in a role (led, carried out, supported). */
export const EntitiesValueSchema = z.strictObject({
  kind: z.literal('entities'),
  slot: slotFor('entities'),
  /** Canonical names as the matcher knows them: `JUNALCO`, `UNCyber`, `ONAF`. */
  entities: z.array(z.string().min(1)).min(1),
  role: z.string().min(1),
  closed: z.boolean(),
});

/** Internet domains of the site. */
export const DomainsValueSchema = z.strictObject({
  kind: z.literal('domains'),
  slot: slotFor('domains'),
  domains: z
    .array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a lower-case domain'))
    .min(1),
});

export const ValueSchema = z.discriminatedUnion('kind', [
  QuantityValueSchema,
  DateValueSchema,
  PeriodValueSchema,
  DurationValueSchema,
  MoneyValueSchema,
  PenaltyValueSchema,
  PlacesValueSchema,
  EntitiesValueSchema,
  DomainsValueSchema,
]);
export type Value = z.infer<typeof ValueSchema>;

/** One verified fact, anchored to exact passages of the sources. */
export const FactSchema = z.strictObject({
  id: IdSchema,
  /** What the fact is about, for grouping in the interface: `shutdown`, `investigation`, `offences`… */
  topic: IdSchema,
  statement: LocalizedTextSchema,
  attributedTo: z.string().min(1),
  evidence: z.array(EvidenceSchema).min(1),
  values: z.array(ValueSchema),
});
export type Fact = z.infer<typeof FactSchema>;

/**
 * A fact pack: `seeds/facts.json` is one, and a pack a user imports has the
 * same shape. `sources` is optional: a pack may cite sources already stored,
 * and an exported pack carries the texts it cites so it can be imported elsewhere.
 */
export const FactPackSchema = z.strictObject({
  format: z.literal('casefile-facts'),
  formatVersion: z.literal(1),
  id: IdSchema,
  title: z.string().min(1),
  /** Date of this revision of the pack. */
  revised: IsoDateSchema,
  sources: z.array(SourceSchema).optional(),
  facts: z.array(FactSchema).min(1),
});
export type FactPack = z.infer<typeof FactPackSchema>;
