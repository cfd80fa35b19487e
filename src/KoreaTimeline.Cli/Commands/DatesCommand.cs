using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Cli.Commands;

/// <summary><c>koreatimeline dates FILE --ref YYYY-MM-DD</c> and <c>dates --jsonl IN.jsonl</c>: the TIMEX3 expressions of a text.</summary>
public static class DatesCommand
{
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "UTF-8 article text", Arity = ArgumentArity.ZeroOrOne };
        var reference = new Option<string?>("--ref") { Description = "reference (article) date, YYYY-MM-DD; else the sidecar's published date; else inferred from the text" };
        var jsonl = new Option<FileInfo?>("--jsonl") { Description = "batch mode: lines {doc, dct, text}; prints {doc, pred} per line" };
        var trace = new Option<bool>("--trace") { Description = "write what each parser and refiner did to stderr" };
        var command = new Command("dates", "Print the TIMEX3 temporal expressions of a text as JSON") { file, reference, jsonl, trace };
        command.SetAction(parseResult =>
        {
            var stdout = Console.OpenStandardOutput();
            if (parseResult.GetValue(jsonl) is { } batch)
            {
                return RunBatch(batch, stdout);
            }

            if (parseResult.GetValue(file) is not { } input)
            {
                Console.Error.WriteLine("dates: give FILE or --jsonl IN.jsonl");
                return 2;
            }

            var text = ReadArticle(input.FullName);
            DateOnly refDate;
            if (parseResult.GetValue(reference) is { } r)
            {
                if (!DateOnly.TryParseExact(r, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out refDate))
                {
                    Console.Error.WriteLine($"dates: --ref {r} is not YYYY-MM-DD");
                    return 2;
                }
            }
            else
            {
                refDate = SidecarPublished(input.FullName) ?? ArticleDateInference.Infer(text).Date ?? DateOnly.FromDateTime(DateTime.Today);
            }

            using (var writer = new Utf8JsonWriter(stdout, WriterOptions with { Indented = true }))
            {
                var log = parseResult.GetValue(trace) ? new TemporalTraceLog() : null;
                WriteArray(writer, TemporalTagger.Default.Tag(text, refDate, log));
                if (log is not null)
                {
                    Console.Error.WriteLine(log);
                }
            }

            stdout.WriteByte((byte)'\n');
            return 0;
        });
        return command;
    }

    private static int RunBatch(FileInfo batch, Stream stdout)
    {
        var tagger = TemporalTagger.Default;
        foreach (var line in File.ReadLines(batch.FullName))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var text = root.GetProperty("text").GetString() ?? "";
            var dct = root.TryGetProperty("dct", out var d) ? d.GetString() : null;
            var refDate = ParseDct(dct) ?? ArticleDateInference.Infer(text).Date ?? DateOnly.FromDateTime(DateTime.Today);
            using (var writer = new Utf8JsonWriter(stdout, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("doc");
                root.GetProperty("doc").WriteTo(writer);
                writer.WritePropertyName("pred");
                WriteArray(writer, tagger.Tag(text, refDate));
                writer.WriteEndObject();
            }

            stdout.WriteByte((byte)'\n');
        }

        return 0;
    }

    /// <summary>The <c>published</c> date of the article's <c>&lt;name&gt;.meta.json</c> sidecar, when there is one.</summary>
    private static DateOnly? SidecarPublished(string articlePath)
    {
        var sidecar = new[] { Path.ChangeExtension(articlePath, ".meta.json"), articlePath + ".meta.json" }.FirstOrDefault(File.Exists);
        if (sidecar is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(sidecar));
            return doc.RootElement.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(p.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>TimeML DCT values: 1998-08-07, 19980807, 1998-08-07T10:00.</summary>
    internal static DateOnly? ParseDct(string? dct)
    {
        if (dct is null)
        {
            return null;
        }

        var digits = new string([.. dct.Where(char.IsAsciiDigit).Take(8)]);
        return digits.Length == 8 && DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    internal static string ReadArticle(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false));
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    internal static void WriteArray(Utf8JsonWriter writer, IReadOnlyList<TemporalExpression> items)
    {
        writer.WriteStartArray();
        foreach (var t in items)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", t.Start);
            writer.WriteNumber("end", t.End);
            writer.WriteString("text", t.Text);
            writer.WriteString("type", t.Type.ToString().ToUpperInvariant());
            writer.WriteString("value", t.Value);
            WriteNullable(writer, "mod", t.Mod);
            WriteNullable(writer, "intervalStart", t.Interval?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteNullable(writer, "intervalEnd", t.Interval?.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteNullable(writer, "precision", t.Interval?.Precision.Id());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
