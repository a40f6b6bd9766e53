import type { WebSocket } from 'ws';

/**
 * A subscription's `next` messages written straight to its socket, the way graphql-ws writes
 * them (`{"id":…,"type":"next","payload":…}`), with the payload serialized once for every
 * subscriber it is shared by. graphql-ws takes each result through the iterator, its `onNext`
 * hook, `stringifyMessage` (a full JSON.stringify of the result per subscriber) and a promise
 * per write: at 1,000 subscribers that was ~10% of the gateway's CPU per event, beside the
 * socket writes themselves. Results that carry errors still go through graphql-ws (its hook
 * shows them to the caller as it may see them).
 *
 * Returns false, and sends nothing, while the socket holds `highWaterMark` bytes its client
 * has not taken: the result then goes through graphql-ws, which waits until the socket has
 * written it before it asks for the next, so a slow reader's backlog waits in the hub event
 * log (see Subscriber), not in the gateway's memory.
 */
export type DirectSend = (payloadJson: string) => boolean;

/** The graphql-ws `next` message of subscription `id` with this payload, byte for byte as graphql-ws writes it. */
export function nextMessage(id: string, payloadJson: string): string {
  return `{"id":${JSON.stringify(id)},"type":"next","payload":${payloadJson}}`;
}

/** Bytes a socket may hold unsent before its results go through graphql-ws again. */
export const DIRECT_SEND_HIGH_WATER_MARK = 64 * 1024;

export function directSend(socket: WebSocket, id: string, highWaterMark = DIRECT_SEND_HIGH_WATER_MARK): DirectSend {
  return (payloadJson) => {
    if (socket.readyState !== socket.OPEN || socket.bufferedAmount >= highWaterMark) return false;
    socket.send(nextMessage(id, payloadJson));
    return true;
  };
}
