/**
 * Every WebSocket message, as one tagged union per direction. The server validates every incoming message
 * against this protocol and closes a violating connection with code 1008.
 *
 * Channels carry a per-channel sequence number and the server's epoch (a random id chosen at start-up):
 * a client that sees a gap in `seq`, or a new `epoch`, subscribes again and receives a fresh snapshot.
 */

/** Bumped on incompatible changes; sent in `hello`, so an old page knows to reload itself. */
export const PROTOCOL_VERSION = 1;

/** Kinds of channel. Staff channels carry patient names; public ones never do. */
export const CHANNEL_KINDS = ['doctor', 'department', 'display', 'ticket'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** A channel name such as `department:3` or `ticket:q7Hk...`. */
export type Channel = `${ChannelKind}:${string}`;

/** What a channel name must look like; checked on both sides. */
export const CHANNEL_PATTERN = /^(doctor|department|display|ticket):[A-Za-z0-9_,-]{1,64}$/;

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
  error: { id: string; message: string };
}

/** Where a queue entry (token) is in its visit. */
export type QueueStatus =
  | 'waiting'
  | 'called'
  | 'in_consultation'
  | 'completed'
  | 'skipped'
  | 'cancelled'
  | 'transferred';

/** One line of a queue. `patient_name` is present on staff channels only, never on public ones. */
export interface QueueLine {
  position: number;
  token: string;
  status: QueueStatus;
  patient_name?: string;
}

/** A queue's full current state (the original design's message); sent as the snapshot and after every change. */
export interface QueueUpdateMessage extends Sequenced {
  type: 'queue_update';
  queue: QueueLine[];
  stats: { waiting_count: number; completed_today: number };
}

/** Every message the server sends. Later features add their channel events here. */
export type ServerMessage =
  | QueueUpdateMessage
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

/** Every message a client may send. Anything else closes the connection with 1008. */
export type ClientMessage = SubscribeMessage | UnsubscribeMessage | PingMessage;

/** WebSocket close codes the server uses. */
export const CLOSE_CODES = {
  normal: 1000,
  goingAway: 1001,
  policyViolation: 1008,
  tooBig: 1009,
} as const;
