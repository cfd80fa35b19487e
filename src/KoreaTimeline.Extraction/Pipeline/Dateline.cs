using System.Text.RegularExpressions;

namespace KoreaTimeline.Extraction.Pipeline;

/// <summary>
/// The dateline that opens wire copy ("SEOUL, May 8 (Yonhap) --", "WASHINGTON (AP) —"): where it was filed,
/// not part of the first sentence's subject.
/// </summary>
public static partial class Dateline
{
    [GeneratedRegex("""
        \A\s*
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
        \s*(?:--|—|–|-)\s+
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Where the text after the dateline starts; 0 when the article has none.</summary>
    public static int BodyStart(string text)
    {
        var m = Pattern().Match(text);
        return m.Success ? m.Index + m.Length : 0;
    }
}
