/**
 * The ticket page's "Notify me" block (issue 16): a patient asks to be told when they are 3rd in line and when they
 * are called, by a web push on this phone (where the browser has service workers and PushManager) or by SMS (where
 * the server offered it: the clinic has a gateway and a phone was typed at the kiosk). The server renders the block
 * and its words, hidden; this shows what applies and the state: on, asking for permission, refused, failed.
 */
type State = 'asking' | 'push-on' | 'sms-on' | 'refused' | 'failed';

/** Starts the block, if the page has one; returns what hides it once the ticket stops waiting. */
export function notifyBlock(root: HTMLElement, code: string): ((status: string) => void) | null {
  const block = root.querySelector<HTMLElement>('[data-field="notify"]');
  if (!block) return null;
  const pushButton = block.querySelector<HTMLButtonElement>('[data-action="push"]')!;
  const smsButton = block.querySelector<HTMLButtonElement>('[data-action="sms"]')!;
  const language = root.dataset.lang;
  const remembered = `mq-notice:${code}`;
  const show = (state: State | null) =>
    block.querySelectorAll<HTMLElement>('[data-state]').forEach((p) => {
      p.hidden = p.dataset.state !== state && !(p.dataset.state === 'sms-on' && block.dataset.sms === 'on');
    });
  const ask = (body: object) =>
    fetch(`/api/tickets/${encodeURIComponent(code)}/notices`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...body, language }),
    }).then((res) => res.ok);

  const canPush = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window && Boolean(block.dataset.key);
  const pushOn = canPush && stored(remembered) === 'push';
  pushButton.hidden = !canPush || pushOn;
  smsButton.hidden = block.dataset.sms !== 'offered';
  block.hidden = pushButton.hidden && smsButton.hidden && !pushOn && block.dataset.sms !== 'on';
  show(pushOn ? 'push-on' : null);
  // The server forgets a subscription the push service says is gone (404/410): then offer the button again.
  if (pushOn) {
    fetch(`/api/tickets/${encodeURIComponent(code)}/notices`)
      .then((res) => (res.ok ? (res.json() as Promise<{ on: string[] }>) : null))
      .then((view) => {
        if (!view || view.on.includes('push')) return;
        store(remembered, '');
        pushButton.hidden = false;
        block.hidden = false;
        show(null);
      })
      .catch(() => undefined);
  }

  pushButton.addEventListener('click', async () => {
    show('asking');
    try {
      if ((await Notification.requestPermission()) !== 'granted') return show('refused');
      const registration = await navigator.serviceWorker.register('/t/sw.js', { scope: '/t/' });
      await navigator.serviceWorker.ready;
      const subscription = await subscribe(registration.pushManager, block.dataset.key!);
      if (!(await ask({ channel: 'push', subscription: subscription.toJSON() }))) return show('failed');
      store(remembered, 'push');
      pushButton.hidden = true;
      show('push-on');
    } catch {
      show('failed');
    }
  });

  smsButton.addEventListener('click', async () => {
    smsButton.disabled = true;
    const ok = await ask({ channel: 'sms' }).catch(() => false);
    smsButton.disabled = false;
    if (!ok) return show('failed');
    block.dataset.sms = 'on';
    smsButton.hidden = true;
    show('sms-on');
  });

  return (status) => {
    if (status !== 'waiting') block.hidden = true;
  };
}

/** Storage can be switched off (private modes throw): then the page simply forgets, and live updates go on. */
function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Nothing to keep it in: the button shows again after a reload, and asking again changes nothing.
  }
}

/** This browser's subscription under the server's key; one made under an older key is replaced. */
async function subscribe(manager: PushManager, key: string): Promise<PushSubscription> {
  const existing = await manager.getSubscription();
  const applicationServerKey = fromBase64Url(key);
  if (existing) {
    const current = existing.options.applicationServerKey;
    if (current && equalBytes(new Uint8Array(current), applicationServerKey)) return existing;
    await existing.unsubscribe();
  }
  return manager.subscribe({ userVisibleOnly: true, applicationServerKey });
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
