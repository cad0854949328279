/**
 * Accessibility of controls on the web. Taro renders <Button> as a custom element
 * (`taro-button-core`) without a role or keyboard focus, and tappable <View>s as plain
 * elements. This gives every such button role="button", and every element with a control role
 * a tabindex, so that screen readers announce them by their text (or aria-label) and the
 * keyboard reaches them; Enter and Space activate them like a tap.
 */
const CONTROL_ROLES = ['button', 'link', 'tab', 'radio', 'switch', 'checkbox', 'option'];
const CONTROL_SELECTOR = ['taro-button-core', ...CONTROL_ROLES.map((r) => `[role="${r}"]`)].join(',');

/**
 * Scroll views and Taro's page containers (which scroll when a page is long): the keyboard must
 * reach them to scroll (WCAG 2.1.1; axe scrollable-region-focusable).
 */
const SCROLL_SELECTOR = 'taro-scroll-view-core, .taro_page';

/** Taro's H5 title bar draws 返回 and 首页 as bare icons: give them a name, a role and focus. */
const TITLE_BAR_BUTTONS: [string, string][] = [
  ['.taro-navigation-bar-back', '返回'],
  ['.taro-navigation-bar-home', '首页'],
];

function tag(root: ParentNode): void {
  for (const [selector, name] of TITLE_BAR_BUTTONS) {
    root.querySelectorAll<HTMLElement>(selector).forEach((el) => {
      if (el.getAttribute('role') === 'button') return;
      el.setAttribute('role', 'button');
      el.setAttribute('aria-label', name);
    });
  }
  root.querySelectorAll<HTMLElement>(SCROLL_SELECTOR).forEach((el) => {
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
  });
  root.querySelectorAll<HTMLElement>(CONTROL_SELECTOR).forEach((el) => {
    if (el.tagName === 'TARO-BUTTON-CORE' && !el.hasAttribute('role')) el.setAttribute('role', 'button');
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
    // Taro's web button keeps disabled="false" when enabled; follow the attribute both ways.
    const disabled = el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false';
    if (disabled) el.setAttribute('aria-disabled', 'true');
    else el.removeAttribute('aria-disabled');
  });
}

export function installAccessibility(): () => void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return () => undefined;
  if (!document.body) {
    let undo = () => undefined as void;
    document.addEventListener('DOMContentLoaded', () => (undo = installAccessibility()), { once: true });
    return () => undo();
  }
  tag(document);
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      tag(document);
    });
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const el = e.target as HTMLElement | null;
    if (!el || !el.matches?.(CONTROL_SELECTOR) || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return;
    e.preventDefault();
    el.click();
  };
  document.addEventListener('keydown', onKey);
  return () => {
    observer.disconnect();
    document.removeEventListener('keydown', onKey);
  };
}
