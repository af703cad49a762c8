import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The display's layouts: wide screens (1920x1080, 4K) and tall ones (1080x1920). */
export type ScreenLayout = 'landscape' | 'portrait';

/**
 * Chooses the layout from the screen's shape and follows it when the window changes (a TV rotated, a browser
 * leaving full screen). 4K uses the landscape layout: every size is in viewport units, so it is the same picture
 * at twice the pixels.
 */
export class LayoutController implements ReactiveController {
  layout: ScreenLayout = 'landscape';

  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.measure();
    window.addEventListener('resize', this.onResize);
  }

  hostDisconnected(): void {
    window.removeEventListener('resize', this.onResize);
  }

  private readonly onResize = (): void => {
    if (this.measure()) this.host.requestUpdate();
  };

  /** Returns true when the layout changed. */
  private measure(): boolean {
    const layout: ScreenLayout = window.innerHeight > window.innerWidth ? 'portrait' : 'landscape';
    const changed = layout !== this.layout;
    this.layout = layout;
    return changed;
  }
}
