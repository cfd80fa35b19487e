using System.Text;
using System.Text.RegularExpressions;

namespace KoreaTimeline.CssTrim;

/// <summary>
/// Keeps the rules of a stylesheet that can match a page whose classes are a <see cref="ClassSet"/>. A selector of a
/// rule's list stays when every class it requires is in the set (classes inside <c>:not(...)</c>, <c>:is(...)</c> and
/// other parentheses are not required); a rule with no selector left goes. Rules without classes (elements, ids,
/// <c>*</c>) stay; <c>@media</c>, <c>@supports</c> and <c>@-moz-document</c> blocks are trimmed inside and dropped
/// when empty; <c>@keyframes</c> stay when a kept rule names them; other at-rules stay as written. The output keeps
/// the input's order and text, so the same input always gives the same bytes.
/// </summary>
public static partial class CssTrimmer
{
    private static readonly string[] GroupingRules = ["@media", "@supports", "@-moz-document", "@container", "@layer"];

    /// <summary>The trimmed stylesheet, with the input's first <c>/*! ... */</c> notice (its licence) kept at the top.</summary>
    public static string Trim(string css, ClassSet classes)
    {
        ArgumentNullException.ThrowIfNull(css);
        ArgumentNullException.ThrowIfNull(classes);
        var notice = LicenceNotice().Match(css);
        var position = 0;
        var nodes = Parse(css, ref position);
        // Pass one without any keyframes tells which animations the kept rules name; pass two keeps those.
        var withoutKeyframes = Emit(nodes, classes, _ => false);
        var named = new HashSet<string>(Word().Matches(withoutKeyframes).Select(m => m.Value), StringComparer.Ordinal);
        var body = Emit(nodes, classes, named.Contains);
        return notice.Success ? notice.Groups[1].Value + "\n" + body : body;
    }

    /// <summary>
    /// Every selector of a stylesheet with its declarations and the blocks around it (<c>@media(...) .a{x:1}</c>), one
    /// per selector of each list: what two stylesheets must share for one to style a page as the other does.
    /// </summary>
    public static IEnumerable<string> Selectors(string css)
    {
        ArgumentNullException.ThrowIfNull(css);
        var position = 0;
        return Flatten(Parse(css, ref position), "");

        static IEnumerable<string> Flatten(List<Node> nodes, string context)
        {
            foreach (var node in nodes)
            {
                switch (node)
                {
                    case StyleRule rule:
                        foreach (var selector in SplitSelectors(rule.Selectors))
                        {
                            yield return context + selector.Trim() + "{" + rule.Body + "}";
                        }
                        break;
                    case GroupRule group:
                        foreach (var inner in Flatten(group.Children, context + group.Prelude + " "))
                        {
                            yield return inner;
                        }
                        break;
                }
            }
        }
    }

    /// <summary>The classes a selector requires: those outside parentheses, attribute selectors and strings.</summary>
    public static IEnumerable<string> RequiredClasses(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var outside = new StringBuilder(selector.Length);
        var depth = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c == '\\' && i + 1 < selector.Length)
            {
                if (depth == 0)
                {
                    outside.Append(c).Append(selector[i + 1]);
                }
                i++;
                continue;
            }
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                outside.Append(c);
            }
        }
        foreach (Match m in ClassSelector().Matches(outside.ToString()))
        {
            yield return Unescape(m.Groups[1].Value);
        }
    }

    private static string Unescape(string name) => name.Contains('\\', StringComparison.Ordinal) ? Escape().Replace(name, "$1") : name;

    private static string Emit(List<Node> nodes, ClassSet classes, Func<string, bool> keepKeyframes)
    {
        var output = new StringBuilder();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case StyleRule rule:
                    var kept = SplitSelectors(rule.Selectors).Where(s => RequiredClasses(s).All(classes.Contains)).ToList();
                    if (kept.Count > 0)
                    {
                        output.Append(string.Join(',', kept)).Append('{').Append(rule.Body).Append('}');
                    }
                    break;
                case GroupRule group:
                    var inner = Emit(group.Children, classes, keepKeyframes);
                    if (inner.Length > 0)
                    {
                        output.Append(group.Prelude).Append('{').Append(inner).Append('}');
                    }
                    break;
                case OtherRule other:
                    if (KeyframesName().Match(other.Text) is { Success: true } keyframes && !keepKeyframes(keyframes.Groups[1].Value))
                    {
                        break;
                    }
                    output.Append(other.Text);
                    break;
            }
        }
        return output.ToString();
    }

    /// <summary>A selector list cut at its top-level commas.</summary>
    private static List<string> SplitSelectors(string list)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '\\':
                    i++;
                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(list[start..i]);
                    start = i + 1;
                    break;
            }
        }
        parts.Add(list[start..]);
        return parts;
    }

    /// <summary>The rules of a block, up to its closing brace (or the end of the text).</summary>
    private static List<Node> Parse(string css, ref int position)
    {
        var nodes = new List<Node>();
        while (true)
        {
            SkipSpaceAndComments(css, ref position);
            if (position >= css.Length)
            {
                return nodes;
            }
            if (css[position] == '}')
            {
                position++;
                return nodes;
            }
            var start = position;
            var end = FindOutsideStrings(css, position, "{;}");
            if (end < 0 || css[end] == '}')
            {
                // A stray declaration or a broken tail: keep it as written.
                var stop = end < 0 ? css.Length : end;
                nodes.Add(new OtherRule(css[start..stop]));
                position = stop;
                continue;
            }
            var prelude = css[start..end].Trim();
            if (css[end] == ';')
            {
                nodes.Add(new OtherRule(css[start..(end + 1)]));
                position = end + 1;
                continue;
            }
            if (GroupingRules.Any(g => prelude.StartsWith(g, StringComparison.OrdinalIgnoreCase)))
            {
                position = end + 1;
                nodes.Add(new GroupRule(prelude, Parse(css, ref position)));
                continue;
            }
            var close = MatchingBrace(css, end);
            if (prelude.StartsWith('@') || css.AsSpan(end + 1, close - end - 1).Contains('{'))
            {
                nodes.Add(new OtherRule(prelude + css[end..(close + 1)]));
            }
            else
            {
                nodes.Add(new StyleRule(prelude, css[(end + 1)..close]));
            }
            position = close + 1;
        }
    }

    private static void SkipSpaceAndComments(string css, ref int position)
    {
        while (position < css.Length)
        {
            if (char.IsWhiteSpace(css[position]) || css[position] == '\uFEFF')
            {
                position++;
            }
            else if (css.AsSpan(position).StartsWith("/*"))
            {
                var close = css.IndexOf("*/", position + 2, StringComparison.Ordinal);
                position = close < 0 ? css.Length : close + 2;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>The first of <paramref name="stops"/> at or after a position, outside strings, comments and escapes; -1 if none.</summary>
    private static int FindOutsideStrings(string css, int position, string stops)
    {
        for (var i = position; i < css.Length; i++)
        {
            var c = css[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c is '"' or '\'')
            {
                i = EndOfString(css, i);
            }
            else if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var close = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? css.Length : close + 1;
            }
            else if (stops.Contains(c, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static int MatchingBrace(string css, int open)
    {
        var depth = 0;
        for (var i = open; i < css.Length; i++)
        {
            var next = FindOutsideStrings(css, i, "{}");
            if (next < 0)
            {
                break;
            }
            depth += css[next] == '{' ? 1 : -1;
            if (depth == 0)
            {
                return next;
            }
            i = next;
        }
        return css.Length - 1;
    }

    private static int EndOfString(string css, int open)
    {
        for (var i = open + 1; i < css.Length; i++)
        {
            if (css[i] == '\\')
            {
                i++;
            }
            else if (css[i] == css[open])
            {
                return i;
            }
        }
        return css.Length;
    }

    [GeneratedRegex(@"^\uFEFF?\s*(/\*!.*?\*/)", RegexOptions.Singleline)]
    private static partial Regex LicenceNotice();

    [GeneratedRegex(@"\.(-?(?:[_a-zA-Z]|[^\x00-\x7F]|\\.)(?:[\w-]|[^\x00-\x7F]|\\.)*)")]
    private static partial Regex ClassSelector();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Escape();

    [GeneratedRegex(@"^@(?:-[a-z]+-)?keyframes\s+([\w-]+)")]
    private static partial Regex KeyframesName();

    [GeneratedRegex(@"[\w-]+")]
    private static partial Regex Word();

    private abstract record Node;

    private sealed record StyleRule(string Selectors, string Body) : Node;

    private sealed record GroupRule(string Prelude, List<Node> Children) : Node;

    private sealed record OtherRule(string Text) : Node;
}
