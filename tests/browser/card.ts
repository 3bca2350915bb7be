/**
 * The card's shadow root is closed: neither the page nor Playwright's
 * selectors can reach into it. The tests reach it as DevTools does, through
 * the Chrome DevTools Protocol, which sees closed roots: the root is resolved
 * to an object and functions are called on it. Clicks are the mouse's, at
 * the element's place, so they are trusted like a reader's.
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  shadowRoots?: DomNode[];
}

export interface Card {
  /** Whether a card is shown (its host in the page, its `.card` inside). */
  isOpen(): Promise<boolean>;
  /** Waits until the card is shown, or throws after `timeout` ms. */
  waitFor(timeout?: number): Promise<void>;
  /** The text of the first element matching `selector` in the card, or null. */
  text(selector?: string): Promise<string | null>;
  /** Calls `fn` on the card's shadow root (in the page's world, where the page could not get the root). */
  evaluate<T, A = undefined>(fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T>;
  /** Clicks the first element matching `selector` with the mouse, as a reader would. */
  click(selector: string): Promise<void>;
  /** The box of the first element matching `selector`, in the viewport. */
  box(selector?: string): Promise<{ x: number; y: number; width: number; height: number } | null>;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

/** The object id of the card's shadow root, or null when no card is in the page. */
async function rootObject(page: Page): Promise<{ cdp: CDPSession; objectId: string } | null> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: DomNode };
  const { nodeId } = (await cdp.send('DOM.querySelector', {
    nodeId: root.nodeId,
    selector: 'casefile-card',
  })) as { nodeId: number };
  if (!nodeId) return null;
  const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true })) as {
    node: DomNode;
  };
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = (await cdp.send('DOM.resolveNode', {
    backendNodeId: shadow.backendNodeId,
  })) as { object: { objectId?: string } };
  return object.objectId ? { cdp, objectId: object.objectId } : null;
}

async function callOnRoot<T>(page: Page, body: string, arg: unknown): Promise<T | null> {
  const found = await rootObject(page);
  if (!found) return null;
  const { result, exceptionDetails } = (await found.cdp.send('Runtime.callFunctionOn', {
    objectId: found.objectId,
    functionDeclaration: `function (arg) { return (${body})(this, arg); }`,
    arguments: [{ value: arg }],
    returnByValue: true,
    awaitPromise: true,
  })) as { result: { value?: T }; exceptionDetails?: { text: string } };
  if (exceptionDetails) throw new Error(`in the card: ${exceptionDetails.text}`);
  return result.value ?? null;
}

export function cardOf(page: Page): Card {
  const card: Card = {
    async isOpen() {
      return (
        (await callOnRoot<boolean>(page, '(root) => !!root.querySelector(".card")', null)) ?? false
      );
    },
    async waitFor(timeout = 5000) {
      const end = Date.now() + timeout;
      while (!(await card.isOpen())) {
        if (Date.now() > end) throw new Error(`no card within ${timeout} ms`);
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    text(selector = '.card') {
      return callOnRoot<string>(
        page,
        '(root, selector) => root.querySelector(selector)?.textContent ?? null',
        selector,
      );
    },
    async evaluate<T, A>(fn: (root: ShadowRoot, arg: A) => T, arg?: A) {
      return (await callOnRoot<T>(page, fn.toString(), arg ?? null)) as T;
    },
    async box(selector = '.card') {
      return callOnRoot<{ x: number; y: number; width: number; height: number }>(
        page,
        `(root, selector) => {
          const element = root.querySelector(selector);
          if (!element) return null;
          const { x, y, width, height } = element.getBoundingClientRect();
          return { x, y, width, height };
        }`,
        selector,
      );
    },
    async click(selector) {
      await callOnRoot(
        page,
        '(root, selector) => root.querySelector(selector)?.scrollIntoView({ block: "center" })',
        selector,
      );
      const box = await card.box(selector);
      if (!box) throw new Error(`no ${selector} in the card`);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    },
  };
  return card;
}

/** Scrolls to the first highlight of a kind and clicks on it with the mouse. */
export async function clickHighlight(
  page: Page,
  kind: 'supported' | 'contradicted',
): Promise<void> {
  const point = await page.evaluate((name) => {
    const highlight = CSS.highlights.get(name) as unknown as Set<Range>;
    const range = [...highlight][0]!;
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + 4, y: rect.top + rect.height / 2 };
  }, `casefile-${kind}`);
  await page.mouse.click(point.x, point.y);
}
