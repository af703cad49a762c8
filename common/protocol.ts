/**
 * Every WebSocket message, as one tagged union per direction. The server validates every incoming message
 * against this protocol and closes a violating connection with code 1008.
 *
 * Channels carry a per-channel sequence number and the server's epoch (a random id chosen at start-up):
 * a client that sees a gap in `seq`, or a new `epoch`, subscribes again and receives a fresh snapshot.
 *
 * Naming on the wire (here, in api.ts and in every REST body):
 * - Values that name a kind of thing are snake_case: message `type`s, staff actions (`call_next`), statuses
 *   (`in_consultation`), channel kinds and error ids (errors.ts).
 * - Field names are camelCase (`requestId`, `departmentId`, `expectedVersion`), with one frozen exception: the
 *   original design's broadcast messages, `queue_update` (its `QueueLine`s and `QueueStats`), `token_called` and
 *   `board_update`, keep their snake_case fields (`patient_name`, `department_id`, `waiting_count`), because screens
 *   already read them. New fields on those messages follow their message's style; new messages use camelCase.
 * - One message never mixes the two: a camelCase message nests snake_case only inside a whole frozen shape.
 */

import type { DoctorQueueView, QueuePriority, QueueStats, QueueStatus, StaffQueueEntry, TicketView } from './api';
import type { ErrorId } from './errors';
import type { ReceptionAlert } from './kiosk';
import type { ReceptionArrival } from './reception';

export type { QueueStatus };

/** Bumped on incompatible changes; sent in `hello`, so an old page knows to reload itself. */
export const PROTOCOL_VERSION = 1;

/** Kinds of channel. Staff channels carry patient names; public ones never do. */
export const CHANNEL_KINDS = ['doctor', 'department', 'display', 'ticket', 'reception'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Channel kinds that carry patient names: staff only, and lost when the session ends. */
export const STAFF_CHANNEL_KINDS: readonly ChannelKind[] = ['doctor', 'reception'];

/** A channel name such as `department:3` or `ticket:q7Hk...`. */
export type Channel = `${ChannelKind}:${string}`;

/** What a channel name must look like; checked on both sides. */
export const CHANNEL_PATTERN = /^(doctor|department|display|ticket|reception):[A-Za-z0-9_,-]{1,64}$/;

/** Fields every channel message carries, so clients can detect gaps and restarts. */
export interface Sequenced {
  channel: Channel;
  /** Per-channel counter; a snapshot carries the counter it is current to. */
  seq: number;
  epoch: string;
}

// ----- server -> client -----

/** First message on every connection. */
export interface HelloMessage {
  type: 'hello';
  protocol: number;
  epoch: string;
  serverTime: string;
  /** How often the server sends `heartbeat`; a client that hears nothing for ~2.5x this reconnects. */
  heartbeatMs: number;
  /** The signed-in staff member, or null for public screens. */
  user: { id: number; role: string } | null;
}

/** Sent periodically so browsers, which cannot see ping frames, notice a dead connection. */
export interface HeartbeatMessage {
  type: 'heartbeat';
  serverTime: string;
}

/** Answer to a client `ping`. */
export interface PongMessage {
  type: 'pong';
  id?: string;
}

/** Confirms a subscription; the channel's snapshot message(s) follow at once. */
export interface SubscribedMessage extends Sequenced {
  type: 'subscribed';
}

/** Confirms an unsubscription. */
export interface UnsubscribedMessage {
  type: 'unsubscribed';
  channel: Channel;
}

/** A refusal that does not close the connection (unknown channel, not allowed, failed action). */
export interface ErrorMessage {
  type: 'error';
  channel?: Channel;
  /** Echoes the client's request id when the refused message had one. */
  requestId?: string;
  error: { id: ErrorId; message: string };
}

/** One line of a queue. `patient_name` is present on staff channels only, never on public ones. */
export interface QueueLine {
  position: number;
  token: string;
  status: QueueStatus;
  priority: QueuePriority;
  eta_minutes: number | null;
  patient_name?: string;
}

/**
 * A queue's full current state (the original design's message), sent as the snapshot and after every change:
 * on a doctor's channel (staff, with names and `entries` for the console) and a department's public board.
 */
export interface QueueUpdateMessage extends Sequenced {
  type: 'queue_update';
  queue: QueueLine[];
  stats: QueueStats;
  /** Doctor channels only: the full staff view behind the lines. */
  view?: DoctorQueueView;
}

/** A token called (or recalled) to a room: displays chime and announce it. No patient data. */
export interface TokenCalledMessage extends Sequenced {
  type: 'token_called';
  token: string;
  room: string;
  doctor_name: string;
  department_id: number;
  department_name: string;
  called_at: string;
  recall_count: number;
}

/** What a waiting-room display shows for its departments: tokens and rooms only. */
export interface BoardUpdateMessage extends Sequenced {
  type: 'board_update';
  departments: Array<{ id: number; name: string; prefix: string }>;
  /** Each room and the token it is serving (called or in consultation), or null when free. */
  rooms: Array<{ room: string; doctor_name: string; department_id: number; token: string | null; status: QueueStatus | null }>;
  /** The next few waiting tokens per department, in order. */
  next: Array<{ department_id: number; tokens: string[]; waiting_count: number }>;
  /** The most recent calls, newest first. */
  recent: Array<{ token: string; room: string; called_at: string }>;
}

/** One patient's ticket: place in line, wait, and the room once called. */
export interface TicketUpdateMessage extends Sequenced {
  type: 'ticket_update';
  ticket: TicketView;
}

/** Confirms a staff action sent over the socket, with the entry as it is now. */
export interface ActionResultMessage {
  type: 'action_result';
  requestId: string;
  entry: StaffQueueEntry | null;
}

/** `reception:all` (staff): an emergency check-in at the kiosk; the patient was told to come to the desk now. */
export interface EmergencyAlertMessage extends Sequenced {
  type: 'emergency_alert';
  alert: ReceptionAlert;
}

/** `reception:all` snapshot: today's emergency check-ins not yet called or seen. */
export interface ReceptionAlertsMessage extends Sequenced {
  type: 'reception_alerts';
  alerts: ReceptionAlert[];
}

/** `reception:all` snapshot: every queue entry of the clinic day, across departments, with names (staff only). */
export interface ReceptionArrivalsMessage extends Sequenced {
  type: 'reception_arrivals';
  day: string;
  arrivals: ReceptionArrival[];
}

/**
 * `reception:all`, after every committed change to a department's queue: that department's entries of the day, which
 * replace the ones the desk shows for it.
 */
export interface ArrivalsUpdateMessage extends Sequenced {
  type: 'arrivals_update';
  day: string;
  departmentId: number;
  arrivals: ReceptionArrival[];
}

/** Every message the server sends. Later features add their channel events here. */
export type ServerMessage =
  | EmergencyAlertMessage
  | ReceptionAlertsMessage
  | ReceptionArrivalsMessage
  | ArrivalsUpdateMessage
  | QueueUpdateMessage
  | TokenCalledMessage
  | BoardUpdateMessage
  | TicketUpdateMessage
  | ActionResultMessage
  | HelloMessage
  | HeartbeatMessage
  | PongMessage
  | SubscribedMessage
  | UnsubscribedMessage
  | ErrorMessage;

/** Server messages that belong to a channel and carry a sequence number. */
export type ChannelMessage = Extract<ServerMessage, Sequenced>;

// ----- client -> server -----

/** Start receiving a channel: the server answers `subscribed`, then a snapshot, then events. */
export interface SubscribeMessage {
  type: 'subscribe';
  channel: Channel;
}

/** Stop receiving a channel. */
export interface UnsubscribeMessage {
  type: 'unsubscribe';
  channel: Channel;
}

/** Application-level ping; the server answers `pong` with the same id. */
export interface PingMessage {
  type: 'ping';
  id?: string;
}

/** A doctor's "call next" (doctorId defaults to the signed-in doctor; reception and admins name one). */
export interface CallNextAction {
  type: 'call_next';
  requestId: string;
  doctorId?: number;
}

/** Steps on one entry, each carrying the version the screen showed so a stale click is refused. */
export const ENTRY_ACTIONS = [
  'call_token',
  'recall',
  'skip',
  'return_to_queue',
  'start_consultation',
  'complete',
  'cancel',
] as const;
export type EntryActionType = (typeof ENTRY_ACTIONS)[number];

/** One step on one entry. */
export interface EntryAction {
  type: EntryActionType;
  requestId: string;
  entryId: number;
  expectedVersion: number;
  /** call_token only: the doctor calling (defaults to the signed-in doctor; reception and admins name one). */
  doctorId?: number;
}

/** Transfer to another department or doctor (keeps the original check-in time). */
export interface TransferAction {
  type: 'transfer';
  requestId: string;
  entryId: number;
  expectedVersion: number;
  toDepartmentId?: number;
  toDoctorId?: number;
  reason: string;
}

/** The staff actions a client may send over the socket (the same steps exist as REST routes). */
export type StaffAction = CallNextAction | EntryAction | TransferAction;

/** Every message a client may send. Anything else closes the connection with 1008. */
export type ClientMessage = SubscribeMessage | UnsubscribeMessage | PingMessage | StaffAction;

/** WebSocket close codes the server uses. */
export const CLOSE_CODES = {
  normal: 1000,
  goingAway: 1001,
  policyViolation: 1008,
  tooBig: 1009,
} as const;
