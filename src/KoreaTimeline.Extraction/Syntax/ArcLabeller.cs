namespace KoreaTimeline.Extraction.Syntax;

/// <summary>
/// Names the arcs of a parsed tree with UD relations (nsubj, obj, obl:tmod...). It runs after the parser, on the
/// whole tree, so it sees what the transition system cannot yet: all children of the dependent and of the head
/// (the "by" that makes obl:agent, the "was" that makes nsubj:pass). The root's relation is always "root".
/// </summary>
internal sealed class ArcLabeller(string[] labels, LinearModel model, int tagCount)
{
    public const int MaxFeatures = 48;

    public const string Root = "root";

    public string[] Labels => labels;

    public LinearModel Model => model;

    /// <summary>
    /// Sets <paramref name="result"/> to a label index for every word whose head is not the root (-1 for those);
    /// <paramref name="tags"/> come from <see cref="MarkFunctionWords"/>.
    /// </summary>
    public void Label(ReadOnlySpan<WordAtoms> words, ReadOnlySpan<int> tags, ReadOnlySpan<int> heads, Span<int> result)
    {
        var n = words.Length;
        Span<int> first = n <= 256 ? stackalloc int[n] : new int[n];
        Span<int> next = n <= 256 ? stackalloc int[n] : new int[n];
        Children(heads, first, next);
        Span<ulong> f = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[labels.Length];
        for (var d = 0; d < n; d++)
        {
            if (heads[d] < 0)
            {
                result[d] = -1;
                continue;
            }

            var k = Features(words, tags, heads, first, next, d, tagCount, f);
            model.Score(f[..k], scores);
            result[d] = LinearModel.ArgMax(scores);
        }
    }

    /// <summary>Children as linked lists in word order: first[h], then next[c]; -1 ends.</summary>
    private static void Children(ReadOnlySpan<int> heads, Span<int> first, Span<int> next)
    {
        first.Fill(-1);
        next.Fill(-1);
        for (var i = heads.Length - 1; i >= 0; i--)
        {
            var h = heads[i];
            if (h >= 0)
            {
                next[i] = first[h];
                first[h] = i;
            }
        }
    }

    // Tags whose word says what the relation is: "by", "to", "that", "was", "not", "the", "'s".
    private static bool IsFunction(int tag, int tagCount) => tag >= tagCount;

    private static int Features(ReadOnlySpan<WordAtoms> words, ReadOnlySpan<int> tags, ReadOnlySpan<int> heads, ReadOnlySpan<int> first, ReadOnlySpan<int> next, int d, int tagCount, Span<ulong> f)
    {
        var n = words.Length;
        var h = heads[d];
        var hh = heads[h];
        var wd = words[d];
        var wh = words[h];
        var td = (ulong)(tags[d] & 0xFF) + 1;
        var th = (ulong)(tags[h] & 0xFF) + 1;
        var thh = hh < 0 ? 0UL : (ulong)(tags[hh] & 0xFF) + 1;
        var dir = d < h ? 1UL : 2UL;
        var dist = (ulong)Math.Min(Math.Abs(d - h), 6) + (dir * 8);
        var tprev = d > 0 ? (ulong)(tags[d - 1] & 0xFF) + 1 : 0UL;
        var tnext = d + 1 < n ? (ulong)(tags[d + 1] & 0xFF) + 1 : 0UL;
        var k = 0;
        f[k++] = FeatureHash.Mix(0, 0);
        f[k++] = FeatureHash.Mix(1, wd.Word);
        f[k++] = FeatureHash.Mix(2, td);
        f[k++] = FeatureHash.Mix(3, wh.Word);
        f[k++] = FeatureHash.Mix(4, th);
        f[k++] = FeatureHash.Mix(5, td, th, dir);
        f[k++] = FeatureHash.Mix(6, wd.Word, th, dir);
        f[k++] = FeatureHash.Mix(7, td, wh.Word, dir);
        f[k++] = FeatureHash.Mix(8, td, th, dist);
        f[k++] = FeatureHash.Mix(9, wd.Word, wh.Word);
        f[k++] = FeatureHash.Mix(10, td, th, thh);
        f[k++] = FeatureHash.Mix(11, td, tprev, tnext);
        f[k++] = FeatureHash.Mix(12, td, wd.Suffix3);
        f[k++] = FeatureHash.Mix(13, td, th, wh.Suffix3);
        f[k++] = FeatureHash.Mix(14, wd.Word, wh.Suffix3, th);
        f[k++] = FeatureHash.Mix(15, td, wd.Flags, dir);
        f[k++] = FeatureHash.Mix(16, td, th, hh < 0 ? 1UL : 0UL);

        var children = 0UL;
        var leftmost = 0UL;
        var rightmost = 0UL;
        for (var c = first[d]; c >= 0; c = next[c])
        {
            var tc = (ulong)(tags[c] & 0xFF) + 1;
            leftmost = leftmost == 0 ? tc : leftmost;
            rightmost = tc;
            if (children < 6 && k < MaxFeatures - 12)
            {
                var function = IsFunction(tags[c], tagCount);
                f[k++] = FeatureHash.Mix(17, td, tc, function ? words[c].Word : 0UL);
                if (function)
                {
                    f[k++] = FeatureHash.Mix(18, td, th, words[c].Word);
                }
            }

            children++;
        }

        f[k++] = FeatureHash.Mix(19, td, Math.Min(children, 4));
        f[k++] = FeatureHash.Mix(20, td, leftmost, rightmost);

        var siblings = 0;
        for (var c = first[h]; c >= 0 && k < MaxFeatures - 2; c = next[c])
        {
            if (c != d && IsFunction(tags[c], tagCount) && siblings++ < 4)
            {
                f[k++] = FeatureHash.Mix(21, td, words[c].Word, dir);
            }
        }

        return k;
    }

    /// <summary>The tags with bit 0x100 set on function words, whose word form the features then use.</summary>
    public static void MarkFunctionWords(ReadOnlySpan<int> tags, string[] tagSet, Span<int> marked)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            var t = tagSet[tags[i]];
            marked[i] = t is "ADP" or "SCONJ" or "AUX" or "PART" or "DET" or "PRON" or "CCONJ" ? tags[i] | 0x100 : tags[i];
        }
    }

    public static ArcLabeller Train(IReadOnlyList<(WordAtoms[] Words, int[] Tags, int[] Heads, int[] Labels)> sentences, string[] labels, int tagCount, int iterations, Action<string>? log = null)
    {
        Span<ulong> f = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[labels.Length];
        var counts = new Dictionary<ulong, int>();
        var buffers = sentences.Select(s =>
        {
            var first = new int[s.Words.Length];
            var next = new int[s.Words.Length];
            Children(s.Heads, first, next);
            return (First: first, Next: next);
        }).ToList();
        for (var s = 0; s < sentences.Count; s++)
        {
            var (words, tags, heads, _) = sentences[s];
            for (var d = 0; d < words.Length; d++)
            {
                if (heads[d] >= 0)
                {
                    var k = Features(words, tags, heads, buffers[s].First, buffers[s].Next, d, tagCount, f);
                    foreach (var key in f[..k])
                    {
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        var trainer = new PerceptronTrainer(labels.Length, PerceptronTrainer.Index(counts, 2));
        counts = null;
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(29);
        for (var it = 0; it < iterations; it++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var s in order)
            {
                var (words, tags, heads, gold) = sentences[s];
                for (var d = 0; d < words.Length; d++)
                {
                    if (heads[d] < 0)
                    {
                        continue;
                    }

                    var k = Features(words, tags, heads, buffers[s].First, buffers[s].Next, d, tagCount, f);
                    trainer.Score(f[..k], scores);
                    var guess = LinearModel.ArgMax(scores);
                    trainer.Update(f[..k], gold[d], guess);
                    trainer.Tick();
                    correct += guess == gold[d] ? 1 : 0;
                    total++;
                }
            }

            log?.Invoke($"labeller iteration {it + 1}: train accuracy {100.0 * correct / total:F2}");
        }

        return new ArcLabeller(labels, trainer.Build(0.002f), tagCount);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(tagCount);
        writer.Write(labels.Length);
        foreach (var l in labels)
        {
            writer.Write(l);
        }

        model.Write(writer);
    }

    public static ArcLabeller Read(BinaryReader reader)
    {
        var tagCount = reader.ReadInt32();
        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = reader.ReadString();
        }

        return new ArcLabeller(labels, LinearModel.Read(reader), tagCount);
    }
}
