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
    // Remembers the colour scheme for a year; the server reads the cookie to prerender the right theme.
    setTheme: function (dark) {
        document.cookie = "theme=" + (dark ? "dark" : "light") + "; path=/; max-age=31536000; samesite=lax";
        // The palette's shared stylesheet (ThemeCss on the server).
        const link = document.getElementById("theme-css");
        if (link) {
            link.setAttribute("href", dark ? "/theme/dark.css" : "/theme/light.css");
        }
    }
};
