// The live map's calls to /graphql: the key from sessionStorage goes in the Authorization
// header, and nowhere else.

export const KEY_ITEM = "trackline.apiKey";
const ENDPOINT = "/graphql";

export class ApiError extends Error {
  constructor(message, code, httpStatus) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
  }
}

function authorization() {
  return `Bearer ${sessionStorage.getItem(KEY_ITEM) ?? ""}`;
}

export async function request(query, variables, options = {}) {
  const headers = { "content-type": "application/json", ...options.headers };
  try {
    headers.authorization = authorization();
    return await fetch(ENDPOINT, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
      signal: options.signal,
    });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    // fetch refuses a header value outside Latin-1 before sending anything.
    if (error instanceof TypeError && /header/i.test(error.message)) {
      throw new ApiError("This key holds characters an API key never has.", "INVALID_CHARACTERS");
    }
    throw new ApiError(`The server cannot be reached (${error.message}).`, "NETWORK");
  }
}

export async function graphql(query, variables) {
  const response = await request(query, variables, {
    headers: { accept: "application/graphql-response+json, application/json" },
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} without JSON.`, "HTTP");
  }
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code, response.status);
  return body.data;
}

export function describe(error) {
  return error.code ? `${error.message} (${error.code})` : error.message;
}
