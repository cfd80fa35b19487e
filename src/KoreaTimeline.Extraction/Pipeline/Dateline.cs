using System.Text.RegularExpressions;

namespace KoreaTimeline.Extraction.Pipeline;

/// <summary>
/// The dateline that opens wire copy ("SEOUL, May 8 (Yonhap) --", "WASHINGTON (AP) —"): where it was filed,
/// not part of the first sentence's subject.
/// </summary>
public static partial class Dateline
{
    [GeneratedRegex("""
        \G[ \t]*
        (?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zA-Z]*\.?\s+\d)         # not a timeline's entry: "JAN. 9 -"
        (?:
            [A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}                 # SEOUL, NEW YORK
            (?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})?           # , North Korea / , May
            (?:\s+\d{1,2}(?:,\s*\d{4})?)?                               # 8, 2025
            \s*(?:\([^()\n]{1,40}\))?                                   # (Yonhap)
          |
            [A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}                    # Seoul
            (?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})?
            (?:\s+\d{1,2}(?:,\s*\d{4})?)?
            \s*\([^()\n]{1,40}\)                                        # (Reuters), required here
        )
        \s*(?:(?:--|—|–)\s*|-\s+)                                   # a dash; a long one may touch the text ("(Jiji Press)--North")
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>
    /// The dateline at the start of the text or of one of its first lines (after a headline), as
    /// (start, end of the dateline); null when the article has none.
    /// </summary>
    public static (int Start, int End)? Find(string text)
    {
        for (var line = 0; line >= 0 && line < Math.Min(text.Length, MaxOffset); line = NextLine(text, line))
        {
            var m = Pattern().Match(text, line);
            if (m.Success)
            {
                return (m.Index, m.Index + m.Length);
            }
        }
        return null;
    }

    // A dateline opens the story: it is looked for only near the top.
    private const int MaxOffset = 600;

    private static int NextLine(string text, int from)
    {
        var newline = text.IndexOf('\n', from);
        return newline < 0 ? -1 : newline + 1;
    }
}
