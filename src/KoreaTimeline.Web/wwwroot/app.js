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
    // Remembers the colour scheme for a year; the server reads the cookie to prerender the right theme.
    setTheme: function (dark) {
        document.cookie = "theme=" + (dark ? "dark" : "light") + "; path=/; max-age=31536000; samesite=lax";
    }
};
