// The live parcel map (GET /map, decision 045): plain JavaScript run as it is, no build step.
// The API key lives in sessionStorage and travels only in the Authorization header to /graphql.

import { ApiError, describe, graphql, KEY_ITEM, request } from "./api.js";
import { eventStreamMessages } from "./event-stream.js";
import { equalEarth } from "./projection.js";
import { EVENTS, EXCEPTIONS, SHIPMENTS, STORES, TIMELINE } from "./queries.js";
import { exceptionText, label, placeName, timelineNodes, words } from "./text.js";

const PAGE_SIZE = 100;
const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30_000;

const $ = (id) => document.getElementById(id);
const svg = $("map");
const config = svg.dataset;
const CAP = Number(config.cap);
const ENDED_STATUSES = new Set(config.endedStatuses.split(" "));
const ENDED_SUBSTATUSES = new Set(config.endedSubstatuses.split(" "));
const project = equalEarth(Number(config.scale), Number(config.tx), Number(config.ty));

/** What the map shows: shipments by id, and the store being followed. */
const state = { shipments: new Map(), storeId: null, follow: null, panelId: null };

// ---- sign in and out ----

async function signIn(key) {
  sessionStorage.setItem(KEY_ITEM, key);
  try {
    const { stores } = await graphql(STORES);
    showDashboard(stores);
  } catch (error) {
    signOut(describe(error));
  }
}

function signOut(message = "") {
  sessionStorage.removeItem(KEY_ITEM);
  stopFollowing();
  closePanel();
  clearShipments();
  $("dashboard").hidden = true;
  $("session").hidden = true;
  $("login").hidden = false;
  $("api-key").value = "";
  $("login-error").textContent = message;
  $("api-key").focus();
}

function showDashboard(stores) {
  $("login").hidden = true;
  $("login-error").textContent = "";
  $("dashboard").hidden = false;
  $("session").hidden = false;
  const select = $("store");
  select.replaceChildren(
    ...stores.map((store) => {
      const label = `${store.name} (${store.marketplace.name} ${store.site.code})`;
      return new Option(label, store.id);
    }),
  );
  if (stores.length === 0) {
    setStatus("This key's tenant has no store yet.");
    return;
  }
  showStore(select.value);
}

// ---- one store's shipments ----

function isTravelling(shipment) {
  return !ENDED_STATUSES.has(shipment.status) && !ENDED_SUBSTATUSES.has(shipment.substatus);
}

async function showStore(storeId) {
  stopFollowing();
  closePanel();
  clearShipments();
  state.storeId = storeId;
  const follow = new AbortController();
  state.follow = follow;
  await loadShipments(storeId, follow.signal);
  if (follow.signal.aborted) return;
  followStream(EVENTS, storeId, follow.signal, (data) => upsert(data.trackingEventAdded.shipment));
  followStream(EXCEPTIONS, storeId, follow.signal, (data) => upsert(data.exceptionRaised.shipment));
}

/** Every travelling shipment of the store, page by page up to the cap; stale ones are dropped. */
async function loadShipments(storeId, signal) {
  setStatus("Loading parcels…");
  const seen = new Set();
  let after = null;
  let capped = false;
  try {
    do {
      const first = Math.min(PAGE_SIZE, CAP - seen.size);
      const { shipments } = await graphql(SHIPMENTS, { storeId, first, after });
      if (signal.aborted) return;
      for (const { node } of shipments.edges) {
        seen.add(node.id);
        upsert(node, { quiet: true });
      }
      after = shipments.pageInfo.hasNextPage ? shipments.pageInfo.endCursor : null;
      capped = after !== null && seen.size >= CAP;
    } while (after && !capped);
  } catch (error) {
    if (error.httpStatus === 401) return signOut(describe(error));
    setStatus(`Loading parcels failed: ${describe(error)}`);
    return;
  }
  for (const id of [...state.shipments.keys()]) if (!seen.has(id)) remove(id);
  summarise(capped);
}

function summarise(capped = false) {
  const all = [...state.shipments.values()];
  const placed = all.filter(coordinatesOf).length;
  let text = `${all.length} parcel${all.length === 1 ? "" : "s"} in transit, ${placed} on the map`;
  if (placed < all.length) text += ` (${all.length - placed} without a known place: see the list)`;
  if (capped) text += `. The map shows the first ${CAP.toLocaleString("en")} only.`;
  setStatus(text);
}

function setStatus(text) {
  $("status").textContent = text;
}

// ---- live updates ----

/**
 * GraphQL over SSE with the key in a header, as long as `signal` lives: a dropped stream is
 * reopened after about 1 s, 2 s, 4 s… up to 30 s, and once it is open again the list is read
 * again, so what happened while it was down is caught up (a change seen twice is applied twice,
 * which is harmless).
 */
async function followStream(query, storeId, signal, onData) {
  let delay = RETRY_MIN_MS;
  let reconnecting = false;
  while (!signal.aborted) {
    const opened = Date.now();
    try {
      const response = await request(
        query,
        { storeId },
        { signal, headers: { accept: "text/event-stream" } },
      );
      if (response.status === 401) {
        const body = await response.json().catch(() => ({}));
        const error = body.errors?.[0];
        return signOut(error ? describe(new ApiError(error.message, error.extensions?.code)) : "");
      }
      if (!response.ok || !response.body) throw new Error(`the stream answered ${response.status}`);
      setLive(true);
      if (reconnecting) loadShipments(storeId, signal);
      for await (const message of eventStreamMessages(response.body)) {
        if (message.event === "complete") break;
        if (message.event !== "next") continue;
        const payload = JSON.parse(message.data);
        if (payload.errors?.length) throw new ApiError(payload.errors[0].message);
        onData(payload.data);
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error.code === "INVALID_CHARACTERS") return signOut(describe(error));
    }
    if (signal.aborted) return;
    setLive(false);
    reconnecting = true;
    if (Date.now() - opened > 10_000) delay = RETRY_MIN_MS;
    // Jitter spreads reconnections when a server restart drops every page at once.
    await sleep(delay * (0.75 + Math.random() / 2), signal);
    delay = Math.min(delay * 2, RETRY_MAX_MS);
  }
}

function stopFollowing() {
  state.follow?.abort();
  state.follow = null;
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function setLive(live) {
  const badge = $("live");
  badge.textContent = live ? "Live" : "Reconnecting…";
  badge.className = live ? "live" : "live off";
}

// ---- dots and list rows ----

function coordinatesOf(shipment) {
  return shipment.currentPlace?.coordinates ?? null;
}

function upsert(shipment, { quiet = false } = {}) {
  if (!isTravelling(shipment)) {
    remove(shipment.id);
    if (!quiet) summarise();
    return;
  }
  state.shipments.set(shipment.id, shipment);
  drawDot(shipment);
  drawRow(shipment);
  if (!quiet) summarise();
  if (state.panelId === shipment.id) openPanel(shipment.id, { keepFocus: true });
}

function remove(id) {
  state.shipments.delete(id);
  svg.querySelector(`[data-id="${CSS.escape(id)}"]`)?.remove();
  $("rows")
    .querySelector(`[data-id="${CSS.escape(id)}"]`)
    ?.remove();
}

function clearShipments() {
  state.shipments.clear();
  $("dots-calm").replaceChildren();
  $("dots-attention").replaceChildren();
  $("rows").replaceChildren();
}

const SVG_NS = "http://www.w3.org/2000/svg";
const ATTENTION_STATUSES = new Set(["EXCEPTION", "DELIVERY_FAILED"]);

function drawDot(shipment) {
  const coordinates = coordinatesOf(shipment);
  let dot = svg.querySelector(`[data-id="${CSS.escape(shipment.id)}"]`);
  if (!coordinates) return dot?.remove();
  if (!dot) {
    dot = document.createElementNS(SVG_NS, "g");
    dot.dataset.id = shipment.id;
    dot.setAttribute("tabindex", "0");
    dot.setAttribute("role", "button");
    const ring = document.createElementNS(SVG_NS, "circle");
    ring.setAttribute("class", "ring");
    const core = document.createElementNS(SVG_NS, "circle");
    core.setAttribute("class", "core");
    dot.append(ring, core);
  }
  const [x, y] = project(coordinates.longitude, coordinates.latitude);
  dot.setAttribute("transform", `translate(${x.toFixed(1)} ${y.toFixed(1)})`);
  const exception = shipment.exceptions.length > 0;
  dot.setAttribute("class", `dot status-${shipment.status}${exception ? " has-exception" : ""}`);
  // Parcels that need attention are drawn last, over the others at the same place.
  const attention = exception || ATTENTION_STATUSES.has(shipment.status);
  const layer = $(attention ? "dots-attention" : "dots-calm");
  if (dot.parentNode !== layer) layer.append(dot);
  dot.dataset.status = shipment.status;
  dot.setAttribute("aria-label", label(shipment));
}

function drawRow(shipment) {
  const rows = $("rows");
  let row = rows.querySelector(`[data-id="${CSS.escape(shipment.id)}"]`);
  if (!row) {
    row = document.createElement("tr");
    row.dataset.id = shipment.id;
    rows.append(row);
  }
  const open = document.createElement("button");
  open.type = "button";
  open.className = "link";
  open.dataset.open = shipment.id;
  open.textContent = shipment.trackingNumber;
  const cells = [
    open,
    words(shipment.status),
    placeName(shipment),
    exceptionText(shipment) || "none",
    shipment.lastEventAt ? new Date(shipment.lastEventAt).toLocaleString() : "no scan yet",
  ].map((content) => {
    const cell = document.createElement("td");
    cell.append(content);
    return cell;
  });
  row.replaceChildren(...cells);
}

// ---- the timeline panel ----

let returnFocusTo = null;

async function openPanel(id, { keepFocus = false } = {}) {
  const panel = $("panel");
  if (!keepFocus) returnFocusTo = document.activeElement;
  state.panelId = id;
  panel.hidden = false;
  const shipment = state.shipments.get(id);
  $("panel-title").textContent = shipment ? `Parcel ${shipment.trackingNumber}` : "Parcel";
  if (!keepFocus) $("panel-title").focus();
  try {
    const data = await graphql(TIMELINE, { id });
    if (state.panelId !== id) return;
    $("panel-body").replaceChildren(...timelineNodes(data.shipment));
  } catch (error) {
    if (error.httpStatus === 401) return signOut(describe(error));
    $("panel-body").textContent = `The timeline could not be read: ${describe(error)}`;
  }
}

function closePanel() {
  if (state.panelId === null) return;
  state.panelId = null;
  $("panel").hidden = true;
  $("panel-body").replaceChildren();
  returnFocusTo?.focus?.();
  returnFocusTo = null;
}

// ---- wiring ----

$("login").addEventListener("submit", (event) => {
  event.preventDefault();
  const key = $("api-key").value.trim();
  if (key) signIn(key);
});
$("sign-out").addEventListener("click", () => signOut());
$("store").addEventListener("change", (event) => showStore(event.target.value));
$("panel-close").addEventListener("click", closePanel);
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closePanel();
});
$("dots").addEventListener("click", (event) => {
  const dot = event.target.closest("[data-id]");
  if (dot) openPanel(dot.dataset.id);
});
$("dots").addEventListener("keydown", (event) => {
  const dot = event.target.closest("[data-id]");
  if (dot && (event.key === "Enter" || event.key === " ")) {
    event.preventDefault();
    openPanel(dot.dataset.id);
  }
});
$("rows").addEventListener("click", (event) => {
  const button = event.target.closest("[data-open]");
  if (button) openPanel(button.dataset.open);
});

if (sessionStorage.getItem(KEY_ITEM)) signIn(sessionStorage.getItem(KEY_ITEM));
else $("login").hidden = false;
