using System.Text.RegularExpressions;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Editing;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>The app in a real Chromium: the timeline, a click to a permalink, and a reload of it.</summary>
public sealed class TimelineBrowserTest
{
    [Fact]
    public async Task Clicking_an_event_opens_its_permalink_which_survives_a_reload()
    {
        var chromium = BrowserHost.RequireChromium();
        await using var app = new SeededAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();
        var events = await StoredEventsAsync(app);
        var target = events.OrderByDescending(e => e.Start).First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(events.Count);

        var screenshot = Path.Combine(RepositoryPaths.Root, "docs", "screenshot.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });

        await page.GetByRole(AriaRole.Link, new() { Name = target.Title, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/events/{target.Id}/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(target.Title);
        // A navigation to another page puts focus on its heading (a page loaded by the browser starts at the top).
        await Expect(page.Locator("h1")).ToBeFocusedAsync();

        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(target.Title);
        Assert.Matches($"/events/{target.Id}/{target.Slug}$", page.Url);
        await Expect(page.Locator("blockquote")).ToHaveCountAsync(target.Evidence.Count);
    }

    [Fact]
    public async Task A_permalink_served_from_the_cache_still_starts_its_circuit()
    {
        var chromium = BrowserHost.RequireChromium();
        await using var app = new TimelineAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();
        var permalink = $"/events/{app.Sample!.DayEvent.Id}/{app.Sample.DayEvent.Slug}";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        // Two readers, each with a browser context (cookies, circuit) of their own: the second gets the first one's HTML,
        // component markers included, and its circuit must start from them.
        for (var reader = 0; reader < 2; reader++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(permalink);
            Assert.Equal(reader == 1, response!.Headers.ContainsKey("age"));
            await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.GetByTestId("copy-cite-text").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToBeVisibleAsync();
        }
    }

    private static async Task<List<Data.Entities.Event>> StoredEventsAsync(SeededAppFactory app)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        return await db.Events.AsNoTracking().Include(e => e.Evidence).ToListAsync(Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Timeline_fits_a_360_pixel_phone_without_sideways_scrolling()
    {
        var chromium = BrowserHost.RequireChromium();
        await using var app = new TimelineAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();

        var sample = app.Sample!;
        await AssertAppBarFitsAsync(page, "/", $"/events/{sample.DayEvent.Id}/{sample.DayEvent.Slug}", $"/articles/{sample.Article.Id}");
        await AssertAppBarControlsAreRingedAsync(page, expected: 5);
    }

    [Fact]
    public async Task A_signed_in_editors_app_bar_fits_a_360_pixel_phone_with_a_focus_ring_on_every_control_and_a_600_pixel_tablet()
    {
        var chromium = BrowserHost.RequireChromium();
        await using var app = new TimelineAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();
        // A long address: the app bar names whoever is signed in.
        const string Email = "international.desk.editor@example.org";
        const string Password = "a long sample password";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(Email, TimelineRoles.Editor, Password, "Ed");
            Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=/");
        await page.GetByLabel("E-mail address").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/$"));
        await Expect(page.Locator("[data-testid=signed-in]")).ToHaveTextAsync(Email);

        var sample = app.Sample!;
        await AssertAppBarFitsAsync(page, "/", $"/events/{sample.DayEvent.Id}/{sample.DayEvent.Slug}", $"/articles/{sample.Article.Id}",
            $"/editor/events/{sample.DayEvent.Id}");
        // The title, three section links, "Sign out" and the theme toggle.
        await AssertAppBarControlsAreRingedAsync(page, expected: 6);

        // A small tablet: the whole title, the name and "Sign out" as text; the name, not the links, gives way.
        await page.SetViewportSizeAsync(600, 800);
        await AssertAppBarFitsAsync(page, "/");
        await Expect(page.Locator("[data-testid=signed-in]")).ToBeVisibleAsync();
        await Expect(page.Locator("header.mud-appbar").GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveTextAsync("Sign out");
    }

    /// <summary>Each page at <paramref name="paths"/> is no wider than the window, and nothing in its app bar wraps, overlaps or sticks out.</summary>
    private static async Task AssertAppBarFitsAsync(IPage page, params string[] paths)
    {
        var viewport = page.ViewportSize!.Width;
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            // The editing forms are served as plain HTML, without a circuit.
            if (!path.StartsWith("/editor/", StringComparison.Ordinal))
            {
                await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            }
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= viewport, $"{path} is {width} px wide on a {viewport} px screen");
            var problems = await page.EvaluateAsync<string[]>(AppBarProblems);
            Assert.True(problems.Length == 0, $"{path}: {string.Join("; ", problems)}");
        }
    }

    /// <summary>
    /// On the timeline, Tab from the skip link walks every control of the app bar in order (<paramref name="expected"/> of
    /// them): each is shown whole and gets a ring that stands out from the bar and is not cut off.
    /// </summary>
    private static async Task AssertAppBarControlsAreRingedAsync(IPage page, int expected)
    {
        await page.GotoAsync("/");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var controls = page.Locator("header.mud-appbar a, header.mud-appbar button");
        Assert.Equal(expected, await controls.CountAsync());
        await page.Locator("[data-testid=skip-link]").FocusAsync();
        for (var i = 0; i < expected; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var control = controls.Nth(i);
            await Expect(control).ToBeFocusedAsync();
            await Expect(control).ToBeInViewportAsync(new() { Ratio = 1 });
            var problems = await control.EvaluateAsync<string[]>(FocusRingProblems);
            Assert.True(problems.Length == 0, $"{await control.EvaluateAsync<string>("e => e.outerHTML.slice(0, 120)")}: {string.Join("; ", problems)}");
        }
    }

    /// <summary>
    /// What keeps the focused control's ring from being seen: no outline or one under 2 px, less than 3:1 against the
    /// app bar's background, or a part of it cut off by the window or by an ancestor that clips (the scrolling links).
    /// </summary>
    private const string FocusRingProblems = """
        e => {
            const problems = [];
            const style = getComputedStyle(e);
            const width = parseFloat(style.outlineWidth) || 0;
            if (style.outlineStyle === 'none' || width < 2) {
                return [`no ring: outline ${style.outlineStyle} ${style.outlineWidth}`];
            }
            const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
            const luminance = ([r, g, b]) => {
                const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
            };
            let background = null;
            for (let a = e.parentElement; a && !background; a = a.parentElement) {
                const c = rgb(getComputedStyle(a).backgroundColor);
                if (c.length >= 3 && (c.length < 4 || c[3] > 0)) background = c;
            }
            if (background) {
                const [l1, l2] = [luminance(rgb(style.outlineColor)), luminance(background)].sort((x, y) => y - x);
                const contrast = (l1 + 0.05) / (l2 + 0.05);
                if (contrast < 3) problems.push(`the ring (${style.outlineColor}) has ${contrast.toFixed(2)}:1 against ${background}`);
            }
            const grow = Math.max(0, width + parseFloat(style.outlineOffset || '0'));
            const b = e.getBoundingClientRect();
            const ring = { left: b.left - grow, top: b.top - grow, right: b.right + grow, bottom: b.bottom + grow };
            const outside = (box, what) => {
                if (ring.left < box.left - 0.5 || ring.top < box.top - 0.5 || ring.right > box.right + 0.5 || ring.bottom > box.bottom + 0.5) {
                    problems.push(`the ring ${ring.left},${ring.top}..${ring.right},${ring.bottom} is cut off by ${what} ${box.left},${box.top}..${box.right},${box.bottom}`);
                }
            };
            outside({ left: 0, top: 0, right: document.documentElement.clientWidth, bottom: window.innerHeight }, 'the window');
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                const s = getComputedStyle(a);
                if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
                const r = a.getBoundingClientRect();
                const left = r.left + a.clientLeft, top = r.top + a.clientTop;
                outside({ left, top, right: left + a.clientWidth, bottom: top + a.clientHeight }, `${a.tagName.toLowerCase()}.${a.className}`);
            }
            return problems;
        }
        """;

    /// <summary>
    /// What is wrong with the app bar's layout: a control or text sticking out of the bar (or out of a part of it that
    /// clips, such as a scrolling list of links), a control's text wrapping or sticking out of it, two controls
    /// overlapping, or the bar wider than its content box.
    /// </summary>
    private const string AppBarProblems = """
        () => {
            const bar = document.querySelector('header.mud-appbar');
            const problems = [];
            const name = e => `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('aria-label') || '').trim()}"`;
            // A text shortened with an ellipsis is not cut off when its tooltip has it whole.
            const shortened = e => getComputedStyle(e).textOverflow === 'ellipsis' && e.title === e.textContent.trim();
            for (const e of [bar, ...bar.querySelectorAll('*')]) {
                const style = getComputedStyle(e);
                if (e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && style.overflowX !== 'visible' || e === bar && e.scrollWidth > e.clientWidth) {
                    if (!shortened(e)) problems.push(`${name(e)} overflows sideways (${e.scrollWidth} > ${e.clientWidth} px)`);
                }
            }
            const barBox = bar.getBoundingClientRect();
            if (barBox.left < 0 || barBox.right > document.documentElement.clientWidth) {
                problems.push(`the app bar spans ${barBox.left}..${barBox.right} px`);
            }
            // What shows: a visually hidden text (1 px, for screen readers) is left out.
            const items = [...bar.querySelectorAll('a, button, .signed-in')]
                .filter(e => { const b = e.getBoundingClientRect(); return b.width > 1 && b.height > 1; });
            for (const e of items) {
                const box = e.getBoundingClientRect();
                const lines = new Set();
                const texts = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                for (let t = texts.nextNode(); t; t = texts.nextNode()) {
                    const parent = t.parentElement.getBoundingClientRect();
                    if (parent.width <= 1 || parent.height <= 1) continue;
                    const range = document.createRange();
                    range.selectNodeContents(t);
                    for (const r of range.getClientRects()) {
                        if (r.width <= 1) continue;
                        lines.add(Math.round(r.top));
                        if ((r.left < box.left - 0.5 || r.right > box.right + 0.5) && !shortened(t.parentElement)) {
                            problems.push(`the text "${t.textContent.trim()}" at ${r.left}..${r.right} sticks out of ${name(e)} (${box.left}..${box.right})`);
                        }
                    }
                }
                if (lines.size > 1) problems.push(`${name(e)} wraps onto ${lines.size} lines`);
            }
            const boxes = items.map(e => [e, e.getBoundingClientRect()]);
            for (const [e, b] of boxes) {
                if (b.left < barBox.left - 0.5 || b.right > barBox.right + 0.5 || b.top < barBox.top - 0.5 || b.bottom > barBox.bottom + 0.5) {
                    problems.push(`${name(e)} at ${b.left},${b.top}..${b.right},${b.bottom} sticks out of the app bar (${barBox.right}x${barBox.bottom})`);
                }
            }
            for (let i = 0; i < boxes.length; i++) {
                for (let j = i + 1; j < boxes.length; j++) {
                    const [a, p] = boxes[i], [c, q] = boxes[j];
                    if (a.contains(c) || c.contains(a)) continue;
                    const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
                    const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
                    if (w > 0.5 && h > 0.5) problems.push(`${name(a)} overlaps ${name(c)}`);
                }
            }
            return problems;
        }
        """;
}
