import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One-key shortcuts for a screen (the doctor console's N, R, S, C, D, T, K, U): listens on the document while the
 * host is connected and hands the key, lower-cased, to `onKey`, which returns true when it used it. Keys are left
 * alone while the user types in a field, holds a modifier or auto-repeats, and while a modal dialog is open: a key
 * pressed in a dialog (transfer, a confirmation, a reason, signing in again) belongs to it, not to the screen behind.
 */
export class ShortcutController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly onKey: (key: string) => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKeyDown);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const path = event.composedPath();
    const target = path[0] as HTMLElement | undefined;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (path.some((node) => node instanceof HTMLDialogElement) || anyModalOpen()) return;
    if (this.onKey(event.key.toLowerCase())) event.preventDefault();
  };
}

/** True while a modal `<dialog>` is open anywhere in the page (they live in shadow roots, so `:modal` is searched in each). */
function anyModalOpen(): boolean {
  const roots: (Document | ShadowRoot)[] = [document];
  for (let i = 0; i < roots.length; i++) {
    if (roots[i].querySelector('dialog[open]:modal')) return true;
    for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  return false;
}
