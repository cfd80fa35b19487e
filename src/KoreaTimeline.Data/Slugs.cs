using System.Text;

namespace KoreaTimeline.Data;

/// <summary>URL slugs: lowercase ASCII letters and digits joined by single hyphens.</summary>
public static class Slugs
{
    /// <summary>The slug of <paramref name="text"/>, at most <paramref name="maxLength"/> characters, never empty.</summary>
    public static string From(string text, int maxLength = 80)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxLength));
        var pendingHyphen = false;
        foreach (var raw in text)
        {
            var c = Fold(raw);
            if (char.IsAsciiLetterOrDigit(c))
            {
                var needed = pendingHyphen && sb.Length > 0 ? 2 : 1;
                if (sb.Length + needed > maxLength)
                {
                    break;
                }
                if (needed == 2)
                {
                    sb.Append('-');
                }
                pendingHyphen = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' or '.')
            {
                // "Trump's" reads as "trumps" and "U.S." as "us": neither splits a word.
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var slug = sb.ToString().TrimEnd('-');
        return slug.Length == 0 ? "event" : slug;
    }

    // Latin letters with diacritics fold to their base letter ("Bùi" → "bui"); the app runs with invariant
    // globalization, where string.Normalize does not decompose them.
    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőùúûüūůűųýÿžźżđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";
    private const string Folded = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooouuuuuuuuyyzzzdouaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyy";

    private static char Fold(char c)
    {
        var lower = char.ToLowerInvariant(c);
        var i = Accented.IndexOf(lower, StringComparison.Ordinal);
        return i < 0 ? c : Folded[i];
    }
}
