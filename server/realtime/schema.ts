import { z } from 'zod';
import { CHANNEL_PATTERN, type Channel, type ClientMessage } from '../../common/protocol';

const channel = z.string().regex(CHANNEL_PATTERN).transform((c) => c as Channel);

/** Validates every incoming WebSocket message against the protocol in common/protocol.ts. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), channel }).strict(),
  z.object({ type: z.literal('unsubscribe'), channel }).strict(),
  z.object({ type: z.literal('ping'), id: z.string().max(64).optional() }).strict(),
]) satisfies z.ZodType<ClientMessage, unknown>;
