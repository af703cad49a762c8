/**
 * What the patient's ticket page says about a ticket, in one place: the server renders the first version of the
 * page with it and the page's script re-renders with it on every live update, so the two always agree. The words
 * come from the catalogue (common/i18n), in the page's language.
 */

import type { TicketView } from './api';
import { en } from './i18n/en';
import type { PatientTexts } from './i18n/en';

/** The ticket page's texts in one language. */
export type TicketPageTexts = PatientTexts['ticketPage'];

/** The look of the page for each moment of a visit (a CSS hook on the page). */
export type TicketTone = 'waiting' | 'next' | 'called' | 'with-doctor' | 'done' | 'missed' | 'left';

/** The headline and the line under it, and whether the patient may still leave the queue. */
export interface TicketStatusText {
  tone: TicketTone;
  headline: string;
  detail: string;
  canLeave: boolean;
}

/** The line under the page's status, in English: the page updates by itself, or is trying to. */
export const LIVE_TEXT = { live: en.ticketPage.live, reconnecting: en.ticketPage.reconnecting };

/** Who the patient will see: the named doctor and their room, or whoever is free first. */
export function doctorLine(ticket: Pick<TicketView, 'doctor'>, t: TicketPageTexts = en.ticketPage, room: (r: string) => string = (r) => r): string {
  return ticket.doctor ? `${ticket.doctor.name} · ${room(ticket.doctor.room)}` : t.firstAvailable;
}

/** "Estimated wait: 15 to 25 minutes."; patients read a range (common/wait-range.ts), never a promise. */
export function waitWords(minutes: number | null, t: TicketPageTexts = en.ticketPage): string {
  if (minutes === null || minutes <= 0) return t.anyMoment;
  return t.waitMinutes(minutes);
}

/**
 * The ticket's state in plain words. `room` puts a room label into the page's language ("Room 3" -> "Sala 3").
 */
export function describeTicket(
  ticket: Pick<TicketView, 'status' | 'position' | 'etaMinutes' | 'room' | 'doctor'>,
  t: TicketPageTexts = en.ticketPage,
  room: (r: string) => string = (r) => r,
): TicketStatusText {
  const where = ticket.room ?? ticket.doctor?.room;
  const place = where ? room(where) : t.roomOnScreen;
  switch (ticket.status) {
    case 'waiting':
      if (ticket.position === 1) return { tone: 'next', headline: t.next, detail: t.nextDetail, canLeave: true };
      return {
        tone: 'waiting',
        headline: ticket.position ? t.numberInLine(ticket.position) : t.inQueue,
        detail: waitWords(ticket.etaMinutes, t),
        canLeave: true,
      };
    case 'called':
      return { tone: 'called', headline: t.goTo(place), detail: t.goToDetail, canLeave: true };
    case 'in_consultation':
      return { tone: 'with-doctor', headline: t.withDoctor, detail: t.inRoom(place), canLeave: false };
    case 'completed':
      return { tone: 'done', headline: t.complete, detail: t.completeDetail, canLeave: false };
    case 'skipped':
      return { tone: 'missed', headline: t.missed, detail: t.missedDetail, canLeave: true };
    case 'cancelled':
      return { tone: 'left', headline: t.left, detail: t.leftDetail, canLeave: false };
    case 'transferred':
      return { tone: 'waiting', headline: t.moved, detail: t.movedDetail, canLeave: false };
  }
}

/** "Room 3" in the words of `texts` ("Sala 3", "الغرفة 3"); other room names as they are. */
export function roomIn(texts: Pick<PatientTexts, 'room'>): (room: string) => string {
  return (room) => room.replace(/^Room\b/i, texts.room);
}
