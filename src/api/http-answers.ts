import type http from "node:http";
import type net from "node:net";

/** Answers outside GraphQL (/health, files, uploads), in the GraphQL error shape. */

/** How long a refused upload may keep sending after its answer before the socket is destroyed. */
const lingerMs = 5_000;

/** An error answered outside GraphQL, in the GraphQL error shape, with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** The start of what a client sent, for an error message (never the whole of it). */
export function quote(text: string, max = 80): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(text);
}

/**
 * Answers and closes the connection without reading the rest of the request body, yet without a
 * reset: closing a socket whose client is still sending makes the kernel answer with RST, and the
 * client then loses the answer it had not read yet (a 413 arrived as "connection reset"). So the
 * answer says `Connection: close`, our side is shut once it is flushed, and whatever the client
 * still sends is read and dropped until it closes its side, for `lingerMs` at most.
 */
export function answerAndClose(req: http.IncomingMessage, res: http.ServerResponse, error: HttpError): void {
  const socket: net.Socket = req.socket;
  req.removeAllListeners("data");
  req.resume();
  // Node calls destroySoon() once a `Connection: close` answer is written: end (FIN), then linger
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
    socket.once("end", () => socket.destroy());
    socket.resume();
  };
  sendJson(res, error.status, errorBody(error.message, error.code), { connection: "close" });
}
