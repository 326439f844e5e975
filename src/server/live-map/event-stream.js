// The text/event-stream wire format (GraphQL over SSE as yoga speaks it), read from a fetch
// body: EventSource cannot send an Authorization header. Plain JavaScript so the page and
// tests/live-map-event-stream.test.ts run this very file; its types are in event-stream.d.ts.

/**
 * The messages of an event stream: `event` ("message" when unnamed) and `data` (lines joined
 * with "\n"); comments (keep-alive pings) are skipped, messages split across chunks are put
 * back together. Stopping the iteration cancels the body.
 * @param {ReadableStream<Uint8Array>} body
 */
export async function* eventStreamMessages(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      // Lines may end in CRLF, CR or LF; a CR last in a chunk may be half of a CRLF, so it waits.
      buffer = (buffer + value).replace(/\r\n|\r(?!$)/g, "\n");
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const message = parseMessage(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (message) yield message;
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** @param {string} block */
function parseMessage(block) {
  let event = "message";
  /** @type {string[]} */
  const data = [];
  for (const line of block.split("\n")) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length > 0 || event !== "message" ? { event, data: data.join("\n") } : null;
}
