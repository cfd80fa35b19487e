using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KoreaTimeline.Extraction.Temporal.Rules;

/// <summary>
/// The tagger's data: vocabularies, rules, negative contexts and named periods, read from the embedded
/// Resources/temporal files, and the single combined regex built from them.
/// </summary>
internal sealed partial class TemporalResources
{
    private const string Prefix = "KoreaTimeline.Extraction.Resources.temporal.";

    // Not inside a word or number ("1,000", "$2025", "A/2025"), at the start and at the end.
    private const string StartGuard = @"(?<![\w$£€#/]|\d[.,:])";
    private const string EndGuard = @"(?!\w|[.,:/]\d)";

    public required IReadOnlyDictionary<string, Vocabulary> Vocabularies { get; init; }
    public required IReadOnlyList<TemporalRule> Rules { get; init; }
    public required IReadOnlyList<NamedPeriod> Periods { get; init; }
    public required IReadOnlyDictionary<string, NamedPeriod[]> PeriodsByAlias { get; init; }
    public required FrozenWords NegativeBefore { get; init; }
    public required FrozenWords NegativeAfter { get; init; }

    public Vocabulary this[string name] => Vocabularies[name];

    public static TemporalResources LoadEmbedded()
    {
        var asm = typeof(TemporalResources).Assembly;
        return Load(
            Read(asm, "vocabulary.json"),
            Read(asm, "rules.txt"),
            Read(asm, "named-periods.json"),
            Read(asm, "negatives.txt"));
    }

    public static TemporalResources Load(string vocabularyJson, string rulesText, string periodsJson, string negativesText)
    {
        var periods = ParsePeriods(periodsJson);
        var vocabularies = ParseVocabularies(vocabularyJson);
        var byAlias = periods
            .SelectMany(p => p.Aliases.Select(a => (Key: Vocabulary.NormalizeKey(a), Period: p)))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Period).OrderBy(p => p.Start).ToArray());

        vocabularies["period"] = new Vocabulary(
            "period", "the Korean War", true, byAlias.ToDictionary(kv => kv.Key, kv => kv.Value[0].Id), null)
        {
            Surfaces = periods.SelectMany(p => p.Aliases).Distinct().ToList(),
        };
        var (before, after) = ParseNegatives(negativesText);
        return new TemporalResources
        {
            Vocabularies = vocabularies,
            Rules = ParseRules(rulesText),
            Periods = periods,
            PeriodsByAlias = byAlias,
            NegativeBefore = before,
            NegativeAfter = after,
        };
    }

    private static string Read(Assembly asm, string name)
    {
        // The csproj's LogicalName keeps the folder separator of %(RecursiveDir) ("Resources.temporal/rules.txt"); accept either form.
        var resource = asm.GetManifestResourceNames()
            .FirstOrDefault(n => n.Replace('/', '.').Replace('\\', '.').Equals(Prefix + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded resource {Prefix + name} is missing.");
        using var stream = asm.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, Vocabulary> ParseVocabularies(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new Dictionary<string, Vocabulary>();
        foreach (var prop in doc.RootElement.EnumerateObject())
        {
            if (prop.Name.StartsWith('_'))
            {
                continue;
            }

            var v = prop.Value;
            var entries = new Dictionary<string, string>();
            var surfaces = new List<string>();
            if (v.TryGetProperty("entries", out var e))
            {
                foreach (var entry in e.EnumerateObject())
                {
                    entries[Vocabulary.NormalizeKey(entry.Name)] = entry.Value.GetString() ?? "";
                    surfaces.Add(entry.Name);
                }
            }

            var regex = v.TryGetProperty("regex", out var r) ? r.GetString() : null;
            var caseSensitive = v.TryGetProperty("caseSensitive", out var cs) && cs.GetBoolean();
            var example = v.TryGetProperty("example", out var ex) ? ex.GetString() ?? "" : "";
            result[prop.Name] = new Vocabulary(prop.Name, example, caseSensitive, entries, regex) { Surfaces = surfaces };
        }

        return result;
    }

    private static List<TemporalRule> ParseRules(string text)
    {
        var rules = new List<TemporalRule>();
        var fields = new Dictionary<string, string>();

        void Flush()
        {
            if (fields.Count == 0)
            {
                return;
            }

            if (!fields.TryGetValue("rule", out var id) || !fields.TryGetValue("pattern", out var pattern)
                || !fields.TryGetValue("kind", out var kind) || !fields.TryGetValue("example", out var example))
            {
                throw new InvalidOperationException($"Incomplete rule block: {string.Join(", ", fields.Keys)}");
            }

            var k = Enum.Parse<RuleKind>(kind.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
            TimexType? type = fields.TryGetValue("type", out var t) ? Enum.Parse<TimexType>(t, ignoreCase: true) : null;
            rules.Add(new TemporalRule(id, k, pattern, example, fields.GetValueOrDefault("value"), type));
            fields.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        Flush();
        return rules;
    }

    private static List<NamedPeriod> ParsePeriods(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<NamedPeriod>();
        foreach (var p in doc.RootElement.GetProperty("periods").EnumerateArray())
        {
            var start = DateOnly.ParseExact(p.GetProperty("start").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var end = DateOnly.ParseExact(p.GetProperty("end").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var value = p.TryGetProperty("value", out var v) ? v.GetString()! : start.Year.ToString("D4", CultureInfo.InvariantCulture);
            var aliases = p.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).ToList();
            list.Add(new NamedPeriod(p.GetProperty("id").GetString()!, start, end, value, aliases));
        }

        return list;
    }

    private static (FrozenWords Before, FrozenWords After) ParseNegatives(string text)
    {
        var before = new List<string>();
        var after = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("before:", StringComparison.Ordinal))
            {
                before.Add(line["before:".Length..].Trim());
            }
            else if (line.StartsWith("after:", StringComparison.Ordinal))
            {
                after.Add(line["after:".Length..].Trim());
            }
        }

        return (new FrozenWords(before), new FrozenWords(after));
    }

    /// <summary>
    /// All rules as alternatives of one regex, <c>(?&lt;r0&gt;...)|(?&lt;r1&gt;...)</c>, so the text is scanned once.
    /// Vocabulary references (%name) expand to alternations, longest surface first.
    /// </summary>
    public string BuildCombinedPattern()
    {
        var sb = new StringBuilder();
        // Start guard: not inside a word or number ("1,000", "$2025", "A/2025"); end guard likewise.
        sb.Append(StartGuard).Append("(?:");
        for (var i = 0; i < Rules.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('|');
            }

            sb.Append("(?<r").Append(i.ToString(CultureInfo.InvariantCulture)).Append('>').Append(Expand(Rules[i].Pattern)).Append(')');
        }

        sb.Append(')').Append(EndGuard);
        return sb.ToString();
    }

    /// <summary>One rule's expanded pattern between the guards that keep matches off word and number fragments.</summary>
    public string Guarded(string expanded) => StartGuard + "(?:" + expanded + ")" + EndGuard;

    public string Expand(string pattern) =>
        VocabRef().Replace(pattern, m =>
        {
            var name = m.Groups[1].Value;
            if (!Vocabularies.TryGetValue(name, out var vocab))
            {
                throw new InvalidOperationException($"Unknown vocabulary %{name} in pattern {pattern}");
            }

            return vocab.Regex is { } r ? "(?:" + r + ")" : Alternation(vocab);
        });

    private static string Alternation(Vocabulary vocab)
    {
        var alts = vocab.Surfaces
            .OrderByDescending(s => s.Length)
            .Select(s =>
            {
                var escaped = Regex.Escape(s.Replace('’', '\''));
                return escaped.Replace(@"\ ", @"\s+", StringComparison.Ordinal)
                    .Replace("'", "['’]", StringComparison.Ordinal)
                    .Replace("-", @"[-\s]", StringComparison.Ordinal);
            });
        var body = string.Join('|', alts);
        return vocab.CaseSensitive ? "(?-i:" + body + ")" : "(?:" + body + ")";
    }

    [GeneratedRegex(@"%([a-z][a-z0-9]*)")]
    private static partial Regex VocabRef();
}

/// <summary>A small set of lowercase words for context checks.</summary>
internal sealed class FrozenWords(IEnumerable<string> words)
{
    private readonly HashSet<string> _set = new(words.Select(w => w.ToLowerInvariant()));

    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        Span<char> lower = stackalloc char[Math.Min(word.Length, 64)];
        var n = word[..lower.Length].ToLowerInvariant(lower);
        return _set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower[..n]);
    }
}
