/**
 * Validation of fact packs beyond their shape: the checks that need the
 * sources' texts (anchors that slice, hashes that match) and the pack as a
 * whole (unique ids). Pure: the caller supplies the sources already stored.
 */
import { z, type ZodError } from 'zod';
import { sha256Hex } from './hash.ts';
import { FactPackSchema, SourceListSchema, type FactPack, type Source } from './schema.ts';

/**
 * Largest pack text accepted, in UTF-16 code units. The bundled pack is about
 * 60 KB; a pack two hundred times larger is a mistake or an attack, and
 * parsing it would freeze the page that imports it.
 */
export const MAX_PACK_CHARS = 10 * 1024 * 1024;

/** At most this many problems are reported: past that the list stops helping. */
const MAX_REPORTED_PROBLEMS = 20;

/** One problem, located by the dotted path of the field at fault (`facts.3.evidence.0.start`). */
export interface PackProblem {
  path: string;
  /** In English. */
  message: string;
  /** In French and in English, for the interface's language. */
  messages: { fr: string; en: string };
}

/** A problem at `path`, said in both languages. */
function problem(path: string, en: string, fr: string): PackProblem {
  return { path, message: en, messages: { fr, en } };
}

/**
 * The schemas' own messages (schema.ts), in French; Zod's built-in ones come
 * from its French locale.
 */
const SCHEMA_MESSAGES_FR: Record<string, string> = {
  'must be kebab-case (a-z, 0-9, -)': 'doit être en kebab-case (a-z, 0-9, -)',
  'must be a date YYYY-MM-DD': 'doit être une date AAAA-MM-JJ',
  'must be a lower-case hex SHA-256': 'doit être un SHA-256 hexadécimal en minuscules',
  'must be an ISO 3166-1 alpha-2 code': 'doit être un code ISO 3166-1 alpha-2',
  'must be an ISO 4217 code': 'doit être un code ISO 4217',
  'must be a lower-case domain': 'doit être un domaine en minuscules',
  'end - start must equal the length of exact': 'end - start doit être égal à la longueur de exact',
};

/** Zod's French messages, made on first use. */
let zodFrench: ((issue: never) => unknown) | undefined;

/** A Zod issue's message in French. */
function frenchMessage(issue: ZodError['issues'][number]): string {
  const own = SCHEMA_MESSAGES_FR[issue.message];
  if (own) return own;
  zodFrench ??= z.locales.fr().localeError as (issue: never) => unknown;
  const said = zodFrench(issue as never);
  const text =
    typeof said === 'string' ? said : (said as { message?: string } | undefined)?.message;
  return text ?? issue.message;
}

export type PackResult =
  { ok: true; pack: FactPack; sources: Source[] } | { ok: false; problems: PackProblem[] };

/** `facts.3.evidence.0.start: expected a number` — one line per problem. */
export function formatProblems(problems: readonly PackProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(pack)' : path.map(String).join('.');
}

/** Zod's issues as problems, with their field paths. */
export function problemsFromZod(
  error: ZodError,
  prefix: readonly PropertyKey[] = [],
): PackProblem[] {
  return error.issues
    .slice(0, MAX_REPORTED_PROBLEMS)
    .map((issue) =>
      problem(pathOf([...prefix, ...issue.path]), issue.message, frenchMessage(issue)),
    );
}

/**
 * Parses a pack from the text of a JSON file. Returns the problems (size, JSON
 * syntax, shape, semantics) when it is not a valid pack; never throws.
 * `storedSources` are the sources already in the store, which a pack may cite
 * without carrying them.
 */
export async function parsePackText(
  text: string,
  storedSources: ReadonlyMap<string, Source>,
): Promise<PackResult> {
  if (text.length > MAX_PACK_CHARS) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    const limit = MAX_PACK_CHARS / 1024 / 1024;
    return fail(
      '(file)',
      `the pack is ${mb} MB; packs larger than ${limit} MB are refused`,
      `le pack fait ${mb.replace('.', ',')} Mo ; au-delà de ${limit} Mo, un pack est refusé`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = (error as Error).message;
    return fail('(file)', `not valid JSON: ${why}`, `JSON invalide : ${why}`);
  }
  return validatePack(json, storedSources);
}

/**
 * Checks a parsed pack: its shape (Zod), unique fact ids, sources whose text
 * matches their `sha256` and does not conflict with a stored source of the same
 * id, and evidence that cites a known source and slices it exactly.
 * Returns the pack and the full sources its evidence cites.
 */
export async function validatePack(
  json: unknown,
  storedSources: ReadonlyMap<string, Source>,
): Promise<PackResult> {
  const parsed = FactPackSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const pack = parsed.data;
  const problems: PackProblem[] = [];

  const sources = new Map(storedSources);
  for (const [i, source] of (pack.sources ?? []).entries()) {
    if ((await sha256Hex(source.text)) !== source.sha256) {
      problems.push(
        problem(
          `sources.${i}.sha256`,
          'does not match the source text',
          'ne correspond pas au texte de la source',
        ),
      );
      continue;
    }
    const stored = storedSources.get(source.id);
    if (stored && stored.sha256 !== source.sha256) {
      problems.push(
        problem(
          `sources.${i}.id`,
          `a different text is already stored as source "${source.id}"`,
          `un autre texte est déjà enregistré comme source « ${source.id} »`,
        ),
      );
      continue;
    }
    sources.set(source.id, source);
  }

  const firstIndexOfId = new Map<string, number>();
  const cited = new Map<string, Source>();
  for (const [i, fact] of pack.facts.entries()) {
    const earlier = firstIndexOfId.get(fact.id);
    if (earlier === undefined) firstIndexOfId.set(fact.id, i);
    else
      problems.push(
        problem(
          `facts.${i}.id`,
          `duplicate id "${fact.id}" (also facts.${earlier})`,
          `identifiant « ${fact.id} » en double (aussi facts.${earlier})`,
        ),
      );

    for (const [j, evidence] of fact.evidence.entries()) {
      const at = `facts.${i}.evidence.${j}`;
      const source = sources.get(evidence.sourceId);
      if (!source) {
        problems.push(
          problem(
            `${at}.sourceId`,
            `unknown source "${evidence.sourceId}"`,
            `source inconnue « ${evidence.sourceId} »`,
          ),
        );
        continue;
      }
      cited.set(source.id, source);
      const anchor = anchorProblem(source.text, evidence);
      if (anchor) problems.push(problem(`${at}.${anchor.field}`, anchor.message, anchor.messageFr));
    }
  }

  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_REPORTED_PROBLEMS) };
  return { ok: true, pack, sources: [...cited.values()] };
}

interface AnchorLike {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/**
 * Why an anchor does not hold in `text`, or null when it does: the passage must
 * be `text.slice(start, end)` exactly, and the prefix and suffix must be the
 * text right before and after it.
 */
export function anchorProblem(
  text: string,
  anchor: AnchorLike,
): { field: 'end' | 'exact' | 'prefix' | 'suffix'; message: string; messageFr: string } | null {
  if (anchor.end > text.length) {
    return {
      field: 'end',
      message: `is past the end of the source (${text.length} characters)`,
      messageFr: `dépasse la fin de la source (${text.length} caractères)`,
    };
  }
  if (text.slice(anchor.start, anchor.end) !== anchor.exact) {
    return {
      field: 'exact',
      message: 'is not the source text between start and end',
      messageFr: 'n’est pas le texte de la source entre start et end',
    };
  }
  if (text.slice(anchor.start - anchor.prefix.length, anchor.start) !== anchor.prefix) {
    return {
      field: 'prefix',
      message: 'is not the source text just before start',
      messageFr: 'n’est pas le texte de la source juste avant start',
    };
  }
  if (text.slice(anchor.end, anchor.end + anchor.suffix.length) !== anchor.suffix) {
    return {
      field: 'suffix',
      message: 'is not the source text just after end',
      messageFr: 'n’est pas le texte de la source juste après end',
    };
  }
  return null;
}

/**
 * Assembles the bundled pack from the seed files' contents: `sources.json`
 * metadata, each source's text by id, and `facts.json`. Checks every hash and
 * anchor; returns the problems instead when anything does not hold.
 */
export async function assembleSeedPack(
  sourcesJson: unknown,
  texts: Readonly<Record<string, string>>,
  factsJson: unknown,
): Promise<PackResult> {
  const metas = SourceListSchema.safeParse(sourcesJson, { reportInput: true });
  if (!metas.success)
    return { ok: false, problems: problemsFromZod(metas.error, ['sources.json']) };
  const problems: PackProblem[] = [];
  const sources: Source[] = [];
  for (const [i, meta] of metas.data.entries()) {
    const text = texts[meta.id];
    if (text === undefined) {
      problems.push(
        problem(
          `sources.json.${i}.id`,
          `no text file for source "${meta.id}"`,
          `aucun fichier texte pour la source « ${meta.id} »`,
        ),
      );
    } else if ((await sha256Hex(text)) !== meta.sha256) {
      problems.push(
        problem(
          `sources.json.${i}.sha256`,
          `does not match sources/${meta.id}.txt`,
          `ne correspond pas à sources/${meta.id}.txt`,
        ),
      );
    } else {
      sources.push({ ...meta, text });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const result = await validatePack(factsJson, new Map(sources.map((s) => [s.id, s])));
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems.map((p) => ({ ...p, path: `facts.json.${p.path}` })),
    };
  }
  // Every bundled source is stored, cited or not: the viewer shows them all.
  return { ok: true, pack: result.pack, sources };
}

function fail(path: string, message: string, messageFr: string): PackResult {
  return { ok: false, problems: [problem(path, message, messageFr)] };
}
