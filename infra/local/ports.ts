/** Port helpers: pick a free port, or fail loudly when a fixed one is taken. */
import { createServer } from 'node:net';

/** A port that is free right now on the loopback interface (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function canListen(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', (err: NodeJS.ErrnoException) =>
      resolve(err.code === 'EADDRNOTAVAIL' || err.code === 'EAFNOSUPPORT'),
    );
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly what: string,
    readonly envVar?: string,
  ) {
    super(
      `Port ${port} (${what}) is already in use. Stop whatever listens there` +
        (envVar ? `, or choose another port with ${envVar}=<port>` : '') +
        ` (see: lsof -i :${port} or ss -ltnp 'sport = :${port}').`,
    );
    this.name = 'PortInUseError';
  }
}

/** Throw a PortInUseError unless `port` is free on every interface and on loopback (IPv4 and IPv6). */
export async function assertPortFree(port: number, what: string, envVar?: string): Promise<void> {
  for (const host of [undefined, '127.0.0.1', '::1']) {
    if (!(await canListen(port, host))) throw new PortInUseError(port, what, envVar);
  }
}

/** Resolve a requested port: 0/undefined → a free one; otherwise it must be free. */
export async function resolvePort(requested: number | undefined, what: string, envVar?: string): Promise<number> {
  if (!requested) return freePort();
  await assertPortFree(requested, what, envVar);
  return requested;
}
