namespace KoreaTimeline.Extraction.Syntax;

/// <summary>A token and where it sits in the source text: <c>text[Start..End]</c> is <see cref="Text"/>.</summary>
public sealed record Token(string Text, int Start, int End);

/// <summary>
/// Splits English news text into the words of Universal Dependencies English (Penn-like): punctuation apart,
/// clitics apart ("do" "n't", "Kim" "'s", "they" "'re"), while hyphenated words ("U.S.-led"), numbers ("1,200",
/// "3.5"), times ("10:30") and abbreviations ("U.S.", "Dec.", "Mr.", "F.") stay whole. Every token keeps its
/// character offsets in the source.
/// </summary>
public static class EnglishTokenizer
{
    // Abbreviations that keep their period; single letters ("F.") and dotted initialisms ("U.S.", "a.m.") are recognised by shape.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Adm.", "Sgt.", "Cpl.", "Pvt.",
        "Sen.", "Rep.", "Gov.", "Pres.", "Amb.", "Rev.", "Hon.", "Jr.", "Sr.", "St.", "Mt.", "Ft.", "Gov't.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.",
        "Inc.", "Corp.", "Co.", "Ltd.", "Bros.", "Dept.", "Univ.", "Assn.", "Ave.", "Blvd.", "Rd.",
        "No.", "Nos.", "vs.", "etc.", "approx.", "est.", "Fig.", "Vol.", "pp.", "ca.", "cf.", "al.",
    };

    private static readonly string[] Clitics = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public static IReadOnlyList<Token> Tokenize(string text) => Tokenize(text, 0, text.Length);

    /// <summary>The tokens of <c>text[start..(start + length)]</c>, with offsets into <paramref name="text"/>.</summary>
    public static IReadOnlyList<Token> Tokenize(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, text.Length);
        var tokens = new List<Token>();
        var end = start + length;
        var i = start;
        while (i < end)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var s = i;
            while (i < end && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            Chunk(text, s, i, tokens);
        }

        return tokens;
    }

    private static void Chunk(string text, int s, int e, List<Token> tokens)
    {
        // Leading punctuation: quotes, brackets, dashes, currency signs before a number.
        while (s < e)
        {
            var c = text[s];
            var width = PunctuationWidth(text, s, e);
            if (width > 0 && !(c is '\'' or '’' && s + 1 < e && char.IsAsciiDigit(text[s + 1])))
            {
                Add(text, s, s + width, tokens);
                s += width;
            }
            else if (c is '$' or '£' or '€' or '¥' or '#' && s + 1 < e)
            {
                Add(text, s, s + 1, tokens);
                s++;
            }
            else
            {
                break;
            }
        }

        // Trailing punctuation, collected right to left and emitted after the core.
        var trailing = new List<(int, int)>();
        while (e > s)
        {
            var c = text[e - 1];
            if (c == '.')
            {
                if (e - s >= 3 && text[e - 2] == '.' && text[e - 3] == '.')
                {
                    trailing.Add((e - 3, e));
                    e -= 3;
                    continue;
                }

                if (IsAbbreviation(text.AsSpan(s, e - s)))
                {
                    break;
                }

                trailing.Add((e - 1, e));
                e--;
                continue;
            }

            if (c is ',' or ';' or ':' or '!' or '?' or '"' or ')' or ']' or '}' or '”' or '»' or '%' or '…'
                || c is '\'' or '’')
            {
                trailing.Add((e - 1, e));
                e--;
                continue;
            }

            if (e - s >= 2 && (c == '—' || c == '–' || (c == '-' && text[e - 2] == '-')))
            {
                var w = c == '-' ? 2 : 1;
                trailing.Add((e - w, e));
                e -= w;
                continue;
            }

            break;
        }

        Core(text, s, e, tokens);
        for (var t = trailing.Count - 1; t >= 0; t--)
        {
            Add(text, trailing[t].Item1, trailing[t].Item2, tokens);
        }
    }

    /// <summary>The width of a punctuation token at <paramref name="i"/>, or 0.</summary>
    private static int PunctuationWidth(string text, int i, int e)
    {
        var c = text[i];
        if (c == '.' && i + 2 < e && text[i + 1] == '.' && text[i + 2] == '.')
        {
            return 3;
        }

        if (c == '-' && i + 1 < e && text[i + 1] == '-')
        {
            return 2;
        }

        if (c == '`' && i + 1 < e && text[i + 1] == '`')
        {
            return 2;
        }

        return c is '"' or '\'' or '`' or '(' or '[' or '{' or '“' or '‘' or '’' or '«' or '—' or '–' or '…' ? 1 : 0;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.Length < 2)
        {
            return false;
        }

        var core = word[..^1];
        // "F." (an initial), "U.S." / "a.m." / "U.N." (letters between periods).
        if (core.Length == 1 && char.IsUpper(core[0]))
        {
            return true;
        }

        if (core.Contains('.') && core.IndexOfAnyExcept(".") >= 0)
        {
            var ok = true;
            for (var i = 0; i < core.Length; i++)
            {
                var isLetter = char.IsLetter(core[i]);
                ok &= i % 2 == 0 ? isLetter : core[i] == '.';
            }

            if (ok)
            {
                return true;
            }
        }

        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    /// <summary>The word between the punctuation: splits clitics and dashes inside ("word—word").</summary>
    private static void Core(string text, int s, int e, List<Token> tokens)
    {
        if (s >= e)
        {
            return;
        }

        // An em dash or double hyphen joining two words is a token of its own.
        for (var i = s + 1; i < e - 1; i++)
        {
            var c = text[i];
            var w = c is '—' or '–' && !(char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])) ? 1
                : c == '-' && text[i + 1] == '-' ? 2
                : 0;
            if (w > 0)
            {
                Core(text, s, i, tokens);
                Add(text, i, i + w, tokens);
                Core(text, i + w, e, tokens);
                return;
            }
        }

        var span = text.AsSpan(s, e - s);
        foreach (var clitic in Clitics)
        {
            if (span.Length > clitic.Length && EndsWithClitic(span, clitic))
            {
                var cut = e - clitic.Length;
                // "can't" is "ca" "n't" in UD, which the plain split gives; "won't" likewise "wo" "n't".
                Add(text, s, cut, tokens);
                Add(text, cut, e, tokens);
                return;
            }
        }

        Add(text, s, e, tokens);
    }

    private static bool EndsWithClitic(ReadOnlySpan<char> word, string clitic)
    {
        var tail = word[^clitic.Length..];
        for (var i = 0; i < clitic.Length; i++)
        {
            var a = tail[i] == '’' ? '\'' : char.ToLowerInvariant(tail[i]);
            if (a != clitic[i])
            {
                return false;
            }
        }

        // After a letter, digit or abbreviation: "Kim's", "1990's", "U.S.'s".
        var before = word[^(clitic.Length + 1)];
        return char.IsLetterOrDigit(before) || before == '.';
    }

    private static void Add(string text, int s, int e, List<Token> tokens)
    {
        if (e > s)
        {
            tokens.Add(new Token(text[s..e], s, e));
        }
    }
}
