import { createTransport } from "nodemailer";
import type { BuyerChannel } from "../domain/notifications/channels.ts";

/** One SMTP attempt never holds a job longer than this (the job expires after 60 s). */
const TIMEOUT_MS = 15_000;

/**
 * Email over SMTP (TRACKLINE_SMTP_URL, e.g. smtp://user:pass@mail.example.com:587; smtps:// for
 * implicit TLS). A 5xx reply is the server refusing the message for good; anything else
 * (4xx, no answer) is worth another attempt.
 */
export function createEmailChannel(options: { url: string; from: string }): BuyerChannel {
  // nodemailer's own defaults wait up to 10 minutes for a silent socket.
  const transport = createTransport(
    {
      url: options.url,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    },
    { from: options.from },
  );
  return {
    async send(message) {
      try {
        await transport.sendMail({
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: { "X-Trackline-Notification": message.id },
          // Each attempt of one notification carries the same Message-ID, so a receiving
          // system can drop a duplicate from a retry whose first answer was lost.
          messageId: `<${message.id}@trackline>`,
        });
        return { ok: true };
      } catch (error) {
        const { responseCode, message: text } = error as { responseCode?: number; message: string };
        return {
          ok: false,
          retryable: !(responseCode && responseCode >= 500),
          error: responseCode ? `SMTP ${responseCode}: ${text}` : text,
        };
      }
    },
  };
}
