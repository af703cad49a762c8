import type { TicketView } from '../../common/api';
import type { KioskLanguage } from './i18n';

/** What a finished check-in hands to the ticket screen. */
export interface IssuedTicket {
  ticket: TicketView;
  /** The patient was told to go to the desk now (emergency). */
  emergency: boolean;
  /** The appointment's time (ISO) for appointment check-ins. */
  appointmentAt?: string;
}

/** A key of the on-screen keypad: a character, or an editing action. */
export type KeypadKey = { char: string } | { action: 'delete' | 'clear' };

/** Fired by a flow when the patient has a ticket. */
export type TicketIssuedEvent = CustomEvent<IssuedTicket>;

/** Fired by the on-screen keypad for every key. */
export type KeypadKeyEvent = CustomEvent<KeypadKey>;

declare global {
  interface GlobalEventHandlersEventMap {
    /** The patient is done (ticket taken, start over, walked away): back to the start for the next one. */
    'kiosk-home': CustomEvent<void>;
    /** "Back" from a flow's first step: the start screen, same patient, same language. */
    'kiosk-start': CustomEvent<void>;
    /** A flow has issued a ticket. */
    'ticket-issued': TicketIssuedEvent;
    /** The on-screen keypad was pressed. */
    'keypad-key': KeypadKeyEvent;
    /** The screen header's back button. */
    'screen-back': CustomEvent<void>;
    /** The start screen's two ways in. */
    'start-choice': CustomEvent<'appointment' | 'walk-in'>;
    /** The patient picked a language. */
    'language-change': CustomEvent<KioskLanguage>;
  }
}

/** Fires `type` from `target`, crossing shadow roots (the app listens at the top). */
export function fire<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
  detail?: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
