using System.Globalization;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Extraction.Temporal.Parsing;
using KoreaTimeline.Extraction.Temporal.Rules;

namespace KoreaTimeline.Extraction.Temporal.Refining;

/// <summary>
/// Turns a candidate's stated slots into a TIMEX3 type, value, mod and interval. What the text leaves out is
/// implied from the anchors: the reference date for deictic expressions, the narrative time for anaphoric ones.
/// </summary>
internal sealed partial class Normalizer(TemporalResources res)
{
    private readonly Vocabulary _month = res["month"], _dow = res["dow"], _num = res["num"], _unit = res["unit"],
        _rel = res["rel"], _mod = res["mod"], _season = res["season"], _ord = res["ord"], _pod = res["pod"],
        _approx = res["approx"], _holiday = res["holiday"];

    public void Normalize(Candidate c, Anchors a)
    {
        c.Type = TimexType.Date;
        c.Value = null;
        c.Mod = null;
        c.Interval = null;
        c.ResolvedYear = null;
        c.YearStated = false;
        switch (c.Rule.Kind)
        {
            case RuleKind.Named: Named(c, a); break;
            case RuleKind.Date: Date(c, a); break;
            case RuleKind.Weekday: Weekday(c, a); break;
            case RuleKind.Relative: Relative(c, a); break;
            case RuleKind.Partial: Partial(c, a); break;
            case RuleKind.Season: SeasonOf(c, a); break;
            case RuleKind.Quarter: QuarterOf(c, a); break;
            case RuleKind.AnaphoricYear: AnaphoricYear(c, a, 1); break;
            case RuleKind.Decade: Decade(c, a); break;
            case RuleKind.Century: Century(c); break;
            case RuleKind.Holiday: Holiday(c, a); break;
            case RuleKind.Deictic: Deictic(c, a); break;
            case RuleKind.Ago: Ago(c, a); break;
            case RuleKind.Duration: Duration(c); Within(c, a); break;
            case RuleKind.Ref: c.Value = c.Rule.Value ?? "PRESENT_REF"; break;
            case RuleKind.Set: Set(c); break;
            case RuleKind.Time: Time(c, a); break;
        }

        if (c.Rule.Type is { } type)
        {
            c.Type = type;
        }
    }

    private void Named(Candidate c, Anchors a)
    {
        if (res.PeriodsByAlias.TryGetValue(Vocabulary.NormalizeKey(c[Slot.Period]!), out var periods))
        {
            var r = a.Reference;
            var p = periods.FirstOrDefault(x => x.Start <= r && r <= x.End) ?? periods.LastOrDefault(x => x.Start <= r) ?? periods[0];
            c.Value = p.Value;
            c.Interval = new DateInterval(p.Start, p.End, DatePrecision.Range);
        }
        else
        {
            c.Rejected = "unknown period";
        }
    }

    private void Date(Candidate c, Anchors a)
    {
        var month = MonthOf(c);
        var day = DayOf(c);
        var year = StatedYear(c);
        if (year is null && c[Slot.YRel] is { } yrel)
        {
            year = a.Reference.Year + RelOffset(yrel).Offset;
            c.YearStated = true;
        }

        year ??= c.ForcedYear;
        if (year is null)
        {
            var tense = c[Slot.Rel] is { } rel ? Math.Sign(RelOffset(rel).Offset) : Tense(a.Text, c.Start, c.End);
            year = month is { } m0 ? NearestYear(a.Reference, m0, day, tense) : a.Reference.Year;
            if (month is not null && c[Slot.Rel] is null && a.SetInSentence(c.Start) && a.Narrative(c.Start) is var (told, g)
                && g is Granularity.Year && told.Year != a.Reference.Year)
            {
                // "In 2018, Kim met Trump in June": a bare month after a year in its sentence is in that year.
                year = told.Year;
            }
            else if (month is { } m1 && c[Slot.Rel] is null && a.SetInSentence(c.Start) && a.Narrative(c.Start) is var (near, g1)
                && g1 is Granularity.Month or Granularity.Day && near != a.Reference)
            {
                // "adopted in March after the test in January": a bare month near a date of another year in its sentence
                // is the instance nearest that date.
                year = NearestYear(near, m1, day, tense);
            }
            else if (month is not null && c[Slot.Rel] is null && a.ContextYear(c.Start) is { } contextYear)
            {
                // Under a year heading, or in a paragraph told in another year, a date without its year is in that year.
                year = contextYear;
            }
            if (month is { } m && day is { } d && c[Slot.Dow] is { } dowText && Lookup(_dow, dowText) is { } dow)
            {
                year = YearWhereWeekday(year.Value, m, d, dow) ?? year;
            }
        }

        if (!Calendar.Valid(year.Value))
        {
            c.Rejected = "year out of range";
            return;
        }

        c.ResolvedYear = year;
        var y = year.Value;
        var mod = c[Slot.Mod] is { } modText ? _mod.Lookup(modText) : c[Slot.Half] is { } half ? (half.StartsWith('f') || half.StartsWith('F') ? "H1" : "H2") : null;
        if (month is { } mo && day is { } dd)
        {
            if (dd > DateTime.DaysInMonth(y, mo))
            {
                c.Rejected = "no such day";
                return;
            }

            var date = new DateOnly(y, mo, dd);
            if (c[Slot.Hour] is { } hour)
            {
                c.Type = TimexType.Time;
                c.Value = $"{Calendar.Day(date)}T{Calendar.D2(int.Parse(hour, CultureInfo.InvariantCulture))}:{c[Slot.Minute]}";
            }
            else
            {
                c.Value = Calendar.Day(date);
            }

            c.Interval = DateInterval.Day(date);
            if (c[Slot.Day2] is { } day2 && int.TryParse(day2.AsSpan(0, day2.Length - day2.AsSpan().TrimStart("0123456789").Length), CultureInfo.InvariantCulture, out var d2)
                && d2 > dd && d2 <= DateTime.DaysInMonth(y, mo))
            {
                // "March 10 to 20": the value is the first day, the interval the whole stretch.
                c.Interval = new DateInterval(date, new DateOnly(y, mo, d2), DatePrecision.Range);
            }

            MoveUnlessBoundary(c, a, date, Granularity.Day);
        }
        else if (month is { } mo2)
        {
            c.Value = $"{Calendar.Y4(y)}-{Calendar.D2(mo2)}";
            var last = DateTime.DaysInMonth(y, mo2);
            (c.Mod, c.Interval) = mod switch
            {
                "START" => ("START", Approx(new(y, mo2, 1), new(y, mo2, 10))),
                "MID" => ("MID", Approx(new(y, mo2, 11), new(y, mo2, 20))),
                "END" => ("END", Approx(new(y, mo2, 21), new(y, mo2, last))),
                _ => ((string?)null, DateInterval.Month(y, mo2)),
            };
            if (c.Mod is null)
            {
                MoveUnlessBoundary(c, a, new DateOnly(y, mo2, 1), Granularity.Month);
            }
        }
        else
        {
            c.Value = Calendar.Y4(y);
            (c.Value, c.Mod, c.Interval) = mod switch
            {
                "START" => (c.Value, "START", Approx(new(y, 1, 1), new(y, 4, 30))),
                "MID" => (c.Value, "MID", Approx(new(y, 5, 1), new(y, 8, 31))),
                "END" => (c.Value, "END", Approx(new(y, 9, 1), new(y, 12, 31))),
                "H1" => ($"{c.Value}-H1", (string?)null, new DateInterval(new(y, 1, 1), new(y, 6, 30), DatePrecision.Range)),
                "H2" => ($"{c.Value}-H2", (string?)null, new DateInterval(new(y, 7, 1), new(y, 12, 31), DatePrecision.Range)),
                _ => (c.Value, (string?)null, DateInterval.Year(y)),
            };
            if (c.Mod is null)
            {
                MoveUnlessBoundary(c, a, new DateOnly(y, 1, 1), Granularity.Year);
            }
        }
    }

    // "its first since October 2006" bounds a stretch of time; the story is still where it was ("The next month ...").
    private static void MoveUnlessBoundary(Candidate c, Anchors a, DateOnly date, Granularity granularity)
    {
        if (c.Signal != "since")
        {
            MoveUnlessNamed(c, a, date, granularity);
        }
    }

    /// <summary>A month (and day) without a year is the instance nearest the reference date, weighed by tense; on a tie, the past one.</summary>
    // The tense of a chronology's entry: on or before the reference date, however far back.
    private const int EntryPast = -2;

    private static int NearestYear(DateOnly reference, int month, int? day, int tense)
    {
        if (tense == EntryPast)
        {
            return new DateOnly(reference.Year, month, Math.Min(day ?? 1, DateTime.DaysInMonth(reference.Year, month))) <= reference
                ? reference.Year : reference.Year - 1;
        }
        var best = reference.Year;
        var bestDistance = int.MaxValue;
        foreach (var y in (ReadOnlySpan<int>)[reference.Year - 1, reference.Year, reference.Year + 1])
        {
            if (!Calendar.Valid(y))
            {
                continue;
            }

            var d = new DateOnly(y, month, Math.Min(day ?? 15, DateTime.DaysInMonth(y, month)));
            // News looks back more than ahead: a future instance counts twice as far, five times in a past-tense
            // clause; a past one three times as far in a future-tense clause.
            var distance = d > reference
                ? (d.DayNumber - reference.DayNumber) * (tense < 0 ? 5 : tense > 0 ? 1 : 2) + 1
                : (reference.DayNumber - d.DayNumber) * (tense > 0 ? 3 : 1);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (y, distance);
            }
        }

        return best;
    }

    private static DateOnly? NearestHoliday(DateOnly reference, string rule)
    {
        DateOnly? best = null;
        foreach (var y in (ReadOnlySpan<int>)[reference.Year - 1, reference.Year, reference.Year + 1])
        {
            if (Calendar.Valid(y) && Calendar.Holiday(y, rule) is { } d
                && (best is null || Math.Abs(d.DayNumber - reference.DayNumber) < Math.Abs(best.Value.DayNumber - reference.DayNumber)))
            {
                best = d;
            }
        }

        return best;
    }

    private static DateInterval Approx(DateOnly start, DateOnly end) => new(start, end, DatePrecision.Approximate);

    private void Weekday(Candidate c, Anchors a)
    {
        var dow = Lookup(_dow, c[Slot.Dow]) ?? 1;
        var (offset, anaphoric) = c[Slot.Rel] is { } rel ? RelOffset(rel) : (0, false);
        var basis = anaphoric ? a.NarrativeDay(c.Start) : a.Reference;
        var delta = dow - Calendar.IsoDow(basis);
        var rel0 = c[Slot.Rel]?.ToLowerInvariant();
        DateOnly date;
        if (rel0 is null && delta != 0 && (FutureContext(a.Text, c.Start) || ForDay(a.Text, c.Start, c.End)))
        {
            // "will meet Tuesday", "is scheduled to close Monday", "called a meeting for Friday": the next such day.
            date = basis.AddDays(delta > 0 ? delta : delta + 7);
        }
        else if (rel0 is null)
        {
            // A bare weekday is the most recent such day on or before the reference date.
            date = basis.AddDays(delta <= 0 ? delta : delta - 7);
        }
        else if (rel0 == "this")
        {
            date = Calendar.Monday(basis).AddDays(dow - 1);
        }
        else if (offset < 0)
        {
            date = basis.AddDays(delta < 0 ? delta : delta - 7);
        }
        else
        {
            date = basis.AddDays(delta > 0 ? delta : delta + 7);
        }

        SetDay(c, a, date, c[Slot.Pod]);
    }

    /// <summary>
    /// +1 when the clause before the expression speaks of the future ("will", "scheduled to"), -1 when its sentence
    /// is in the past tense ("ended", "was"), 0 when it cannot tell.
    /// </summary>
    private static int Tense(string text, int start, int end)
    {
        if (FutureContext(text, start))
        {
            return 1;
        }

        // "Jan 5: North Korea fires ...": a chronology's entry records what happened.
        if ((start == 0 || text[start - 1] == '\n') && EntryMark().IsMatch(text.AsSpan(end, Math.Min(4, text.Length - end))))
        {
            return EntryPast;
        }

        var to = Math.Min(text.Length, end + 60);
        var after = text.AsSpan(end, to - end);
        var stop = after.IndexOfAny('.', ';', '\n');
        if (stop >= 0)
        {
            after = after[..stop];
        }

        var from = Math.Max(0, start - 70);
        var before = text.AsSpan(from, start - from);
        var b = before.LastIndexOfAny('.', ';', '\n');
        if (b >= 0)
        {
            before = before[(b + 1)..];
        }

        return PastMarker().IsMatch(before) || PastMarker().IsMatch(after) || RegularPast().IsMatch(before) ? -1 : 0;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?::|--|-|–|—)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EntryMark();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:was|were|had|did|ended|began|became|changed|took|came|went|met|held|launched|fired|signed|occurred|happened|started|completed|closed|said|pledged|vowed|promised|declared|announced|warned|told|urged)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PastMarker();

    // A regular past form after its subject ("the council adopted", "Seoul approved"); not a participle that
    // modifies a noun after an article or possessive ("the unnamed official", "its limited range").
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\b(?i:a|an|the|its|their|his|her|our|this|that|these|those|been|be|being|is|are|was|were)\s+)\b(?!(?:hundred|kindred|sacred|naked|united|so-called|alleged|suspected|unidentified|unnamed|undisclosed|armed|advanced|limited|detailed|isolated|sophisticated|expected|scheduled|planned|proposed)\b)[a-z]{3,}[^aeiou\s]ed\b")]
    private static partial System.Text.RegularExpressions.Regex RegularPast();

    /// <summary>"called a meeting for Friday", "set talks for Monday": a day something is arranged for lies ahead ("for Friday's attack" does not).</summary>
    private static bool ForDay(string text, int start, int end) =>
        ForBefore().IsMatch(text.AsSpan(Math.Max(0, start - 5), Math.Min(5, start)))
        && !text.AsSpan(end).StartsWith("'") && !text.AsSpan(end).StartsWith("’");

    [System.Text.RegularExpressions.GeneratedRegex(@"\bfor\s+$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ForBefore();

    /// <summary>Whether the clause before <paramref name="position"/> speaks of the future ("will", "scheduled to", "as soon as").</summary>
    private static bool FutureContext(string text, int position)
    {
        var from = Math.Max(0, position - 70);
        var clause = text.AsSpan(from, position - from);
        // A quotation is the speaker's tense, not the report's: "\"We will respond,\" he said on Friday".
        var stop = clause.LastIndexOfAny(".;\n\"”");
        if (stop >= 0)
        {
            clause = clause[(stop + 1)..];
        }

        // "had been due to leave on Saturday": a plan of the past, for a day already past.
        return FutureMarker().IsMatch(clause) && !PastPlan().IsMatch(clause);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bhad\s+been\s+(?:due|scheduled|set|expected|planned|supposed|slated)\s+to\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PastPlan();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:will|would|shall|'ll|scheduled|set\s+to|as\s+(?:soon|early)\s+as|(?:is|are)\s+to|due\s+to|expected\s+to|plans?\s+to|planned|going\s+to|upcoming|deadline|until|effective|payable)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex FutureMarker();

    private void SetDay(Candidate c, Anchors a, DateOnly date, string? pod)
    {
        c.Value = Calendar.Day(date);
        if (pod is not null && _pod.Lookup(pod) is { } p)
        {
            // TimeBank keeps "Friday night" a DATE, with the part of day in the value.
            c.Value += "T" + p;
        }

        c.Interval = DateInterval.Day(date);
        c.ResolvedYear = date.Year;
        c.Mod = c[Slot.Mod] is { } m ? _mod.Lookup(m) : null;
        MoveUnlessNamed(c, a, date, Granularity.Day);
    }

    // "the Sept. 19 statement" names an earlier event by its day: the story does not move there.
    private static void MoveUnlessNamed(Candidate c, Anchors a, DateOnly date, Granularity granularity)
    {
        if (!AttributiveDay().IsMatch(a.Text.AsSpan(Math.Max(0, c.Start - 4), Math.Min(4, c.Start)))
            || !NounAfter().IsMatch(a.Text.AsSpan(c.End, Math.Min(20, a.Text.Length - c.End))))
        {
            a.Move(date, granularity, c.End);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bthe\s+$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AttributiveDay();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s+(?:joint\s+)?(?:statement|declaration|agreement|accord|deal|summit|deadline|communique|resolution)\b")]
    private static partial System.Text.RegularExpressions.Regex NounAfter();

    private void Relative(Candidate c, Anchors a)
    {
        int offset;
        bool anaphoric;
        if (c[Slot.DayRel] is { } dayRel)
        {
            (offset, anaphoric) = (dayRel.Equals("before", StringComparison.OrdinalIgnoreCase) ? -1 : 1, true);
        }
        else if (c[Slot.Rel] is { } rel)
        {
            (offset, anaphoric) = RelOffset(rel);
            // "The next month" in a story told in another year follows that story, not the article date.
            anaphoric |= offset > 0 && a.Text.AsSpan(c.Start).StartsWith("the ", StringComparison.OrdinalIgnoreCase)
                && a.ContextYear(c.Start) is not null;
        }
        else
        {
            (offset, anaphoric) = (0, true);
        }

        var unitText = (c[Slot.Unit] ?? c[Slot.RThe] ?? "day").ToLowerInvariant();
        if (MonthOf(c) is { } month)
        {
            RelativeMonth(c, a, month, offset);
            return;
        }

        var mod = c[Slot.Mod] is { } m ? _mod.Lookup(m) : null;
        var basis = anaphoric ? a.Narrative(c.Start).Date : a.Reference;
        if (unitText is "day" or "morning" or "evening" or "night")
        {
            // "the same day", "that day", "the day before" can only point back, even past a paragraph break; "next Monday" cannot.
            var back = c[Slot.DayRel] is not null || a.Text.AsSpan(c.Start).StartsWith("the ", StringComparison.OrdinalIgnoreCase)
                || a.Text.AsSpan(c.Start).StartsWith("that ", StringComparison.OrdinalIgnoreCase);
            var day = a.NarrativeDay(c.Start, acrossParagraphs: back).AddDays(offset);
            SetDay(c, a, day, unitText == "day" ? null : unitText);
            return;
        }

        if ((unitText is "decade" or "century") && offset < 0 && !anaphoric && c[Slot.Rel] is { } r2
            && (r2.Equals("past", StringComparison.OrdinalIgnoreCase) || r2.Equals("last", StringComparison.OrdinalIgnoreCase)))
        {
            // TimeML writes "the past decade" as a duration.
            c.Type = TimexType.Duration;
            c.Value = unitText == "decade" ? "P10Y" : "P100Y";
            return;
        }

        var g = unitText switch
        {
            "week" or "weekend" => Granularity.Week,
            "month" => Granularity.Month,
            "quarter" or "period" => Granularity.Quarter,
            "decade" => Granularity.Decade,
            "century" => Granularity.Century,
            _ => Granularity.Year,
        };
        if (g == Granularity.Quarter && c[Slot.Rel] is null && a.Narrative(c.Start).Granularity != Granularity.Quarter)
        {
            // "the quarter" with no quarter in the narrative: the latest completed one.
            basis = Calendar.Shift(a.Reference, Granularity.Quarter, -1);
        }

        var date = Calendar.Shift(basis, g, offset);
        c.Value = Calendar.Format(date, g);
        c.Interval = Calendar.Interval(date, g);
        c.ResolvedYear = date.Year;
        if (unitText == "weekend")
        {
            if (offset == 0 && !anaphoric && c[Slot.Rel] is null && Calendar.IsoDow(a.Reference) <= 4)
            {
                // "the weekend" early in the week is the one just past.
                date = date.AddDays(-7);
                c.Value = Calendar.Format(date, g);
            }

            c.Value += "-WE";
            var sat = Calendar.Monday(date).AddDays(5);
            c.Interval = new DateInterval(sat, sat.AddDays(1), DatePrecision.Week);
        }
        else if (g == Granularity.Week && offset == 0 && !anaphoric && mod is null)
        {
            // "this week" of a past event runs from Monday to the reference date.
            c.Interval = new DateInterval(Calendar.Monday(a.Reference), a.Reference, DatePrecision.Week);
        }

        if (mod is "START" or "MID" or "END" && c.Interval is { } iv)
        {
            c.Mod = mod;
            c.Interval = Third(iv, mod);
        }

        if (g == Granularity.Quarter)
        {
            a.Move(date, g, c.End);
        }
    }

    /// <summary>The early/mid/late third of an interval (Jan..Apr, May..Aug, Sep..Dec for a year), approximate.</summary>
    private static DateInterval Third(DateInterval iv, string mod)
    {
        var days = iv.End.DayNumber - iv.Start.DayNumber + 1;
        if (iv.Precision == DatePrecision.Year)
        {
            var y = iv.Start.Year;
            return mod switch
            {
                "START" => Approx(new(y, 1, 1), new(y, 4, 30)),
                "MID" => Approx(new(y, 5, 1), new(y, 8, 31)),
                _ => Approx(new(y, 9, 1), new(y, 12, 31)),
            };
        }

        if (iv.Precision == DatePrecision.Month)
        {
            var (y, m) = (iv.Start.Year, iv.Start.Month);
            return mod switch
            {
                "START" => Approx(new(y, m, 1), new(y, m, 10)),
                "MID" => Approx(new(y, m, 11), new(y, m, 20)),
                _ => Approx(new(y, m, 21), iv.End),
            };
        }

        var third = Math.Max(1, days / 3);
        return mod switch
        {
            "START" => Approx(iv.Start, iv.Start.AddDays(third - 1)),
            "MID" => Approx(iv.Start.AddDays(third), iv.End.AddDays(-third)),
            _ => Approx(iv.End.AddDays(-(third - 1)), iv.End),
        };
    }

    private static void RelativeMonth(Candidate c, Anchors a, int month, int offset)
    {
        var r = a.Reference;
        var year = offset switch
        {
            < 0 => month < r.Month ? r.Year : r.Year - 1,
            > 0 => month > r.Month ? r.Year : r.Year + 1,
            _ => r.Year,
        };
        c.Value = $"{Calendar.Y4(year)}-{Calendar.D2(month)}";
        c.Interval = DateInterval.Month(year, month);
        c.ResolvedYear = year;
    }

    private void Partial(Candidate c, Anchors a)
    {
        var later = c[Slot.Early]!.StartsWith('l') || c[Slot.Early]!.StartsWith('L');
        // "earlier in the week" and "earlier that month" speak of the narrative's week; "earlier this month" of the article's.
        var anaphoric = c.MatchText.Contains(" the ", StringComparison.OrdinalIgnoreCase) || c.MatchText.Contains("that", StringComparison.OrdinalIgnoreCase);
        var (basis, known) = anaphoric ? a.Narrative(c.Start) : (a.Reference, Granularity.Day);
        DateInterval iv;
        if (c[Slot.Month] is not null)
        {
            var month = MonthOf(c)!.Value;
            var year = month <= basis.Month ? basis.Year : basis.Year - 1;
            iv = DateInterval.Month(year, month);
            c.Value = $"{Calendar.Y4(year)}-{Calendar.D2(month)}";
        }
        else
        {
            var g = c[Slot.Unit]!.ToLowerInvariant() switch
            {
                "week" => Granularity.Week,
                "month" => Granularity.Month,
                "quarter" => Granularity.Quarter,
                "decade" => Granularity.Decade,
                _ => Granularity.Year,
            };
            iv = Calendar.Interval(basis, g);
            c.Value = Calendar.Format(basis, g);
        }

        c.ResolvedYear = iv.Start.Year;
        // "earlier this month" = first day .. the day before the anchor; "later this year" = the day after .. last day.
        if (known != Granularity.Day)
        {
            c.Interval = iv with { Precision = DatePrecision.Range };
        }
        else if (later)
        {
            var start = basis.AddDays(1) > iv.Start && basis < iv.End ? basis.AddDays(1) : iv.Start;
            c.Interval = new DateInterval(start, iv.End, DatePrecision.Range);
        }
        else
        {
            var end = basis.AddDays(-1) < iv.End && basis > iv.Start ? basis.AddDays(-1) : iv.End;
            c.Interval = new DateInterval(iv.Start, end, DatePrecision.Range);
        }
    }

    private void SeasonOf(Candidate c, Anchors a)
    {
        var code = _season.Lookup(c[Slot.Season]) ?? "SU";
        var r = a.Reference;
        int year;
        if (StatedYear(c) is { } y)
        {
            year = y;
            c.YearStated = true;
        }
        else if (c[Slot.YRel] is { } yrel)
        {
            year = r.Year + RelOffset(yrel).Offset;
            c.YearStated = true;
        }
        else
        {
            var offset = c[Slot.Rel] is { } rel ? RelOffset(rel).Offset : 0;
            year = r.Year;
            if (offset < 0)
            {
                while (Calendar.Season(year, code).End >= r)
                {
                    year--;
                }
            }
            else if (offset > 0)
            {
                while (Calendar.Season(year, code).Start <= r)
                {
                    year++;
                }
            }
            else if (code == "WI" && r.Month <= 2)
            {
                year--;
            }
        }

        c.ResolvedYear = year;
        c.Value = $"{Calendar.Y4(year)}-{code}";
        c.Interval = Calendar.Season(year, code);
        if (c[Slot.Mod] is { } m && _mod.Lookup(m) is { } mod)
        {
            c.Mod = mod;
            c.Interval = Third(c.Interval.Value, mod);
        }
    }

    private void QuarterOf(Candidate c, Anchors a)
    {
        int q;
        if (MonthOf(c) is { } endMonth && DayOf(c) is { } endDay)
        {
            // "the quarter ended Sept. 30": the quarter most of whose days lie before that date.
            var y0 = NearestYear(a.Reference, endMonth, endDay, -1);
            var end = new DateOnly(y0, endMonth, Math.Min(endDay, DateTime.DaysInMonth(y0, endMonth))).AddDays(-45);
            var oq = c[Slot.Ord] is { } o ? int.Parse(_ord.Lookup(o) ?? "1", CultureInfo.InvariantCulture) : Calendar.Quarter(end);
            c.YearStated = true;
            c.ResolvedYear = end.Year;
            c.Value = $"{Calendar.Y4(end.Year)}-Q{oq}";
            c.Interval = Calendar.QuarterInterval(end.Year, Calendar.Quarter(end));
            a.Move(c.Interval.Value.Start, Granularity.Quarter, c.End);
            return;
        }

        if (c[Slot.QNum] is { } qn)
        {
            q = qn[0] - '0';
        }
        else if (c[Slot.Ord] is { } ord)
        {
            q = int.Parse(_ord.Lookup(ord) ?? "1", CultureInfo.InvariantCulture);
        }
        else
        {
            // "the 1988 period": the quarter the narrative speaks of, else the latest completed one.
            var (nd, ng) = a.Narrative(c.Start);
            q = Calendar.Quarter(ng == Granularity.Quarter ? nd : Calendar.Shift(a.Reference, Granularity.Quarter, -1));
        }

        var year = StatedYear(c) ?? (c[Slot.YRel] is { } yrel ? a.Reference.Year + RelOffset(yrel).Offset : a.Reference.Year);
        c.YearStated = c.Has(Slot.Year) || c.Has(Slot.YRel);
        c.ResolvedYear = year;
        c.Value = $"{Calendar.Y4(year)}-Q{q}";
        c.Interval = Calendar.QuarterInterval(year, q);
        a.Move(c.Interval.Value.Start, Granularity.Quarter, c.End);
    }

    /// <summary>"year-earlier", "a year earlier": the narrative time one year back, at the narrative's granularity.</summary>
    private static void AnaphoricYear(Candidate c, Anchors a, int years)
    {
        var (d, g) = a.Narrative(c.Start);
        var the = c[Slot.RThe]?.ToLowerInvariant();
        if (the is "quarter" or "period" && g != Granularity.Quarter)
        {
            // "the year-ago quarter" without a quarter in the narrative: the latest completed quarter, a year back.
            (d, g) = (Calendar.Shift(a.Reference, Granularity.Quarter, -1), Granularity.Quarter);
        }
        else if (!a.HasNarrative(c.Start))
        {
            g = Granularity.Year;
        }
        else if (g is Granularity.Day or Granularity.Week)
        {
            g = c.Rule.Id == "years-ago-adj" ? Granularity.Year : g;
        }

        var date = d.AddYears(-years);
        c.Value = Calendar.Format(date, g);
        c.Interval = Calendar.Interval(date, g);
        c.ResolvedYear = date.Year;
    }

    private void Decade(Candidate c, Anchors a)
    {
        int start;
        if (c[Slot.Decade] is { } dec)
        {
            start = int.Parse(dec, CultureInfo.InvariantCulture);
        }
        else if (c[Slot.DecWord] is { } word)
        {
            start = 1900 + 10 * int.Parse(res["decadeword"].Lookup(word) ?? "9", CultureInfo.InvariantCulture);
        }
        else
        {
            var d2 = int.Parse(c[Slot.Dec2]!, CultureInfo.InvariantCulture);
            var century = d2 <= a.Reference.Year % 100 ? a.Reference.Year / 100 * 100 : (a.Reference.Year / 100 - 1) * 100;
            start = century + d2;
        }

        c.Value = Calendar.Y4(start)[..3];
        c.Interval = new DateInterval(new(start, 1, 1), new(start + 9, 12, 31), DatePrecision.Decade);
        c.ResolvedYear = start;
        if (c[Slot.Mod] is { } m && _mod.Lookup(m) is { } mod)
        {
            c.Mod = mod;
            c.Interval = mod switch
            {
                "START" => Approx(new(start, 1, 1), new(start + 3, 12, 31)),
                "MID" => Approx(new(start + 3, 1, 1), new(start + 6, 12, 31)),
                _ => Approx(new(start + 6, 1, 1), new(start + 9, 12, 31)),
            };
        }
    }

    private void Century(Candidate c)
    {
        var n = int.Parse(c[Slot.Cent]!, CultureInfo.InvariantCulture);
        var start = (n - 1) * 100;
        c.Value = Calendar.D2(n - 1);
        c.Interval = new DateInterval(new(Math.Max(1, start), 1, 1), new(start + 99, 12, 31), DatePrecision.Century);
        if (c[Slot.Mod] is { } m && _mod.Lookup(m) is { } mod)
        {
            c.Mod = mod;
            c.Interval = mod switch
            {
                "START" => Approx(new(Math.Max(1, start), 1, 1), new(start + 32, 12, 31)),
                "MID" => Approx(new(start + 33, 1, 1), new(start + 65, 12, 31)),
                _ => Approx(new(start + 66, 1, 1), new(start + 99, 12, 31)),
            };
        }
    }

    private void Holiday(Candidate c, Anchors a)
    {
        var rule = _holiday.Lookup(c[Slot.Holiday]);
        if (rule is null)
        {
            c.Rejected = "unknown holiday";
            return;
        }

        var r = a.Reference;
        DateOnly? date;
        if (StatedYear(c) is { } y)
        {
            date = Calendar.Holiday(y, rule);
        }
        else
        {
            var offset = c[Slot.Rel] is { } rel ? RelOffset(rel).Offset : 0;
            date = offset == 0 ? NearestHoliday(r, rule) : Calendar.Holiday(r.Year, rule);
            if (offset == 0 && date is { } near && Math.Sign(Tense(a.Text, c.Start, c.End)) is var tense and not 0
                && (tense < 0 ? near > r : near < r) && Calendar.Valid(near.Year + tense))
            {
                // "pledged in his New Year's Day message" in October: the one before, not the coming one.
                offset = tense;
                date = Calendar.Holiday(near.Year + tense, rule);
            }
            if (date is { } d && offset < 0 && d >= r)
            {
                date = Calendar.Holiday(r.Year - 1, rule);
            }
            else if (date is { } d2 && offset > 0 && d2 <= r)
            {
                date = Calendar.Holiday(r.Year + 1, rule);
            }
        }

        if (date is null)
        {
            c.Rejected = "no such day";
            return;
        }

        SetDay(c, a, date.Value, null);
    }

    private void Deictic(Candidate c, Anchors a)
    {
        var word = Vocabulary.NormalizeKey(c[Slot.DWord]!);
        var offset = word switch
        {
            "yesterday" or "last" => -1,
            "tomorrow" => 1,
            "the day before yesterday" => -2,
            "the day after tomorrow" => 2,
            _ => 0,
        };
        var pod = c[Slot.Pod] ?? (word == "tonight" ? "night" : null);
        SetDay(c, a, a.Reference.AddDays(offset), pod);
    }

    private void Ago(Candidate c, Anchors a)
    {
        var unit = _unit.Lookup(c[Slot.Unit]) ?? "D";
        var num = c[Slot.Num] is { } n ? NumberOf(n) : null;
        var dir = Vocabulary.NormalizeKey(c[Slot.Dir]!);
        c.Mod = c[Slot.Approx] is { } ap ? _approx.Lookup(ap) : null;
        var count = num is { } x && x == Math.Floor(x) ? (int)x : (int?)null;
        if (dir == "ago" && unit == "Y" && count == 1 && a.Narrative(c.Start).Granularity == Granularity.Quarter)
        {
            // "a year ago" in a quarter's results: the same quarter a year back.
            AnaphoricYear(c, a, 1);
            return;
        }

        if (dir == "ago")
        {
            if (count is not { } k || k > 5000)
            {
                c.Value = "PAST_REF";
                return;
            }

            var (g, shift) = Step(unit, k);
            var date = Calendar.Shift(a.Reference, g, -shift);
            c.Value = Calendar.Format(date, g);
            // "two weeks ago" is 14 days back, give or take: the day, approximately (TimeML's value keeps the week).
            c.Interval = g == Granularity.Week ? new DateInterval(a.Reference.AddDays(-7 * shift), a.Reference.AddDays(-7 * shift), DatePrecision.Approximate)
                : Calendar.Interval(date, g);
            c.ResolvedYear = date.Year;
            return;
        }

        if (dir is "earlier" or "before" && unit == "Y" && count == 1 && c.Mod is null)
        {
            // TimeBank annotates "a year earlier" as the date it points to, at the narrative's granularity.
            AnaphoricYear(c, a, 1);
            return;
        }

        // "two days later" / "a month earlier": TimeML marks the duration "two days"; the interval says where it lands.
        c.End = c.UnitEnd ?? c.End;
        Duration(c);
        if (count is { } k2 && k2 <= 5000)
        {
            var (g, shift) = Step(unit, k2);
            var sign = dir is "earlier" or "before" ? -1 : 1;
            var basis = dir is "from now" or "hence" ? a.Reference : a.NarrativeDay(c.Start);
            var date = Calendar.Shift(basis, g, sign * shift);
            c.Interval = g is Granularity.Day or Granularity.Week ? DateInterval.Day(date) : Calendar.Interval(date, g);
        }
    }

    private static (Granularity, int) Step(string unit, int k) => unit switch
    {
        "D" => (Granularity.Day, k),
        "W" => (Granularity.Week, k),
        "FN" => (Granularity.Week, 2 * k),
        "M" => (Granularity.Month, k),
        "Q" => (Granularity.Quarter, k),
        "DE" => (Granularity.Year, 10 * k),
        "CE" => (Granularity.Century, k),
        "H" or "MIN" or "S" => (Granularity.Day, 0),
        _ => (Granularity.Year, k),
    };

    /// <summary>"within 60 days", "within the next two weeks": from the narrative's day to that many units after it.</summary>
    private void Within(Candidate c, Anchors a)
    {
        var from = Math.Max(0, c.Start - 12);
        var unit = _unit.Lookup(c[Slot.Unit]) ?? "D";
        if (!WithinBefore().IsMatch(a.Text.AsSpan(from, c.Start - from)) || c[Slot.Num] is not { } n || NumberOf(n) is not { } x
            || x != Math.Floor(x) || x > 1000 || unit is not ("D" or "W" or "M" or "Y"))
        {
            return;
        }
        var start = a.NarrativeDay(c.Start, acrossParagraphs: true);
        var count = (int)x;
        var end = unit switch { "D" => start.AddDays(count), "W" => start.AddDays(7 * count), "M" => start.AddMonths(count), _ => start.AddYears(count) };
        c.Interval = new DateInterval(start, end, DatePrecision.Range);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bwithin\s+$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WithinBefore();

    private void Duration(Candidate c)
    {
        c.Type = TimexType.Duration;
        var unit = _unit.Lookup(c[Slot.Unit]) ?? "D";
        var plural = c[Slot.Unit]!.EndsWith('s') || c[Slot.Unit]!.EndsWith('S');
        double? num = c[Slot.Num] is { } n ? NumberOf(n) : (plural ? null : 1);
        c.Mod ??= c[Slot.Approx] is { } ap ? _approx.Lookup(ap) : null;
        c.Value = DurationValue(num, unit);
    }

    internal static string DurationValue(double? num, string unit)
    {
        if (num is { } frac && frac > 1 && frac - Math.Floor(frac) == 0.5 && unit is "Y" or "D" or "H")
        {
            // "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M.
            var w = ((int)frac).ToString(CultureInfo.InvariantCulture);
            return unit switch { "Y" => $"P{w}Y6M", "D" => $"P{w}DT12H", _ => $"PT{w}H30M" };
        }

        if (num is { } half && half == 0.5)
        {
            switch (unit)
            {
                case "Y": return "P6M";
                case "D": return "PT12H";
                case "H": return "PT30M";
                case "MIN": return "PT30S";
            }
        }

        string N(double? x, int factor = 1) =>
            x is { } v ? (v * factor).ToString("0.##", CultureInfo.InvariantCulture) : "X";

        return unit switch
        {
            "H" => $"PT{N(num)}H",
            "MIN" => $"PT{N(num)}M",
            "S" => $"PT{N(num)}S",
            "DE" => num is null ? "PXDE" : $"P{N(num, 10)}Y",
            "CE" => num is null ? "PXCE" : $"P{N(num, 100)}Y",
            "FN" => $"P{N(num, 2)}W",
            _ => $"P{N(num)}{unit}",
        };
    }

    private void Set(Candidate c)
    {
        c.Type = TimexType.Set;
        if (MonthOf(c) is { } everyMonth)
        {
            c.Value = $"XXXX-{Calendar.D2(everyMonth)}";
            return;
        }

        if (Lookup(_dow, c[Slot.Dow]) is { } dow)
        {
            var pod = c[Slot.Pod] is { } p ? _pod.Lookup(p.TrimEnd('s', 'S')) : null;
            c.Value = $"XXXX-WXX-{dow}" + (pod is null ? "" : "T" + pod);
            return;
        }

        if (c[Slot.SetWord] is { } w)
        {
            c.Value = Vocabulary.NormalizeKey(w) switch
            {
                "daily" or "nightly" => "P1D",
                "weekly" => "P1W",
                "monthly" => "P1M",
                "quarterly" => "P3M",
                "hourly" => "PT1H",
                "biannually" => "P6M",
                _ => "P1Y",
            };
            return;
        }

        var unit = _unit.Lookup(c[Slot.Unit]) ?? "D";
        double? num = c[Slot.Num] is { } n ? (n.Equals("other", StringComparison.OrdinalIgnoreCase) ? 2 : NumberOf(n)) : 1;
        c.Value = DurationValue(num, unit);
    }

    private void Time(Candidate c, Anchors a)
    {
        c.Type = TimexType.Time;
        DateOnly day;
        if (MonthOf(c) is { } month && DayOf(c) is { } dd)
        {
            var y = StatedYear(c) ?? NearestYear(a.Reference, month, dd, Tense(a.Text, c.Start, c.End));
            if (dd > DateTime.DaysInMonth(y, month))
            {
                c.Rejected = "no such day";
                return;
            }

            day = new DateOnly(y, month, dd);
        }
        else if (c[Slot.Dow] is { } dowText && Lookup(_dow, dowText) is { } dow)
        {
            var basis = a.Reference;
            var delta = dow - Calendar.IsoDow(basis);
            day = basis.AddDays(delta <= 0 ? delta : delta - 7);
            if (delta != 0 && FutureContext(a.Text, c.Start))
            {
                day = basis.AddDays(delta > 0 ? delta : delta + 7);
            }
        }
        else
        {
            day = a.NarrativeDay(c.Start);
        }

        string clock;
        if (c[Slot.TWord] is { } tw)
        {
            clock = tw.Equals("midnight", StringComparison.OrdinalIgnoreCase) ? "24:00" : "12:00";
        }
        else
        {
            var hour = int.Parse(c[Slot.Hour]!, CultureInfo.InvariantCulture);
            var ampm = c[Slot.AmPm]?.ToLowerInvariant();
            if (ampm is not null && ampm.StartsWith('p') && hour < 12)
            {
                hour += 12;
            }
            else if (ampm is not null && ampm.StartsWith('a') && hour == 12)
            {
                hour = 0;
            }

            if (hour > 24)
            {
                c.Rejected = "no such hour";
                return;
            }

            clock = $"{Calendar.D2(hour)}:{c[Slot.Minute] ?? "00"}";
        }

        c.Value = $"{Calendar.Day(day)}T{clock}";
        c.Interval = DateInterval.Day(day);
        c.ResolvedYear = day.Year;
    }

    private int? MonthOf(Candidate c) =>
        c[Slot.Month] is { } m ? Lookup(_month, m) : c[Slot.MNum] is { } mn ? int.Parse(mn, CultureInfo.InvariantCulture) : null;

    private static int? DayOf(Candidate c)
    {
        var s = c[Slot.Day] ?? c[Slot.DNum];
        if (s is null)
        {
            return null;
        }

        var n = 0;
        foreach (var ch in s)
        {
            if (!char.IsAsciiDigit(ch))
            {
                break;
            }

            n = n * 10 + (ch - '0');
        }

        return n is >= 1 and <= 31 ? n : null;
    }

    private int? StatedYear(Candidate c)
    {
        if (c[Slot.Year] is { } y && int.TryParse(y, CultureInfo.InvariantCulture, out var year))
        {
            c.YearStated = true;
            return year;
        }

        if (c[Slot.Spoken] is { } spoken && SpokenYear(spoken) is { } sy)
        {
            c.YearStated = true;
            return sy;
        }

        return null;
    }

    /// <summary>"nineteen ninety-six" = 1996, "two thousand and one" = 2001, "nineteen hundred" = 1900.</summary>
    private int? SpokenYear(string spoken)
    {
        var words = Vocabulary.NormalizeKey(spoken).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return null;
        }

        int Sum(IEnumerable<string> ws) =>
            ws.Where(w => w != "and").Sum(w => int.TryParse(_num.Lookup(w), CultureInfo.InvariantCulture, out var n) ? n : 0);

        if (words[0] == "two" && words[1] == "thousand")
        {
            return 2000 + Sum(words.Skip(2));
        }

        return words[1] == "hundred" ? 1900 : 1900 + Sum(words.Skip(1));
    }

    private static int? YearWhereWeekday(int around, int month, int day, int dow)
    {
        foreach (var y in (ReadOnlySpan<int>)[around, around - 1, around + 1])
        {
            if (day <= DateTime.DaysInMonth(y, month) && Calendar.IsoDow(new DateOnly(y, month, day)) == dow)
            {
                return y;
            }
        }

        return null;
    }

    private (int Offset, bool Anaphoric) RelOffset(string rel)
    {
        var key = Vocabulary.NormalizeKey(rel);
        var v = _rel.Lookup(key) ?? (key.StartsWith("the ", StringComparison.Ordinal) ? _rel.Lookup(key[4..]) : null) ?? "0";
        var anaphoric = v.EndsWith('a');
        return (int.Parse(anaphoric ? v[..^1] : v, CultureInfo.InvariantCulture), anaphoric);
    }

    private double? NumberOf(string n)
    {
        if (_num.Lookup(n) is { } v)
        {
            return v == "X" ? null : double.Parse(v, CultureInfo.InvariantCulture);
        }

        var parts = Vocabulary.NormalizeKey(n).Split(' ');
        if (parts.Length == 2 && _num.Lookup(parts[0]) is { } tens && _num.Lookup(parts[1]) is { } ones
            && int.TryParse(tens, CultureInfo.InvariantCulture, out var t) && int.TryParse(ones, CultureInfo.InvariantCulture, out var o))
        {
            return t + o;
        }

        if (n.EndsWith("1/2", StringComparison.Ordinal) && double.TryParse(n.AsSpan(0, n.Length - 3).Trim(), CultureInfo.InvariantCulture, out var whole))
        {
            return whole + 0.5;
        }

        return double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static int? Lookup(Vocabulary vocab, string? surface) =>
        vocab.Lookup(surface) is { } v && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : null;
}
