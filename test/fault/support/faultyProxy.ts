// An in-process socket.io proxy between sync clients and the server that drops, duplicates,
// delays (and so reorders) and cuts messages on a seeded schedule. It works on whole protocol
// messages, so every fault is one a real network or a crashing peer can cause: a request
// lost, an acknowledgement lost, a request delivered twice or late, a connection cut.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { Rng } from './random';

export interface FaultPlan {
  /** Probability that a client request never reaches the server. */
  dropRequest: number;
  /** Probability that the server's acknowledgement never reaches the client. */
  dropAck: number;
  /** Probability that a request reaches the server twice (the second one late). */
  duplicate: number;
  /** Probability that a message (request, ack or poke) is held back before delivery. */
  delay: number;
  maxDelayMs: number;
  /** Probability that a message cuts the connection instead of being delivered. */
  cut: number;
  /** Probability that a poke is lost. */
  dropPoke: number;
}

export const CALM: FaultPlan = { dropRequest: 0, dropAck: 0, duplicate: 0, delay: 0, maxDelayMs: 0, cut: 0, dropPoke: 0 };

export interface FaultStats {
  requests: number;
  droppedRequests: number;
  droppedAcks: number;
  duplicated: number;
  delayed: number;
  cuts: number;
  droppedPokes: number;
}

export interface FaultyProxy {
  url: string;
  plan: FaultPlan;
  stats: FaultStats;
  /** Cuts every connection now (clients reconnect). */
  cutAll(): void;
  close(): Promise<void>;
}

const EVENTS = ['sync:push', 'sync:pull'] as const;

export async function startFaultyProxy(upstreamUrl: string, rng: Rng, plan: FaultPlan = CALM): Promise<FaultyProxy> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'], serveClient: false, maxHttpBufferSize: 5_000_000 });
  const stats: FaultStats = { requests: 0, droppedRequests: 0, droppedAcks: 0, duplicated: 0, delayed: 0, cuts: 0, droppedPokes: 0 };
  const links = new Set<{ client: ServerSocket; upstream: ClientSocket }>();
  const proxy: FaultyProxy = {
    url: '',
    plan,
    stats,
    cutAll() {
      for (const l of links) l.client.disconnect(true);
    },
    async close() {
      for (const l of links) l.upstream.close();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
  const later = (fn: () => void) => {
    if (rng.chance(proxy.plan.delay)) {
      stats.delayed++;
      setTimeout(fn, rng.int(1, Math.max(1, proxy.plan.maxDelayMs)));
    } else fn();
  };

  io.use((client, next) => {
    // The upstream connection is made with the client's own credentials, so the server's
    // verdict (including an expired session) reaches the client unchanged.
    const upstream = connect(upstreamUrl, { auth: client.handshake.auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true });
    upstream.once('connect', () => {
      (client.data as { upstream?: ClientSocket }).upstream = upstream;
      next();
    });
    upstream.once('connect_error', (err) => {
      upstream.close();
      next(new Error(err.message));
    });
  });

  io.on('connection', (client) => {
    const upstream = (client.data as { upstream: ClientSocket }).upstream;
    const link = { client, upstream };
    links.add(link);
    const cut = () => {
      stats.cuts++;
      client.disconnect(true);
    };
    client.on('disconnect', () => {
      links.delete(link);
      upstream.close();
    });
    upstream.on('disconnect', () => client.disconnect(true));
    upstream.on('sync:poke', () => {
      if (rng.chance(proxy.plan.dropPoke)) stats.droppedPokes++;
      else later(() => client.emit('sync:poke'));
    });
    upstream.on('session:revoked', () => client.emit('session:revoked'));

    for (const event of EVENTS) {
      client.on(event, (payload: unknown, ack: unknown) => {
        stats.requests++;
        if (typeof ack !== 'function') return;
        const reply = ack as (res: unknown) => void;
        if (rng.chance(proxy.plan.cut)) return cut();
        if (rng.chance(proxy.plan.dropRequest)) {
          stats.droppedRequests++;
          return;
        }
        const send = (deliver: boolean) =>
          later(() => {
            if (!upstream.connected) return;
            upstream.emit(event, payload, (res: unknown) => {
              if (!deliver) return;
              if (rng.chance(proxy.plan.dropAck)) {
                stats.droppedAcks++;
                return;
              }
              later(() => {
                if (client.connected) reply(res);
              });
            });
          });
        send(true);
        if (rng.chance(proxy.plan.duplicate)) {
          stats.duplicated++;
          // The copy arrives late, possibly after newer requests: a reordering.
          setTimeout(() => send(false), rng.int(1, Math.max(1, proxy.plan.maxDelayMs * 2)));
        }
      });
    }
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return proxy;
}
