namespace KoreaTimeline.Extraction.Actors;

/// <summary>
/// Finds names in a text as whole words, case-sensitively, the longest name first where several start at one
/// place: one pass over the text, candidates looked up by their first character.
/// </summary>
public sealed class AliasMatcher
{
    private readonly Dictionary<char, string[]> _byFirstChar;

    public AliasMatcher(IEnumerable<string> aliases) =>
        _byFirstChar = aliases.Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)
            .GroupBy(a => a[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Length).ToArray());

    /// <summary>Every name found, in text order, none overlapping another.</summary>
    public IEnumerable<(int Start, string Alias)> Matches(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!_byFirstChar.TryGetValue(text[i], out var candidates) || i > 0 && IsWordChar(text[i - 1]) && !AfterDash(text, i))
            {
                continue;
            }
            foreach (var alias in candidates)
            {
                var end = i + alias.Length;
                if (end <= text.Length && text.AsSpan(i, alias.Length).SequenceEqual(alias) && EndsWord(text, end))
                {
                    yield return (i, alias);
                    i = end - 1;
                    break;
                }
            }
        }
    }

    // A name does not start inside a word ("US" in "USS") nor after an apostrophe, period or hyphen.
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '\'' or '’' or '.' or '-';

    // "--" is a dash, not a hyphen: "(Kyodo)--North Korea" starts a name.
    private static bool AfterDash(string text, int i) => i > 1 && text[i - 1] == '-' && text[i - 2] == '-';

    // Nor does it end inside one: "Korea" in "Korean", "Russia" in "Russia-Ukraine", "U.S" in "U.S.A".
    private static bool EndsWord(string text, int end) =>
        end >= text.Length
        || !(char.IsLetterOrDigit(text[end]) || text[end] is '_' or '-'
            || text[end] == '.' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]));
}
