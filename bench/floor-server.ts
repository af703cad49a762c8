/**
 * The floor for call latency: a bare `ws` server doing only what a broadcast must do. It runs in the bench's main
 * process, on a loopback TCP port, as the product server does, and speaks just enough of the product's protocol for
 * the same display clients: `subscribe` is answered with `subscribed` and a snapshot (`board_update`), and a POST to
 * /call sends one `token_called` of a given size to every subscriber (serialised once) before it answers, as the
 * product announces a call from its commit before the call-next answer goes out.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** A listening floor server. */
export interface FloorServer {
  baseUrl: string;
  wsUrl: string;
  close(): Promise<void>;
}

/** The body of POST /call: the token to announce and the message's size in bytes (that of a real token_called). */
export interface FloorCall {
  token: string;
  bytes: number;
}

const CHANNEL = 'display:all';

/** A token_called message for `token`, padded to exactly `bytes` bytes of JSON (or as small as it can be). */
export function floorMessage(token: string, seq: number, bytes: number): string {
  const bare = { type: 'token_called', channel: CHANNEL, token, seq, pad: '' };
  const size = Buffer.byteLength(JSON.stringify(bare));
  return JSON.stringify({ ...bare, pad: 'x'.repeat(Math.max(0, bytes - size)) });
}

/** Starts the floor server on a free loopback port. */
export async function startFloorServer(): Promise<FloorServer> {
  const subscribers = new Set<WebSocket>();
  let seq = 0;
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/call') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const call = JSON.parse(Buffer.concat(chunks).toString('utf8')) as FloorCall;
      const data = floorMessage(call.token, ++seq, call.bytes);
      for (const ws of subscribers) ws.send(data);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: call.token }));
    });
  });
  // Same limits as the product's hub; no compression on either side.
  const wss = new WebSocketServer({ server, path: '/ws', maxPayload: 4096 });
  wss.on('connection', (ws) => {
    ws.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { type?: string; channel?: string };
      if (message.type !== 'subscribe' || message.channel !== CHANNEL) return;
      ws.send(JSON.stringify({ type: 'subscribed', channel: CHANNEL, seq, epoch: 'floor' }));
      ws.send(JSON.stringify({ type: 'board_update', channel: CHANNEL, seq, epoch: 'floor', departments: [], rooms: [], next: [], recent: [] }));
      subscribers.add(ws);
    });
    ws.on('close', () => subscribers.delete(ws));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
