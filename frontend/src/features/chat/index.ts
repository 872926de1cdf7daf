/** What other features may use of the chat: the room view, its composer and its data hook. */
export { ChatView } from './ChatView';
export { Composer } from './Composer';
export { connectChatRealtime } from './realtime';
export { useRoomChat } from './useRoomChat';
