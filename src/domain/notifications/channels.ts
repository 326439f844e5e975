/** A message as a channel sends it; texts are already in the buyer's language. */
export interface BuyerMessage {
  /** The full address: email or E.164 phone number. */
  to: string;
  subject: string;
  /** Plain text: the SMS, or the email's text part. */
  text: string;
  /** The email's HTML part, every variable escaped. */
  html: string;
  locale: string;
  /** Stable per notification: providers that deduplicate retries can key on it. */
  id: string;
}

/** What one send attempt came to; `retryable` decides between a later attempt and FAILED. */
export type SendResult =
  | { ok: true }
  | {
      ok: false;
      retryable: boolean;
      error: string;
      /** The wait the provider asked for (a marketplace's Retry-After), when longer than ours. */
      retryAfterMs?: number;
    };

/** One way to reach buyers (implementations in src/server: SMTP, the HTTP SMS provider). */
export interface BuyerChannel {
  send(message: BuyerMessage): Promise<SendResult>;
}

/** The channels this server is configured for; null when its settings are absent. */
export interface BuyerChannels {
  email: BuyerChannel | null;
  sms: BuyerChannel | null;
}

export const NO_CHANNELS: BuyerChannels = { email: null, sms: null };
