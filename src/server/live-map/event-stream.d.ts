/** One message of a text/event-stream body. */
export interface EventStreamMessage {
  event: string;
  data: string;
}

export function eventStreamMessages(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<EventStreamMessage, void, undefined>;
