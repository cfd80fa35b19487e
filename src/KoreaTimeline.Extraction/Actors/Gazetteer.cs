using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Actors;

/// <summary>An actor the gazetteer knows.</summary>
/// <param name="Country">The country a person or body acts for, added beside it on events.</param>
/// <param name="Leader">A head of state or government.</param>
public sealed record KnownActor(string Name, string Kind, string? Country, bool Leader)
{
    /// <summary>A woman: "she" and "her" refer to her, "he" and "his" do not.</summary>
    public bool Female { get; init; }
}

/// <summary>A place with the country it lies in (null for countries and seas).</summary>
public sealed record KnownPlace(string Name, string? Country)
{
    /// <summary>"Busan, South Korea", or the bare name of a country.</summary>
    public string Display => Country is null || Country == Name ? Name : $"{Name}, {Country}";
}

/// <summary>An actor named in the text at <c>[Start, End)</c>.</summary>
public sealed record ActorMention(int Start, int End, KnownActor Actor);

/// <summary>A place named in the text at <c>[Start, End)</c>.</summary>
public sealed record PlaceMention(int Start, int End, KnownPlace Place);

/// <summary>
/// Finds actors and places by their names (Resources/actors): aliases match case-sensitively as whole words,
/// the longest first; short names ("Kim") count only once the actor was named in full; vessels by their prefix.
/// </summary>
public sealed partial class Gazetteer
{
    // A person the gazetteer does not know, named after a title: "Defense Minister Sergei Shoigu", "spokesperson John Kirby".
    [GeneratedRegex(@"\b(?:President|Prime\s+Minister|Premier|Minister|Secretary(?:\s+of\s+(?:State|Defense|the\s+Treasury)|[- ]General)?|Chairman|Chairwoman|Ambassador|[Ee]nvoy|[Ss]pokes(?:person|man|woman)|Gen\.|General|Adm\.|Admiral|Marshal|[Ll]eader|Senator|Sen\.|Rep\.|Director|[Cc]ommander|[Cc]hief|Vice\s+Chairman|Lt\.|Col\.)\s+(?<name>[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-z]+)?){1,2})\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex TitledPerson();

    // A person named in apposition to a lower-case title: "Ukraine's defense minister, Rustem Umerov, said".
    [GeneratedRegex(@"\b(?:minister|secretary|spokes(?:person|man|woman)|adviser|advisor|ambassador|envoy|president|chief|director|commander|negotiator)\s*,\s+(?<name>[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-z]+)?){1,2})\s*,",
        RegexOptions.CultureInvariant)]
    private static partial Regex AppositivePerson();

    // A Korean name as wire services write it: "Cho Tae-yul", "Choe Son-hui"; or in three words after a common family
    // name, as others do: "Kim Yong Chol".
    [GeneratedRegex(@"\b(?!(?:The|A|An|In|On|At|By|For|And|But|New|Its|His|Her|Our|This|That|As|If|So|To|Pro|Anti|Non)\s)(?<name>[A-Z][a-z]{1,4}\s+[A-Z][a-z]+-[a-z]+)\b"
        + @"|\b(?<name>(?:" + KoreanFamilyNames + @")\s+[A-Z][a-z]+\s+[A-Z][a-z]+)\b(?!\s+[A-Z])",
        RegexOptions.CultureInvariant)]
    private static partial Regex KoreanName();

    // Family names common enough in Korea that a name of three words after one is Korean, said family name first.
    private const string KoreanFamilyNames = "Kim|Lee|Ri|Rim|Park|Pak|Choe|Choi|Jong|Jang|Kang|Yun|Yoon|Han|Hwang|Ryu|Kwon|Chung|Cho|Jo|Song|Shin|Sin|Hong|Yang|Ju|Noh|Roh|Chun|Paek|Thae";

    [GeneratedRegex(@"^(?:" + KoreanFamilyNames + @")\s+[A-Z][a-z]+\s+[A-Z][a-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KoreanInThreeWords();

    // A named body the gazetteer does not know: "the Nuclear Consultative Group", "the National Security Council".
    [GeneratedRegex(@"\b(?!(?:The|A|An|Its|Their|His|Her|Our|This|That|Both|Each)\s)(?<name>(?:[A-Z][\w'’-]+\s+){1,4}(?<head>Group|Council|Committee|Agency|Administration|Bureau|Commission|Command|Forces|Corps|Fleet|Institute|Assembly|Party))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NamedBody();

    // "the Obama administration", "the Trump era": a period or government named after a person, not the person acting.
    [GeneratedRegex(@"^(?:\s+|-)(?:administration|administrations|era|government|presidency|years)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodOf();

    // "Security Council resolutions" name documents, not the body acting.
    [GeneratedRegex(@"^\s+resolutions?\b", RegexOptions.CultureInvariant)]
    private static partial Regex ResolutionsOf();

    // "Russian Defense Minister", "North Korea's": the country a newly met person or body belongs to.
    private const int CountryLookBack = 40;

    private readonly AliasMatcher _actorNames;
    private readonly AliasMatcher _placeNames;
    private readonly Regex _vesselPattern;
    private readonly Dictionary<string, (KnownActor Actor, bool Short)> _actorsByAlias;
    private readonly Dictionary<string, KnownPlace> _placesByAlias;
    private readonly Dictionary<string, KnownActor> _countries;
    private readonly Dictionary<string, string> _vesselCountries;
    private readonly HashSet<(string, string)> _alliances;

    public static Gazetteer Default { get; } = Load();

    private Gazetteer(ActorsFile actors, PlacesFile places)
    {
        _actorsByAlias = new(StringComparer.Ordinal);
        // "Trump", "Putin": a foreign leader's surname that names no one else in the gazetteer is that leader even when
        // the story never gives the full name (a timeline's "Trump and Kim meet"). Korean surnames are shared by too many.
        var owners = actors.Actors.SelectMany(a => a.Aliases.Concat(a.Short ?? []).Distinct().Select(alias => (alias, a.Name)))
            .GroupBy(x => x.alias, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Name).Distinct().Count(), StringComparer.Ordinal);
        foreach (var a in actors.Actors)
        {
            var known = new KnownActor(a.Name, a.Kind, a.Country, a.Leader) { Female = a.Female };
            var standalone = a.Leader && a.Country is not ("North Korea" or "South Korea");
            foreach (var alias in a.Aliases)
            {
                _actorsByAlias.TryAdd(alias, (known, a.Short?.Contains(alias) == true && !(standalone && owners[alias] == 1)));
            }
        }
        _placesByAlias = new(StringComparer.Ordinal);
        foreach (var p in places.Places)
        {
            foreach (var alias in p.Aliases)
            {
                _placesByAlias.TryAdd(alias, new KnownPlace(p.Name, p.Country));
            }
        }
        _countries = actors.Actors.Where(a => a.Kind == "country")
            .ToDictionary(a => a.Name, a => new KnownActor(a.Name, a.Kind, null, false), StringComparer.Ordinal);
        _vesselCountries = actors.VesselPrefixes;
        _alliances = [.. (actors.Alliances ?? []).SelectMany(pair => new[] { (pair[0], pair[1]), (pair[1], pair[0]) })];
        _actorNames = new AliasMatcher(_actorsByAlias.Keys);
        _placeNames = new AliasMatcher(_placesByAlias.Keys);
        _vesselPattern = new Regex(
            $@"\b(?:{string.Join('|', _vesselCountries.Keys.Select(Regex.Escape))}) (?:[A-Z][\w\-]*)(?: [A-Z][\w\-]*){{0,2}}",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);
    }

    /// <summary>The actor of that name or alias, if the gazetteer lists it.</summary>
    public KnownActor? Actor(string alias) => _actorsByAlias.TryGetValue(alias, out var a) ? a.Actor : null;

    /// <summary>The place of that name or alias, if the gazetteer lists it.</summary>
    public KnownPlace? Place(string alias) => _placesByAlias.GetValueOrDefault(alias);

    /// <summary>The country an adjective or short name stands for ("North Korean", "U.S."), if the gazetteer lists it.</summary>
    public KnownActor? CountryByAdjective(string alias) =>
        _actorsByAlias.TryGetValue(alias, out var a) && a.Actor.Kind == "country" ? Country(a.Actor.Name) : null;

    /// <summary>Whether the two countries are treaty allies.</summary>
    public bool Allied(string a, string b) => _alliances.Contains((a, b));

    /// <summary>The country actor of that name, if the gazetteer lists it.</summary>
    public KnownActor? Country(string? name) => name is not null && _countries.TryGetValue(name, out var c) ? c : null;

    /// <summary>Every actor named in <paramref name="text"/>, in order, short names resolved to actors named before them.</summary>
    public List<ActorMention> FindActors(string text)
    {
        var found = new List<ActorMention>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match v in _vesselPattern.Matches(text))
        {
            var prefix = v.Value[..v.Value.IndexOf(' ', StringComparison.Ordinal)];
            found.Add(new ActorMention(v.Index, v.Index + v.Length, new KnownActor(v.Value, "vessel", _vesselCountries[prefix], false)));
        }
        // "The Theodore Roosevelt arrived in Busan": a ship named once with its prefix keeps its name without it.
        foreach (var ship in found.ToList())
        {
            var name = ship.Actor.Name[(ship.Actor.Name.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            for (var at = text.IndexOf(name, ship.End, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                var after = at + name.Length;
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (after >= text.Length || !char.IsLetterOrDigit(text[after]))
                    && !found.Exists(f => f.Start < after && at < f.End))
                {
                    found.Add(new ActorMention(at, after, ship.Actor));
                }
            }
        }
        var vessels = found.ToList();
        foreach (var (index, alias) in _actorNames.Matches(text))
        {
            if (vessels.Exists(f => f.Start < index + alias.Length && index < f.End))
            {
                continue;
            }
            var (actor, isShort) = _actorsByAlias[alias];
            // "Kim Jong Gyu", "Kim Song Il": a family name (or a shorter name) that opens a longer Korean name the gazetteer lacks is that person.
            if (actor.Kind == "person"
                && KoreanName().Match(text, index, Math.Min(60, text.Length - index)) is { Success: true } longer && longer.Index == index && longer.Length > alias.Length
                && !_actorsByAlias.ContainsKey(longer.Groups["name"].Value))
            {
                continue;
            }
            if (isShort && !named.Contains(actor.Name)
                || actor.Kind == "person" && PeriodOf().IsMatch(text.AsSpan(index + alias.Length))
                || actor.Kind is "organization" or "military_unit"
                    && (InsideLongerName(text, index) || ResolutionsOf().IsMatch(text.AsSpan(index + alias.Length))))
            {
                continue;
            }
            named.Add(actor.Name);
            found.Add(new ActorMention(index, index + alias.Length, actor));
        }
        AddUnknownNames(text, found);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>
    /// Names the gazetteer lacks are actors too (kind person, or organization/military_unit for bodies), with the
    /// country named just before them; a person's surname alone then refers to them.
    /// </summary>
    private void AddUnknownNames(string text, List<ActorMention> found)
    {
        bool Free(int start, int end) => !found.Exists(f => f.Start < end && start < f.End);

        var people = new List<(string Name, string Short, KnownActor Actor, int End)>();
        foreach (var m in KoreanName().Matches(text).Concat(TitledPerson().Matches(text)).Concat(AppositivePerson().Matches(text)))
        {
            var name = m.Groups["name"];
            if (!Free(name.Index, name.Index + name.Length) || _actorsByAlias.ContainsKey(name.Value))
            {
                continue;
            }
            var threeWords = KoreanInThreeWords().IsMatch(name.Value);
            var korean = threeWords || name.Value.Contains('-', StringComparison.Ordinal);
            var parts = name.Value.Split(' ');
            // "Kim Jong Gyu" is written "Kim Jong-gyu" by the wire services whose spelling the gazetteer keeps.
            var canonical = threeWords ? $"{parts[0]} {parts[1]}-{parts[2].ToLowerInvariant()}" : name.Value;
            var actor = new KnownActor(canonical, "person", CountryBefore(text, m.Index, found), false);
            found.Add(new ActorMention(name.Index, name.Index + name.Length, actor));
            people.Add((name.Value, korean ? parts[0] : parts[^1], actor, name.Index + name.Length));
        }
        foreach (var m in NamedBody().Matches(text).Cast<Match>())
        {
            var name = m.Groups["name"];
            if (!Free(name.Index, name.Index + name.Length) || ResolutionsOf().IsMatch(text.AsSpan(name.Index + name.Length)))
            {
                continue;
            }
            var kind = m.Groups["head"].Value is "Command" or "Forces" or "Corps" or "Fleet" ? "military_unit" : "organization";
            found.Add(new ActorMention(name.Index, name.Index + name.Length,
                new KnownActor(name.Value, kind, CountryBefore(text, m.Index, found), false)));
        }
        // "Shoigu said": a surname alone, after the full name, is that person (a Korean family name only when unambiguous).
        foreach (var (_, shortName, actor, end) in people)
        {
            if (people.Count(p => p.Short == shortName) > 1)
            {
                continue;
            }
            var at = end;
            while ((at = text.IndexOf(shortName, at, StringComparison.Ordinal)) >= 0)
            {
                var after = at + shortName.Length;
                if ((at == 0 || !char.IsLetter(text[at - 1])) && (after >= text.Length || !char.IsLetterOrDigit(text[after]) && text[after] != '-')
                    && Free(at, after))
                {
                    found.Add(new ActorMention(at, after, actor));
                }
                at = after;
            }
        }
    }

    private string? CountryBefore(string text, int start, List<ActorMention> found)
    {
        // "Its National Defense Commission": the state named last, in this sentence or the one before.
        if (start >= 4 && text.AsSpan(start - 4, 4) is "Its " or "its ")
        {
            return found.LastOrDefault(f => f.End <= start && f.End >= start - 300 && f.Actor.Kind == "country")?.Actor.Name;
        }
        var from = Math.Max(0, start - CountryLookBack);
        var before = found.LastOrDefault(f => f.End <= start && f.End >= from && f.Actor.Kind == "country");
        return before is not null && !text.AsSpan(before.End, start - before.End).ContainsAny(".,;") ? before.Actor.Name : null;
    }

    /// <summary>Every place named in <paramref name="text"/>; "Busan, South Korea" is one mention.</summary>
    public List<PlaceMention> FindPlaces(string text)
    {
        var found = new List<PlaceMention>();
        foreach (var (index, alias) in _placeNames.Matches(text))
        {
            var place = _placesByAlias[alias];
            if (found.Count > 0 && found[^1].Place.Country is { } country && place.Country is null && place.Name == country
                && text.AsSpan(found[^1].End, index - found[^1].End).Trim().SequenceEqual(","))
            {
                // "Busan, South Korea": the country only qualifies the city before it.
                found[^1] = found[^1] with { End = index + alias.Length };
                continue;
            }
            found.Add(new PlaceMention(index, index + alias.Length, place));
        }
        return found;
    }

    // "National Security Council" is not the "Security Council": a capitalized word right before a body's
    // name makes it part of a longer name.
    private static bool InsideLongerName(string text, int start)
    {
        var i = start - 1;
        if (i < 1 || text[i] != ' ')
        {
            return false;
        }
        var wordEnd = i;
        while (i > 0 && char.IsLetter(text[i - 1]))
        {
            i--;
        }
        return wordEnd > i && char.IsUpper(text[i]) && text.AsSpan(i, wordEnd - i) is not ("The" or "A" or "An");
    }

    private static Gazetteer Load() =>
        new(EmbeddedResources.ReadJson<ActorsFile>("actors/actors.json"), EmbeddedResources.ReadJson<PlacesFile>("actors/places.json"));

    private sealed record ActorsFile(List<ActorEntry> Actors, Dictionary<string, string> VesselPrefixes, List<List<string>>? Alliances);

    private sealed record ActorEntry(string Name, string Kind, List<string> Aliases, List<string>? Short, string? Country, bool Leader, bool Female);

    private sealed record PlacesFile(List<PlaceEntry> Places);

    private sealed record PlaceEntry(string Name, string? Country, List<string> Aliases);
}
