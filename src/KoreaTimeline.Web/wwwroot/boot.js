// Starts the page's scripts (Blazor, MudBlazor, app.js; listed in data-scripts, in order) once the first frame with
// content is on screen, so their 20-50 ms of compiling and running do not compete with painting it on a busy machine.
// The browser fetches them at once (preload links); this only decides when they run. A hidden page never paints, so it
// starts them at once.
(function () {
    const scripts = (document.currentScript.getAttribute("data-scripts") || "").split(" ").filter(Boolean);
    let started = false;
    function start() {
        if (started) { return; }
        started = true;
        for (const src of scripts) {
            const script = document.createElement("script");
            script.src = src;
            script.async = false; // run in the listed order
            document.body.appendChild(script);
        }
    }
    if (document.visibilityState === "hidden" || !("PerformanceObserver" in window)
        || !(PerformanceObserver.supportedEntryTypes || []).includes("paint")) {
        start();
        return;
    }
    new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName("first-contentful-paint").length > 0) {
            observer.disconnect();
            start();
        }
    }).observe({ type: "paint", buffered: true });
    // A page with nothing to paint, or a browser that reports no paint: start anyway.
    setTimeout(start, 1000);
})();
