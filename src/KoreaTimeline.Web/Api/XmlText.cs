using System.Text;
using System.Xml;

namespace KoreaTimeline.Web.Api;

/// <summary>Text made legal for XML 1.0: control characters (but tab, newline and return), lone surrogates, U+FFFE and U+FFFF are dropped.</summary>
public static class XmlText
{
    /// <summary><paramref name="text"/> without the characters XML 1.0 forbids; the same instance when it has none.</summary>
    public static string Legal(string text)
    {
        var i = 0;
        while (i < text.Length && IsLegalAt(text, i, out var width))
        {
            i += width;
        }
        if (i == text.Length)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        while (i < text.Length)
        {
            if (IsLegalAt(text, i, out var width))
            {
                sb.Append(text, i, width);
                i += width;
            }
            else
            {
                i++;
            }
        }
        return sb.ToString();
    }

    /// <summary>Null stays null; otherwise <see cref="Legal(string)"/>.</summary>
    public static string? LegalOrNull(string? text) => text is null ? null : Legal(text);

    private static bool IsLegalAt(string text, int i, out int width)
    {
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
        {
            width = 2;
            return true;
        }
        width = 1;
        return XmlConvert.IsXmlChar(text[i]);
    }
}
