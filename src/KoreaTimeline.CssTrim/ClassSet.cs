namespace KoreaTimeline.CssTrim;

/// <summary>
/// The class names a page can carry: exact names, and prefixes that code completes at run time (MudBlazor writes
/// <c>"mud-button-" + variant</c>, so the literal <c>mud-button-</c> stands for every class that starts with it).
/// </summary>
public sealed class ClassSet
{
    private readonly HashSet<string> exact = new(StringComparer.Ordinal);
    private readonly SortedSet<string> prefixes = new(StringComparer.Ordinal);

    /// <summary>How many exact names and prefixes the set holds.</summary>
    public (int Exact, int Prefixes) Count => (exact.Count, prefixes.Count);

    /// <summary>
    /// Adds every class-like word of a text (a string literal, a source file): words of letters, digits, <c>_</c> and
    /// <c>-</c> that start with a letter or <c>_</c>, also joined by <c>:</c> (<c>hover:mud-primary-hover</c>; each part
    /// counts too). A word ending in <c>-</c> is a prefix, except <c>mud-</c> alone, which would keep every MudBlazor class.
    /// </summary>
    public void AddWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var joins = c == ':' && start >= 0 && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '_');
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || joins)
            {
                if (start < 0 && (char.IsAsciiLetter(c) || c == '_'))
                {
                    start = i;
                }
                continue;
            }
            if (start >= 0)
            {
                var word = text[start..i];
                Add(word);
                if (word.Contains(':', StringComparison.Ordinal))
                {
                    foreach (var part in word.Split(':'))
                    {
                        Add(part);
                    }
                }
                start = -1;
            }
        }
    }

    /// <summary>Adds one class name (a prefix when it ends in <c>-</c>).</summary>
    public void Add(string word)
    {
        if (word.EndsWith('-'))
        {
            if (word.Length >= 3 && word != "mud-")
            {
                prefixes.Add(word);
            }
            return;
        }
        exact.Add(word);
    }

    /// <summary>Whether a class of a selector can appear on a page.</summary>
    public bool Contains(string className)
    {
        if (exact.Contains(className))
        {
            return true;
        }
        // The prefixes sort before every class they start: look at those at or before the name.
        foreach (var prefix in prefixes.GetViewBetween(className[..1], className))
        {
            if (className.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
