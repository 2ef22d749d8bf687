/* Hending explorer: map, timeline, event list, article evidence and place pages over the REST API.
   Plain browser JavaScript, no build step; every library is served from /static/vendor. */
(function () {
  "use strict";

  // ---------------------------------------------------------------- helpers
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  const fmtN = (n) => Number(n || 0).toLocaleString("en");
  let regionNames = null;
  try { regionNames = new Intl.DisplayNames(["en"], { type: "region" }); } catch (e) { regionNames = null; }
  const countryName = (cc) => { try { return (regionNames && cc && regionNames.of(cc)) || cc; } catch (e) { return cc; } };

  const PALETTE = {
    ASSAULT: "#d7301f", COERCE: "#f16913", THREATEN: "#fd8d3c", MOBILIZE: "#8c510a", RETREAT: "#bf812d",
    PROTEST: "#e7298a", ACCUSE: "#c51b7d", REJECT: "#7a0177", SANCTION: "#54278f", REQUEST: "#2171b5",
    CONSULT: "#6baed6", AGREE: "#1a9850", COOPERATE: "#66bd63", SUPPORT: "#35978f", AID: "#01665e",
    CONCEDE: "#a6d96a",
  };
  const EXTRA = ["#636363", "#b15928", "#6a3d9a", "#ff7f00", "#1f78b4", "#33a02c", "#e31a1c", "#cab2d6"];
  function typeColor(t) {
    if (!t) return "#888";
    if (PALETTE[t]) return PALETTE[t];
    let h = 0;
    for (const c of t) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return EXTRA[h % EXTRA.length];
  }

  let busy = 0;
  function setBusy(delta) {
    busy += delta;
    document.body.dataset.busy = String(busy);
  }
  let toastTimer = null;
  function toast(msg) {
    const el = $("#toast");
    el.textContent = msg;
    el.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { el.hidden = true; }, 6000);
  }

  function qs(params) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null || v === "") continue;
      u.set(k, String(v));
    }
    return u.toString();
  }

  async function api(path, params) {
    const q = params ? qs(params) : "";
    setBusy(1);
    try {
      const r = await fetch("/api/" + path + (q ? "?" + q : ""), { headers: { Accept: "application/json" } });
      const body = await r.json().catch(() => ({}));
      if (!r.ok) {
        const err = new Error(body.detail || ("HTTP " + r.status));
        err.status = r.status;
        throw err;
      }
      return body;
    } finally {
      setBusy(-1);
    }
  }

  const DAY = 86400000;
  const parseDay = (s) => new Date(s + "T00:00:00Z");
  const isoDay = (d) => d.toISOString().slice(0, 10);
  function addUnit(d, unit, n) {
    n = n === undefined ? 1 : n;
    const x = new Date(d.getTime());
    if (unit === "day") x.setUTCDate(x.getUTCDate() + n);
    else if (unit === "week") x.setUTCDate(x.getUTCDate() + 7 * n);
    else if (unit === "month") x.setUTCMonth(x.getUTCMonth() + n);
    else x.setUTCFullYear(x.getUTCFullYear() + n);
    return x;
  }
  function floorUnit(d, unit) {
    const x = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    if (unit === "week") x.setUTCDate(x.getUTCDate() - ((x.getUTCDay() + 6) % 7));
    else if (unit === "month") x.setUTCDate(1);
    else if (unit === "year") { x.setUTCMonth(0); x.setUTCDate(1); }
    return x;
  }
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function dateRange(ev) {
    const a = ev.date_start, b = ev.date_end;
    if (!a) return "undated";
    if (!b || a === b) return a;
    if (ev.date_precision === "month" && a.slice(0, 7) === b.slice(0, 7)) return a.slice(0, 7);
    return a + " – " + b;
  }
  function flags(ev) {
    let s = "";
    if (ev.historical) s += '<span class="flag" title="reported as background">historical</span>';
    if (ev.negated) s += '<span class="flag neg" title="said not to have happened">negated</span>';
    if (ev.hypothetical) s += '<span class="flag" title="possible, planned or conditional">hypothetical</span>';
    return s;
  }
  const badge = (t) => `<span class="badge"><span class="swatch" style="background:${typeColor(t)}"></span>${esc(t || "?")}</span>`;
  function markTrigger(sentence, trigger) {
    if (!sentence) return "";
    const i = trigger ? sentence.indexOf(trigger) : -1;
    if (i < 0) return esc(sentence);
    return esc(sentence.slice(0, i)) + "<mark>" + esc(trigger) + "</mark>" + esc(sentence.slice(i + trigger.length));
  }
  const docKeyOf = (eventId) => String(eventId).split(":")[0];

  // ---------------------------------------------------------------- state and routing
  const DEFAULT_FILTERS = { type: "", actor: "", country: "", source: "", text: "", since: "", until: "",
    geonameid: "", place: "", historical: true, negated: true, hypothetical: true };
  const TEXT_FILTERS = ["type", "actor", "country", "source", "text", "since", "until", "geonameid", "place"];
  const counters = { routes: 0, refreshes: 0 };
  const state = {
    meta: null,
    filters: Object.assign({}, DEFAULT_FILTERS),
    sort: "date", order: "asc", offset: 0, limit: 50,
    unit: "auto",
    selected: null,
    lastList: null, lastCounts: null, lastMap: null,
    docsOffset: 0,
  };

  function apiFilters(f, omit) {
    f = f || state.filters;
    const out = {
      type: f.type, actor: f.actor, country: f.country, source: f.source, text: f.text,
      since: f.since, until: f.until, geonameid: f.geonameid,
      include_historical: f.historical ? "" : "false",
      include_negated: f.negated ? "" : "false",
      include_hypothetical: f.hypothetical ? "" : "false",
    };
    for (const k of omit || []) delete out[k];
    return out;
  }

  function filtersToHash() {
    const f = state.filters, p = {};
    for (const k of TEXT_FILTERS) if (f[k]) p[k] = f[k];
    for (const k of ["historical", "negated", "hypothetical"]) if (!f[k]) p[k] = "0";
    if (state.sort !== "date") p.sort = state.sort;
    if (state.order !== "asc") p.order = state.order;
    if (state.offset) p.offset = state.offset;
    const q = qs(p);
    return "#/" + (q ? "?" + q : "");
  }
  function filtersFromQuery(q) {
    const p = new URLSearchParams(q || "");
    const f = Object.assign({}, DEFAULT_FILTERS);
    for (const k of TEXT_FILTERS) f[k] = p.get(k) || "";
    for (const k of ["historical", "negated", "hypothetical"]) f[k] = p.get(k) !== "0";
    return { filters: f, sort: p.get("sort") || "date", order: p.get("order") || "asc",
      offset: parseInt(p.get("offset") || "0", 10) || 0 };
  }
  function syncHash() {
    const h = filtersToHash();
    if (location.hash !== h) history.replaceState(null, "", h);
  }

  function parseHash() {
    const h = location.hash.replace(/^#/, "") || "/";
    const [path, query] = h.split("?");
    return { path, query: query || "" };
  }

  function show(view) {
    for (const v of $$(".view")) v.hidden = v.id !== "view-" + view;
    for (const a of $$("header nav a[data-nav]")) a.classList.toggle("active", a.dataset.nav === view);
  }

  async function route() {
    const { path, query } = parseHash();
    try {
      if (path.startsWith("/doc/")) {
        show("doc");
        const params = new URLSearchParams(query);
        await showDocument(decodeURIComponent(path.slice(5)), params.get("event"));
      } else if (path.startsWith("/place/")) {
        show("place");
        await showPlace(decodeURIComponent(path.slice(7)));
      } else if (path === "/docs") {
        show("docs");
        await loadDocs();
      } else {
        show("explore");
        explorer.map.invalidateSize();
        const parsed = filtersFromQuery(query);
        const changed = JSON.stringify([parsed.filters, parsed.sort, parsed.order, parsed.offset]) !==
          JSON.stringify([state.filters, state.sort, state.order, state.offset]);
        if (changed || !state.lastList) {
          Object.assign(state, { filters: parsed.filters, sort: parsed.sort, order: parsed.order, offset: parsed.offset });
          writeForm();
          await refreshAll();
        }
      }
    } catch (e) {
      toast(e.message);
    }
    counters.routes++;
  }

  // ---------------------------------------------------------------- basemap (Natural Earth, offline)
  let worldPromise = null;
  function world() {
    if (!worldPromise) {
      worldPromise = fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json())
        .then((topo) => planar(topojson.feature(topo, topo.objects.countries)));
    }
    return worldPromise;
  }
  // Natural Earth rings may cross the antimeridian (drawn on a sphere that is fine, on a flat map it
  // streaks across the world): make longitudes continuous, and close rings around a pole along it.
  function unwrapRing(ring) {
    const out = [[ring[0][0], ring[0][1]]];
    let off = 0;
    for (let i = 1; i < ring.length; i++) {
      let lon = ring[i][0] + off;
      const prev = out[i - 1][0];
      if (lon - prev > 180) { off -= 360; lon -= 360; } else if (lon - prev < -180) { off += 360; lon += 360; }
      out.push([lon, ring[i][1]]);
    }
    if (off !== 0) {  // the ring goes round a pole
      const pole = out.reduce((s, p) => s + p[1], 0) / out.length < 0 ? -90 : 90;
      out.push([out[out.length - 1][0], pole], [out[0][0], pole], out[0]);
    }
    return out;
  }
  function planar(fc) {
    for (const f of fc.features) {
      const g = f.geometry;
      if (!g) continue;
      if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrapRing);
      else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((poly) => poly.map(unwrapRing));
    }
    return fc;
  }
  function makeMap(el, options) {
    const map = L.map(el, Object.assign({
      minZoom: 1, maxZoom: 14, worldCopyJump: false, preferCanvas: false, zoomSnap: 1,
      maxBounds: [[-85, -200], [85, 200]], maxBoundsViscosity: 0.8,
    }, options || {}));
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Natural Earth (public domain)");
    const renderer = L.canvas({ padding: 0.5 });
    world().then((geo) => {
      L.geoJSON(geo, {
        renderer, interactive: false,
        style: { color: "#a9a59b", weight: 0.6, fillColor: "#efece4", fillOpacity: 1 },
      }).addTo(map).bringToBack();
    }).catch(() => toast("could not load the basemap"));
    return map;
  }

  // ---------------------------------------------------------------- explorer: map
  const explorer = { map: null, cluster: null, grid: null, markers: new Map(), mapGen: 0, timer: null, fitted: false };

  function eventIcon(p, selected) {
    return L.divIcon({
      className: "ev-marker" + (p.historical ? " historical" : "") + (selected ? " selected" : ""),
      html: `<span style="background:${typeColor(p.type)}"></span>`, iconSize: [14, 14], iconAnchor: [7, 7],
    });
  }
  function pieIcon(counts, total, extraClass) {
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    let acc = 0;
    const stops = entries.map(([t, n]) => {
      const a = acc / total * 360; acc += n;
      return `${typeColor(t)} ${a}deg ${acc / total * 360}deg`;
    }).join(", ");
    const size = Math.round(24 + Math.min(26, Math.log10(total + 1) * 9));
    return L.divIcon({
      className: "ev-cluster" + (extraClass ? " " + extraClass : ""),
      html: `<div style="width:${size}px;height:${size}px;background:conic-gradient(${stops})"><span>${fmtN(total)}</span></div>`,
      iconSize: [size, size], iconAnchor: [size / 2, size / 2],
    });
  }

  function initMap() {
    explorer.map = makeMap("map", { center: [30, 20], zoom: 2 });
    explorer.cluster = L.markerClusterGroup({
      maxClusterRadius: 44, showCoverageOnHover: false, spiderfyOnMaxZoom: true, chunkedLoading: true,
      iconCreateFunction(c) {
        const counts = {};
        for (const m of c.getAllChildMarkers()) counts[m.options.evType] = (counts[m.options.evType] || 0) + 1;
        return pieIcon(counts, c.getChildCount());
      },
    }).addTo(explorer.map);
    explorer.grid = L.layerGroup().addTo(explorer.map);
    explorer.map.on("moveend", () => {
      clearTimeout(explorer.timer);
      explorer.pending = true;
      explorer.timer = setTimeout(loadMap, 250);
    });
  }

  function mapBbox() {
    const b = explorer.map.getBounds().pad(0.25);
    const w = Math.max(-180, b.getWest()), e = Math.min(180, b.getEast());
    const s = Math.max(-90, b.getSouth()), n = Math.min(90, b.getNorth());
    if (w <= -180 && e >= 180) return "";
    return [w, s, e, n].map((x) => x.toFixed(4)).join(",");
  }

  function popupHtml(p) {
    return `<div>${badge(p.type)} <span class="muted">${esc(p.date || "undated")}</span>${p.historical ? '<span class="flag">historical</span>' : ""}</div>
      <div>${esc(p.actor || "")}</div>
      <div>“${esc(p.trigger || "")}” · ${p.geonameid ? `<a href="#/place/${p.geonameid}">${esc(p.place)}</a>` : esc(p.place || "")}</div>
      <div><a href="#/doc/${encodeURIComponent(docKeyOf(p.id))}?event=${encodeURIComponent(p.id)}">article and evidence ›</a></div>`;
  }

  async function loadMap() {
    const gen = ++explorer.mapGen;
    clearTimeout(explorer.timer);
    explorer.pending = false;
    const params = Object.assign(apiFilters(), { zoom: explorer.map.getZoom(), max_points: 3000 });
    const box = mapBbox();
    if (box) params.bbox = box;
    let data;
    try {
      data = await api("map", params);
    } catch (e) {
      toast(e.message);
      return;
    }
    if (gen !== explorer.mapGen) return;
    state.lastMap = data;
    state.lastMapParams = params;
    explorer.cluster.clearLayers();
    explorer.grid.clearLayers();
    explorer.markers.clear();
    if (data.mode === "points") {
      const markers = data.points.map((p) => {
        const m = L.marker([p.lat, p.lon], { icon: eventIcon(p, p.id === state.selected), evType: p.type, evId: p.id,
          evDate: p.date,
          title: `${p.type} ${p.date || ""} ${p.place || ""}` });
        m.bindPopup(() => popupHtml(p));
        m.on("click", () => selectEvent(p.id, false));
        explorer.markers.set(p.id, m);
        return m;
      });
      explorer.cluster.addLayers(markers);
    } else {
      for (const c of data.clusters) {
        const counts = {}; counts[c.type] = c.count;
        const m = L.marker([c.lat, c.lon], { icon: pieIcon(counts, c.count, "grid-cluster"),
          title: `${fmtN(c.count)} events (mostly ${c.type})` });
        m.on("click", () => {
          const b = L.latLngBounds(c.bounds);
          if (b.getNorth() - b.getSouth() < 1e-6 && b.getEast() - b.getWest() < 1e-6) {
            explorer.map.setView(b.getCenter(), Math.min(explorer.map.getZoom() + 3, 14));
          } else {
            explorer.map.fitBounds(b.pad(0.2));
          }
        });
        explorer.grid.addLayer(m);
      }
    }
    if (!explorer.fitted) {
      explorer.fitted = true;
      const pts = data.mode === "points" ? data.points.map((p) => [p.lat, p.lon]) : data.clusters.map((c) => [c.lat, c.lon]);
      if (pts.length) explorer.map.fitBounds(L.latLngBounds(pts).pad(0.4), { maxZoom: 5, animate: false });
    }
    renderSummary();
  }

  // ---------------------------------------------------------------- explorer: timeline
  // The buckets worth a time axis: a few events far from the rest (a battle of 1812 mentioned in
  // news of 2017) are left out of the axis and counted in a note instead.
  function mainRange(buckets) {
    let lo = 0, hi = buckets.length - 1;
    const total = buckets.reduce((a, b) => a + b.count, 0);
    const t = (i) => parseDay(buckets[i].key).getTime();
    for (let round = 0; round < 6 && hi - lo >= 2; round++) {
      const span = t(hi) - t(lo);
      let gap = -1, at = -1;
      for (let i = lo; i < hi; i++) if (t(i + 1) - t(i) > gap) { gap = t(i + 1) - t(i); at = i; }
      if (gap < 0.35 * span) break;
      let left = 0;
      for (let i = lo; i <= at; i++) left += buckets[i].count;
      let right = 0;
      for (let i = at + 1; i <= hi; i++) right += buckets[i].count;
      if (left <= Math.max(2, 0.05 * total) && left < right) lo = at + 1;
      else if (right <= Math.max(2, 0.05 * total) && right < left) hi = at;
      else break;
    }
    return [lo, hi];
  }

  async function loadTimeline() {
    const filters = apiFilters(null, ["since", "until"]);
    let data;
    if (state.unit === "auto") {
      data = await api("counts", Object.assign({}, filters, { by: "month" }));
      if (data.buckets.length) {
        const [lo, hi] = mainRange(data.buckets);
        const days = (addUnit(parseDay(data.buckets[hi].key), "month") - parseDay(data.buckets[lo].key)) / DAY;
        const unit = days > 4 * 366 ? "month" : days > 100 ? "week" : "day";
        if (unit !== "month") data = await api("counts", Object.assign({}, filters, { by: unit }));
      }
    } else {
      data = await api("counts", Object.assign({}, filters, { by: state.unit }));
    }
    state.lastCounts = data;
    renderTimeline();
  }

  const tl = { x0: 0, x1: 1, t0: 0, t1: 1, unit: "month", drag: null };
  function renderTimeline() {
    const svg = $("#timeline");
    const data = state.lastCounts;
    const W = svg.clientWidth || 800, H = svg.clientHeight || 130;
    const L0 = 40, R0 = 8, T0 = 8, B0 = 20;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    if (!data || !data.buckets.length) {
      svg.innerHTML = `<text class="empty" x="${W / 2}" y="${H / 2}" text-anchor="middle">no dated events match</text>`;
      svg.dataset.bars = "0";
      svg.dataset.total = "0";
      return;
    }
    const unit = data.by;
    const [lo, hi] = mainRange(data.buckets);
    const shown = data.buckets.slice(lo, hi + 1);
    const first = parseDay(shown[0].key), last = addUnit(parseDay(shown[shown.length - 1].key), unit);
    let t0 = first.getTime(), t1 = last.getTime();
    const f = state.filters;
    if (f.since) t0 = Math.min(t0, floorUnit(parseDay(f.since), unit).getTime());
    if (f.until) t1 = Math.max(t1, addUnit(floorUnit(parseDay(f.until), unit), unit).getTime());
    Object.assign(tl, { x0: L0, x1: W - R0, t0, t1, unit });
    const x = (t) => L0 + (t - t0) / (t1 - t0) * (W - L0 - R0);
    const visible = data.buckets.filter((b) => addUnit(parseDay(b.key), unit).getTime() > t0 && parseDay(b.key).getTime() < t1);
    const max = Math.max(1, ...visible.map((b) => b.count));
    const y = (n) => H - B0 - n / max * (H - T0 - B0);
    const sel0 = f.since ? parseDay(f.since).getTime() : -Infinity;
    const sel1 = f.until ? parseDay(f.until).getTime() + DAY : Infinity;
    let out = "";
    for (const b of data.buckets) {
      const a = parseDay(b.key).getTime(), e = addUnit(parseDay(b.key), unit).getTime();
      if (e <= t0 || a >= t1) continue;
      const xa = x(a), w = Math.max(1, x(e) - xa - (x(e) - xa > 3 ? 1 : 0));
      const inSel = e > sel0 && a < sel1;
      out += `<rect class="bar${inSel ? "" : " dim"}" data-key="${b.key}" data-count="${b.count}" x="${xa.toFixed(1)}" y="${y(b.count).toFixed(1)}" width="${w.toFixed(1)}" height="${(H - B0 - y(b.count)).toFixed(1)}"><title>${b.key}: ${b.count}</title></rect>`;
    }
    // axis: about 8 ticks on year/month boundaries
    const years = (t1 - t0) / DAY / 365.25;
    const step = years > 40 ? ["year", 10] : years > 16 ? ["year", 5] : years > 6 ? ["year", 2] : years > 2.5 ? ["year", 1]
      : years > 1 ? ["month", 3] : years > 0.4 ? ["month", 1] : ["week", 1];
    let tick = floorUnit(new Date(t0), step[0] === "week" ? "week" : step[0] === "month" ? "month" : "year");
    if (step[0] === "year") tick.setUTCFullYear(Math.ceil(tick.getUTCFullYear() / step[1]) * step[1]);
    let axis = `<line x1="${L0}" x2="${W - R0}" y1="${H - B0}" y2="${H - B0}"/>`;
    for (let i = 0; i < 60 && tick.getTime() <= t1; i++, tick = addUnit(tick, step[0], step[1])) {
      if (tick.getTime() < t0) continue;
      const label = step[0] === "year" ? tick.getUTCFullYear() : step[0] === "month"
        ? MONTHS[tick.getUTCMonth()] + (tick.getUTCMonth() === 0 || i === 0 ? " " + tick.getUTCFullYear() : "") : isoDay(tick).slice(5);
      axis += `<line x1="${x(tick.getTime())}" x2="${x(tick.getTime())}" y1="${H - B0}" y2="${H - B0 + 4}"/><text x="${x(tick.getTime())}" y="${H - 5}" text-anchor="middle">${label}</text>`;
    }
    axis += `<text x="${L0 - 4}" y="${T0 + 8}" text-anchor="end">${fmtN(max)}</text><text x="${L0 - 4}" y="${H - B0}" text-anchor="end">0</text>`;
    let brush = "";
    if (f.since || f.until) {
      const a = Math.max(L0, x(f.since ? sel0 : t0)), b = Math.min(W - R0, x(f.until ? sel1 : t1));
      brush = `<rect class="brush" x="${a}" y="${T0 - 4}" width="${Math.max(1, b - a)}" height="${H - B0 - T0 + 4}"/>`;
    }
    const outside = (side) => {
      const list = data.buckets.filter((b) => (side < 0 ? addUnit(parseDay(b.key), unit).getTime() <= t0 : parseDay(b.key).getTime() >= t1));
      const n = list.reduce((a, b) => a + b.count, 0);
      if (!n) return "";
      const when = side < 0 ? "from " + list[0].key.slice(0, 4) : "until " + list[list.length - 1].key.slice(0, 4);
      return `<text class="outside" x="${side < 0 ? L0 + 4 : W - R0 - 4}" y="${T0 + 8}" text-anchor="${side < 0 ? "start" : "end"}">${side < 0 ? "← " : ""}${fmtN(n)} ${side < 0 ? "earlier" : "later"} (${when})${side > 0 ? " →" : ""}</text>`;
    };
    axis += outside(-1) + outside(1);
    svg.innerHTML = `<g class="bars">${out}</g><g class="axis">${axis}</g><g class="sel">${brush}</g><rect class="drag" x="0" y="0" width="0" height="0" fill="rgba(31,95,139,.18)"/>`;
    svg.dataset.bars = String(data.buckets.length);
    svg.dataset.total = String(data.buckets.reduce((s, b) => s + b.count, 0));
    svg.dataset.selected = String(data.buckets.filter((b) => {
      const a = parseDay(b.key).getTime(), e = addUnit(parseDay(b.key), unit).getTime();
      return e > sel0 && a < sel1;
    }).reduce((s, b) => s + b.count, 0));
  }

  function timeAt(px) {
    const t = tl.t0 + (px - tl.x0) / (tl.x1 - tl.x0) * (tl.t1 - tl.t0);
    return Math.min(tl.t1, Math.max(tl.t0, t));
  }
  function initTimeline() {
    const svg = $("#timeline");
    const px = (ev) => {
      const r = svg.getBoundingClientRect();
      return (ev.clientX - r.left) * (svg.viewBox.baseVal.width || r.width) / r.width;
    };
    svg.addEventListener("pointerdown", (ev) => {
      if (!state.lastCounts || !state.lastCounts.buckets.length) return;
      svg.setPointerCapture(ev.pointerId);
      tl.drag = { a: px(ev), b: px(ev) };
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!tl.drag) return;
      tl.drag.b = px(ev);
      const r = $("rect.drag", svg);
      const a = Math.min(tl.drag.a, tl.drag.b), b = Math.max(tl.drag.a, tl.drag.b);
      r.setAttribute("x", a); r.setAttribute("width", b - a);
      r.setAttribute("y", 4); r.setAttribute("height", (svg.viewBox.baseVal.height || 130) - 24);
    });
    const finish = (ev) => {
      if (!tl.drag) return;
      const d = tl.drag;
      tl.drag = null;
      if (Math.abs(d.b - d.a) < 4) {
        if (state.filters.since || state.filters.until) setFilters({ since: "", until: "" });
        else renderTimeline();
        return;
      }
      const a = floorUnit(new Date(timeAt(Math.min(d.a, d.b))), tl.unit);
      let b = floorUnit(new Date(timeAt(Math.max(d.a, d.b))), tl.unit);
      if (b.getTime() >= tl.t1) b = addUnit(b, tl.unit, -1);
      const until = new Date(addUnit(b, tl.unit).getTime() - DAY);
      setFilters({ since: isoDay(a), until: isoDay(until) });
    };
    svg.addEventListener("pointerup", finish);
    svg.addEventListener("pointercancel", () => { tl.drag = null; renderTimeline(); });
    $("#t-unit").addEventListener("change", (e) => { state.unit = e.target.value; loadTimeline().catch((x) => toast(x.message)); });
    window.addEventListener("resize", () => renderTimeline());
  }

  // ---------------------------------------------------------------- explorer: list, legend, summary
  async function loadList() {
    const data = await api("events", Object.assign(apiFilters(), {
      sort: state.sort, order: state.order, limit: state.limit, offset: state.offset }));
    state.lastList = data;
    renderList();
  }

  function renderList() {
    const data = state.lastList;
    const tbody = $("#events-table tbody");
    tbody.innerHTML = data.items.map((ev) => `
      <tr data-id="${esc(ev.event_id)}" class="${ev.event_id === state.selected ? "selected" : ""}">
        <td class="nowrap">${esc(dateRange(ev))}</td>
        <td>${badge(ev.type)}${flags(ev)}</td>
        <td>${esc(ev.actor_name || ev.actor_text || "")}</td>
        <td>${esc(ev.recipient_name || ev.recipient_text || "")}</td>
        <td>${ev.location_geonameid ? `<a href="#/place/${ev.location_geonameid}" class="place-link">${esc(ev.location_name)}</a>` : esc(ev.location_name || "")}${ev.location_country ? ` <span class="muted">${esc(ev.location_country)}</span>` : ""}</td>
        <td>${esc(ev.attributed_to || "")}</td>
        <td class="evidence">${markTrigger(ev.sentence_text, ev.trigger_text)}
          <a class="doc-link nowrap" href="#/doc/${encodeURIComponent(ev.doc_key)}?event=${encodeURIComponent(ev.event_id)}">article ›</a></td>
      </tr>`).join("") || `<tr><td colspan="7" class="muted">No events match these filters.</td></tr>`;
    const page = Math.floor(data.offset / data.limit) + 1, pages = Math.max(1, Math.ceil(data.total / data.limit));
    $("#list-count").innerHTML = `<b>${fmtN(data.total)}</b> events` + (data.total ? ` · showing ${fmtN(data.offset + 1)}–${fmtN(data.offset + data.items.length)}` : "");
    $("#list-count").dataset.total = String(data.total);
    $("#l-page").textContent = `page ${page} of ${pages}`;
    $("#l-prev").disabled = data.offset === 0;
    $("#l-next").disabled = data.offset + data.limit >= data.total;
    for (const th of $$("#events-table th[data-sort]")) {
      th.classList.toggle("sorted", th.dataset.sort === state.sort);
      th.classList.toggle("desc", th.dataset.sort === state.sort && state.order === "desc");
    }
    renderSummary();
  }

  function renderSummary() {
    const list = state.lastList, map = state.lastMap;
    if (!list) return;
    const f = state.filters;
    const parts = [`<b>${fmtN(list.total)}</b> events match`];
    if (map) parts.push(map.mode === "points" ? `<b>${fmtN(map.total)}</b> located in view` : `<b>${fmtN(map.total)}</b> located in view, grouped on the server`);
    if (f.since || f.until) parts.push(`dates ${esc(f.since || "…")} – ${esc(f.until || "…")}`);
    if (f.geonameid) {
      parts.push(`at <a href="#/place/${esc(f.geonameid)}">${esc(f.place || "geonameid " + f.geonameid)}</a>
        <button type="button" class="secondary" id="clear-place" title="show all places">×</button>`);
    }
    $("#summary").innerHTML = parts.join(" · ");
    const clear = $("#clear-place");
    if (clear) clear.onclick = () => setFilters({ geonameid: "", place: "" });
  }

  async function loadLegend() {
    const data = await api("counts", Object.assign(apiFilters(null, ["type"]), { by: "type", limit: 40 }));
    $("#legend").innerHTML = data.buckets.map((b) => `
      <button type="button" data-type="${esc(b.key)}" class="${state.filters.type === b.key ? "on" : ""}">
        <span class="swatch" style="background:${typeColor(b.key)}"></span>${esc(b.key)}<span class="n">${fmtN(b.count)}</span>
      </button>`).join("") || '<span class="muted">no events</span>';
  }

  async function refreshAll() {
    syncHash();
    const jobs = [loadList(), loadTimeline(), loadLegend(), loadMap()];
    const results = await Promise.allSettled(jobs);
    for (const r of results) if (r.status === "rejected") toast(r.reason.message);
    counters.refreshes++;
  }

  function setFilters(patch, keepPage) {
    Object.assign(state.filters, patch);
    if (!keepPage) state.offset = 0;
    writeForm();
    return refreshAll();
  }

  function selectEvent(id, fromList) {
    state.selected = id;
    for (const tr of $$("#events-table tbody tr")) tr.classList.toggle("selected", tr.dataset.id === id);
    for (const [mid, m] of explorer.markers) {
      const el = m.getElement();
      if (el) el.classList.toggle("selected", mid === id);
    }
    const m = explorer.markers.get(id);
    if (fromList && m) explorer.cluster.zoomToShowLayer(m, () => m.openPopup());
  }

  // ---------------------------------------------------------------- filter form
  function writeForm() {
    const f = state.filters;
    for (const k of ["type", "actor", "country", "source", "text", "since", "until"]) {
      const el = $("#f-" + k);
      if (k === "type" || k === "country") ensureOption(el, f[k]);
      el.value = f[k] || "";
    }
    for (const k of ["historical", "negated", "hypothetical"]) $("#f-" + k).checked = !!f[k];
    $("#t-unit").value = state.unit;
  }
  function ensureOption(select, value) {
    if (value && !$$("option", select).some((o) => o.value === value)) {
      select.insertAdjacentHTML("beforeend", `<option value="${esc(value)}">${esc(value)}</option>`);
    }
  }
  function readForm() {
    const patch = {};
    for (const k of ["type", "actor", "country", "source", "text", "since", "until"]) patch[k] = $("#f-" + k).value.trim();
    for (const k of ["historical", "negated", "hypothetical"]) patch[k] = $("#f-" + k).checked;
    return patch;
  }
  function fillFormOptions(meta) {
    $("#f-type").insertAdjacentHTML("beforeend", meta.types.map((t) => `<option value="${esc(t.key)}">${esc(t.key)} (${fmtN(t.count)})</option>`).join(""));
    $("#f-country").insertAdjacentHTML("beforeend", meta.countries.map((c) => `<option value="${esc(c.key)}">${esc(countryName(c.key))} (${fmtN(c.count)})</option>`).join(""));
    $("#actors-list").innerHTML = meta.actors.map((a) => `<option value="${esc(a.key)}">`).join("");
    $("#sources-list").innerHTML = meta.sources.map((a) => `<option value="${esc(a.key)}">`).join("");
    if (!meta.text_search) { $("#f-text").disabled = true; $("#f-text").placeholder = "no full-text index"; }
  }

  function initExplorer() {
    initMap();
    initTimeline();
    const form = $("#filter-form");
    form.addEventListener("submit", (e) => { e.preventDefault(); setFilters(readForm()); });
    for (const el of $$("select, input[type=checkbox], input[type=date]", form)) {
      el.addEventListener("change", () => setFilters(readForm()));
    }
    $("#f-reset").addEventListener("click", () => setFilters(Object.assign({}, DEFAULT_FILTERS)));
    $("#legend").addEventListener("click", (e) => {
      const b = e.target.closest("button[data-type]");
      if (b) setFilters({ type: state.filters.type === b.dataset.type ? "" : b.dataset.type });
    });
    $("#events-table thead").addEventListener("click", (e) => {
      const th = e.target.closest("th[data-sort]");
      if (!th) return;
      if (state.sort === th.dataset.sort) state.order = state.order === "asc" ? "desc" : "asc";
      else { state.sort = th.dataset.sort; state.order = "asc"; }
      state.offset = 0;
      syncHash();
      loadList().catch((x) => toast(x.message));
    });
    $("#events-table tbody").addEventListener("click", (e) => {
      if (e.target.closest("a")) return;
      const tr = e.target.closest("tr[data-id]");
      if (tr) selectEvent(tr.dataset.id, true);
    });
    const page = (d) => {
      state.offset = Math.max(0, state.offset + d * state.limit);
      syncHash();
      loadList().catch((x) => toast(x.message));
    };
    $("#l-prev").addEventListener("click", () => page(-1));
    $("#l-next").addEventListener("click", () => page(1));
  }

  // ---------------------------------------------------------------- article view
  const docState = { doc: null, selected: null };

  function spanList(doc, selected) {
    const spans = [];
    const add = (start, end, cls, ref) => {
      if (start == null || end == null || end <= start) return;
      spans.push({ start, end, cls, ref });
    };
    for (const ev of doc.events) add(ev.trigger_start, ev.trigger_end, "trigger", ev.event_id);
    for (const p of doc.places) add(p.start, p.end, "place", "place:" + p.n);
    for (const t of doc.times) add(t.start, t.end, "time", "time:" + t.n);
    for (const q of doc.quotes) add(q.start, q.end, "quote", "quote:" + q.n);
    for (const e of doc.entities) add(e.start, e.end, "entity", "entity:" + e.n);
    if (selected) {
      add(selected.sentence_start, selected.sentence_end, "sentence", "sel");
      add(selected.trigger_start, selected.trigger_end, "sel-trigger", "sel");
      add(selected.actor_start, selected.actor_end, "sel-actor", "sel");
      add(selected.recipient_start, selected.recipient_end, "sel-recipient", "sel");
      add(selected.location_start, selected.location_end, "sel-location", "sel");
      add(selected.attributed_start, selected.attributed_end, "sel-source", "sel");
      const d = dateEvidence(doc, selected);
      if (d) add(d.start, d.end, "sel-date", "sel");
    }
    return spans;
  }

  function dateEvidence(doc, ev) {
    const t = ev.record && ev.record.date && ev.record.date.time;
    if (t && t.start != null && t.end != null) return { start: t.start, end: t.end, text: t.text };
    if (!ev.date_text) return null;
    const found = doc.times.find((x) => x.text === ev.date_text && ev.sentence_start != null &&
      x.start >= ev.sentence_start && x.end <= ev.sentence_end) || doc.times.find((x) => x.text === ev.date_text);
    return found ? { start: found.start, end: found.end, text: found.text } : null;
  }

  function renderText(doc, selected) {
    const text = doc.text;
    const spans = spanList(doc, selected);
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    let html = "";
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1];
      const cover = spans.filter((s) => s.start <= a && s.end >= b);
      const piece = esc(text.slice(a, b));
      if (!cover.length) { html += piece; continue; }
      const classes = Array.from(new Set(cover.map((s) => s.cls)));
      const events = cover.filter((s) => s.cls === "trigger").map((s) => s.ref);
      const titles = cover.filter((s) => !s.cls.startsWith("sel") && s.cls !== "sentence").map((s) => spanTitle(doc, s));
      html += `<span class="${classes.join(" ")}" data-start="${a}" data-end="${b}"${events.length ? ` data-events="${esc(events.join(" "))}"` : ""} title="${esc(titles.join("\n"))}">${piece}</span>`;
    }
    const el = $("#doc-text");
    el.innerHTML = html;
    applyLayers();
  }

  function spanTitle(doc, s) {
    const [kind, n] = s.ref.split(":");
    if (s.cls === "trigger") {
      const ev = doc.events.find((e) => e.event_id === s.ref);
      return ev ? `event ${ev.type}: ${ev.trigger_text}` : "event";
    }
    const list = { place: doc.places, time: doc.times, quote: doc.quotes, entity: doc.entities }[kind] || [];
    const x = list.find((v) => String(v.n) === n);
    if (!x) return kind;
    if (kind === "place") return `place: ${x.name || x.text} (${x.country || "?"}, geonameid ${x.geonameid ?? "?"}${x.role ? ", " + x.role : ""})`;
    if (kind === "time") return `time: ${x.value || ""} ${x.range_start ? "[" + x.range_start + " – " + x.range_end + "]" : ""}`;
    if (kind === "quote") return `quote${x.speaker_name ? " by " + x.speaker_name : ""}`;
    return `entity ${x.label}: ${x.text}`;
  }

  function applyLayers() {
    const el = $("#doc-text");
    for (const box of $$("#doc-layers input[data-layer]")) el.classList.toggle("no-" + box.dataset.layer, !box.checked);
  }

  function evidenceCell(doc, start, end, stored) {
    if (start == null || end == null) return stored ? `${esc(stored)} <span class="muted" title="no offsets stored">(no offsets)</span>` : '<span class="muted">—</span>';
    const slice = doc.text.slice(start, end);
    const ok = !stored || slice === stored;
    return `<span class="evidence-link" data-start="${start}" data-end="${end}">“${esc(slice)}”</span>
      <span class="muted">[${start}–${end}]</span> ${ok ? '<span class="ok" title="the text at these offsets matches">✓</span>'
      : `<span class="bad" title="stored text differs: ${esc(stored)}">≠ ${esc(stored)}</span>`}`;
  }

  function renderFields(doc, ev) {
    const box = $("#event-fields");
    if (!ev) {
      box.innerHTML = doc.events.length ? '<p class="muted">Click an event (red trigger or list below) to check its fields against the text.</p>'
        : '<p class="muted">No events were extracted from this article.</p>';
      return;
    }
    const party = (p) => {
      const name = ev[p + "_name"], bits = [ev[p + "_country"], ev[p + "_sector"]].filter(Boolean).join(", ");
      return name ? `<b>${esc(name)}</b>${bits ? ` <span class="muted">${esc(bits)}</span>` : ""}<br>` : "";
    };
    const d = dateEvidence(doc, ev);
    const rows = [
      ["Type", `${badge(ev.type)} ${ev.mode ? `<span class="muted">${esc(ev.mode)}</span>` : ""}${ev.acled_event_type ? `<br><span class="muted">ACLED: ${esc(ev.acled_event_type)} / ${esc(ev.acled_sub_event_type || "")}</span>` : ""}`],
      ["Trigger", evidenceCell(doc, ev.trigger_start, ev.trigger_end, ev.trigger_text)],
      ["Actor", party("actor") + evidenceCell(doc, ev.actor_start, ev.actor_end, ev.actor_text)],
      ["Recipient", party("recipient") + evidenceCell(doc, ev.recipient_start, ev.recipient_end, ev.recipient_text)],
      ["Location", (ev.location_name ? `<b>${ev.location_geonameid ? `<a href="#/place/${ev.location_geonameid}">${esc(ev.location_name)}</a>` : esc(ev.location_name)}</b> <span class="muted">${esc(ev.location_country || "")}${ev.lat != null ? ` · ${ev.lat.toFixed(3)}, ${ev.lon.toFixed(3)}` : ""}${ev.location_geonameid ? ` · geonameid ${ev.location_geonameid}` : ""}</span><br>` : "")
        + evidenceCell(doc, ev.location_start, ev.location_end, ev.location_text)
        + (ev.location_qualifier ? `<br><span class="muted">qualifier: ${esc(ev.location_qualifier.relation || "")} ${esc(ev.location_qualifier.text || "")}</span>` : "")],
      ["Date", `<b>${esc(dateRange(ev))}</b> <span class="muted">${esc(ev.date_precision || "")}</span><br>` + (d ? evidenceCell(doc, d.start, d.end, ev.date_text) : (ev.date_text ? esc(ev.date_text) : '<span class="muted">from the publication date</span>'))],
      ["Source", ev.attributed_to ? `<b>${esc(ev.attributed_to)}</b><br>` + evidenceCell(doc, ev.attributed_start, ev.attributed_end, ev.attributed_text) : '<span class="muted">—</span>'],
      ["Flags", (flags(ev) || '<span class="muted">none</span>') + (ev.fatalities != null ? ` · fatalities <b>${ev.fatalities}</b>` : "") + (ev.confidence != null ? ` · confidence ${Number(ev.confidence).toFixed(2)}` : "")],
      ["Sentence", evidenceCell(doc, ev.sentence_start, ev.sentence_end, ev.sentence_text)],
    ];
    box.innerHTML = `<h3 class="ev-title">Event ${esc(ev.event_id.split(":")[1])}: ${badge(ev.type)}</h3>
      <table class="fields" id="fields-table" data-event="${esc(ev.event_id)}">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join("")}</table>`;
  }

  function renderDocEvents(doc, selectedId) {
    $("#doc-events").innerHTML = doc.events.map((ev) => `
      <li data-id="${esc(ev.event_id)}" class="${ev.event_id === selectedId ? "selected" : ""}">
        ${badge(ev.type)} <b>${esc(ev.trigger_text || "")}</b> <span class="muted">${esc(dateRange(ev))}</span>${flags(ev)}<br>
        <span class="muted">${esc(ev.actor_name || ev.actor_text || "—")} → ${esc(ev.recipient_name || ev.recipient_text || "—")} · ${esc(ev.location_name || "no place")}</span>
      </li>`).join("") || '<li class="muted">none</li>';
  }

  function selectDocEvent(id, scroll) {
    const doc = docState.doc;
    const ev = doc.events.find((e) => e.event_id === id) || null;
    docState.selected = ev ? ev.event_id : null;
    renderText(doc, ev);
    renderFields(doc, ev);
    renderDocEvents(doc, docState.selected);
    const h = `#/doc/${encodeURIComponent(doc.doc_key)}${ev ? "?event=" + encodeURIComponent(ev.event_id) : ""}`;
    if (location.hash !== h) history.replaceState(null, "", h);
    if (ev && scroll) {
      const el = $("#doc-text .sel-trigger") || $("#doc-text .sentence");
      if (el) el.scrollIntoView({ block: "center" });
    }
  }

  async function showDocument(ref, eventId) {
    let doc = docState.doc;
    if (!doc || (doc.doc_key !== ref && doc.id !== ref)) {
      doc = await api("documents/" + ref.split("/").map(encodeURIComponent).join("/"));
      docState.doc = doc;
    }
    const title = doc.title || doc.id;
    $("#doc-head").innerHTML = `<h1>${esc(title)}</h1>
      <div class="meta">${[esc(doc.published || "undated"), esc(doc.outlet || ""), doc.url ? `<a href="${esc(doc.url)}" rel="noopener" target="_blank">${esc(doc.url)}</a>` : ""].filter(Boolean).join(" · ")}
      · language ${esc(doc.lang)} · id ${esc(doc.id)} · ${doc.events.length} events, ${doc.places.length} places, ${doc.times.length} times, ${doc.quotes.length} quotes, ${doc.entities.length} entities · pipeline ${esc(doc.pipeline_version || "")}</div>`;
    selectDocEvent(eventId, true);
  }

  function initDocView() {
    $("#doc-text").addEventListener("click", (e) => {
      const span = e.target.closest("span[data-events]");
      if (span) {
        const ids = span.dataset.events.split(" ");
        const i = ids.indexOf(docState.selected);
        selectDocEvent(ids[(i + 1) % ids.length], false);
      }
    });
    $("#doc-events").addEventListener("click", (e) => {
      const li = e.target.closest("li[data-id]");
      if (li) selectDocEvent(li.dataset.id, true);
    });
    $("#event-fields").addEventListener("click", (e) => {
      const link = e.target.closest(".evidence-link");
      if (!link) return;
      const a = +link.dataset.start, b = +link.dataset.end;
      const spans = $$("#doc-text span[data-start]").filter((s) => +s.dataset.start >= a && +s.dataset.end <= b);
      if (!spans.length) return;
      spans[0].scrollIntoView({ block: "center" });
      for (const s of spans) { s.classList.remove("flash"); void s.offsetWidth; s.classList.add("flash"); }
    });
    for (const box of $$("#doc-layers input[data-layer]")) box.addEventListener("change", applyLayers);
  }

  // ---------------------------------------------------------------- place view
  const placeState = { map: null, marker: null };
  async function showPlace(gid) {
    const data = await api("places/" + encodeURIComponent(gid), { limit: 1000 });
    const p = data.place, evs = data.events.items;
    const aka = (p.names || []).filter((n) => n !== p.name);
    const facts = [countryName(p.country), p.feature, "geonameid " + p.geonameid,
      p.lat != null ? `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` : ""].filter(Boolean).map(esc).join(" · ");
    $("#place-head").innerHTML = `<h1>${esc(p.name || "place " + p.geonameid)}${aka.length ? ` <span class="muted">(${esc(aka.join(", "))} in the text)</span>` : ""}</h1>
      <div class="muted">${facts} · <b>${fmtN(data.events.total)}</b> events,
      mentioned ${fmtN(p.mentions)} times in ${fmtN(p.documents)} documents ·
      <a href="#/?${qs({ geonameid: p.geonameid, place: p.name })}" id="place-filter">show on the explorer map ›</a></div>`;
    if (!placeState.map) {
      placeState.map = makeMap("place-map", { center: [p.lat || 0, p.lon || 0], zoom: 5, zoomControl: true });
    }
    placeState.map.invalidateSize();
    if (p.lat != null) {
      placeState.map.setView([p.lat, p.lon], 5);
      if (placeState.marker) placeState.marker.remove();
      placeState.marker = L.marker([p.lat, p.lon], { icon: eventIcon({ type: evs[0] && evs[0].type }, false) }).addTo(placeState.map);
    }
    renderStrip(evs);
    let html = "", month = null;
    for (const ev of evs) {
      const m = ev.date_start ? ev.date_start.slice(0, 7) : "undated";
      if (m !== month) {
        month = m;
        html += `<li class="month">${m === "undated" ? "undated" : MONTHS[+m.slice(5, 7) - 1] + " " + m.slice(0, 4)}</li>`;
      }
      html += `<li class="ev" data-id="${esc(ev.event_id)}" data-date="${esc(ev.date_start || "")}" style="border-left-color:${typeColor(ev.type)}">
        <div class="nowrap">${esc(dateRange(ev))}<br><span class="muted">reported ${esc(ev.doc_published || "")}</span></div>
        <div>${badge(ev.type)}${flags(ev)}<br><span class="muted">${esc(ev.mode || "")}</span></div>
        <div><b>${esc(ev.actor_name || ev.actor_text || "—")}</b> → ${esc(ev.recipient_name || ev.recipient_text || "—")}
          ${ev.attributed_to ? `<span class="muted">(according to ${esc(ev.attributed_to)})</span>` : ""}
          <div class="sentence">${markTrigger(ev.sentence_text, ev.trigger_text)}</div></div>
        <div><a href="#/doc/${encodeURIComponent(ev.doc_key)}?event=${encodeURIComponent(ev.event_id)}">evidence ›</a></div>
      </li>`;
    }
    $("#place-events").innerHTML = html || '<li class="muted">No events at this place.</li>';
  }

  function renderStrip(evs) {
    const svg = $("#place-strip");
    const W = svg.clientWidth || 700, H = svg.clientHeight || 206;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const dated = evs.filter((e) => e.date_start);
    if (!dated.length) { svg.innerHTML = `<text x="${W / 2}" y="${H / 2}" text-anchor="middle">no dated events</text>`; return; }
    const types = Array.from(new Set(dated.map((e) => e.type))).slice(0, 8);
    const L0 = 90, R0 = 12, T0 = 10, B0 = 22;
    let t0 = floorUnit(parseDay(dated[0].date_start), "month").getTime();
    let t1 = Math.max(...dated.map((e) => parseDay(e.date_end || e.date_start).getTime())) + DAY;
    if (t1 - t0 < 60 * DAY) { t0 -= 30 * DAY; t1 += 30 * DAY; }
    const x = (t) => L0 + (t - t0) / (t1 - t0) * (W - L0 - R0);
    const lane = (H - T0 - B0) / types.length;
    let out = "";
    types.forEach((t, i) => {
      const y = T0 + i * lane + lane / 2;
      out += `<g class="lane"><line x1="${L0}" x2="${W - R0}" y1="${y}" y2="${y}" stroke="#eee"/><text x="${L0 - 6}" y="${y + 4}" text-anchor="end">${esc(t)}</text></g>`;
    });
    for (const e of dated) {
      const i = types.indexOf(e.type);
      if (i < 0) continue;
      const y = T0 + i * lane + lane / 2;
      const a = x(parseDay(e.date_start).getTime()), b = x(parseDay(e.date_end || e.date_start).getTime() + DAY);
      const tip = `<title>${esc(e.type)} ${esc(dateRange(e))}: ${esc(e.trigger_text || "")}${e.historical ? " (historical)" : ""}</title>`;
      out += `<g class="mark" data-id="${esc(e.event_id)}"><rect x="${a}" y="${y - 1.5}" width="${Math.max(2, b - a)}" height="3" fill="${typeColor(e.type)}" fill-opacity="0.35">${tip}</rect>`
        + `<circle cx="${a}" cy="${y}" r="5.5" fill="${typeColor(e.type)}" stroke="#fff" stroke-width="1.5">${tip}</circle></g>`;
    }
    const years = (t1 - t0) / DAY / 365.25;
    const stepMonths = years > 8 ? 24 : years > 3 ? 12 : years > 1 ? 3 : 1;
    let tick = floorUnit(new Date(t0), "month");
    for (let i = 0; i < 80 && tick.getTime() <= t1; i++, tick = addUnit(tick, "month", stepMonths)) {
      const label = stepMonths >= 12 ? String(tick.getUTCFullYear()) : MONTHS[tick.getUTCMonth()] + " " + String(tick.getUTCFullYear()).slice(2);
      out += `<text x="${x(tick.getTime())}" y="${H - 6}" text-anchor="middle">${label}</text><line x1="${x(tick.getTime())}" x2="${x(tick.getTime())}" y1="${T0}" y2="${H - B0}" stroke="#f2f2f2"/>`;
    }
    svg.innerHTML = out;
  }

  // ---------------------------------------------------------------- documents view
  async function loadDocs() {
    const q = $("#d-q").value.trim();
    const data = await api("documents", { q, limit: 50, offset: state.docsOffset });
    $("#docs-table tbody").innerHTML = data.items.map((d) => `
      <tr data-key="${esc(d.doc_key)}"><td class="nowrap">${esc(d.published || "")}</td>
      <td><a href="#/doc/${encodeURIComponent(d.doc_key)}">${esc(d.title || d.id)}</a><br><span class="muted">${esc(d.id)}</span></td>
      <td>${esc(d.outlet || "")}</td><td>${esc(d.lang || "")}</td><td>${fmtN(d.n_events)}</td></tr>`).join("")
      || '<tr><td colspan="5" class="muted">No documents.</td></tr>';
    $("#docs-count").textContent = `${fmtN(data.total)} documents`;
    $("#d-prev").disabled = state.docsOffset === 0;
    $("#d-next").disabled = state.docsOffset + 50 >= data.total;
  }
  function initDocs() {
    $("#docs-form").addEventListener("submit", (e) => { e.preventDefault(); state.docsOffset = 0; loadDocs().catch((x) => toast(x.message)); });
    $("#d-prev").addEventListener("click", () => { state.docsOffset = Math.max(0, state.docsOffset - 50); loadDocs().catch((x) => toast(x.message)); });
    $("#d-next").addEventListener("click", () => { state.docsOffset += 50; loadDocs().catch((x) => toast(x.message)); });
    $("#docs-table tbody").addEventListener("click", (e) => {
      const tr = e.target.closest("tr[data-key]");
      if (tr && !e.target.closest("a")) location.hash = "#/doc/" + encodeURIComponent(tr.dataset.key);
    });
  }

  // ---------------------------------------------------------------- start
  async function start() {
    setBusy(1);
    try {
      initExplorer();
      initDocView();
      initDocs();
      state.meta = await api("meta");
      const m = state.meta;
      $("#stats").textContent = `${fmtN(m.documents)} documents · ${fmtN(m.events)} events` +
        (m.first_date ? ` · ${m.first_date} – ${m.last_date}` : "");
      fillFormOptions(m);
      window.addEventListener("hashchange", route);
      await route();
    } catch (e) {
      toast(e.message);
    } finally {
      setBusy(-1);
    }
  }

  // For tests and the console: current state, and where the map's event markers are.
  window.hending = {
    state,
    counters,
    idle: () => busy === 0 && !explorer.pending,
    mapMarkers: () => Array.from(explorer.markers.values()).map((m) => ({
      id: m.options.evId, type: m.options.evType, date: m.options.evDate, lat: m.getLatLng().lat,
      lon: m.getLatLng().lng })),
    mapClusters: () => (state.lastMap ? state.lastMap.clusters : []),
    map: () => explorer.map,
  };
  start();
})();
