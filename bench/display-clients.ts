/**
 * A child process that plays many waiting-room displays: it opens N WebSocket connections, subscribes each to one
 * display channel, and tells the main process when the last of them has received each token's `token_called`.
 * It runs apart from the server so that the clients' work does not share the server's event loop.
 */
import WebSocket from 'ws';
import { now, sleep, type DisplayCommand, type DisplayReport } from './common';

/** One simulated display. */
interface Display {
  ws: WebSocket;
  /** The channel sequence number of the last message received; -1 before the snapshot. */
  seq: number;
}

/** How many connections are opened at once: enough to be quick, few enough not to look like an attack. */
const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 60_000;
const SETTLE_TIMEOUT_MS = 15_000;

const displays: Display[] = [];
const receipts = new Map<string, { count: number; first: number; last: number }>();
let lastMessageAt = 0;
let gaps = 0;
let stopping = false;

function report(message: DisplayReport): void {
  process.send?.(message);
}

function fail(message: string): void {
  report({ type: 'failed', message });
}

/** Records one message; token_called is timestamped before anything else is done with it. */
function receive(display: Display, data: Buffer, total: number): void {
  const at = now();
  lastMessageAt = at;
  const message = JSON.parse(data.toString('utf8')) as { type: string; seq?: number; token?: string };
  if (typeof message.seq === 'number') {
    if (message.seq > display.seq + 1) gaps++;
    display.seq = Math.max(display.seq, message.seq);
  }
  if (message.type !== 'token_called' || !message.token) return;
  const receipt = receipts.get(message.token) ?? { count: 0, first: at, last: at };
  receipt.count++;
  receipt.last = at;
  receipts.set(message.token, receipt);
  if (receipt.count === total) {
    report({ type: 'called', token: message.token, first: receipt.first, last: receipt.last, clients: total });
  }
}

/** Opens one display and resolves once its snapshot (the first board_update after `subscribed`) has arrived. */
function openDisplay(url: string, channel: string, total: number): Promise<Display> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const display: Display = { ws, seq: -1 };
    const timer = setTimeout(() => reject(new Error('a display got no snapshot within 30 s')), 30_000);
    let subscribed = false;
    ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', channel })));
    ws.on('message', (data: Buffer) => {
      if (display.seq >= 0) return receive(display, data, total);
      const message = JSON.parse(data.toString('utf8')) as { type: string; seq?: number };
      if (message.type === 'error') reject(new Error(`subscribe refused: ${data.toString('utf8')}`));
      if (message.type === 'subscribed') subscribed = true;
      if (subscribed && message.type === 'board_update') {
        display.seq = message.seq ?? 0;
        clearTimeout(timer);
        resolve(display);
      }
    });
    ws.on('error', (error) => reject(error));
    ws.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`closed with ${code} before its snapshot`));
      if (!stopping && display.seq >= 0) fail(`a display was disconnected by the server (code ${code})`);
    });
  });
}

async function connect(url: string, total: number, channel: string): Promise<void> {
  const started = now();
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  while (displays.length < total) {
    if (Date.now() > deadline) throw new Error(`only ${displays.length} of ${total} displays connected in time`);
    const batch = Math.min(CONNECT_BATCH, total - displays.length);
    displays.push(...(await Promise.all(Array.from({ length: batch }, () => openDisplay(url, channel, total)))));
  }
  report({ type: 'ready', clients: displays.length, connectMs: now() - started });
}

/** Waits until every display is at the same sequence number and nothing has arrived for `quietMs`. */
async function settle(quietMs: number): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const top = Math.max(...displays.map((d) => d.seq));
    const level = displays.every((d) => d.seq === top);
    if (level && now() - lastMessageAt >= quietMs) break;
    if (Date.now() > deadline) throw new Error(`displays did not settle within ${SETTLE_TIMEOUT_MS} ms (some are behind)`);
    await sleep(Math.max(5, quietMs / 4));
  }
  report({ type: 'settled', gaps });
}

async function stop(): Promise<void> {
  stopping = true;
  const closed = displays.map((d) => new Promise<void>((resolve) => (d.ws.readyState === WebSocket.CLOSED ? resolve() : d.ws.once('close', () => resolve()))));
  for (const d of displays) d.ws.close();
  await Promise.race([Promise.all(closed), sleep(3000)]);
  process.exit(0);
}

process.on('message', (command: DisplayCommand) => {
  const run = async () => {
    switch (command.type) {
      case 'connect':
        return connect(command.url, command.clients, command.channel);
      case 'settle':
        return settle(command.quietMs);
      case 'stop':
        return stop();
    }
  };
  run().catch((error: Error) => fail(error.message));
});
// The main process is gone (crashed or killed): there is nobody left to report to.
process.on('disconnect', () => process.exit(1));
