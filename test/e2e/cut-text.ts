import type { Locator, Page } from 'playwright-core';

/**
 * Runs in the page (as text: the test code is compiled without the DOM's types). Walks every element, shadow roots
 * included, and lists the text drawn cut short (an ellipsis, or hidden overflow) that has no `title` with the whole
 * text on it or on one of its four nearest ancestors.
 */
const FIND_CUT_TEXT = `(() => {
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (!(el instanceof HTMLElement) || el.matches('input, textarea, select, .visually-hidden, .visually-hidden *')) continue;
      const style = getComputedStyle(el);
      const clips = style.textOverflow === 'ellipsis' || style.overflowX === 'hidden' || style.overflowX === 'clip';
      const text = (el.textContent || '').replace(/\\s+/g, ' ').trim();
      if (!clips || !text || el.getClientRects().length === 0 || el.clientWidth < 2) continue;
      if (el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1) continue;
      let titled = false;
      let node = el;
      for (let up = 0; node && up < 5 && !titled; up++) {
        titled = node instanceof HTMLElement && (node.getAttribute('title') || '').includes(text);
        node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
      }
      if (!titled) found.push(text);
    }
  };
  visit(document);
  return found;
})()`;

/**
 * Every piece of text on the page that is drawn cut short and that nothing shows in full on hover (issue 19: "long
 * names shown in full on hover/focus"). Empty when there is none.
 */
export async function cutTextsWithoutTitle(page: Page): Promise<string[]> {
  return (await page.evaluate(FIND_CUT_TEXT)) as string[];
}

/** True when the element `selector` inside `target` is drawn in full (not cut) right now, e.g. while it is focused. */
export async function shownInFull(target: Locator, selector: string): Promise<boolean> {
  return target.locator(selector).evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1);
}
