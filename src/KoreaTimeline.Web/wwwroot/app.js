// Small browser helpers the Blazor components call through JS interop.
window.koreaTimeline = {
    // Copies text to the clipboard; true when it worked.
    copy: async function (text) {
        try {
            if (navigator.clipboard && window.isSecureContext) {
                await navigator.clipboard.writeText(text);
                return true;
            }
        } catch (e) {
            // Fall through to the textarea copy.
        }
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        let ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        document.body.removeChild(area);
        return ok;
    },
    // The year histogram's pointer events, once on the bars' container: the bar's year comes from data-year.
    histogram: function (element, component) {
        element.ktHistogram = component;
        if (element.ktHistogramListening) {
            return;
        }
        element.ktHistogramListening = true;
        const yearOf = function (e) {
            const bar = e.target instanceof Element ? e.target.closest("[data-year]") : null;
            return bar && element.contains(bar) ? parseInt(bar.getAttribute("data-year"), 10) : null;
        };
        const call = function (method, ...args) {
            element.ktHistogram.invokeMethodAsync(method, ...args).catch(function () { });
        };
        let last = null;
        element.addEventListener("pointerdown", function (e) {
            const year = yearOf(e);
            if (year !== null) { last = year; call("Down", year); }
        });
        element.addEventListener("pointerover", function (e) {
            const year = yearOf(e);
            if (year !== null && year !== last) { last = year; call("Enter", year); }
        });
        element.addEventListener("pointerup", function (e) {
            const year = yearOf(e);
            if (year !== null) { last = null; call("Up", year, e.shiftKey); }
        });
        element.addEventListener("pointerleave", function () { last = null; call("Leave"); });
        element.setAttribute("data-listening", "");
    },
    // The article page opened at a quote (/articles/{id}#q-{evidence}): makes that quote the document's target again
    // (the circuit's render replaced the prerendered element the browser had targeted, and a client-side navigation
    // never sets one), marks every run of it, scrolls it to the middle and focuses it. True when the quote was found.
    showQuote: function () {
        const id = decodeURIComponent(location.hash.slice(1));
        if (!/^q-\d+$/.test(id)) { return false; }
        const element = document.getElementById(id);
        if (!element) { return false; }
        if (document.querySelector(":target") !== element) {
            // The whole address: a bare "#q-1" would resolve against <base href="/"> and leave the article.
            location.replace(location.href.split("#")[0] + "#" + id);
        }
        document.querySelectorAll("mark.quote-current").forEach(function (m) { m.classList.remove("quote-current"); });
        document.querySelectorAll('mark[data-quotes~="' + id.slice(2) + '"]').forEach(function (m) { m.classList.add("quote-current"); });
        element.scrollIntoView({ block: "center" });
        element.focus({ preventScroll: true });
        return true;
    },
    // Whether the system asks for dark colours (the theme follows it until the user chooses one).
    prefersDark: function () {
        return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
    },
    // Remembers the colour scheme for a year; the server reads the cookie to prerender the right theme.
    setTheme: function (dark) {
        document.cookie = "theme=" + (dark ? "dark" : "light") + "; path=/; max-age=31536000; samesite=lax";
        // The palette's shared stylesheet (ThemeCss on the server); the system's dark sheet no longer applies.
        const link = document.getElementById("theme-css");
        if (link) {
            link.setAttribute("href", dark ? "/theme/dark.css" : "/theme/light.css");
        }
        const system = document.getElementById("theme-css-system");
        if (system) {
            system.remove();
        }
        const scheme = document.querySelector("meta[name=color-scheme]");
        if (scheme) {
            scheme.setAttribute("content", dark ? "dark" : "light");
        }
    },
    // The time axis (TimeAxis.razor): the server renders it and its links; this adds wheel, drag, pinch and keys. A
    // gesture moves the drawing at once (a CSS transform) and, when it ends, navigates to the view's URL with the new
    // from/to, as the axis's own links do; the server then renders the axis and the list of that view.
    axisView: function (plot) {
        const svg = plot.querySelector("svg[data-from]");
        if (!svg) { return null; }
        const day = 86400000;
        const from = Date.parse(svg.getAttribute("data-from") + "T00:00:00Z");
        const to = Date.parse(svg.getAttribute("data-to") + "T00:00:00Z") + day;
        return { svg: svg, from: from, to: to, width: plot.getBoundingClientRect().width || 1 };
    },
    // The URL of this page with from/to for [start, end) in ms (a week at least, 300 years at most).
    axisUrl: function (start, end) {
        const day = 86400000;
        let span = Math.min(Math.max(end - start, 7 * day), 300 * 366 * day);
        const middle = (start + end) / 2;
        start = Math.round((middle - span / 2) / day) * day;
        const last = start + Math.round(span / day) * day - day;
        const iso = function (ms) { return new Date(ms).toISOString().slice(0, 10); };
        const url = new URL(window.location.href);
        url.searchParams.set("from", iso(start));
        url.searchParams.set("to", iso(last));
        return url.pathname + url.search;
    },
    axisGo: function (url) {
        if (window.Blazor && typeof window.Blazor.navigateTo === "function") {
            window.Blazor.navigateTo(url);
        } else {
            window.location.assign(url);
        }
    }
};

// The time axis's gestures, listened for once on the document (the axis is re-rendered by the server).
(function () {
    const kt = window.koreaTimeline;
    let gesture = null;   // { plot, view, pointers: Map, startX, dx, scale, anchor, moved }
    let wheel = null;     // { plot, view, scale, anchor, dx, timer }

    const preview = function (plot, dx, scale, anchor) {
        const g = plot.querySelector(".axis-plot");
        if (g) {
            g.style.transform = "translateX(" + (anchor + dx) + "px) scaleX(" + scale + ") translateX(" + (-anchor) + "px)";
        }
    };
    // The view after moving by dx pixels and zooming by scale around the pixel anchor.
    const commit = function (plot, view, dx, scale, anchor) {
        const msPerPx = (view.to - view.from) / view.width;
        const anchorMs = view.from + anchor * msPerPx;
        const start = anchorMs - (anchor + dx) * msPerPx / scale;
        const end = start + (view.to - view.from) / scale;
        plot.classList.remove("panning");
        kt.axisGo(kt.axisUrl(start, end));
    };
    const plotOf = function (e) {
        return e.target instanceof Element ? e.target.closest(".time-axis-plot") : null;
    };

    document.addEventListener("pointerover", function (e) {
        const plot = plotOf(e);
        if (!plot || plot.ktWheel) { return; }
        plot.ktWheel = true;
        // Wheel: vertical zooms around the pointer, horizontal (or Shift) pans; committed after a pause.
        plot.addEventListener("wheel", function (w) {
            const view = kt.axisView(plot);
            if (!view) { return; }
            w.preventDefault();
            const x = w.clientX - plot.getBoundingClientRect().left;
            if (!wheel || wheel.plot !== plot) {
                wheel = { plot: plot, view: view, scale: 1, anchor: x, dx: 0, timer: 0 };
            }
            const horizontal = w.shiftKey || Math.abs(w.deltaX) > Math.abs(w.deltaY);
            if (horizontal) {
                wheel.dx -= (w.shiftKey ? w.deltaY : w.deltaX);
            } else {
                wheel.scale = Math.min(Math.max(wheel.scale * Math.exp(-w.deltaY * 0.002), 1 / 64), 512);
            }
            preview(plot, wheel.dx, wheel.scale, wheel.anchor);
            clearTimeout(wheel.timer);
            const current = wheel;
            wheel.timer = setTimeout(function () {
                wheel = null;
                commit(plot, current.view, current.dx, current.scale, current.anchor);
            }, 300);
        }, { passive: false });
    });

    // Drag to pan (mouse, pen, one finger across); two fingers pinch to zoom.
    document.addEventListener("pointerdown", function (e) {
        const plot = plotOf(e);
        if (!plot || e.button > 0) { return; }
        const view = kt.axisView(plot);
        if (!view) { return; }
        if (!gesture || gesture.plot !== plot) {
            gesture = { plot: plot, view: view, pointers: new Map(), dx: 0, scale: 1, anchor: 0, moved: false, base: null };
        }
        gesture.pointers.set(e.pointerId, e.clientX - plot.getBoundingClientRect().left);
        gesture.base = { positions: new Map(gesture.pointers), dx: gesture.dx, scale: gesture.scale };
    });
    document.addEventListener("pointermove", function (e) {
        if (!gesture || !gesture.pointers.has(e.pointerId)) { return; }
        const plot = gesture.plot;
        const x = e.clientX - plot.getBoundingClientRect().left;
        gesture.pointers.set(e.pointerId, x);
        const base = gesture.base;
        const ids = Array.from(gesture.pointers.keys());
        if (ids.length >= 2 && base.positions.has(ids[0]) && base.positions.has(ids[1])) {
            const d0 = Math.abs(base.positions.get(ids[0]) - base.positions.get(ids[1])) || 1;
            const d1 = Math.abs(gesture.pointers.get(ids[0]) - gesture.pointers.get(ids[1])) || 1;
            const mid0 = (base.positions.get(ids[0]) + base.positions.get(ids[1])) / 2;
            const mid1 = (gesture.pointers.get(ids[0]) + gesture.pointers.get(ids[1])) / 2;
            gesture.scale = Math.min(Math.max(base.scale * d1 / d0, 1 / 64), 512);
            gesture.anchor = mid0;
            gesture.dx = base.dx + mid1 - mid0;
        } else if (base.positions.has(e.pointerId)) {
            gesture.dx = base.dx + x - base.positions.get(e.pointerId);
        }
        if (Math.abs(gesture.dx) > 4 || gesture.scale !== 1) {
            gesture.moved = true;
            plot.classList.add("panning");
            preview(plot, gesture.dx, gesture.scale, gesture.anchor);
        }
    });
    const end = function (e) {
        if (!gesture || !gesture.pointers.has(e.pointerId)) { return; }
        gesture.pointers.delete(e.pointerId);
        if (gesture.pointers.size > 0) {
            gesture.base = { positions: new Map(gesture.pointers), dx: gesture.dx, scale: gesture.scale };
            return;
        }
        const done = gesture;
        gesture = null;
        if (done.moved && e.type === "pointerup") {
            done.plot.ktSuppressClick = true;
            commit(done.plot, done.view, done.dx, done.scale, done.anchor);
        } else {
            preview(done.plot, 0, 1, 0);
            done.plot.classList.remove("panning");
        }
    };
    document.addEventListener("pointerup", end);
    document.addEventListener("pointercancel", end);

    // An event on the axis scrolls the list to its card when the card is shown (else its link opens the event);
    // a drag that ended on a mark is no click.
    document.addEventListener("click", function (e) {
        const plot = plotOf(e);
        if (!plot) { return; }
        if (plot.ktSuppressClick) {
            plot.ktSuppressClick = false;
            e.preventDefault();
            e.stopPropagation();
            return;
        }
        const mark = e.target.closest("[data-event-id]");
        if (!mark || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
        const card = document.querySelector(".event-card[data-event-id='" + mark.getAttribute("data-event-id") + "']");
        if (!card) { return; }
        e.preventDefault();
        e.stopPropagation();
        document.querySelectorAll(".event-card.selected, .axis-event.selected").forEach(function (el) { el.classList.remove("selected"); });
        card.classList.add("selected");
        mark.classList.add("selected");
        card.scrollIntoView({ block: "center" });
        const link = card.querySelector(".event-title a");
        if (link) { link.focus({ preventScroll: true }); }
    }, true);

    // A skip link moves the keyboard's starting point too: Blazor's router scrolls to a fragment but leaves focus.
    document.addEventListener("click", function (e) {
        const link = e.target instanceof Element ? e.target.closest("a.skip-link[href^='#']") : null;
        const target = link ? document.getElementById(link.getAttribute("href").slice(1)) : null;
        if (target) {
            e.preventDefault();
            if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
            target.focus();
        }
    }, true);

    // The toolbar is one Tab stop: arrow keys move between its buttons; + and - zoom, Shift+arrows pan.
    document.addEventListener("keydown", function (e) {
        const bar = e.target instanceof Element ? e.target.closest(".time-axis-toolbar") : null;
        if (!bar) { return; }
        const buttons = Array.from(bar.querySelectorAll("a"));
        const i = buttons.indexOf(e.target);
        const press = function (testId) {
            const b = bar.querySelector("[data-testid='" + testId + "']");
            if (b) { e.preventDefault(); b.click(); }
        };
        if (e.key === "+" || e.key === "=") { press("axis-zoom-in"); return; }
        if (e.key === "-" || e.key === "_") { press("axis-zoom-out"); return; }
        if (e.shiftKey && e.key === "ArrowLeft") { press("axis-pan-earlier"); return; }
        if (e.shiftKey && e.key === "ArrowRight") { press("axis-pan-later"); return; }
        let next = -1;
        if (e.key === "ArrowRight") { next = (i + 1) % buttons.length; }
        else if (e.key === "ArrowLeft") { next = (i - 1 + buttons.length) % buttons.length; }
        else if (e.key === "Home") { next = 0; }
        else if (e.key === "End") { next = buttons.length - 1; }
        else if (e.key === " " && i >= 0) { e.preventDefault(); buttons[i].click(); return; }
        if (next >= 0 && i >= 0) {
            e.preventDefault();
            buttons.forEach(function (b, j) { b.setAttribute("tabindex", j === next ? "0" : "-1"); });
            buttons[next].focus();
        }
    });
})();
