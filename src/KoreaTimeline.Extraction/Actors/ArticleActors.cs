using System.Globalization;
using System.Text.RegularExpressions;

namespace KoreaTimeline.Extraction.Actors;

/// <summary>
/// Actors that an article names without a name: the bodies of the country it was filed from ("the military said"
/// in a story from Seoul) and people by their title ("the president", "the North Korean leader").
/// </summary>
public static partial class ArticleActors
{
    // The place a story opens with, before its first punctuation: "SEOUL, May 8 (Yonhap) --", "Tokyo, Aug. 29", "SEOUL:".
    [GeneratedRegex(@"^\s*(?:\([^()\n]{1,40}\)\s*[-–—]*\s*)?(?<place>[A-Z][A-Za-z.'’-]+(?:\s[A-Z][A-Za-z.'’-]+){0,2})\s*(?:,\s*(?<country>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))?\s*(?:[,:(]|[-–—]{1,2}\s)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Filed();

    // A body with no country before it: "the military", "the Defense Ministry", "lawmakers", "the presidential office".
    [GeneratedRegex(@"(?<![\w’'.]\s)(?<![A-Z][\w.]*\s)\b(?:(?<the>[Tt]he)\s+(?:country's\s+)?(?<body>military|government|presidential\s+office|(?:[Dd]efen[cs]e|[Ff]oreign|[Uu]nification)\s+[Mm]inistry|navy|army|air\s+force|coast\s+guard|police|parliament|cabinet|Blue\s+House|presidential\s+Blue\s+House)|(?<body>[Ll]awmakers|[Pp]rosecutors|[Pp]olice))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex UnqualifiedBody();

    // A person by title alone: "the president", "the North Korean leader", "the foreign minister".
    [GeneratedRegex(@"\b[Tt]he\s+(?:(?<adj>North\s+Korean|South\s+Korean|U\.S\.|US|American|Chinese|Japanese|Russian)\s+)?(?<title>president|leader|prime\s+minister|premier|foreign\s+minister|defen[cs]e\s+minister|unification\s+minister|minister|general|admiral|commander|ambassador|envoy|spokes(?:man|woman|person)|secretary\s+of\s+state|secretary|chairman|chairwoman)\b(?!\s+(?:of|and)\b)(?!\s+[A-Z])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Titled();

    // A ship by its class alone: "the carrier", "the nuclear-powered aircraft carrier", "the destroyer".
    [GeneratedRegex(@"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:carrier|destroyer|submarine|warship|frigate|cruiser|vessel)\b(?!\s+(?:strike\s+group|group|fleet|USS|HMS|ROKS|JS|[A-Z])\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex ShipByClass();

    // Parties named together: "the two sides", "both countries", "the allies", "the two Koreas".
    // The six-party talks on the North's nuclear programme (2003-2009) are its six members': "the six parties".
    [GeneratedRegex(@"\b(?:(?<six>[Ss]ix[- ](?:[Pp]arty|[Nn]ation|[Ww]ay)\s+[Tt]alks|[Tt]he\s+six\s+(?:parties|nations|countries))|[Tt]he\s+two\s+(?<koreas>Koreas)|(?:[Tt]he\s+two|[Bb]oth)\s+(?:sides|countries|nations|governments|(?<allies>allies)|neighbors|neighbours|rivals)|[Tt]he\s+(?:(?<allies>allies)|rivals|countries))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Parties();

    private const int TitleWindow = 60;

    /// <summary>The country the story was filed from, by the place its dateline opens with; null when it names none.</summary>
    public static KnownActor? HomeCountry(string text, Gazetteer gazetteer)
    {
        var m = Filed().Match(text.Length > 200 ? text[..200] : text);
        if (!m.Success)
        {
            return null;
        }
        var place = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(m.Groups["place"].Value.ToLowerInvariant());
        return gazetteer.Country(m.Groups["country"].Value)
            ?? (gazetteer.Place(place) is { } p ? gazetteer.Country(p.Country ?? p.Name) : null);
    }

    /// <summary>
    /// <paramref name="named"/> with the unnamed actors added, in text order: bodies without a country belong to
    /// <paramref name="home"/>; a title alone is the last person named before it with that title (or, for "leader",
    /// "president" and "premier", the last leader of that country).
    /// </summary>
    public static List<ActorMention> Resolve(string text, KnownActor? home, Gazetteer gazetteer, List<ActorMention> named)
    {
        var found = new List<ActorMention>(named);
        bool Free(int start, int end) => !named.Exists(f => f.Start < end && start < f.End);
        if (home is not null)
        {
            foreach (Match m in UnqualifiedBody().Matches(text))
            {
                if (Free(m.Index, m.Index + m.Length))
                {
                    found.Add(new ActorMention(m.Index, m.Index + m.Length, home));
                }
            }
        }
        foreach (Match m in Titled().Matches(text))
        {
            var title = m.Groups["title"].Value;
            var country = m.Groups["adj"].Success ? gazetteer.CountryByAdjective(m.Groups["adj"].Value) : null;
            var person = named.LastOrDefault(a => a.End <= m.Index && a.Actor.Kind == "person"
                && (country is null || a.Actor.Country == country.Name)
                && (HasTitle(text, a, title) || a.Actor.Leader && title is "president" or "leader" or "premier" or "prime minister"));
            if (person is not null && Free(m.Index, m.Index + m.Length))
            {
                found.Add(new ActorMention(m.Index, m.Index + m.Length, person.Actor));
            }
        }
        foreach (Match m in ShipByClass().Matches(text))
        {
            // The ship named last before it; a class word with no ship named before stays no one.
            if (named.LastOrDefault(a => a.End <= m.Index && a.Actor.Kind == "vessel") is { } ship && Free(m.Index, m.Index + m.Length))
            {
                found.Add(new ActorMention(m.Index, m.Index + m.Length, ship.Actor));
            }
        }
        var ranked = Ranked(named, gazetteer);
        KnownActor?[] pair = [.. ranked.Take(2)];
        // "the allies" are the two most named countries that are allied, not a state and its adversary.
        KnownActor?[] allies = ranked.SelectMany((a, i) => ranked.Skip(i + 1).Where(b => gazetteer.Allied(a.Name, b.Name)).Select(b => new[] { a, b }))
            .FirstOrDefault() ?? pair;
        foreach (Match m in Parties().Matches(text))
        {
            var parties = m.Groups["koreas"].Success ? [gazetteer.Country("North Korea"), gazetteer.Country("South Korea")]
                : m.Groups["six"].Success ? SixParties(gazetteer)
                : m.Groups["allies"].Success ? allies
                : pair;
            if (m.Groups["six"].Success)
            {
                found.RemoveAll(a => a.Actor.Kind != "country" && a.Start < m.Index + m.Length && m.Index < a.End); // no party named "Six Party"
            }
            foreach (var country in parties.OfType<KnownActor>())
            {
                found.Add(new ActorMention(m.Index, m.Index + m.Length, country));
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;

        // The countries the article names, themselves or through their people and bodies, most named first: the first
        // two are who "both sides" are.
        static List<KnownActor> Ranked(List<ActorMention> named, Gazetteer gazetteer) =>
            [.. named.Select(a => a.Actor.Kind == "country" ? a.Actor : gazetteer.Country(a.Actor.Country)).OfType<KnownActor>()
                .GroupBy(a => a.Name).OrderByDescending(g => g.Count()).Select(g => g.First())];
    }

    private static KnownActor?[] SixParties(Gazetteer gazetteer) =>
        [.. new[] { "North Korea", "South Korea", "United States", "China", "Japan", "Russia" }.Select(gazetteer.Country)];

    // "Foreign Minister Choe Son-hui", "Choe Son-hui, the foreign minister": the title next to the name.
    private static bool HasTitle(string text, ActorMention person, string title)
    {
        var from = Math.Max(0, person.Start - TitleWindow);
        var to = Math.Min(text.Length, person.End + TitleWindow);
        // "Lt. Gen. Park", "Vice Adm. Lee": a rank written short.
        var written = title switch { "general" => "Gen.", "admiral" => "Adm.", _ => null };
        var before = text.AsSpan(from, person.Start - from);
        return before.Contains(title, StringComparison.OrdinalIgnoreCase)
            || written is not null && before.EndsWith(written + " ", StringComparison.Ordinal)
            || text.AsSpan(person.End, to - person.End).TrimStart().StartsWith(", the " + title, StringComparison.OrdinalIgnoreCase);
    }
}
