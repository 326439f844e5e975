import { describe, expect, it } from "vitest";
import { generateApiKey } from "../src/domain/api-key-format.ts";
import { ConfigError, readConfig } from "../src/server/config.ts";

const POSTGRES = "postgresql://trackline:secret@db:5432/trackline";
/** PostgreSQL mode refuses to start without the secret key (decision 026). */
const ON_POSTGRES = {
  DATABASE_URL: POSTGRES,
  TRACKLINE_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("configuration defaults", () => {
  it("runs the local demo in embedded development mode, on loopback only", () => {
    expect(readConfig({})).toMatchObject({
      mode: "embedded",
      host: "127.0.0.1",
      port: 4000,
      seedDemo: true,
      graphiql: true,
      prefillGraphiQL: true,
      maxBodyBytes: 1024 * 1024,
    });
  });

  it("seeds nothing and prefills nothing with DATABASE_URL, and listens everywhere", () => {
    expect(readConfig(ON_POSTGRES)).toMatchObject({
      mode: "postgres",
      host: "0.0.0.0",
      seedDemo: false,
      graphiql: true,
      prefillGraphiQL: false,
    });
  });

  it("seeds nothing, prefills nothing and serves no GraphiQL with NODE_ENV=production", () => {
    for (const env of [{}, ON_POSTGRES]) {
      expect(readConfig({ ...env, NODE_ENV: "production" })).toMatchObject({
        seedDemo: false,
        graphiql: false,
        prefillGraphiQL: false,
      });
    }
    expect(readConfig({ NODE_ENV: "production" }).host).toBe("127.0.0.1");
  });

  it("takes HOST as given", () => {
    expect(readConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(readConfig({ ...ON_POSTGRES, HOST: "10.0.0.5" }).host).toBe("10.0.0.5");
  });
});

describe("TRACKLINE_SEED_DEMO", () => {
  it("seeds anywhere when asked with 1 (or true), but GraphiQL is still not prefilled", () => {
    for (const value of ["1", "true"]) {
      for (const env of [ON_POSTGRES, { NODE_ENV: "production" }]) {
        expect(readConfig({ ...env, TRACKLINE_SEED_DEMO: value })).toMatchObject({
          seedDemo: true,
          prefillGraphiQL: false,
        });
      }
    }
  });

  it("turns seeding off anywhere with 0 (or false)", () => {
    for (const value of ["0", "false"]) {
      expect(readConfig({ TRACKLINE_SEED_DEMO: value }).seedDemo).toBe(false);
    }
  });

  it("refuses any other value, naming the variable", () => {
    for (const value of ["nope", "yes", "TRUE", "2", " 1"]) {
      const read = () => readConfig({ TRACKLINE_SEED_DEMO: value });
      expect(read).toThrow(ConfigError);
      expect(read).toThrow(
        `TRACKLINE_SEED_DEMO must be 1 or 0 (true or false also work), got "${value}"`,
      );
    }
  });
});

describe("other settings", () => {
  it("reads TRACKLINE_MAX_BODY_BYTES as a positive whole number", () => {
    expect(readConfig({ TRACKLINE_MAX_BODY_BYTES: "65536" }).maxBodyBytes).toBe(65536);
    for (const value of ["0", "1mb", "-5", "1.5"]) {
      expect(() => readConfig({ TRACKLINE_MAX_BODY_BYTES: value })).toThrow(
        /^TRACKLINE_MAX_BODY_BYTES must be a whole number/,
      );
    }
  });

  it("caches read answers unless TRACKLINE_RESPONSE_CACHE=0", () => {
    expect(readConfig({}).responseCache).toBe(true);
    expect(readConfig({ TRACKLINE_RESPONSE_CACHE: "0" }).responseCache).toBe(false);
    expect(() => readConfig({ TRACKLINE_RESPONSE_CACHE: "no" })).toThrow(
      /^TRACKLINE_RESPONSE_CACHE must be/,
    );
  });

  it("keeps commits durable unless TRACKLINE_FSYNC=0", () => {
    expect(readConfig({}).fsync).toBe(true);
    expect(readConfig({ TRACKLINE_FSYNC: "0" }).fsync).toBe(false);
    expect(() => readConfig({ TRACKLINE_FSYNC: "off" })).toThrow(/^TRACKLINE_FSYNC must be/);
  });

  it("reads TRACKLINE_GRAPHIQL like the other switches", () => {
    expect(readConfig({ NODE_ENV: "production", TRACKLINE_GRAPHIQL: "1" }).graphiql).toBe(true);
    expect(readConfig({ TRACKLINE_GRAPHIQL: "0" }).graphiql).toBe(false);
    expect(() => readConfig({ TRACKLINE_GRAPHIQL: "off" })).toThrow(/^TRACKLINE_GRAPHIQL must be/);
  });

  it("refuses a DATABASE_URL that is not PostgreSQL's, without echoing its password", () => {
    const read = () => readConfig({ DATABASE_URL: "mysql://root:hunter2@db/trackline" });
    expect(read).toThrow(
      'DATABASE_URL must start with postgres:// or postgresql://, got "mysql:..."',
    );
    expect(read).not.toThrow(/hunter2/);
  });

  it("refuses a TRACKLINE_DEMO_API_KEY in the current format that fails its checksum", () => {
    const key = generateApiKey("test");
    expect(readConfig({ TRACKLINE_DEMO_API_KEY: key }).demoApiKey).toBe(key);
    expect(readConfig({ TRACKLINE_DEMO_API_KEY: "tl_test_chosen" }).demoApiKey).toBe(
      "tl_test_chosen",
    );
    const typo = `${key.slice(0, -1)}${key.endsWith("0") ? "1" : "0"}`;
    expect(() => readConfig({ TRACKLINE_DEMO_API_KEY: typo })).toThrow(
      /^TRACKLINE_DEMO_API_KEY looks like a tl_live_\/tl_test_ key but fails its checksum/,
    );
  });

  it("refuses a PORT that is not a port", () => {
    expect(() => readConfig({ PORT: "http" })).toThrow(/^PORT must be a TCP port number/);
  });

  it("reads TRACKLINE_PUBLIC_URL as a base URL, without its trailing slash", () => {
    expect(readConfig({}).publicUrl).toBeUndefined();
    const read = (value: string) => readConfig({ TRACKLINE_PUBLIC_URL: value }).publicUrl;
    expect(read("https://track.example.com/")).toBe("https://track.example.com");
    expect(read("https://example.com/trackline")).toBe("https://example.com/trackline");
    for (const value of ["track.example.com", "ftp://example.com", "https://example.com/?a=1"]) {
      expect(() => read(value)).toThrow(/^TRACKLINE_PUBLIC_URL must be an http\(s\) base URL/);
    }
  });
});

describe("PostgreSQL pool settings", () => {
  it("default to 10 connections, a 10 s wait for one and a 30 s statement timeout", () => {
    expect(readConfig(ON_POSTGRES).pool).toEqual({
      max: 10,
      connectTimeoutMs: 10_000,
      statementTimeoutMs: 30_000,
    });
  });

  it("take the environment's numbers and refuse anything else, naming the variable", () => {
    const env = {
      ...ON_POSTGRES,
      TRACKLINE_PG_POOL_MAX: "40",
      TRACKLINE_PG_CONNECT_TIMEOUT_MS: "2500",
      TRACKLINE_PG_STATEMENT_TIMEOUT_MS: "5000",
    };
    expect(readConfig(env).pool).toEqual({
      max: 40,
      connectTimeoutMs: 2500,
      statementTimeoutMs: 5000,
    });
    expect(() => readConfig({ ...ON_POSTGRES, TRACKLINE_PG_POOL_MAX: "ten" })).toThrow(
      new ConfigError(
        'TRACKLINE_PG_POOL_MAX must be a whole number of connections above 0, got "ten"',
      ),
    );
  });
});

describe("--role", () => {
  it("runs everything by default, and one role when asked, by flag or environment", () => {
    expect(readConfig(ON_POSTGRES, []).role).toBe("all");
    expect(readConfig(ON_POSTGRES, ["--role", "worker"]).role).toBe("worker");
    expect(readConfig(ON_POSTGRES, ["--role=api"]).role).toBe("api");
    expect(readConfig({ ...ON_POSTGRES, TRACKLINE_ROLE: "worker" }, []).role).toBe("worker");
    expect(readConfig({ ...ON_POSTGRES, TRACKLINE_ROLE: "worker" }, ["--role", "api"]).role).toBe(
      "api",
    );
  });

  it("refuses an unknown role, and a split role on the embedded database", () => {
    expect(() => readConfig(ON_POSTGRES, ["--role", "cron"])).toThrow(
      new ConfigError('--role must be one of all, api, worker, got "cron"'),
    );
    expect(() => readConfig({}, ["--role", "api"])).toThrow(/--role api needs PostgreSQL/);
    expect(readConfig({}, ["--role", "all"]).role).toBe("all");
  });
});

describe("access settings", () => {
  it("default to a million cost points a minute, 1,000 subscriptions per key, any origin and introspection in development", () => {
    expect(readConfig({})).toMatchObject({
      rateLimitPoints: 1_000_000,
      maxSubscriptionsPerKey: 1000,
      corsOrigins: "*",
      introspection: true,
    });
  });

  it("allow no browser origin and no introspection in production unless asked", () => {
    expect(readConfig({ NODE_ENV: "production" })).toMatchObject({
      corsOrigins: [],
      introspection: false,
    });
    expect(
      readConfig({
        NODE_ENV: "production",
        TRACKLINE_CORS_ORIGINS: "https://shop.example, http://localhost:5173",
        TRACKLINE_INTROSPECTION: "1",
      }),
    ).toMatchObject({
      corsOrigins: ["https://shop.example", "http://localhost:5173"],
      introspection: true,
    });
    expect(readConfig({ NODE_ENV: "production", TRACKLINE_CORS_ORIGINS: "*" }).corsOrigins).toBe(
      "*",
    );
  });

  it("refuse an origin with a path, a budget below one request's cost cap, naming the variable", () => {
    expect(() => readConfig({ TRACKLINE_CORS_ORIGINS: "https://shop.example/app" })).toThrow(
      /TRACKLINE_CORS_ORIGINS .*"https:\/\/shop.example\/app"/,
    );
    expect(() => readConfig({ TRACKLINE_RATE_LIMIT_POINTS: "5000" })).toThrow(
      /TRACKLINE_RATE_LIMIT_POINTS must be at least 100000/,
    );
    expect(readConfig({ TRACKLINE_RATE_LIMIT_POINTS: "250000" }).rateLimitPoints).toBe(250_000);
    expect(() => readConfig({ TRACKLINE_MAX_SUBSCRIPTIONS_PER_KEY: "0" })).toThrow(ConfigError);
  });

  it("log at info unless TRACKLINE_LOG_LEVEL names another pino level", () => {
    expect(readConfig({}).logLevel).toBe("info");
    expect(readConfig({ TRACKLINE_LOG_LEVEL: "warn" }).logLevel).toBe("warn");
    expect(() => readConfig({ TRACKLINE_LOG_LEVEL: "loud" })).toThrow(/TRACKLINE_LOG_LEVEL/);
  });
});

describe("buyer notification channels", () => {
  it("are off unless set, and come in pairs", () => {
    expect(readConfig({}).notifications).toEqual({ email: undefined, sms: undefined });
    const env = {
      TRACKLINE_SMTP_URL: "smtp://127.0.0.1:2525",
      TRACKLINE_MAIL_FROM: "Shop <orders@shop.example>",
      TRACKLINE_SMS_URL: "https://sms.example/v1",
      TRACKLINE_SMS_TOKEN: "t0ken",
    };
    expect(readConfig(env).notifications).toEqual({
      email: { url: "smtp://127.0.0.1:2525", from: "Shop <orders@shop.example>" },
      sms: { baseUrl: "https://sms.example/v1", token: "t0ken" },
    });
    expect(() => readConfig({ TRACKLINE_SMTP_URL: env.TRACKLINE_SMTP_URL })).toThrow(
      /TRACKLINE_SMTP_URL and TRACKLINE_MAIL_FROM go together/,
    );
    expect(() => readConfig({ TRACKLINE_SMS_TOKEN: "t0ken" })).toThrow(
      /TRACKLINE_SMS_URL and TRACKLINE_SMS_TOKEN go together/,
    );
    expect(() => readConfig({ ...env, TRACKLINE_SMTP_URL: "http://mail:25" })).toThrow(
      /TRACKLINE_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });
});

describe("carrier tracking API base URLs", () => {
  it("are the carriers' own unless TRACKLINE_<CARRIER>_API_URL names another http(s) URL", () => {
    expect(readConfig({}).carrierApiUrls).toEqual({});
    const env = {
      TRACKLINE_UPS_API_URL: "https://wwwcie.ups.com/",
      TRACKLINE_DHL_API_URL: "http://127.0.0.1:9001",
      TRACKLINE_17TRACK_API_URL: "http://127.0.0.1:9002",
    };
    expect(readConfig(env).carrierApiUrls).toEqual({
      ups: "https://wwwcie.ups.com",
      dhl: "http://127.0.0.1:9001",
      "17track": "http://127.0.0.1:9002",
    });
    expect(() => readConfig({ TRACKLINE_DHL_API_URL: "api-eu.dhl.com" })).toThrow(
      /TRACKLINE_DHL_API_URL must be an http\(s\) URL/,
    );
  });
});
