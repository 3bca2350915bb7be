/**
 * Language identification, French or English, by stop words.
 *
 * News prose is a quarter to a third stop words, and a short post still has
 * one or two ("Le site coco.gg est enfin fermé"). Counting the most frequent
 * grammatical words of French and English, against those of the neighbouring
 * languages a page may be in (German, Spanish, Italian), tells them apart
 * with no model and in one pass over the start of the text.
 */

/** What `detectLanguage` returns: French, English, or undetermined. */
export type DetectedLanguage = 'fr' | 'en' | 'und';

/**
 * Characters read, at most. A page's language shows in its first paragraphs;
 * 20 000 characters are about 3 000 words, far more than needed.
 */
const MAX_CHARS = 20_000;

/**
 * Fewest words before stop words must also be frequent enough
 * (MIN_STOP_WORD_SHARE). Shorter texts need only one stop word, more than any
 * other language has.
 */
const MIN_WORDS_FOR_SHARE = 20;

/**
 * Smallest share of words that must be French (or English) stop words in a
 * text of MIN_WORDS_FOR_SHARE words or more. The lists below cover 20–35 % of
 * the words of French and English news; other languages that share a few of
 * them ("in" and "is" in Dutch, "de" and "la" in Portuguese) stay under 8 %.
 */
const MIN_STOP_WORD_SHARE = 0.08;

/** The words of a space-separated list, as a set. */
function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

/** Frequent French grammatical words, elided forms with their apostrophe ("l'", "qu'"). */
const FRENCH = wordSet(
  'le la les des est été une un dans pour sur avec qui que pas du au aux et ce cette ces ' +
    "d' l' qu' n' s' c' il elle ils ont sont par ne se son sa ses leur mais ou plus en on " +
    'était selon',
);

/** Frequent English grammatical words ("on" is French too, and counts for both). */
const ENGLISH = wordSet(
  'the of and to in is was were has have had for on with that by are it its this from be ' +
    'been as at his her an not which after said who',
);

/** Frequent German words: evidence against French and English. */
const GERMAN = wordSet(
  'der die das und ist nicht mit den dem ein eine zu von sich auf für wurde im des',
);

/** Frequent Spanish words ("la", "que", "se", "en" are French too, and count for both). */
const SPANISH = wordSet(
  'el los las y es del por una con para lo su fue al como más pero la que se en',
);

/** Frequent Italian words ("il", "la", "un" are French too, and count for both). */
const ITALIAN = wordSet(
  'il della che di e è del dei gli lo una per sono con non nel alla delle la un stato ha',
);

/** The neighbouring languages a page about the case may be in, as negative evidence. */
const OTHERS: readonly ReadonlySet<string>[] = [GERMAN, SPANISH, ITALIAN];

/** Matches a word: letters and combining marks, with the apostrophe of an elision ("l'", "qu'"). */
const WORD = /[\p{L}\p{M}]+(?:['’](?=\p{L}))?/gu;
/** Matches one letter used in French and not in English (é, è, ê, à, ç, ù, û, ô, î, ï, ë, œ). */
const FRENCH_LETTER = /[éèêàçùûôîïëœ]/iu;

/**
 * 'fr' or 'en' for French or English text; 'und' when neither fits: no stop
 * word of either (too short, no letters), as many of another language's, too
 * few for the text's length, or a tie that no French letter breaks. Reads at
 * most the first MAX_CHARS characters.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = (text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text).normalize('NFC');
  let words = 0;
  let french = 0;
  let english = 0;
  const others = OTHERS.map(() => 0);
  for (const match of sample.matchAll(WORD)) {
    const word = match[0].toLowerCase().replace('’', "'");
    words++;
    if (FRENCH.has(word)) french++;
    if (ENGLISH.has(word)) english++;
    for (let k = 0; k < OTHERS.length; k++) if (OTHERS[k]!.has(word)) others[k]!++;
  }
  const best = Math.max(french, english);
  if (best === 0) return 'und';
  if (others.some((count) => count >= best)) return 'und';
  if (words >= MIN_WORDS_FOR_SHARE && best / words < MIN_STOP_WORD_SHARE) return 'und';
  if (french > english) return 'fr';
  if (english > french) return 'en';
  return FRENCH_LETTER.test(sample) ? 'fr' : 'und';
}
