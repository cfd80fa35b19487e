namespace KoreaTimeline.Extraction.Syntax;

/// <summary>
/// The hashed pieces of one word that features are made of, computed once per word so that every feature of
/// the tagger, parser and labeller is a few integer mixes.
/// </summary>
internal readonly record struct WordAtoms(
    ulong Word, ulong Exact, ulong Suffix1, ulong Suffix2, ulong Suffix3, ulong Suffix4, ulong Prefix1, ulong Prefix3, ulong Shape, ulong Flags)
{
    /// <summary>The atoms of the padding before the first and after the last word.</summary>
    public static readonly WordAtoms Start = Of("-START-");
    public static readonly WordAtoms End = Of("-END-");

    public static WordAtoms Of(ReadOnlySpan<char> form)
    {
        var n = form.Length;
        ulong flags = 0;
        if (n > 0 && char.IsUpper(form[0]))
        {
            flags |= 1;
        }

        var upper = 0;
        var letters = 0;
        Span<char> shape = stackalloc char[Math.Min(n, 24)];
        var shapeLength = 0;
        var run = 0;
        var last = '\0';
        foreach (var ch in form)
        {
            char s;
            if (char.IsLetter(ch))
            {
                letters++;
                if (char.IsUpper(ch))
                {
                    upper++;
                    s = 'X';
                }
                else
                {
                    s = 'x';
                }
            }
            else if (char.IsDigit(ch))
            {
                flags |= 4;
                s = 'd';
            }
            else
            {
                if (ch == '-')
                {
                    flags |= 8;
                }

                s = ch;
            }

            // Runs of the same class longer than three read as three: "Xxxx" for every capitalised word.
            run = s == last ? run + 1 : 1;
            last = s;
            if (run <= 3 && shapeLength < shape.Length)
            {
                shape[shapeLength++] = s;
            }
        }

        if (letters > 1 && upper == letters)
        {
            flags |= 2;
        }

        return new WordAtoms(
            FeatureHash.Normalized(form),
            FeatureHash.Exact(form),
            FeatureHash.Normalized(form[Math.Max(0, n - 1)..]),
            FeatureHash.Normalized(form[Math.Max(0, n - 2)..]),
            FeatureHash.Normalized(form[Math.Max(0, n - 3)..]),
            FeatureHash.Normalized(form[Math.Max(0, n - 4)..]),
            FeatureHash.Normalized(form[..Math.Min(1, n)]),
            FeatureHash.Normalized(form[..Math.Min(3, n)]),
            FeatureHash.Exact(shape[..shapeLength]),
            flags);
    }
}
