namespace KoreaTimeline.Extraction.Temporal.Rules;

/// <summary>The normalizer that interprets a rule's groups.</summary>
internal enum RuleKind
{
    Named, Date, Weekday, Relative, Partial, Season, Quarter, AnaphoricYear, Decade, Century, Holiday,
    Deictic, Ago, Duration, Ref, Set, Time,
}

/// <summary>One rule of rules.txt: a pattern, the normalizer for its groups and an example it must match.</summary>
/// <param name="Type">A TIMEX3 type that overrides the normalizer's (TimeBank writes "recent years" as a DATE).</param>
internal sealed record TemporalRule(string Id, RuleKind Kind, string Pattern, string Example, string? Value, TimexType? Type = null);

/// <summary>A vocabulary of vocabulary.json: surface forms and their normalized values, or a regex macro.</summary>
internal sealed record Vocabulary(string Name, string Example, bool CaseSensitive, IReadOnlyDictionary<string, string> Entries, string? Regex)
{
    public IReadOnlyList<string> Surfaces { get; init; } = [];

    public string? Lookup(string? surface) =>
        surface is not null && Entries.TryGetValue(NormalizeKey(surface), out var v) ? v : null;

    public static string NormalizeKey(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        var space = false;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch) || ch == '-')
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(ch == '’' ? '\'' : char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }
}

/// <summary>A named period of named-periods.json.</summary>
internal sealed record NamedPeriod(string Id, DateOnly Start, DateOnly End, string Value, IReadOnlyList<string> Aliases);
