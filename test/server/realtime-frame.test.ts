import { expect } from 'chai';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { sendFrame, textFrame } from '../../server/realtime/frame';

/** A broadcast's frame is built once and written to each socket (server/realtime/frame.ts). */
describe('one frame for many sockets', () => {
  let server: WebSocketServer;
  let url: string;

  before(async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(server, 'listening');
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Opens `count` clients, each collecting the text messages it receives; resolves once all are connected. */
  const clients = async (count: number) => {
    const accepted: WebSocket[] = [];
    const onConnection = (ws: WebSocket) => accepted.push(ws);
    server.on('connection', onConnection);
    const opened = await Promise.all(
      Array.from({ length: count }, async () => {
        const ws = new WebSocket(url);
        const received: string[] = [];
        ws.on('message', (data, isBinary) => received.push(isBinary ? 'binary!' : data.toString('utf8')));
        await once(ws, 'open');
        return { ws, received };
      }),
    );
    while (accepted.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
    server.off('connection', onConnection);
    return { opened, accepted };
  };

  it('delivers the same text, in order, to every socket, at the three frame-length sizes', async () => {
    const { opened, accepted } = await clients(3);
    // 7-bit, 16-bit and 64-bit payload lengths (RFC 6455 5.2), and text beyond ASCII.
    const messages = ['short é', 'x'.repeat(300), JSON.stringify({ type: 'token_called', room: 'غرفة 3', pad: 'y'.repeat(70_000) })];
    for (const message of messages) {
      const data = Buffer.from(message);
      const frame = textFrame(data);
      // Written as the one frame, not handed to ws.send() (which would pass this test too, only slower).
      for (const ws of accepted) expect(sendFrame(ws, frame, data)).to.equal(true);
    }
    for (const { received } of opened) {
      while (received.length < messages.length) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(received).to.deep.equal(messages);
    }
    for (const { ws } of opened) ws.close();
  });

  it('keeps the order with messages sent the ordinary way between frames', async () => {
    const { opened, accepted } = await clients(1);
    const data = (n: number) => Buffer.from(`message ${n}`);
    sendFrame(accepted[0], textFrame(data(1)), data(1));
    accepted[0].send('message 2');
    sendFrame(accepted[0], textFrame(data(3)), data(3));
    const { received } = opened[0];
    while (received.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(received).to.deep.equal(['message 1', 'message 2', 'message 3']);
    opened[0].ws.close();
  });

  it('leaves a closing socket to ws, which drops the message instead of writing after the close frame', async () => {
    const { opened, accepted } = await clients(1);
    const closed = once(opened[0].ws, 'close');
    accepted[0].close(1000, 'bye');
    const data = Buffer.from('too late');
    expect(sendFrame(accepted[0], textFrame(data), data)).to.equal(false);
    await closed;
    expect(opened[0].received).to.deep.equal([]);
  });
});
