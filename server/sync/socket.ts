// The socket side of sync: every socket is authenticated by its session token, joins the rooms
// of its principals, and may push and pull. Every payload is validated where it arrives.
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { User } from '../../shared/domain/directory';
import { principalsOf, type Principal } from '../../shared/sync/access';
import {
  pullRequestSchema,
  pushRequestSchema,
  SCHEMA_VERSION,
  type ClientToServerEvents,
  type PullResponse,
  type PushResponse,
  type ServerToClientEvents,
} from '../../shared/protocol/sync';
import { appendAudit } from '../audit/log';
import { findSession, findSessionByHash } from '../auth/sessions';
import type { Logger } from '../log';
import type { Database } from '../store/database';
import { processPull } from './pull';
import { processPush } from './push';

export interface SocketData {
  userId: string;
  tokenHash: string;
  expiresAt: number;
}

export type BureauServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type BureauSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const authSchema = z.object({ token: z.string().min(20).max(200) });

export const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;

export interface SyncHandlersOptions {
  db: Database;
  log: Logger;
}

/** Pokes every socket whose user can read what changed. Payload-free: clients pull. */
export function poke(io: BureauServer, audience: Iterable<Principal>): void {
  const rooms = [...audience];
  if (rooms.length > 0) io.to(rooms).emit('sync:poke');
}

export function attachSync(io: BureauServer, { db, log }: SyncHandlersOptions): void {
  io.use(async (socket, next) => {
    const auth = authSchema.safeParse(socket.handshake.auth);
    const session = auth.success ? await findSession(db, auth.data.token).catch(() => null) : null;
    if (!session) {
      await db
        .transaction((tx) => appendAudit(tx, { actorId: null, kind: 'access.denied', detail: { channel: 'socket', address: socket.handshake.address } }))
        .catch(() => {});
      return next(new Error('auth.session_expired'));
    }
    const user = (await db.query<{ data: User }>("SELECT data FROM documents WHERE collection = 'users' AND id = $1", [session.userId])).rows[0]?.data;
    if (!user) return next(new Error('auth.session_expired'));
    socket.data = { userId: session.userId, tokenHash: session.tokenHash, expiresAt: session.expiresAt.getTime() };
    await socket.join([...principalsOf(user), sessionRoom(session.tokenHash)]);
    next();
  });

  io.on('connection', (socket: BureauSocket) => {
    // Checked at every request, not only at connect: the session may have expired, been
    // logged out elsewhere, or the account disabled by an administrator on another process.
    const expired = async (): Promise<boolean> => {
      if (Date.now() >= socket.data.expiresAt) return true;
      const live = await findSessionByHash(db, socket.data.tokenHash);
      if (live) return false;
      socket.emit('session:revoked');
      return true;
    };

    socket.on('sync:push', async (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as (res: PushResponse) => void;
      const req = pushRequestSchema.safeParse(raw);
      if (!req.success) return reply({ ok: false, error: 'validation.invalid' });
      if (req.data.schemaVersion !== SCHEMA_VERSION) return reply({ ok: false, error: 'sync.upgrade_required' });
      if (await expired().catch(() => false)) return reply({ ok: false, error: 'auth.session_expired' });
      try {
        reply(
          await processPush(
            { db, userId: socket.data.userId, clientId: req.data.clientId, onCommitted: (audience) => poke(io, audience) },
            req.data.mutations,
          ),
        );
      } catch (err) {
        log.warn('push failed', { userId: socket.data.userId, error: err instanceof Error ? err.message : String(err) });
        reply({ ok: false, error: 'sync.unavailable' });
      }
    });

    socket.on('sync:pull', async (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as (res: PullResponse) => void;
      const req = pullRequestSchema.safeParse(raw);
      if (!req.success) return reply({ ok: false, error: 'validation.invalid' });
      if (req.data.schemaVersion !== SCHEMA_VERSION) return reply({ ok: false, error: 'sync.upgrade_required' });
      if (await expired().catch(() => false)) return reply({ ok: false, error: 'auth.session_expired' });
      try {
        reply(await processPull({ db, userId: socket.data.userId, clientId: req.data.clientId }, req.data));
      } catch (err) {
        log.warn('pull failed', { userId: socket.data.userId, error: err instanceof Error ? err.message : String(err) });
        reply({ ok: false, error: 'sync.unavailable' });
      }
    });
  });
}

/** Ends the sockets of revoked sessions (logout, disabled account), on every node. */
export function disconnectSessions(io: BureauServer, tokenHashes: readonly string[]): void {
  for (const hash of tokenHashes) {
    io.to(sessionRoom(hash)).emit('session:revoked');
    io.in(sessionRoom(hash)).disconnectSockets(true);
  }
}
