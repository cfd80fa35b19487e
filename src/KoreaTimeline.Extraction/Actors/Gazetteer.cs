using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Actors;

/// <summary>An actor the gazetteer knows.</summary>
/// <param name="Country">The country a person or body acts for, added beside it on events.</param>
/// <param name="Leader">A head of state or government.</param>
public sealed record KnownActor(string Name, string Kind, string? Country, bool Leader);

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
public sealed class Gazetteer
{
    private readonly Regex _actorPattern;
    private readonly Regex _placePattern;
    private readonly Regex _vesselPattern;
    private readonly Dictionary<string, (KnownActor Actor, bool Short)> _actorsByAlias;
    private readonly Dictionary<string, KnownPlace> _placesByAlias;
    private readonly Dictionary<string, KnownActor> _countries;
    private readonly Dictionary<string, string> _vesselCountries;

    public static Gazetteer Default { get; } = Load();

    private Gazetteer(ActorsFile actors, PlacesFile places)
    {
        _actorsByAlias = new(StringComparer.Ordinal);
        foreach (var a in actors.Actors)
        {
            var known = new KnownActor(a.Name, a.Kind, a.Country, a.Leader);
            foreach (var alias in a.Aliases)
            {
                _actorsByAlias.TryAdd(alias, (known, a.Short?.Contains(alias) == true));
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
        _actorPattern = Alternation(_actorsByAlias.Keys);
        _placePattern = Alternation(_placesByAlias.Keys);
        _vesselPattern = new Regex(
            $@"\b(?:{string.Join('|', _vesselCountries.Keys.Select(Regex.Escape))}) (?:[A-Z][\w\-]*)(?: [A-Z][\w\-]*){{0,2}}",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);
    }

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
        foreach (Match m in _actorPattern.Matches(text))
        {
            if (found.Any(f => f.Start < m.Index + m.Length && m.Index < f.End))
            {
                continue;
            }
            var (actor, isShort) = _actorsByAlias[m.Value];
            if (isShort && !named.Contains(actor.Name))
            {
                continue;
            }
            named.Add(actor.Name);
            found.Add(new ActorMention(m.Index, m.Index + m.Length, actor));
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>Every place named in <paramref name="text"/>; "Busan, South Korea" is one mention.</summary>
    public List<PlaceMention> FindPlaces(string text)
    {
        var found = new List<PlaceMention>();
        foreach (Match m in _placePattern.Matches(text))
        {
            var place = _placesByAlias[m.Value];
            if (found.Count > 0 && found[^1].Place.Country is { } country && place.Country is null && place.Name == country
                && text.AsSpan(found[^1].End, m.Index - found[^1].End).Trim().SequenceEqual(","))
            {
                // "Busan, South Korea": the country only qualifies the city before it.
                found[^1] = found[^1] with { End = m.Index + m.Length };
                continue;
            }
            found.Add(new PlaceMention(m.Index, m.Index + m.Length, place));
        }
        return found;
    }

    private static Regex Alternation(IEnumerable<string> aliases) =>
        new(@"(?<![\w'’.-])(?:" + string.Join('|', aliases.OrderByDescending(a => a.Length).Select(Regex.Escape)) + @")(?![\w-]|\.\w)",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static Gazetteer Load() =>
        new(EmbeddedResources.ReadJson<ActorsFile>("actors/actors.json"), EmbeddedResources.ReadJson<PlacesFile>("actors/places.json"));

    private sealed record ActorsFile(List<ActorEntry> Actors, Dictionary<string, string> VesselPrefixes);

    private sealed record ActorEntry(string Name, string Kind, List<string> Aliases, List<string>? Short, string? Country, bool Leader);

    private sealed record PlacesFile(List<PlaceEntry> Places);

    private sealed record PlaceEntry(string Name, string? Country, List<string> Aliases);
}
