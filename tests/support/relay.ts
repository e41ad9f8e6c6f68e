import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A workstation's network to the sync server: a TCP relay the test can unplug. Unplugging drops
 * open connections (a long-poll in flight fails as a real outage would) and refuses new ones.
 */
export class Relay {
  url = '';
  private plugged = true;
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  constructor(private readonly target: URL) {
    this.server = createServer((client) => this.relay(client));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  unplug(): void {
    this.plugged = false;
    for (const s of this.sockets) s.destroy();
  }

  plug(): void {
    this.plugged = true;
  }

  close(): void {
    this.unplug();
    this.server.close();
  }

  private relay(client: Socket): void {
    if (!this.plugged) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: this.target.hostname, port: Number(this.target.port) });
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  }
}
