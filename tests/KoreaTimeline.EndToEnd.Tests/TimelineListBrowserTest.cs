using System.Text.RegularExpressions;
using KoreaTimeline.Web.Components.Timeline;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>
/// The list on <c>/</c> in Chromium over 512 events (issue 12): sticky year and month headings across "load more",
/// date fields that take partial dates, keyboard focus, long search text at phone width, and the OS colour scheme.
/// </summary>
public sealed partial class TimelineListBrowserTest
{
    private static async Task<(LargeTimelineAppFactory App, IPlaywright Playwright, IBrowser Browser, IPage Page)> StartAsync(
        int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light, string? themeCookie = null, bool javaScript = true)
    {
        var chromium = BrowserHost.RequireChromium();
        var app = new LargeTimelineAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            JavaScriptEnabled = javaScript,
        });
        if (themeCookie is not null)
        {
            await context.AddCookiesAsync([new Cookie { Name = "theme", Value = themeCookie, Url = baseAddress.ToString() }]);
        }
        var page = await context.NewPageAsync();
        return (app, playwright, browser, page);
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    [Fact]
    public async Task Year_and_month_headings_stick_and_load_more_continues_their_groups()
    {
        var (app, playwright, browser, page) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(50);
        await page.Locator("[data-testid=load-more]").ClickAsync();
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(100);

        // One heading per month however the pages split it, and each year's count is the sum of its months' counts
        // over the whole view (the page shows only some of its events).
        var months = await page.Locator("h3[data-testid=month-heading]").AllInnerTextsAsync();
        Assert.Equal(months.Count, months.Distinct().Count());
        var years = await page.Locator("[data-testid=year-group]").AllAsync();
        Assert.True(years.Count >= 2, "100 events of 512 should span more than one year");
        var total = 0;
        foreach (var year in years)
        {
            var heading = await year.Locator("h2[data-testid=year-heading]").InnerTextAsync();
            var yearCount = int.Parse(YearCount().Match(heading).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            total += yearCount;
            Assert.True(yearCount >= await year.Locator(".event-card").CountAsync(), heading);
        }
        Assert.True(total >= 100);

        // Scrolled to the last card of a month of several cards, its year's and its month's headings sit under the app
        // bar, one below the other, and the card clears them (its scroll margin).
        var appBar = await page.Locator("header.mud-appbar").EvaluateAsync<double>("h => h.getBoundingClientRect().bottom");
        var boxes = await page.EvaluateAsync<double[]>("""
            () => {
                const month = Array.from(document.querySelectorAll('[data-testid=month-group]')).find(m => m.querySelectorAll('.event-card').length > 1);
                const card = Array.from(month.querySelectorAll('.event-card')).at(-1);
                card.scrollIntoView({ block: 'start' });
                const year = month.closest('[data-testid=year-group]').querySelector('h2').getBoundingClientRect();
                const heading = month.querySelector('h3').getBoundingClientRect();
                return [year.top, heading.top, heading.bottom, card.getBoundingClientRect().top];
            }
            """);
        var (yearTop, monthBox, cardTop) = (boxes[0], boxes[1..3], boxes[3]);
        Assert.InRange(yearTop, appBar - 1, appBar + 1);
        Assert.InRange(monthBox[0], appBar + 31, appBar + 33);
        Assert.True(cardTop >= monthBox[1], $"the card ({cardTop}) is under the month heading (bottom {monthBox[1]})");
    }

    [Fact]
    public async Task Date_fields_apply_partial_dates_on_enter_and_on_tab_and_refuse_what_they_cannot_read()
    {
        var (app, playwright, browser, page) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        var from = page.Locator("[data-testid=from]");
        var to = page.Locator("[data-testid=to]");

        // Enter applies a year from its first day, with focus still in the field; the URL keeps it as typed.
        await from.FillAsync("2019");
        await from.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"\?from=2019$"));
        await Expect(from).ToHaveValueAsync("2019");
        await Expect(page.Locator("[data-testid=active-filters]")).ToContainTextAsync("from 2019-01-01");

        // Tab applies a month to its last day.
        await to.FillAsync("2019-06");
        await to.PressAsync("Tab");
        await Expect(page).ToHaveURLAsync(new Regex(@"\?from=2019&to=2019-06$"));
        await Expect(page.Locator("[data-testid=result-count]")).Not.ToContainTextAsync($"{app.TotalEvents} events");
        await Expect(page.Locator("[data-testid=active-filters]")).ToContainTextAsync("2019-01-01 to 2019-06-30");

        // The link as typed, opened anew, is the same view with the same fields.
        var count = await page.Locator("[data-testid=result-count]").TextContentAsync();
        await page.ReloadAsync();
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=result-count]")).ToHaveTextAsync(count!);
        await Expect(from).ToHaveValueAsync("2019");
        await Expect(to).ToHaveValueAsync("2019-06");

        // Nonsense stays in the field with a helper text naming it, and the view does not change.
        var url = page.Url;
        await to.FillAsync("2019-13");
        await to.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=date-help]")).ToContainTextAsync("To: \u201C2019-13\u201D is not a date");
        await Expect(to).ToHaveAttributeAsync("aria-invalid", "true");
        await to.PressAsync("Tab");
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(url, page.Url);
        await Expect(to).ToHaveValueAsync("2019-13");
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(960, 800)]
    [InlineData(1280, 900)]
    public async Task The_date_fields_say_they_take_a_year_a_month_or_a_day_and_their_placeholder_fits(int width, int height)
    {
        var (app, playwright, browser, page) = await StartAsync(width: width, height: height);
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        if (width < 960)
        {
            // On a phone the filters fold behind one button.
            await page.Locator("[data-testid=toggle-filters]").ClickAsync();
        }

        await Expect(page.Locator("[data-testid=date-help]")).ToHaveTextAsync(DateInput.Help);
        foreach (var field in new[] { "from", "to" })
        {
            var input = page.Locator($"[data-testid={field}]");
            await Expect(input).ToHaveAttributeAsync("placeholder", DateInput.Placeholder);
            // The placeholder's text, in the field's font, within the field's content box: shown whole, never cut.
            await Expect(input).ToBeVisibleAsync();
            var widths = await input.EvaluateAsync<double[]>("""
                e => {
                    const style = getComputedStyle(e);
                    const placeholder = getComputedStyle(e, '::placeholder');
                    const context = document.createElement('canvas').getContext('2d');
                    context.font = placeholder.font || style.font;
                    return [context.measureText(e.placeholder).width, e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)];
                }
                """);
            var (text, room) = (widths[0], widths[1]);
            Assert.True(text <= room, $"at {width} px the {field} field's placeholder is {text:0.#} px wide in {room:0.#} px");
        }
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"),
            $"the page scrolls sideways at {width} px");
    }

    /// <summary>A search of 200 characters (the most the box keeps) of words that match nothing.</summary>
    private static readonly string LongSearch = string.Concat(Enumerable.Range(0, 40).Select(i => $"zq{i:D2}x ")).Trim()[..200];

    [Fact]
    public async Task A_long_search_never_scrolls_sideways_at_360_px()
    {
        var (app, playwright, browser, page) = await StartAsync(width: 360, height: 740);
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        await page.GotoAsync("/?q=" + Uri.EscapeDataString(LongSearch) + "&actor=north-korea&from=2017-01-01&to=2019-12-31");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=no-match]")).ToBeVisibleAsync();

        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"),
            $"scrollWidth {await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")} > 360");
        // The search chip is cut with an ellipsis inside the column and its title holds the whole text.
        var chip = page.Locator("[data-testid=active-filter]").First;
        await Expect(chip).ToHaveAttributeAsync("title", "Search: " + LongSearch);
        var text = chip.Locator(".active-filter-text");
        Assert.True(await text.EvaluateAsync<bool>("t => t.scrollWidth > t.clientWidth && getComputedStyle(t).textOverflow === 'ellipsis'"));
        var box = await chip.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 360, $"chip from {box.X} to {box.X + box.Width}");
        await Expect(chip.Locator("button")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_remove_button_of_every_active_filter_is_a_tab_stop_that_enter_and_space_press()
    {
        var (app, playwright, browser, page) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        await page.GotoAsync("/?q=missile&actor=north-korea&type=missile_test&from=2017-01-01&to=2025-12-31");
        await WaitInteractiveAsync(page);
        var removes = page.Locator("[data-testid=active-filters] button[aria-label^='Remove filter']");
        await Expect(removes).ToHaveCountAsync(4);
        // The actor's name comes with the counts; wait for them so no re-render moves focus mid-way.
        await Expect(page.Locator("[data-testid=active-filters]")).ToContainTextAsync("North Korea");

        // Tab from the search box reaches each ×, in order, before "Clear all".
        await page.Locator("[data-testid=search]").FocusAsync();
        var labels = new List<string>();
        var seen = new List<string?>();
        for (var i = 0; i < 12 && labels.Count < 4; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var label = await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('aria-label')");
            seen.Add(await page.EvaluateAsync<string?>("() => document.activeElement?.outerHTML.slice(0, 120)"));
            if (label?.StartsWith("Remove filter", StringComparison.Ordinal) == true)
            {
                labels.Add(label);
            }
        }
        Assert.True(labels.Count == 4, string.Join("\n", seen));
        Assert.Equal(["Remove filter Search: missile", "Remove filter North Korea", "Remove filter Missile test", "Remove filter 2017-01-01 to 2025-12-31"], labels);

        // Enter on the type's ×, then Space on the dates' ×.
        await removes.Nth(2).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("^(?!.*type=).*actor=north-korea.*from=2017-01-01"));
        await Expect(removes).ToHaveCountAsync(3);
        await removes.Nth(2).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page).ToHaveURLAsync(new Regex("^(?!.*from=).*actor=north-korea"));
        await Expect(removes).ToHaveCountAsync(2);
    }

    /// <summary>
    /// Tabs through <c>/</c> from the top and returns, for each control reached, what its focus ring lacks: an outline of
    /// 2 px or more (on the control, or on a text field's frame) in a colour of 3:1 or more against what is behind it.
    /// </summary>
    private static async Task<List<string>> FocusRingFailuresAsync(IPage page, int stops)
    {
        var failures = new List<string>();
        await page.Locator("[data-testid=skip-link]").FocusAsync();
        for (var i = 0; i < stops; i++)
        {
            var problem = await page.EvaluateAsync<string?>("""
                () => {
                    const el = document.activeElement;
                    if (!el || el === document.body) { return null; }
                    const ringed = el.closest('.mud-input') && el.matches('input, select, textarea') ? el.closest('.mud-input') : el;
                    const style = getComputedStyle(ringed);
                    const rgb = s => { const m = s.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
                    const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
                    let back = null;
                    for (let p = ringed.parentElement; p; p = p.parentElement) {
                        const c = rgb(getComputedStyle(p).backgroundColor);
                        if (c.a > 0.5) { back = c; break; }
                    }
                    back = back || { r: 255, g: 255, b: 255, a: 1 };
                    const ring = rgb(style.outlineColor);
                    const [hi, lo] = [lum(ring), lum(back)].sort((a, b) => b - a);
                    const ratio = (hi + 0.05) / (lo + 0.05);
                    const name = el.tagName + (el.getAttribute('aria-label') || el.getAttribute('data-testid') || el.textContent.trim().slice(0, 30) || '');
                    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) { return name + ': no 2 px outline (' + style.outlineStyle + ' ' + style.outlineWidth + ')' }
                    if (ratio < 3) { return name + ': outline contrast ' + ratio.toFixed(2); }
                    return null;
                }
                """);
            if (problem is not null)
            {
                failures.Add(problem);
            }
            await page.Keyboard.PressAsync("Tab");
        }
        return failures;
    }

    [Theory]
    [InlineData(ColorScheme.Light, null)]
    [InlineData(ColorScheme.Light, "dark")]
    [InlineData(ColorScheme.Dark, null)]
    public async Task Every_control_shows_a_focus_ring_of_2_px_at_3_to_1(ColorScheme scheme, string? themeCookie)
    {
        var (app, playwright, browser, page) = await StartAsync(colorScheme: scheme, themeCookie: themeCookie);
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        // A view with every kind of control: search, order, chips with ×, facet chips, date fields, axis toolbar, cards.
        await page.GotoAsync("/?q=missile&type=missile_test&from=2017-01-01&to=2025-12-31&sort=date");
        await WaitInteractiveAsync(page);

        var failures = await FocusRingFailuresAsync(page, 45);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    [Theory]
    [InlineData(ColorScheme.Dark, "rgb(18, 20, 23)")]
    [InlineData(ColorScheme.Light, "rgb(247, 247, 245)")]
    public async Task Without_a_chosen_theme_the_first_paint_follows_the_system_without_a_script(ColorScheme scheme, string background)
    {
        // No JavaScript at all: what shows is what the server's HTML and CSS give on first paint.
        var (app, playwright, browser, page) = await StartAsync(colorScheme: scheme, javaScript: false);
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        await page.GotoAsync("/");

        Assert.Equal(background, await BackgroundAsync(page));
        await Expect(page.Locator("meta[name=color-scheme]")).ToHaveAttributeAsync("content", "light dark");
    }

    [Fact]
    public async Task The_toggle_overrides_the_system_scheme_and_the_choice_survives_a_reload()
    {
        var (app, playwright, browser, page) = await StartAsync(colorScheme: ColorScheme.Dark);
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;
        var toggle = page.Locator("[data-testid=theme-toggle]");

        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        Assert.Equal("rgb(18, 20, 23)", await BackgroundAsync(page));
        // The circuit asks the browser for its scheme, so the toggle offers the other one.
        await Expect(toggle).ToHaveAttributeAsync("aria-label", "Switch to light theme");

        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-label", "Switch to dark theme");
        await page.WaitForFunctionAsync("() => getComputedStyle(document.body).backgroundColor === 'rgb(247, 247, 245)'");
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "theme" && c.Value == "light");

        await page.ReloadAsync();
        await WaitInteractiveAsync(page);
        Assert.Equal("rgb(247, 247, 245)", await BackgroundAsync(page));
        await Expect(page.Locator("meta[name=color-scheme]")).ToHaveAttributeAsync("content", "light");
        await Expect(toggle).ToHaveAttributeAsync("aria-label", "Switch to dark theme");
    }

    [GeneratedRegex(@"· ([\d,]+) event")]
    private static partial Regex YearCount();
}
