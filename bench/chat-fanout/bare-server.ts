/**
 * The baseline of bench/chat-fanout: a bare Socket.IO broadcast server with the same event
 * names and payload shapes, and nothing else (no database, no auth, no validation, no limits).
 */
import { createServer } from 'node:http';
import {
  SOCKET_PATH,
  type ClientToServerEvents,
  type EventMessage,
  type ServerToClientEvents,
} from '@spotlight/contracts';
import { Server } from 'socket.io';

const httpServer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
  path: SOCKET_PATH,
  serveClient: false,
  maxHttpBufferSize: 64 * 1024,
});

let nextId = 1;
io.on('connection', (socket) => {
  socket.on('join_event_room', ({ eventId }, ack) => {
    void socket.join(`event:${eventId}`);
    ack({ ok: true, messages: [], hasMore: false, activeUsers: [] });
  });
  socket.on('send_event_message', ({ eventId, content, clientId }, ack) => {
    const message: EventMessage = {
      id: nextId++,
      roomId: 1,
      eventId,
      userId: 1,
      username: 'bare',
      displayName: null,
      avatar: null,
      content: content.trim(),
      type: 'text',
      clientId: clientId ?? null,
      createdAt: new Date().toISOString(),
    };
    ack({ ok: true, message });
    socket.to(`event:${eventId}`).emit('event_message', message);
  });
});

httpServer.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => {
  void io.close().then(() => process.exit(0));
});
