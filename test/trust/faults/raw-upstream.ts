import { createServer, type Socket } from 'node:net';

/** What the fake upstream does with one request, by the request it got. */
export type RawResponder = (socket: Socket, request: { head: string; body: Buffer }) => void;

export interface RawUpstream {
  url: string;
  close(): Promise<void>;
}

/**
 * An upstream written on bare TCP, so a test can do what no HTTP server library does on
 * purpose: reset the connection before or after the headers, send any bytes, split them
 * anywhere. Each request (Content-Length bodies) goes to `respond`.
 */
export async function startRawUpstream(respond: RawResponder): Promise<RawUpstream> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A reset or a half-sent answer is the point here; the peer's errors are expected.
    socket.on('error', () => undefined);
    let received = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = received.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      const body = received.subarray(end + 4, end + 4 + length);
      received = received.subarray(end + 4 + length);
      respond(socket, { head, body });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP/1.1 answer head; the body follows with its length known. */
export function answerHead(status: string, contentType: string, length: number): string {
  return `HTTP/1.1 ${status}\r\ncontent-type: ${contentType}\r\ncontent-length: ${length}\r\n\r\n`;
}
