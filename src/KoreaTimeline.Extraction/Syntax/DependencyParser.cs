namespace KoreaTimeline.Extraction.Syntax;

/// <summary>
/// Greedy arc-hybrid dependency parser (Kuhlmann et al. 2011) scored by an averaged perceptron and trained with
/// Goldberg and Nivre's dynamic oracle, as in Honnibal's "Parsing English in 500 lines of Python": the stack
/// holds words without a head yet, the buffer ends with an artificial root. Heads only; <see cref="ArcLabeller"/>
/// names the arcs afterwards.
/// </summary>
internal sealed class DependencyParser(LinearModel model, int tagCount)
{
    public const int MaxFeatures = 96;

    private const int Shift = 0;
    private const int Right = 1;
    private const int Left = 2;
    private const int Moves = 3;

    private const ulong NoWord = 0x5151_5151_5151_5151UL;
    private const ulong RootWord = 0x2727_2727_2727_2727UL;

    public LinearModel Model => model;

    public int TagCount => tagCount;

    /// <summary>The head of every word (-1: the root) of a tagged sentence.</summary>
    public void Parse(ReadOnlySpan<WordAtoms> words, ReadOnlySpan<int> tags, Span<int> heads)
    {
        var state = new State(words.Length);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[Moves];
        while (!state.Terminal)
        {
            // A first word, or the last reductions onto the root, leave one valid move: nothing to score.
            var valid = (state.IsValid(Shift) ? 1 : 0) + (state.IsValid(Right) ? 1 : 0) + (state.IsValid(Left) ? 1 : 0);
            if (valid > 1)
            {
                var n = Features(words, tags, tagCount, state, features);
                model.Score(features[..n], scores);
            }

            state.Apply(BestValid(state, scores));
        }

        state.CopyHeads(heads);
    }

    private static int BestValid(State state, ReadOnlySpan<float> scores)
    {
        var best = -1;
        for (var m = 0; m < Moves; m++)
        {
            if (state.IsValid(m) && (best < 0 || scores[m] > scores[best]))
            {
                best = m;
            }
        }

        return best;
    }

    /// <summary>A parser configuration: the stack, the buffer front, and the arcs so far with each word's outermost children.</summary>
    private sealed class State
    {
        private readonly int[] stack;
        private readonly int[] heads;

        public State(int n)
        {
            N = n;
            stack = new int[n + 1];
            heads = new int[n + 1];
            L1 = new int[n + 1];
            L2 = new int[n + 1];
            R1 = new int[n + 1];
            R2 = new int[n + 1];
            LeftCount = new int[n + 1];
            RightCount = new int[n + 1];
            Array.Fill(heads, -1);
            Array.Fill(L1, -1);
            Array.Fill(L2, -1);
            Array.Fill(R1, -1);
            Array.Fill(R2, -1);
        }

        public int N { get; }

        public int Depth { get; private set; }

        /// <summary>The buffer front; N is the root.</summary>
        public int B { get; private set; }

        public int[] L1 { get; }

        public int[] L2 { get; }

        public int[] R1 { get; }

        public int[] R2 { get; }

        public int[] LeftCount { get; }

        public int[] RightCount { get; }

        public bool Terminal => Depth == 0 && B == N;

        public int StackAt(int fromTop) => fromTop < Depth ? stack[Depth - 1 - fromTop] : -1;

        public bool IsValid(int move) => move switch
        {
            Shift => B < N,
            Right => Depth >= 2,
            // Only the last word on the stack may go to the root: UD trees have one root.
            _ => Depth == 1 || (Depth > 1 && B < N),
        };

        public void Apply(int move)
        {
            switch (move)
            {
                case Shift:
                    stack[Depth++] = B++;
                    break;
                case Right:
                    Depth--;
                    AddArc(stack[Depth - 1], stack[Depth]);
                    break;
                default:
                    Depth--;
                    AddArc(B, stack[Depth]);
                    break;
            }
        }

        // Left children arrive right to left and right children left to right, so the newest is always the outermost.
        private void AddArc(int head, int child)
        {
            heads[child] = head;
            if (child < head)
            {
                L2[head] = L1[head];
                L1[head] = child;
                LeftCount[head]++;
            }
            else
            {
                R2[head] = R1[head];
                R1[head] = child;
                RightCount[head]++;
            }
        }

        public void CopyHeads(Span<int> result)
        {
            for (var i = 0; i < N; i++)
            {
                result[i] = heads[i] == N ? -1 : heads[i];
            }
        }

        /// <summary>
        /// The valid moves that lose the fewest gold arcs still reachable (Goldberg and Nivre's exact arc-hybrid
        /// costs; <paramref name="gold"/> holds gold heads with N for the root). Their number is returned.
        /// </summary>
        public int GoldMoves(int[] gold, Span<bool> best)
        {
            Span<int> cost = stackalloc int[Moves];
            var s0 = StackAt(0);
            var s1 = StackAt(1);
            var b = B;
            if (IsValid(Shift))
            {
                // b pushed can no longer take a dependent from the stack, nor a head deeper than s0.
                var c = 0;
                for (var i = 0; i < Depth; i++)
                {
                    var k = stack[i];
                    c += gold[k] == b ? 1 : 0;
                    c += gold[b] == k && k != s0 ? 1 : 0;
                }

                cost[Shift] = c;
            }

            if (Depth >= 1)
            {
                // s0 popped loses its dependents in the buffer and a head in the buffer other than the one it gets.
                var c = 0;
                for (var k = b; k <= N; k++)
                {
                    c += k < N && gold[k] == s0 ? 1 : 0;
                }

                var headInBuffer = gold[s0] >= b;
                cost[Left] = c + (headInBuffer && gold[s0] != b ? 1 : 0) + (gold[s0] == s1 ? 1 : 0);
                cost[Right] = c + (headInBuffer ? 1 : 0);
            }

            var min = int.MaxValue;
            for (var m = 0; m < Moves; m++)
            {
                if (IsValid(m))
                {
                    min = Math.Min(min, cost[m]);
                }
            }

            var count = 0;
            for (var m = 0; m < Moves; m++)
            {
                best[m] = IsValid(m) && cost[m] == min;
                count += best[m] ? 1 : 0;
            }

            return count;
        }
    }

    private static int Features(ReadOnlySpan<WordAtoms> words, ReadOnlySpan<int> tags, int tagCount, State st, Span<ulong> f)
    {
        var n = st.N;
        var s0 = st.StackAt(0);
        var s1 = st.StackAt(1);
        var s2 = st.StackAt(2);
        var n0 = st.B;
        var n1 = n0 + 1 <= n ? n0 + 1 : -1;
        var n2 = n0 + 2 <= n ? n0 + 2 : -1;
        var s0l1 = s0 >= 0 ? st.L1[s0] : -1;
        var s0l2 = s0 >= 0 ? st.L2[s0] : -1;
        var s0r1 = s0 >= 0 ? st.R1[s0] : -1;
        var s0r2 = s0 >= 0 ? st.R2[s0] : -1;
        var n0l1 = st.L1[n0];
        var n0l2 = st.L2[n0];

        ulong W(int i, ReadOnlySpan<WordAtoms> words) => i < 0 ? NoWord : i == n ? RootWord : words[i].Word;
        ulong T(int i, ReadOnlySpan<int> tags) => i < 0 ? 0UL : i == n ? (ulong)tagCount + 1 : (ulong)tags[i] + 1;

        ulong ws0 = W(s0, words), ws1 = W(s1, words), ws2 = W(s2, words), wn0 = W(n0, words), wn1 = W(n1, words), wn2 = W(n2, words);
        ulong ts0 = T(s0, tags), ts1 = T(s1, tags), ts2 = T(s2, tags), tn0 = T(n0, tags), tn1 = T(n1, tags), tn2 = T(n2, tags);
        ulong ts0l1 = T(s0l1, tags), ts0l2 = T(s0l2, tags), ts0r1 = T(s0r1, tags), ts0r2 = T(s0r2, tags), tn0l1 = T(n0l1, tags), tn0l2 = T(n0l2, tags);
        var d = s0 < 0 ? 0UL : (ulong)Math.Min(n0 - s0, 5);
        var vs0r = s0 < 0 ? 9UL : (ulong)Math.Min(st.RightCount[s0], 5);
        var vs0l = s0 < 0 ? 9UL : (ulong)Math.Min(st.LeftCount[s0], 5);
        var vn0l = (ulong)Math.Min(st.LeftCount[n0], 5);

        var k = 0;
        f[k++] = FeatureHash.Mix(0, 0);
        f[k++] = FeatureHash.Mix(1, ws0);
        f[k++] = FeatureHash.Mix(2, ws1);
        f[k++] = FeatureHash.Mix(3, ws2);
        f[k++] = FeatureHash.Mix(4, wn0);
        f[k++] = FeatureHash.Mix(5, wn1);
        f[k++] = FeatureHash.Mix(6, wn2);
        f[k++] = FeatureHash.Mix(7, W(s0l1, words));
        f[k++] = FeatureHash.Mix(8, W(s0l2, words));
        f[k++] = FeatureHash.Mix(9, W(s0r1, words));
        f[k++] = FeatureHash.Mix(10, W(s0r2, words));
        f[k++] = FeatureHash.Mix(11, W(n0l1, words));
        f[k++] = FeatureHash.Mix(12, W(n0l2, words));
        f[k++] = FeatureHash.Mix(13, ts0);
        f[k++] = FeatureHash.Mix(14, ts1);
        f[k++] = FeatureHash.Mix(15, ts2);
        f[k++] = FeatureHash.Mix(16, tn0);
        f[k++] = FeatureHash.Mix(17, tn1);
        f[k++] = FeatureHash.Mix(18, tn2);
        f[k++] = FeatureHash.Mix(19, ts0l1);
        f[k++] = FeatureHash.Mix(20, ts0l2);
        f[k++] = FeatureHash.Mix(21, ts0r1);
        f[k++] = FeatureHash.Mix(22, ts0r2);
        f[k++] = FeatureHash.Mix(23, tn0l1);
        f[k++] = FeatureHash.Mix(24, tn0l2);
        f[k++] = FeatureHash.Mix(25, ws0, ts0);
        f[k++] = FeatureHash.Mix(26, wn0, tn0);
        f[k++] = FeatureHash.Mix(27, wn1, tn1);
        f[k++] = FeatureHash.Mix(28, ws1, ts1);
        f[k++] = FeatureHash.Mix(29, ws0, wn0);
        f[k++] = FeatureHash.Mix(30, ws0, ts0, tn0);
        f[k++] = FeatureHash.Mix(31, ts0, wn0, tn0);
        f[k++] = FeatureHash.Mix(32, FeatureHash.Mix(99, ws0, ts0), wn0, tn0);
        f[k++] = FeatureHash.Mix(33, ts0, tn0);
        f[k++] = FeatureHash.Mix(34, tn0, tn1);
        f[k++] = FeatureHash.Mix(35, tn0, tn1, tn2);
        f[k++] = FeatureHash.Mix(36, ts0, tn0, tn1);
        f[k++] = FeatureHash.Mix(37, ts0, ts1, tn0);
        f[k++] = FeatureHash.Mix(38, ts0, ts0r1, tn0);
        f[k++] = FeatureHash.Mix(39, ts0, tn0, tn0l1);
        f[k++] = FeatureHash.Mix(40, ts0, ts0l1, ts0l2);
        f[k++] = FeatureHash.Mix(41, ts0, ts0r1, ts0r2);
        f[k++] = FeatureHash.Mix(42, tn0, tn0l1, tn0l2);
        f[k++] = FeatureHash.Mix(43, ts0, ts1, ts2);
        f[k++] = FeatureHash.Mix(44, ts1, ts0);
        f[k++] = FeatureHash.Mix(45, ws1, ws0);
        f[k++] = FeatureHash.Mix(46, ws1, ts0);
        f[k++] = FeatureHash.Mix(47, ts1, ws0);
        f[k++] = FeatureHash.Mix(48, ws0, d);
        f[k++] = FeatureHash.Mix(49, ts0, d);
        f[k++] = FeatureHash.Mix(50, wn0, d);
        f[k++] = FeatureHash.Mix(51, tn0, d);
        f[k++] = FeatureHash.Mix(52, ts0, tn0, d);
        f[k++] = FeatureHash.Mix(53, ws0, wn0, d);
        f[k++] = FeatureHash.Mix(54, ws0, vs0r);
        f[k++] = FeatureHash.Mix(55, ts0, vs0r);
        f[k++] = FeatureHash.Mix(56, ws0, vs0l);
        f[k++] = FeatureHash.Mix(57, ts0, vs0l);
        f[k++] = FeatureHash.Mix(58, wn0, vn0l);
        f[k++] = FeatureHash.Mix(59, tn0, vn0l);
        f[k++] = FeatureHash.Mix(60, ts1, ts0, ts0r1);
        f[k++] = FeatureHash.Mix(61, ts1, ts0, d);

        // The words themselves when the tags are wrong or too coarse: affixes, capitals, and what lies between s0 and n0.
        var as0 = s0 >= 0 ? words[s0] : WordAtoms.Start;
        var an0 = n0 < n ? words[n0] : WordAtoms.End;
        f[k++] = FeatureHash.Mix(62, as0.Suffix3, ts0);
        f[k++] = FeatureHash.Mix(63, an0.Suffix3, tn0);
        f[k++] = FeatureHash.Mix(64, an0.Flags, tn0, ts0);
        var between = s0 >= 0 && s0 + 1 < n0 ? T(s0 + 1, tags) : 0UL;
        var before = n0 - 1 > s0 ? T(n0 - 1, tags) : 0UL;
        f[k++] = FeatureHash.Mix(65, ts0, between, tn0);
        f[k++] = FeatureHash.Mix(66, ts0, before, tn0);
        f[k++] = FeatureHash.Mix(67, ts1, tn0);
        f[k++] = FeatureHash.Mix(68, ws1, wn0);

        // Zhang and Nivre (2011), for arc-hybrid: s1 is the other candidate head of s0, so its children, its distance to s0
        // and its valency matter as s0's do; word-tag pairs of the children; second children and grandchildren.
        var s1l1 = s1 >= 0 ? st.L1[s1] : -1;
        var s1r1 = s1 >= 0 ? st.R1[s1] : -1;
        var ts1l1 = T(s1l1, tags);
        var ts1r1 = T(s1r1, tags);
        var d1 = s1 < 0 ? 0UL : (ulong)Math.Min(s0 - s1, 6);
        var vs1r = s1 < 0 ? 9UL : (ulong)Math.Min(st.RightCount[s1], 5);
        var s0l1l1 = s0l1 >= 0 ? st.L1[s0l1] : -1;
        var s0r1r1 = s0r1 >= 0 ? st.R1[s0r1] : -1;
        var n0l1l1 = n0l1 >= 0 ? st.L1[n0l1] : -1;
        f[k++] = FeatureHash.Mix(70, ts1, ts1r1, ts0);
        f[k++] = FeatureHash.Mix(71, ts1, ts1l1, ts0);
        f[k++] = FeatureHash.Mix(72, ts1, ts0, d1);
        f[k++] = FeatureHash.Mix(73, ws1, ws0, d1);
        f[k++] = FeatureHash.Mix(74, ts1, vs1r, ts0);
        f[k++] = FeatureHash.Mix(75, ts0l1, ws0, tn0);
        f[k++] = FeatureHash.Mix(76, W(s0r1, words), ts0r1, ts0);
        f[k++] = FeatureHash.Mix(77, W(n0l1, words), tn0l1, tn0);
        f[k++] = FeatureHash.Mix(78, ts0, ts0l1, T(s0l1l1, tags));
        f[k++] = FeatureHash.Mix(79, ts0, ts0r1, T(s0r1r1, tags));
        f[k++] = FeatureHash.Mix(80, tn0, tn0l1, T(n0l1l1, tags));
        f[k++] = FeatureHash.Mix(81, ws0, tn0, tn1);
        f[k++] = FeatureHash.Mix(82, ts0, wn0, tn1);
        f[k++] = FeatureHash.Mix(83, ts0, vs0l, vs0r, tn0);
        f[k++] = FeatureHash.Mix(84, ts1, ts0, tn0, d);
        var as1 = s1 >= 0 ? words[s1] : WordAtoms.Start;
        f[k++] = FeatureHash.Mix(85, as1.Suffix3, ts1, ts0);
        f[k++] = FeatureHash.Mix(86, ts0, ts0r1, ts0r2, tn0);
        return k;
    }

    /// <summary>True when no two arcs of the tree cross (the arc-hybrid system can build only these).</summary>
    public static bool IsProjective(int[] gold)
    {
        var n = gold.Length;
        for (var i = 0; i < n; i++)
        {
            var (a, b) = gold[i] < 0 ? (i, n) : (Math.Min(i, gold[i]), Math.Max(i, gold[i]));
            for (var j = 0; j < n; j++)
            {
                var (c, e) = gold[j] < 0 ? (j, n) : (Math.Min(j, gold[j]), Math.Max(j, gold[j]));
                if ((c < a && a < e && e < b) || (a < c && c < b && b < e))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Trains on tagged sentences with gold heads (-1: root). Non-projective trees are left out. The first pass follows
    /// the oracle; later passes follow the model's own moves, so it learns to recover from its mistakes.
    /// </summary>
    public static DependencyParser Train(
        IReadOnlyList<(WordAtoms[] Words, int[] Tags, int[] Heads)> sentences, int tagCount, int iterations, Action<string>? log = null, Func<DependencyParser, double>? score = null)
    {
        DependencyParser? kept = null;
        var bestScore = double.MinValue;
        var usable = sentences.Where(s => IsProjective(s.Heads)).ToList();
        log?.Invoke($"parser: {usable.Count} of {sentences.Count} training trees are projective");
        Span<ulong> f = stackalloc ulong[MaxFeatures];
        Span<bool> zeroCost = stackalloc bool[Moves];
        Span<float> scores = stackalloc float[Moves];

        var counts = new Dictionary<ulong, int>();
        foreach (var (words, tags, heads) in usable)
        {
            var gold = GoldWithRoot(heads);
            var st = new State(words.Length);
            while (!st.Terminal)
            {
                var n = Features(words, tags, tagCount, st, f);
                foreach (var key in f[..n])
                {
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }

                st.GoldMoves(gold, zeroCost);
                st.Apply(zeroCost[Shift] ? Shift : zeroCost[Left] ? Left : Right);
            }
        }

        var trainer = new PerceptronTrainer(Moves, PerceptronTrainer.Index(counts, 2));
        log?.Invoke($"parser: {counts.Count} features seen, {counts.Values.Count(c => c >= 2)} kept");
        counts = null;
        var order = Enumerable.Range(0, usable.Count).ToArray();
        var random = new Random(23);
        for (var it = 0; it < iterations; it++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var s in order)
            {
                var (words, tags, heads) = usable[s];
                var gold = GoldWithRoot(heads);
                var st = new State(words.Length);
                while (!st.Terminal)
                {
                    var n = Features(words, tags, tagCount, st, f);
                    trainer.Score(f[..n], scores);
                    var guess = BestValid(st, scores);
                    var follow = guess;
                    if (st.GoldMoves(gold, zeroCost) > 0)
                    {
                        var best = -1;
                        for (var m = 0; m < Moves; m++)
                        {
                            if (zeroCost[m] && (best < 0 || scores[m] > scores[best]))
                            {
                                best = m;
                            }
                        }

                        trainer.Update(f[..n], best, guess);
                        trainer.Tick();
                        if (it == 0 || random.NextDouble() < 0.1)
                        {
                            follow = best;
                        }
                    }

                    st.Apply(follow);
                }

                var predicted = new int[words.Length];
                st.CopyHeads(predicted);
                for (var i = 0; i < words.Length; i++)
                {
                    correct += predicted[i] == heads[i] ? 1 : 0;
                }

                total += words.Length;
            }

            log?.Invoke($"parser iteration {it + 1}: train UAS {100.0 * correct / total:F2}");
            // Early stop: the averaged weights after each of the later passes, scored on held-out sentences.
            if (score is not null && it + 1 >= Math.Min(iterations, 6))
            {
                var candidate = new DependencyParser(trainer.Build(0.002f), tagCount);
                var uas = score(candidate);
                log?.Invoke($"parser iteration {it + 1}: held-out UAS {uas:F2}");
                if (uas > bestScore)
                {
                    (kept, bestScore) = (candidate, uas);
                }
            }
        }

        return kept ?? new DependencyParser(trainer.Build(0.002f), tagCount);
    }

    private static int[] GoldWithRoot(int[] heads)
    {
        var gold = new int[heads.Length + 1];
        for (var i = 0; i < heads.Length; i++)
        {
            gold[i] = heads[i] < 0 ? heads.Length : heads[i];
        }

        gold[heads.Length] = -2;
        return gold;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(tagCount);
        model.Write(writer);
    }

    public static DependencyParser Read(BinaryReader reader)
    {
        var tagCount = reader.ReadInt32();
        return new DependencyParser(LinearModel.Read(reader), tagCount);
    }
}
