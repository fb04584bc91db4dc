import net from "node:net";
import { expect, test } from "./fixtures";

/**
 * A client that keeps a connection for its next request must find it open: with Node's default
 * 5 s idle keep-alive, a request sent as the server closed the connection failed with ECONNRESET
 * (an end-to-end step saw it). KEEP_ALIVE_TIMEOUT, README "Configuration".
 */
test("an idle kept-alive connection still answers after 6 seconds", async ({ baseURL }) => {
  test.setTimeout(30_000);
  const { hostname, port } = new URL(baseURL!);
  const socket = net.connect(Number(port), hostname);
  let received = "";
  let closed = false;
  socket.on("data", (d) => (received += d.toString("latin1")));
  socket.on("close", () => (closed = true));
  socket.on("error", () => (closed = true));
  const request = `GET /api/health/live HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`;
  const answers = () => received.match(/^HTTP\/1\.1 200/gm)?.length ?? 0;
  try {
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    socket.write(request);
    await expect.poll(answers).toBe(1);
    await new Promise((r) => setTimeout(r, 6_000));
    expect(closed, "the server closed the idle connection").toBe(false);
    socket.write(request);
    await expect.poll(answers).toBe(2);
  } finally {
    socket.destroy();
  }
});
