import type { SessionResponse } from '../../common/api';

/** Fired by `mq-sign-in` when the server accepted the email and password. */
export type SignedInEvent = CustomEvent<SessionResponse>;

/** Fired by `mq-staff-header` when the user presses "Sign out". */
export type SignOutEvent = CustomEvent<void>;

declare global {
  interface GlobalEventHandlersEventMap {
    'signed-in': SignedInEvent;
    'sign-out': SignOutEvent;
  }
}
