/**
 * The patient's ticket page, live (/t/<code>). The server renders the whole page, so it works without JavaScript;
 * this script only keeps it current over the `ticket:<code>` channel (status, place, wait, room), and when the token
 * is called (or called again) says so loudly: "Please go to Room 3", vibration, and a chime once sound is allowed.
 * It speaks the language the server rendered the page in (`data-lang`), and when the patient's place moves back
 * (emergency and priority patients arrived) it says why.
 */
import type { TicketView } from '../../common/api';
import type { PatientTexts } from '../../common/i18n/en';
import { loadTexts } from '../../common/i18n/load';
import { describeTicket, doctorLine, roomIn } from '../../common/ticket-status';
import { RealtimeClient } from '../../common/web/realtime-client';
import { notifyBlock } from './notify';

const root = document.getElementById('ticket');
// Only the page's own language is downloaded; until it arrives the server's page is already right.
if (root?.dataset.code) {
  const code = root.dataset.code;
  void loadTexts(root.dataset.lang ?? 'en').then((texts) => start(root, code, texts));
}

function start(root: HTMLElement, code: string, texts: PatientTexts): void {
  const field = (name: string) => root.querySelector<HTMLElement>(`[data-field="${name}"]`);
  const soundButton = root.querySelector<HTMLButtonElement>('[data-action="sound"]');
  const foot = field('foot');
  let calledAt = root.dataset.calledAt || null;
  let position = Number(root.dataset.position) || null;
  const t = texts.ticketPage;
  const room = roomIn(texts);
  const movedBack = field('moved-back');
  let audio: AudioContext | null = null;

  if (foot) foot.hidden = false;
  const notify = notifyBlock(root, code);
  // Browsers only allow sound after a tap on the page: offer the tap where sound exists at all.
  if (soundButton && 'AudioContext' in window) {
    soundButton.hidden = false;
    soundButton.addEventListener('click', () => {
      audio ??= new AudioContext();
      void audio.resume().then(() => chime(audio!));
      soundButton.hidden = true;
    });
  }

  const render = (ticket: TicketView) => {
    const text = describeTicket(ticket, t, room);
    root.dataset.status = ticket.status;
    notify?.(ticket.status);
    root.dataset.tone = text.tone;
    field('token')!.textContent = ticket.token;
    field('headline')!.textContent = text.headline;
    field('detail')!.textContent = text.detail;
    field('doctor')!.textContent = doctorLine(ticket, t, room);
    field('position')!.textContent = ticket.position ? String(ticket.position) : '–';
    field('leave')!.hidden = !text.canLeave;
    document.title = `${ticket.token} · ${text.headline} · ${root.dataset.clinic ?? ''}`;
    // A new call, or the same token called again (a recall), is news: everything else updates quietly.
    if (ticket.status === 'called' && ticket.calledAt && ticket.calledAt !== calledAt) {
      navigator.vibrate?.([400, 200, 400, 200, 400]);
      if (audio?.state === 'running') chime(audio);
    }
    calledAt = ticket.calledAt;
    // Someone placed ahead (an emergency, a priority patient) is the only way a waiting place grows: say so, until
    // the place moves forward again.
    if (movedBack) {
      const later = ticket.status === 'waiting' && position !== null && ticket.position !== null && ticket.position > position;
      const earlier = ticket.status !== 'waiting' || (position !== null && ticket.position !== null && ticket.position < position);
      if (later) movedBack.hidden = false;
      else if (earlier) movedBack.hidden = true;
    }
    position = ticket.position;
  };

  const client = new RealtimeClient();
  client.on('message', (message) => {
    if (message.type === 'ticket_update') render(message.ticket);
  });
  client.on('status', (status) => {
    if (foot) foot.textContent = status === 'reconnecting' ? t.reconnecting : t.live;
  });
  client.subscribe(`ticket:${code}`);
  client.connect();
}

/** Two soft rising notes: noticeable in a pocket, not alarming in a waiting room. */
function chime(audio: AudioContext): void {
  [660, 880].forEach((frequency, index) => {
    const at = audio.currentTime + index * 0.25;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.4);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.45);
  });
}
