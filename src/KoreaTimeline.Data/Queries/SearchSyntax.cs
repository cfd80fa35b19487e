using System.Text;

namespace KoreaTimeline.Data.Queries;

/// <summary>
/// Turns what a user types into a safe FTS5 MATCH expression: words and "quoted phrases" (all must match),
/// a trailing <c>*</c> on a word of two or more characters as a prefix query. Everything else is literal text:
/// FTS5 operators, column filters, parentheses and stray quotes are quoted away, control characters and NUL are
/// stripped, and the input is capped.
/// </summary>
public static class SearchSyntax
{
    /// <summary>The longest input considered; the rest is ignored.</summary>
    public const int MaxLength = 200;

    /// <summary>The most terms (words or phrases) considered.</summary>
    public const int MaxTerms = 12;

    /// <summary>Starts a matched run in marked text (never present in cleaned input).</summary>
    public const char MarkStart = '\u0002';

    /// <summary>Ends a matched run in marked text.</summary>
    public const char MarkEnd = '\u0003';

    /// <summary>The input without control characters, with runs of white space collapsed and the length capped.</summary>
    public static string Clean(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return "";
        }
        var sb = new StringBuilder(Math.Min(input.Length, MaxLength));
        foreach (var c in input)
        {
            if (sb.Length >= MaxLength)
            {
                break;
            }
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'))
            {
                sb.Append(c);
            }
            else if (char.IsHighSurrogate(c))
            {
                // Astral characters (emoji) carry no searchable word in unicode61; dropping them keeps pairs intact.
            }
        }
        return sb.ToString().Trim();
    }

    /// <summary>The terms of the input: words and phrases, each with its prefix flag.</summary>
    public static IReadOnlyList<(string Text, bool Prefix)> Terms(string? input)
    {
        var text = Clean(input);
        var terms = new List<(string, bool)>();
        var i = 0;
        while (i < text.Length && terms.Count < MaxTerms)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var phrase = close < 0 ? text[(i + 1)..] : text[(i + 1)..close];
                Add(terms, phrase, prefix: false);
                i = close < 0 ? text.Length : close + 1;
                continue;
            }
            var end = text.IndexOf(' ', i);
            if (end < 0)
            {
                end = text.Length;
            }
            var word = text[i..end];
            var prefix = word.EndsWith('*') && word.TrimEnd('*').Count(char.IsLetterOrDigit) >= 2;
            Add(terms, word, prefix);
            i = end;
        }
        return terms;
    }

    /// <summary>The FTS5 expression, or null when the input has no searchable word.</summary>
    public static string? ToMatchExpression(string? input)
    {
        var terms = Terms(input);
        if (terms.Count == 0)
        {
            return null;
        }
        return string.Join(' ', terms.Select(t => "\"" + t.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (t.Prefix ? "*" : "")));
    }

    private static void Add(List<(string, bool)> terms, string raw, bool prefix)
    {
        // Only letters and digits make tokens in unicode61: a term without any would be an empty phrase.
        var text = raw.Replace("*", " ", StringComparison.Ordinal).Replace("\"", " ", StringComparison.Ordinal).Trim();
        if (text.Any(char.IsLetterOrDigit))
        {
            terms.Add((text, prefix));
        }
    }
}
