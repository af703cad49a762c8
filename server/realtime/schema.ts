import { z } from 'zod';
import { CHANNEL_PATTERN, ENTRY_ACTIONS, type Channel, type ClientMessage } from '../../common/protocol';

const channel = z.string().regex(CHANNEL_PATTERN).transform((c) => c as Channel);
const requestId = z.string().min(1).max(64);
const id = z.number().int().positive();

/** Validates every incoming WebSocket message against the protocol in common/protocol.ts. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), channel }).strict(),
  z.object({ type: z.literal('unsubscribe'), channel }).strict(),
  z.object({ type: z.literal('ping'), id: z.string().max(64).optional() }).strict(),
  z.object({ type: z.literal('call_next'), requestId, doctorId: id.optional() }).strict(),
  ...ENTRY_ACTIONS.map((type) =>
    z
      .object({ type: z.literal(type), requestId, entryId: id, expectedVersion: z.number().int().min(0), doctorId: id.optional() })
      .strict(),
  ),
  z
    .object({
      type: z.literal('transfer'),
      requestId,
      entryId: id,
      expectedVersion: z.number().int().min(0),
      toDepartmentId: id.optional(),
      toDoctorId: id.optional(),
      reason: z.string().trim().min(1).max(255),
    })
    .strict(),
]) satisfies z.ZodType<ClientMessage, unknown>;
