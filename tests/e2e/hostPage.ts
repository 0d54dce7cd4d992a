// A page of another site (another origin: its own loopback port) serving fixed HTML, for embedding the
// app in an iframe as a course page or a blog would. Chromium refuses frames on about:blank or routed
// pages that point at loopback addresses, so a real server is needed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function serveHtml(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notes.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
