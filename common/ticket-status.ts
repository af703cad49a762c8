/**
 * What the patient's ticket page says about a ticket, in one place: the server renders the first version of the
 * page with it and the page's script re-renders with it on every live update, so the two always agree.
 */

import type { TicketView } from './api';

/** The look of the page for each moment of a visit (a CSS hook on the page). */
export type TicketTone = 'waiting' | 'next' | 'called' | 'with-doctor' | 'done' | 'missed' | 'left';

/** The headline and the line under it, and whether the patient may still leave the queue. */
export interface TicketStatusText {
  tone: TicketTone;
  headline: string;
  detail: string;
  canLeave: boolean;
}

/** The line under the page's status: the page updates by itself, or is trying to. */
export const LIVE_TEXT = {
  live: "This page updates by itself. Keep it open and we'll let you know when it's your turn.",
  reconnecting: 'Reconnecting… This page will update as soon as the connection is back.',
};

/** Who the patient will see: the named doctor and their room, or whoever is free first. */
export function doctorLine(ticket: Pick<TicketView, 'doctor'>): string {
  return ticket.doctor ? `${ticket.doctor.name} · ${ticket.doctor.room}` : 'The first available doctor';
}

/** "about 12 minutes"; patients read a rounded figure, never a promise. */
export function waitWords(minutes: number | null): string {
  if (minutes === null || minutes <= 0) return 'You could be called at any moment.';
  return minutes === 1 ? 'Estimated wait: about 1 minute.' : `Estimated wait: about ${minutes} minutes.`;
}

/** The ticket's state in plain words. */
export function describeTicket(ticket: Pick<TicketView, 'status' | 'position' | 'etaMinutes' | 'room' | 'doctor'>): TicketStatusText {
  const room = ticket.room ?? ticket.doctor?.room ?? 'the room shown on the screen';
  switch (ticket.status) {
    case 'waiting':
      if (ticket.position === 1) {
        return { tone: 'next', headline: "You're next", detail: 'Please stay close to the waiting area.', canLeave: true };
      }
      return {
        tone: 'waiting',
        headline: ticket.position ? `You are number ${ticket.position} in line` : 'You are in the queue',
        detail: waitWords(ticket.etaMinutes),
        canLeave: true,
      };
    case 'called':
      return { tone: 'called', headline: `Please go to ${room}`, detail: 'The doctor is ready to see you now.', canLeave: true };
    case 'in_consultation':
      return { tone: 'with-doctor', headline: 'You are with the doctor', detail: `In ${room}.`, canLeave: false };
    case 'completed':
      return { tone: 'done', headline: 'Your visit is complete', detail: 'Thank you for coming. Get well soon.', canLeave: false };
    case 'skipped':
      return {
        tone: 'missed',
        headline: 'You missed your call',
        detail: 'Please go to the reception desk and they will put you back in line.',
        canLeave: true,
      };
    case 'cancelled':
      return { tone: 'left', headline: 'You have left the queue', detail: 'If this was a mistake, please ask at the reception desk.', canLeave: false };
    case 'transferred':
      return { tone: 'waiting', headline: 'Your visit has moved', detail: 'Please follow the new ticket.', canLeave: false };
  }
}
