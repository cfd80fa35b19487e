using System.Net;
using System.Text;

namespace KoreaTimeline.Data.Import;

/// <summary>
/// The main text of a news page: markup, scripts, styles and page furniture (navigation, header, footer, asides,
/// forms) dropped; block elements become paragraphs separated by a blank line; entities decoded; whitespace collapsed.
/// When the page has an <c>&lt;article&gt;</c> (else a <c>&lt;main&gt;</c>) element, only its text is kept.
/// </summary>
/// <remarks>
/// A small tolerant tokenizer rather than a DOM: it never throws, and sloppy markup (unclosed paragraphs,
/// stray angle brackets) only affects where paragraphs break. Evidence offsets index the text it returns.
/// </remarks>
public static class HtmlText
{
    // Elements whose content is never article text. Raw-text elements (title, script, style) are skipped by the
    // tokenizer itself; <head> is not listed because HTML lets its end tag be omitted, and it holds no text anyway.
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "header", "footer", "aside", "form", "noscript", "template", "svg", "iframe", "button",
        "select", "figcaption", "menu", "dialog", "object", "canvas", "math",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "noscript", "template",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "section",
        "article", "main", "br", "hr", "tr", "td", "th", "table", "pre", "figure", "address", "body", "html",
    };

    /// <summary>Whether <paramref name="text"/> looks like an HTML page rather than plain text.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a file name is an HTML page by its extension.</summary>
    public static bool IsHtmlPath(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    /// <summary>The main text of <paramref name="html"/>: paragraphs separated by blank lines.</summary>
    public static string Extract(string html)
    {
        var tokens = Tokenize(html);
        // Keep only the article (else the main element) when the page marks it; else the whole body.
        var scope = tokens.Any(t => t.Kind == TokenKind.Start && t.Value.Equals("article", StringComparison.OrdinalIgnoreCase)) ? "article"
            : tokens.Any(t => t.Kind == TokenKind.Start && t.Value.Equals("main", StringComparison.OrdinalIgnoreCase)) ? "main"
            : null;

        var paragraphs = new List<string>();
        var current = new StringBuilder();
        var dropDepth = 0;
        var scopeDepth = 0;
        var headerDepth = 0;
        var headlineDepth = 0;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.Start:
                    if (scope is not null && token.Value.Equals(scope, StringComparison.OrdinalIgnoreCase) && !token.SelfClosing)
                    {
                        scopeDepth++;
                    }
                    if (token.Value.Equals("header", StringComparison.OrdinalIgnoreCase) && !token.SelfClosing)
                    {
                        headerDepth++;
                    }
                    // A headline inside a page header is still the article's first line.
                    if (token.Value.Equals("h1", StringComparison.OrdinalIgnoreCase) && headerDepth > 0)
                    {
                        headlineDepth++;
                    }
                    if (Dropped.Contains(token.Value) && !token.SelfClosing)
                    {
                        dropDepth++;
                    }
                    if (Blocks.Contains(token.Value))
                    {
                        Flush(current, paragraphs);
                    }
                    break;
                case TokenKind.End:
                    if (Blocks.Contains(token.Value))
                    {
                        Flush(current, paragraphs);
                    }
                    if (Dropped.Contains(token.Value) && dropDepth > 0)
                    {
                        dropDepth--;
                    }
                    if (token.Value.Equals("h1", StringComparison.OrdinalIgnoreCase) && headlineDepth > 0)
                    {
                        headlineDepth--;
                    }
                    if (token.Value.Equals("header", StringComparison.OrdinalIgnoreCase) && headerDepth > 0)
                    {
                        headerDepth--;
                    }
                    if (scope is not null && token.Value.Equals(scope, StringComparison.OrdinalIgnoreCase) && scopeDepth > 0)
                    {
                        scopeDepth--;
                    }
                    break;
                case TokenKind.Text:
                    var inScope = scope is null || scopeDepth > 0;
                    var visible = dropDepth == 0 || (headlineDepth > 0 && dropDepth == headerDepth);
                    if (inScope && visible)
                    {
                        current.Append(WebUtility.HtmlDecode(token.Value));
                    }
                    break;
            }
        }
        Flush(current, paragraphs);
        return string.Join("\n\n", paragraphs);
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length == 0)
        {
            return;
        }
        var collapsed = new StringBuilder(current.Length);
        var space = false;
        foreach (var c in current.ToString())
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || char.IsControl(c))
            {
                space = collapsed.Length > 0;
                continue;
            }
            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }
            collapsed.Append(c);
        }
        current.Clear();
        if (collapsed.Length > 0)
        {
            paragraphs.Add(collapsed.ToString());
        }
    }

    private enum TokenKind
    {
        Start,
        End,
        Text,
    }

    private readonly record struct Token(TokenKind Kind, string Value, bool SelfClosing = false);

    private static List<Token> Tokenize(string html)
    {
        var tokens = new List<Token>();
        var text = new StringBuilder();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<' || i + 1 >= html.Length)
            {
                text.Append(c);
                i++;
                continue;
            }
            var next = html[i + 1];
            if (next == '!' || next == '?')
            {
                FlushText();
                var isComment = string.CompareOrdinal(html, i, "<!--", 0, 4) == 0;
                var close = isComment ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) : html.IndexOf('>', i + 2);
                i = close < 0 ? html.Length : close + (isComment ? 3 : 1);
                continue;
            }
            var isEnd = next == '/';
            var nameStart = i + (isEnd ? 2 : 1);
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                text.Append(c);
                i++;
                continue;
            }
            FlushText();
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var tagEnd = FindTagEnd(html, nameEnd);
            var selfClosing = !isEnd && tagEnd > 0 && html[tagEnd - 1] == '/';
            tokens.Add(new Token(isEnd ? TokenKind.End : TokenKind.Start, name, selfClosing));
            i = tagEnd >= html.Length ? html.Length : tagEnd + 1;
            if (!isEnd && !selfClosing && RawText.Contains(name))
            {
                // Script, style and the like hold no markup: skip to their end tag.
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (close < 0)
                {
                    i = html.Length;
                }
                else
                {
                    tokens.Add(new Token(TokenKind.End, name));
                    var gt = html.IndexOf('>', close);
                    i = gt < 0 ? html.Length : gt + 1;
                }
            }
        }
        FlushText();
        return tokens;

        void FlushText()
        {
            if (text.Length > 0)
            {
                tokens.Add(new Token(TokenKind.Text, text.ToString()));
                text.Clear();
            }
        }
    }

    // The '>' closing a tag, skipping quoted attribute values.
    private static int FindTagEnd(string html, int from)
    {
        char? quote = null;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }
        return html.Length;
    }
}
