/**
 * A child process that plays many waiting-room displays: it opens N WebSocket connections, subscribes each to one
 * display channel, and tells the main process when the last of them has received each token's `token_called`.
 * It runs apart from the server so that the clients' work does not share the server's event loop. The same process
 * can disconnect and connect again, to another server: the product and the bare-ws floor are measured by the same
 * client process, so the clients' own cost is the same in both figures.
 */
import WebSocket from 'ws';
import { now, sleep, type DisplayCommand, type DisplayReport } from './common';

/** One simulated display. */
interface Display {
  ws: WebSocket;
  /** The channel sequence number of the last message received; -1 before the snapshot. */
  seq: number;
  /** Set when this process closes it, so its close is not reported as the server dropping it. */
  leaving: boolean;
  /** The displays connected together to one server (their channel sequence is that server's). */
  group: Group;
}

/** Displays opened by one `connect`: one server's. A token_called is complete when all of its group have it. */
interface Group {
  size: number;
}

/** How many connections are opened at once: enough to be quick, few enough not to look like an attack. */
const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 180_000;
const SETTLE_TIMEOUT_MS = 30_000;

let displays: Display[] = [];
const receipts = new Map<string, { count: number; first: number; last: number; bytes: number }>();
let lastMessageAt = 0;
let gaps = 0;

function report(message: DisplayReport): void {
  process.send?.(message);
}

function fail(message: string): void {
  report({ type: 'failed', message });
}

/** Records one message; token_called is timestamped before anything else is done with it. */
function receive(display: Display, data: Buffer): void {
  const at = now();
  const message = JSON.parse(data.toString('utf8')) as { type: string; seq?: number; token?: string };
  if (typeof message.seq === 'number') {
    // Channel messages only: the 15 s heartbeat is not part of any broadcast being waited for.
    lastMessageAt = at;
    if (message.seq > display.seq + 1) gaps++;
    display.seq = Math.max(display.seq, message.seq);
  }
  if (message.type !== 'token_called' || !message.token) return;
  const receipt = receipts.get(message.token) ?? { count: 0, first: at, last: at, bytes: data.length };
  receipt.count++;
  receipt.last = at;
  receipts.set(message.token, receipt);
  if (receipt.count === display.group.size) {
    report({ type: 'called', token: message.token, first: receipt.first, last: receipt.last, clients: receipt.count, bytes: receipt.bytes });
  }
}

/** Opens one display and resolves once its snapshot (the first board_update after `subscribed`) has arrived. */
function openDisplay(url: string, channel: string, group: Group): Promise<Display> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const display: Display = { ws, seq: -1, leaving: false, group };
    const timer = setTimeout(() => reject(new Error('a display got no snapshot within 30 s')), 30_000);
    let subscribed = false;
    ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', channel })));
    ws.on('message', (data: Buffer) => {
      if (display.seq >= 0) return receive(display, data);
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
      if (!display.leaving && display.seq >= 0) fail(`a display was disconnected by the server (code ${code})`);
    });
  });
}

async function connect(url: string, total: number, channel: string, add: boolean): Promise<void> {
  const started = now();
  // A new server (or a new part of the run) issues token numbers from the start again: receipts of an earlier one
  // would be taken for this one's deliveries (they showed as negative latencies). Displays added beside another
  // server's (the floor's, for interleaved calls) share the receipts: the two sides' tokens differ.
  if (!add) {
    await disconnect();
  }
  const group: Group = { size: total };
  const opened: Display[] = [];
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  while (opened.length < total) {
    if (Date.now() > deadline) throw new Error(`only ${opened.length} of ${total} displays connected within ${CONNECT_TIMEOUT_MS / 1000} s`);
    const batch = Math.min(CONNECT_BATCH, total - opened.length);
    opened.push(...(await Promise.all(Array.from({ length: batch }, () => openDisplay(url, channel, group)))));
  }
  displays.push(...opened);
  report({ type: 'ready', clients: opened.length, connectMs: now() - started });
}

/** Waits until every display is at the same sequence number and nothing has arrived for `quietMs`. */
async function settle(quietMs: number): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    // Level within each server's displays: sequence numbers are per server.
    const top = new Map<Group, number>();
    for (const d of displays) top.set(d.group, Math.max(top.get(d.group) ?? -1, d.seq));
    const level = displays.every((d) => d.seq === top.get(d.group));
    if (level && now() - lastMessageAt >= quietMs) break;
    if (Date.now() > deadline) throw new Error(`displays did not settle within ${SETTLE_TIMEOUT_MS} ms (some are behind)`);
    await sleep(Math.max(5, quietMs / 4));
  }
  report({ type: 'settled', gaps, lastMessageAt });
}

/** Closes every display (waiting up to 10 s for the server's side) and starts afresh. */
async function disconnect(): Promise<void> {
  for (const d of displays) d.leaving = true;
  const closed = displays.map((d) => new Promise<void>((resolve) => (d.ws.readyState === WebSocket.CLOSED ? resolve() : d.ws.once('close', () => resolve()))));
  for (const d of displays) d.ws.close();
  // A server that never answers the close must not hold the run; whatever is left is cut off.
  if (!(await Promise.race([Promise.all(closed).then(() => true), sleep(10_000).then(() => false)]))) {
    for (const d of displays) d.ws.terminate();
  }
  displays = [];
  receipts.clear();
  gaps = 0;
  lastMessageAt = 0;
}

process.on('message', (command: DisplayCommand) => {
  const run = async () => {
    switch (command.type) {
      case 'connect':
        return connect(command.url, command.clients, command.channel, command.add ?? false);
      case 'settle':
        return settle(command.quietMs);
      case 'disconnect':
        await disconnect();
        return report({ type: 'disconnected' });
      case 'stop':
        await disconnect();
        return process.exit(0);
    }
  };
  run().catch((error: Error) => fail(error.message));
});
// The main process is gone (crashed or killed): there is nobody left to report to.
process.on('disconnect', () => process.exit(1));
