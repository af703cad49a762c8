import type { IncomingMessage } from 'node:http';
import type { Channel, ChannelMessage, Sequenced, ServerMessage, StaffAction } from '../../common/protocol';
import type { User } from '../models';
import type { FloodLimits } from './flood-limits';

/** A channel message before the hub stamps it with its sequence number and epoch. */
export type Unsequenced<M> = M extends Sequenced ? Omit<M, 'seq' | 'epoch'> : never;

/** What a feature registers for one kind of channel (`doctor`, `department`, `display`, `ticket`). */
export interface ChannelProvider {
  /** Throws an AppError (forbidden, not found) when `user` (null on public screens) may not subscribe. */
  authorize(channel: Channel, user: User | null): Promise<void> | void;
  /** The channel's current state, stamped with `meta`; sent right after `subscribed`. */
  snapshot(channel: Channel, meta: Sequenced): Promise<ChannelMessage[]>;
  /** Channels with patient data: records a staff member's first read of the snapshot; unrecorded, it is not sent. */
  audit?(channel: Channel, user: User, address: string): Promise<void>;
}

/** How the hub knows who is on a connection, and keeps checking. */
export interface HubAuth {
  /** The staff member behind an upgrade request's session cookie, or null for a public screen. */
  resolve(req: IncomingMessage): Promise<{ user: User; sessionId: string } | null>;
  /** Re-checks a session: the user while it is live, else null. `renew` counts as staff activity. */
  check(sessionId: string, renew: boolean): Promise<User | null>;
  /** The client's address for the per-address connection cap (the forwarded one behind a trusted proxy). */
  address(req: IncomingMessage): string;
}

/** Carries out a staff action sent over the socket and returns the reply (the REST routes call the same service). */
export type ActionHandler = (user: User, action: StaffAction) => Promise<ServerMessage>;

/** Timings and limits, shortened in tests. */
export interface HubOptions extends FloodLimits {
  /** How often an application `heartbeat` is sent (browsers cannot see ping frames). */
  heartbeatMs: number;
  /** How often a ping frame is sent; a client that has not answered the previous one is dropped. */
  pingMs: number;
  /** Most channels one connection may hold. */
  maxSubscriptions: number;
  /** The server's clock, for the time heartbeats and `hello` carry (screens keep their clocks by it). */
  now: () => Date;
}
