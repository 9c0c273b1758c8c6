import crypto from "node:crypto";
import net from "node:net";

/**
 * A bare Bolt-over-WebSocket client, as a web page's `new WebSocket("ws://127.0.0.1:PORT")` would
 * be: an HTTP Upgrade with the page's Origin, then Bolt in binary frames (masked, as every client
 * frame must be). Just enough protocol to say what the server allows such a page to do.
 */
export interface BoltOverWebSocket {
  /** the HTTP status line that answered the Upgrade ("HTTP/1.1 101 Switching Protocols") */
  upgrade: string;
  /** the Bolt version the server chose, e.g. "5.4"; null when it refused every proposal */
  version: string | null;
  /** sends one Bolt message (a PackStream struct) and reads the answer: its signature and text */
  request(message: Buffer): Promise<BoltAnswer>;
  close(): void;
}

export interface BoltAnswer {
  /** "SUCCESS" (0x70), "FAILURE" (0x7F), "IGNORED" (0x7E), "RECORD" (0x71), or "CLOSED" */
  kind: string;
  /** the message's bytes as text: holds a FAILURE's code and message */
  text: string;
}

const signatures: Record<number, string> = {
  0x70: "SUCCESS",
  0x7f: "FAILURE",
  0x7e: "IGNORED",
  0x71: "RECORD",
};

function frame(payload: Buffer): Buffer {
  const mask = crypto.randomBytes(4);
  const length =
    payload.length < 126
      ? Buffer.from([0x82, 0x80 | payload.length])
      : Buffer.from([0x82, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([length, mask, masked]);
}

/** PackStream: a string of fewer than 256 bytes */
export function packString(text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([
    Buffer.from(bytes.length < 16 ? [0x80 | bytes.length] : [0xd0, bytes.length]),
    bytes,
  ]);
}

/** PackStream: a map of strings (or maps of strings), fewer than 16 entries */
export function packMap(entries: Record<string, string | Record<string, string>>): Buffer {
  const pairs = Object.entries(entries).flatMap(([key, value]) => [
    packString(key),
    typeof value === "string" ? packString(value) : packMap(value),
  ]);
  return Buffer.concat([Buffer.from([0xa0 | Object.keys(entries).length]), ...pairs]);
}

/** PackStream: a struct of `fields` with this signature (a Bolt message) */
export function packStruct(signature: number, ...fields: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from([0xb0 | fields.length, signature]), ...fields]);
}

export async function connectBoltWebSocket(port: number, origin: string): Promise<BoltOverWebSocket> {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let received = Buffer.alloc(0);
  let closed = false;
  let wake: (() => void) | null = null;
  socket.on("data", (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    wake?.();
  });
  socket.on("close", () => {
    closed = true;
    wake?.();
  });
  socket.on("error", () => {});
  /** waits until `take` finds what it needs in the bytes received (null: not yet), or the socket closes */
  async function until<T>(take: () => T | null): Promise<T | null> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = take();
      if (found !== null) return found;
      if (closed || Date.now() > deadline) return null;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 200);
      });
      wake = null;
    }
  }
  // the payload bytes of the server's (unmasked) frames, in order
  let payload = Buffer.alloc(0);
  const readFrames = () => {
    for (;;) {
      if (received.length < 2) return;
      let length = received[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (received.length < 4) return;
        length = received.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (received.length < 10) return;
        length = Number(received.readBigUInt64BE(2));
        offset = 10;
      }
      if (received.length < offset + length) return;
      const opcode = received[0]! & 0x0f;
      if (opcode === 0x2 || opcode === 0x0)
        payload = Buffer.concat([payload, received.subarray(offset, offset + length)]);
      if (opcode === 0x8) closed = true;
      received = received.subarray(offset + length);
    }
  };

  const key = crypto.randomBytes(16).toString("base64");
  socket.write(
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nOrigin: ${origin}\r\n\r\n`,
  );
  const head = await until(() => {
    const end = received.indexOf("\r\n\r\n");
    if (end < 0) return null;
    const text = received.subarray(0, end).toString("latin1");
    received = received.subarray(end + 4);
    return text;
  });
  const upgrade = head?.split("\r\n")[0] ?? "(no answer)";
  if (!upgrade.includes(" 101 ")) {
    socket.destroy();
    return { upgrade, version: null, request: async () => ({ kind: "CLOSED", text: "" }), close: () => {} };
  }

  // Bolt handshake: the magic, then four proposals (5.4 down to 5.0, then 4.4)
  socket.write(frame(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 4, 4, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0])));
  const chosen = await until(() => {
    readFrames();
    if (payload.length < 4) return null;
    const version = payload.subarray(0, 4);
    payload = payload.subarray(4);
    return version;
  });
  const version = chosen && chosen.readUInt32BE(0) !== 0 ? `${chosen[3]}.${chosen[2]}` : null;

  return {
    upgrade,
    version,
    async request(message) {
      if (closed) return { kind: "CLOSED", text: "" };
      // one chunk, then the end marker
      const length = Buffer.from([message.length >> 8, message.length & 0xff]);
      socket.write(frame(Buffer.concat([length, message, Buffer.from([0, 0])])));
      const answer = await until(() => {
        readFrames();
        // chunks up to the end marker (0x0000)
        const parts: Buffer[] = [];
        let offset = 0;
        for (;;) {
          if (payload.length < offset + 2) return null;
          const size = payload.readUInt16BE(offset);
          offset += 2;
          if (size === 0) break;
          if (payload.length < offset + size) return null;
          parts.push(payload.subarray(offset, offset + size));
          offset += size;
        }
        payload = payload.subarray(offset);
        return Buffer.concat(parts);
      });
      if (!answer) return { kind: "CLOSED", text: "" };
      return {
        kind: signatures[answer[1]!] ?? `0x${answer[1]?.toString(16)}`,
        text: answer.toString("utf8"),
      };
    },
    close: () => socket.destroy(),
  };
}
