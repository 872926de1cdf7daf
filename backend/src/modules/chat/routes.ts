import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { ChatService } from './service';

export function mountChatRoutes(router: Router, chat: ChatService, authenticate: Authenticate) {
  mountEndpoint(router, api.chat.eventHistory, authenticate, ({ user, params, query }) =>
    chat.eventHistory(user.id, params.id, query),
  );
  mountEndpoint(router, api.chat.matchHistory, authenticate, ({ user, params, query }) =>
    chat.matchHistory(user.id, params.id, query),
  );
}
