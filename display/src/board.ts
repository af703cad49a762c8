import type { BoardUpdateMessage, TokenCalledMessage } from '../../common/protocol';

/**
 * What the display shows, copied field by field from the server's messages. Only tokens, rooms, department labels
 * and counts are ever copied: a patient's name (or any other field) the server might send is never read, so it
 * cannot reach the screen. Lists are capped so a runaway message cannot grow the page.
 */

/** The newest call, for the "Now calling" area. */
export interface CallView {
  token: string;
  room: string;
  /** ISO time of the call; with the token, tells one call from the next. */
  at: string;
}

/** One room and the token it serves (null: free). */
export interface RoomView {
  room: string;
  token: string | null;
  /** Called and not yet in the room: highlighted. */
  called: boolean;
}

/** The next tokens of one department. */
export interface NextView {
  label: string;
  tokens: string[];
  waiting: number;
}

/** The whole board. */
export interface BoardView {
  rooms: RoomView[];
  next: NextView[];
  recent: CallView[];
}

const MAX_ROOMS = 24;
const MAX_DEPARTMENTS = 12;
const MAX_NEXT = 5;
const MAX_RECENT = 8;

/** What a token looks like (`C-014`); anything else is not shown. */
const TOKEN = /^[A-Z]{1,3}-\d{1,6}$/;

/** `value` if it is a well-formed token, else null. */
export function tokenOf(value: unknown): string | null {
  return typeof value === 'string' && TOKEN.test(value) ? value : null;
}

/** A short label (room, department): strings only, trimmed and cut to `max` characters. */
function label(value: unknown, max = 40): string {
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** A call from a `token_called` event, or null if it has no valid token or room. */
export function callFrom(message: TokenCalledMessage): CallView | null {
  const token = tokenOf(message.token);
  const room = label(message.room);
  return token && room ? { token, room, at: label(message.called_at, 40) } : null;
}

/**
 * The board from a `board_update` (snapshot or event); `localName` gives a department's name in the display's
 * language (its label there, else the name as sent).
 */
export function boardFrom(message: BoardUpdateMessage, localName: (id: number, name: string) => string = (_id, name) => name): BoardView {
  const names = new Map<number, string>();
  for (const d of list<BoardUpdateMessage['departments'][number]>(message.departments)) {
    names.set(d.id, label(typeof d.name === 'string' ? localName(d.id, d.name) : d.name, 60) || label(d.prefix, 3));
  }
  const rooms: RoomView[] = list<BoardUpdateMessage['rooms'][number]>(message.rooms)
    .slice(0, MAX_ROOMS)
    .map((r) => ({ room: label(r.room), token: tokenOf(r.token), called: r.status === 'called' }))
    .filter((r) => r.room);
  const next: NextView[] = list<BoardUpdateMessage['next'][number]>(message.next)
    .slice(0, MAX_DEPARTMENTS)
    .map((n) => ({
      label: names.get(n.department_id) ?? '',
      tokens: list(n.tokens).slice(0, MAX_NEXT).map(tokenOf).filter((t): t is string => t !== null),
      waiting: Number.isInteger(n.waiting_count) && n.waiting_count > 0 ? n.waiting_count : 0,
    }));
  const recent: CallView[] = [];
  for (const r of list<BoardUpdateMessage['recent'][number]>(message.recent).slice(0, MAX_RECENT)) {
    const token = tokenOf(r.token);
    const room = label(r.room);
    if (token && room) recent.push({ token, room, at: label(r.called_at) });
  }
  return { rooms, next, recent };
}

/** True when two calls are the same announcement (same token at the same time). */
export function sameCall(a: CallView | null, b: CallView | null): boolean {
  return !!a && !!b && a.token === b.token && a.at === b.at;
}
