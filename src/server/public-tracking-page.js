// The buyer's tracking page, live (decision 044). Plain JS, no build step, no dependency: the
// server renders the whole page; this follows the parcel over Server-Sent Events, re-renders the
// status, estimate, timeline and map when it changes, and sends the delivery rating.
(() => {
  const main = document.getElementById("page");
  if (!main) return;
  const token = decodeURIComponent(location.pathname.split("/")[2] || "");
  const locale = main.dataset.locale || "en";
  const tones = JSON.parse(main.dataset.tones || "{}");
  const endpoint = "/public/graphql";

  const el = (tag, attributes, text) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text != null) node.textContent = text;
    return node;
  };
  // As the server shows them: the carrier's wall-clock time, the offset kept in datetime.
  const dateTime = (iso) =>
    new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "UTC",
    }).format(new Date(`${iso.slice(0, 19)}Z`));
  const day = (iso) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${iso}T00:00:00Z`),
    );

  const renderTimeline = (events) => {
    const box = document.getElementById("timeline");
    if (!box || events.length === 0) return;
    const list = el("ol");
    for (const event of [...events].reverse()) {
      const item = el("li", { class: `tone-${tones[event.status] || "idle"}` });
      item.append(el("strong", {}, event.description));
      const where = event.location
        ? [event.location.city, event.location.region, event.location.countryCode]
            .filter(Boolean)
            .join(", ")
        : "";
      if (where) item.append(el("span", { class: "place" }, where));
      item.append(el("time", { datetime: event.occurredAt }, dateTime(event.occurredAt)));
      list.append(item);
    }
    box.replaceChildren(list);
  };

  const renderEstimate = (estimate) => {
    const box = document.getElementById("estimate");
    if (!box) return;
    if (!estimate) {
      box.previousElementSibling?.remove();
      box.remove();
      return;
    }
    box.replaceChildren(`${day(estimate.earliest)} – ${day(estimate.latest)}`);
    for (const line of estimate.explanation) box.append(el("br"), el("small", {}, line));
  };

  const renderMap = async () => {
    const figure = document.getElementById("map");
    if (!figure) return;
    const response = await fetch(
      `/t/${encodeURIComponent(token)}/map?lang=${encodeURIComponent(locale)}`,
    );
    if (!response.ok) return;
    const svg = new DOMParser().parseFromString(
      await response.text(),
      "image/svg+xml",
    ).documentElement;
    if (svg.nodeName === "svg") figure.replaceChildren(document.importNode(svg, true));
  };

  const render = (view, routeChanged) => {
    const status = document.getElementById("status");
    if (status) {
      status.textContent = view.statusText;
      status.className = `status tone-${tones[view.status] || "idle"}`;
    }
    renderEstimate(view.estimate);
    renderTimeline(view.events);
    if (routeChanged) renderMap().catch(() => {});
    // A parcel delivered while the page was open: the rating form comes with a reload.
    if (view.status === "DELIVERED" && !document.getElementById("rate")) location.reload();
  };

  if (typeof EventSource === "function") {
    const variables = encodeURIComponent(JSON.stringify({ token, locale }));
    const stream = new EventSource(`${endpoint}?id=shipmentUpdated&variables=${variables}`);
    const live = document.getElementById("live");
    // The first message is the page as it is now: it repairs what changed since the server
    // rendered it, and reconnects catch up the same way.
    let route = null;
    stream.addEventListener("next", (message) => {
      const view = JSON.parse(message.data).data?.shipmentUpdated;
      if (!view) {
        // Revoked or unknown: the page says so in the buyer's language.
        stream.close();
        location.reload();
        return;
      }
      if (live) live.hidden = false;
      const seen = JSON.stringify(view.route);
      render(view, route !== null && seen !== route);
      route = seen;
    });
    stream.addEventListener("complete", () => {
      stream.close();
      if (live) live.hidden = true;
    });
    stream.addEventListener("error", () => {
      if (live) live.hidden = true;
    });
  }

  const form = document.getElementById("rate-form");
  if (form) {
    const status = document.getElementById("rate-status");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = event.submitter;
      const rating = Number(button?.value);
      const comment = form.elements.comment.value.trim();
      const body = { id: "rateDelivery", variables: { token, rating, comment: comment || null } };
      let ok = false;
      let message = form.dataset.failed;
      try {
        const response = await fetch(endpoint, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const result = (await response.json()).data?.rateDelivery;
        ok = Boolean(result && result.errors.length === 0);
        if (result?.errors.length) message = `${form.dataset.failed} (${result.errors[0].message})`;
      } catch {}
      for (const other of form.querySelectorAll("button")) {
        other.setAttribute("aria-pressed", String(ok && other === button));
      }
      status.textContent = ok ? form.dataset.thanks : message;
    });
  }
})();
