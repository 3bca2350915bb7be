/** Rendering Preact components into a linkedom document, for component tests in Node. */
import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';

/** Renders `node` into a fresh document and returns its container. */
export function rendered(node: ComponentChild): Element {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  (globalThis as { document?: unknown }).document = document;
  const root = document.getElementById('root') as unknown as Element;
  render(node, root);
  return root;
}
