/**
 * The cheap first test of a page, kept apart from the mention finder so that
 * the content script can run it without loading the engine.
 */

/** Any of the words a mention starts with, anywhere. */
const MAY_MENTION = /coco|junalco|uncyber|comcyber|onaf/i;

/**
 * False when `text` cannot hold a mention of the case (none of the words a
 * mention is made of appears in it): most pages stop here, at the cost of one
 * native search, before anything else is read or built.
 */
export function mayMentionCase(text: string): boolean {
  return MAY_MENTION.test(text);
}
