namespace KoreaTimeline.Extraction.Syntax;

/// <summary>
/// Word + UPOS to lemma: suffix rules learned from the treebank ("-ies" NOUN: cut 3, add "y") for any word, and an
/// exception table for the treebank words the rules get wrong ("went" VERB: "go", "mice" NOUN: "mouse").
/// </summary>
internal sealed class Lemmatizer
{
    private const int MaxSuffix = 5;

    // Keys are "form\tUPOS" and "UPOS\tsuffix", looked up through spans so that lemmatising allocates nothing
    // but the lemma itself.
    private readonly Dictionary<string, string> exceptions;
    private readonly Dictionary<string, Rule> rules;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> exceptionLookup;
    private readonly Dictionary<string, Rule>.AlternateLookup<ReadOnlySpan<char>> ruleLookup;

    private Lemmatizer(Dictionary<string, string> exceptions, Dictionary<string, Rule> rules)
    {
        this.exceptions = exceptions;
        this.rules = rules;
        exceptionLookup = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        ruleLookup = rules.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static string Key(string a, string b) => a + "\t" + b;

    /// <summary>How a lemma is made from a form: lower-case it or not, cut characters from its end, append a string.</summary>
    private readonly record struct Rule(bool Lower, int Cut, string Add)
    {
        public string? Apply(string form)
        {
            var baseForm = Lower ? form.ToLowerInvariant() : form;
            return Cut > baseForm.Length ? null : Cut == 0 && Add.Length == 0 ? baseForm : string.Concat(baseForm.AsSpan(0, baseForm.Length - Cut), Add);
        }

        public static Rule Of(string form, string lemma)
        {
            var lower = form.ToLowerInvariant();
            var withCase = Make(form, lemma, false);
            var lowered = Make(lower, lemma, true);
            // Prefer the rule that keeps most of the form; on a tie, the one that keeps the case.
            return lowered.Cut < withCase.Cut ? lowered : withCase;
        }

        private static Rule Make(string form, string lemma, bool lower)
        {
            var common = 0;
            while (common < form.Length && common < lemma.Length && form[common] == lemma[common])
            {
                common++;
            }

            return new Rule(lower, form.Length - common, lemma[common..]);
        }
    }

    public string Lemmatize(string form, string upos)
    {
        Span<char> key = form.Length + upos.Length < 120 ? stackalloc char[form.Length + upos.Length + 1] : new char[form.Length + upos.Length + 1];
        form.AsSpan().CopyTo(key);
        key[form.Length] = '\t';
        upos.AsSpan().CopyTo(key[(form.Length + 1)..]);
        if (exceptionLookup.TryGetValue(key, out var lemma))
        {
            return lemma;
        }

        // A capitalised sentence-initial "Went" is the "went" the table knows.
        if (upos != "PROPN" && form.Length > 1 && char.IsUpper(form[0]) && !char.IsUpper(form[1]))
        {
            key[0] = char.ToLowerInvariant(key[0]);
            if (exceptionLookup.TryGetValue(key, out lemma))
            {
                return lemma;
            }
        }

        return ByRule(form, upos);
    }

    private string ByRule(string form, string upos)
    {
        var n = Math.Min(MaxSuffix, form.Length);
        Span<char> key = stackalloc char[upos.Length + 1 + MaxSuffix];
        upos.AsSpan().CopyTo(key);
        key[upos.Length] = '\t';
        for (var k = n; k >= 0; k--)
        {
            var suffix = key.Slice(upos.Length + 1, k);
            form.AsSpan(form.Length - k).ToLowerInvariant(suffix);
            if (ruleLookup.TryGetValue(key[..(upos.Length + 1 + k)], out var rule) && rule.Apply(form) is { } lemma)
            {
                return lemma;
            }
        }

        return form;
    }

    public int ExceptionCount => exceptions.Count;

    public static Lemmatizer Train(IEnumerable<TreebankWord> words)
    {
        var lemmaCounts = new Dictionary<(string, string), Dictionary<string, int>>();
        var ruleCounts = new Dictionary<(string, string), Dictionary<Rule, int>>();
        foreach (var w in words)
        {
            if (w.Lemma == "_")
            {
                continue;
            }

            var key = (w.Form, w.Upos);
            if (!lemmaCounts.TryGetValue(key, out var lc))
            {
                lemmaCounts[key] = lc = [];
            }

            lc[w.Lemma] = lc.GetValueOrDefault(w.Lemma) + 1;
            var rule = Rule.Of(w.Form, w.Lemma);
            var lower = w.Form.ToLowerInvariant();
            for (var k = 0; k <= Math.Min(MaxSuffix, lower.Length); k++)
            {
                var rk = (w.Upos, lower[^k..]);
                if (!ruleCounts.TryGetValue(rk, out var rc))
                {
                    ruleCounts[rk] = rc = [];
                }

                rc[rule] = rc.GetValueOrDefault(rule) + 1;
            }
        }

        // The best rule of a suffix, kept when the suffix was seen twice (a one-off says little about other words).
        var rules = new Dictionary<string, Rule>();
        foreach (var (key, rc) in ruleCounts)
        {
            var best = rc.MaxBy(p => p.Value);
            if (best.Value >= 2 || key.Item2.Length == 0)
            {
                rules[Key(key.Item1, key.Item2)] = best.Key;
            }
        }

        var model = new Lemmatizer([], rules);
        foreach (var (key, lc) in lemmaCounts)
        {
            var lemma = lc.MaxBy(p => p.Value).Key;
            if (model.ByRule(key.Item1, key.Item2) != lemma)
            {
                model.exceptions[Key(key.Item1, key.Item2)] = lemma;
            }
        }

        return model;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(rules.Count);
        foreach (var (key, rule) in rules)
        {
            var tab = key.IndexOf('\t', StringComparison.Ordinal);
            writer.Write(key[..tab]);
            writer.Write(key[(tab + 1)..]);
            writer.Write(rule.Lower);
            writer.Write((byte)rule.Cut);
            writer.Write(rule.Add);
        }

        writer.Write(exceptions.Count);
        foreach (var (key, lemma) in exceptions)
        {
            var tab = key.LastIndexOf('\t');
            writer.Write(key[..tab]);
            writer.Write(key[(tab + 1)..]);
            writer.Write(lemma);
        }
    }

    public static Lemmatizer Read(BinaryReader reader)
    {
        var rules = new Dictionary<string, Rule>();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var upos = reader.ReadString();
            var suffix = reader.ReadString();
            rules[Key(upos, suffix)] = new Rule(reader.ReadBoolean(), reader.ReadByte(), reader.ReadString());
        }

        var exceptions = new Dictionary<string, string>();
        count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var form = reader.ReadString();
            var upos = reader.ReadString();
            exceptions[Key(form, upos)] = reader.ReadString();
        }

        return new Lemmatizer(exceptions, rules);
    }
}
