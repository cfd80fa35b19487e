namespace KoreaTimeline.Data;

/// <summary>
/// What names an article where its metadata gives no title, and what credits a quote to it: never the file it was
/// imported from.
/// </summary>
public static class ArticleTitles
{
    /// <summary>How much of an article's text is read to find its headline (pages read only this much of it).</summary>
    public const int HeadLength = 300;

    /// <summary>The longest headline; a longer first sentence is cut at a word and ends with an ellipsis.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// The first headline-like line of <paramref name="text"/>: its first non-blank line when that is short and has no
    /// final full stop (a headline), else that line's first sentence, cut to <see cref="MaxLength"/> characters at a
    /// word; null for a blank text.
    /// </summary>
    /// <example>"N. Korea fires missile\n\nSEOUL, ..." gives "N. Korea fires missile".</example>
    public static string? Headline(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var lines = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = lines.FirstOrDefault(l => l.Any(char.IsLetterOrDigit));
        if (line is null)
        {
            return null;
        }
        line = string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= MaxLength && line[^1] is not ('.' or '!' or '?' or ':' or ','))
        {
            return line;
        }
        var sentenceEnd = line.IndexOf(". ", StringComparison.Ordinal);
        var sentence = sentenceEnd > 0 ? line[..(sentenceEnd + 1)] : line;
        if (sentence.Length <= MaxLength)
        {
            return sentence;
        }
        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        return sentence[..(cut > MaxLength / 2 ? cut : MaxLength - 1)].TrimEnd(',', ';', ':', ' ') + "\u2026";
    }

    /// <summary>The stored title, else the headline of the text's head (<see cref="HeadLength"/> characters).</summary>
    public static string Display(string? title, string? head) =>
        !string.IsNullOrWhiteSpace(title) ? title : Headline(head) ?? "Untitled article";

    /// <summary>
    /// Who to credit a quote to: the outlet, else the host of the article's address (without <c>www.</c>), else its
    /// title (<see cref="Display"/>).
    /// </summary>
    public static string Credit(string? outlet, string? url, string? title, string? head)
    {
        if (!string.IsNullOrWhiteSpace(outlet))
        {
            return outlet.Trim();
        }
        if (SourceUrls.HttpOrNull(url) is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            return uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        }
        return Display(title, head);
    }
}
