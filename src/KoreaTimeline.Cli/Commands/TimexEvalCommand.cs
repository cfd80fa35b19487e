using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Cli.Commands;

/// <summary>
/// <c>koreatimeline timex-eval DIR [--errors FILE]</c>: tags the TimeML (.tml) files of a folder and scores the result
/// exactly as shared/eval/timex/score_timex.py does (TempEval-3 Task A: extents, value and type).
/// </summary>
public static partial class TimexEvalCommand
{
    private const string Punctuation = " \t\n,.;:!?\"'()";

    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "folder of .tml files (searched recursively)" };
        var errors = new Option<FileInfo?>("--errors") { Description = "write MISS / SPURIOUS / VALUE errors as TSV" };
        var command = new Command("timex-eval", "Score the temporal tagger on TimeML files (TempEval-3 Task A)") { dir, errors };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(dir)!;
            if (!folder.Exists)
            {
                Console.Error.WriteLine($"timex-eval: {folder.FullName} does not exist");
                return 2;
            }

            var docs = folder.EnumerateFiles("*.tml", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal).Select(f => Parse(f.FullName));
            var (report, errorLines) = Score(docs);
            Console.WriteLine(report);
            if (parseResult.GetValue(errors) is { } errorFile)
            {
                File.WriteAllLines(errorFile.FullName, errorLines);
            }

            return 0;
        });
        return command;
    }

    internal sealed record Gold(int Start, int End, string Text, string Type, string Value);

    internal sealed record TmlDocument(string Name, DateOnly Dct, string Text, IReadOnlyList<Gold> Gold);

    /// <summary>The plain text and gold TIMEX3 of a TimeML file, as tml2jsonl.py extracts them.</summary>
    internal static TmlDocument Parse(string path)
    {
        var s = File.ReadAllText(path, Encoding.UTF8);
        var dct = DctRegex().Match(s).Groups[1].Value;
        var body = TextRegex().Match(s).Groups[1].Value;
        var text = new StringBuilder();
        var gold = new List<(int Start, int End, string Attrs)>();
        var stack = new Stack<(string Attrs, int Start)>();
        var pos = 0;
        foreach (Match m in TagRegex().Matches(body))
        {
            text.Append(WebUtility.HtmlDecode(body[pos..m.Index]));
            pos = m.Index + m.Length;
            var (close, name, attrs, selfClose) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value);
            if (name != "TIMEX3")
            {
                continue;
            }

            if (close.Length > 0)
            {
                var (a, st) = stack.Pop();
                gold.Add((st, text.Length, a));
            }
            else if (selfClose.Length == 0)
            {
                stack.Push((attrs, text.Length));
            }
        }

        text.Append(WebUtility.HtmlDecode(body[pos..]));
        var plain = text.ToString();
        var items = gold.Select(g => new Gold(
            g.Start, g.End, plain[g.Start..g.End], TypeAttr().Match(g.Attrs).Groups[1].Value, ValueAttr().Match(g.Attrs).Groups[1].Value)).ToList();
        return new TmlDocument(Path.GetFileName(path), DatesCommand.ParseDct(dct) ?? DateOnly.FromDateTime(DateTime.Today), plain, items);
    }

    internal static (string Report, List<string> Errors) Score(IEnumerable<TmlDocument> docs)
    {
        int g = 0, sys = 0, strict = 0, relaxed = 0, val = 0, typ = 0;
        var byType = new SortedDictionary<string, (int Total, int Hit, int Value)>(StringComparer.Ordinal);
        var errors = new List<string>();
        var tagger = TemporalTagger.Default;
        foreach (var doc in docs)
        {
            var text = doc.Text;
            var preds = tagger.Tag(text, doc.Dct)
                .Select(p => (P: p, Span: Trim(p.Start, p.End, text)))
                .Where(p => p.Span.Start < p.Span.End)
                .ToList();
            g += doc.Gold.Count;
            sys += preds.Count;
            var used = new HashSet<int>();
            foreach (var gold in doc.Gold)
            {
                var t = byType.GetValueOrDefault(gold.Type);
                t.Total++;
                var gspan = Trim(gold.Start, gold.End, text);
                (int Index, bool Exact)? best = null;
                for (var i = 0; i < preds.Count; i++)
                {
                    if (used.Contains(i))
                    {
                        continue;
                    }

                    var (s, e) = preds[i].Span;
                    if (s < gspan.End && gspan.Start < e)
                    {
                        var exact = (s, e) == gspan;
                        if (best is null || (exact && !best.Value.Exact))
                        {
                            best = (i, exact);
                        }
                    }
                }

                if (best is not { } b)
                {
                    errors.Add(Tsv("MISS", doc.Name, gold.Text, gold.Type, gold.Value, "", ""));
                    byType[gold.Type] = t;
                    continue;
                }

                used.Add(b.Index);
                var p = preds[b.Index].P;
                relaxed++;
                t.Hit++;
                if (b.Exact)
                {
                    strict++;
                }

                if (p.Value == gold.Value)
                {
                    val++;
                    t.Value++;
                }
                else
                {
                    errors.Add(Tsv("VALUE", doc.Name, gold.Text, gold.Type, gold.Value, p.Text, p.Value));
                }

                if (string.Equals(p.Type.ToString(), gold.Type, StringComparison.OrdinalIgnoreCase))
                {
                    typ++;
                }

                byType[gold.Type] = t;
            }

            for (var i = 0; i < preds.Count; i++)
            {
                if (!used.Contains(i))
                {
                    errors.Add(Tsv("SPURIOUS", doc.Name, "", "", "", preds[i].P.Text, preds[i].P.Value));
                }
            }
        }

        double P(int x) => sys > 0 ? 100.0 * x / sys : 0;
        double R(int x) => g > 0 ? 100.0 * x / g : 0;
        static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine(ci, $"gold {g}, system {sys}");
        sb.AppendLine(ci, $"strict  P {P(strict):F2}  R {R(strict):F2}  F1 {F(P(strict), R(strict)):F2}");
        sb.AppendLine(ci, $"relaxed P {P(relaxed):F2}  R {R(relaxed):F2}  F1 {F(P(relaxed), R(relaxed)):F2}");
        sb.AppendLine(ci, $"value F1 {F(P(val), R(val)):F2}  type F1 {F(P(typ), R(typ)):F2}  value accuracy on matches {(relaxed > 0 ? 100.0 * val / relaxed : 0):F2}");
        foreach (var (type, (total, hit, value)) in byType)
        {
            sb.AppendLine(ci, $"recall {type}: {hit}/{total} found, {value} value-correct");
        }

        return (sb.ToString().TrimEnd(), errors);
    }

    private static (int Start, int End) Trim(int s, int e, string text)
    {
        while (s < e && Punctuation.Contains(text[s], StringComparison.Ordinal))
        {
            s++;
        }

        while (e > s && Punctuation.Contains(text[e - 1], StringComparison.Ordinal))
        {
            e--;
        }

        return (s, e);
    }

    private static string Tsv(params string[] fields) => string.Join('\t', fields).Replace('\n', ' ');

    [GeneratedRegex(@"<DCT>.*?value=""([^""]+)""", RegexOptions.Singleline)]
    private static partial Regex DctRegex();

    [GeneratedRegex(@"<TEXT>(.*?)</TEXT>", RegexOptions.Singleline)]
    private static partial Regex TextRegex();

    [GeneratedRegex(@"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"type=""([^""]*)""")]
    private static partial Regex TypeAttr();

    [GeneratedRegex(@"value=""([^""]*)""")]
    private static partial Regex ValueAttr();
}
